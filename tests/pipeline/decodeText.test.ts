import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, normalizeCell } from '../../data-pipeline/steps/decodeText';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeText(enc('行政区,用水总量\n'), 'a.csv')).toBe('行政区,用水总量\n');
  });
  it('strips a UTF-8 BOM', () => {
    expect(decodeText(enc('\ufeff行政区\n'), 'a.csv')).toBe('行政区\n');
  });
  it('reads GB18030 as Excel on Chinese Windows saves it', () => {
    const bytes = iconv.encode('行政区,保持2020年水平\r\n', 'gb18030');
    expect(decodeText(new Uint8Array(bytes), 'a.csv')).toBe('行政区,保持2020年水平\n');
  });
  it('turns CRLF into LF', () => {
    expect(decodeText(enc('a\r\nb\r\n'), 'a.csv')).toBe('a\nb\n');
  });
  it('rejects an empty file naming it', () => {
    expect(() => decodeText(new Uint8Array(), 'in/annex.csv')).toThrow(/in\/annex\.csv: the file is empty/);
    expect(() => decodeText(enc(' \n\n'), 'in/annex.csv')).toThrow(/empty/);
  });
});

describe('normalizeCell', () => {
  it('folds full-width digits, dots and spaces', () => {
    expect(normalizeCell(' １．９６７４　')).toBe('1.9674');
    expect(normalizeCell('巴林 左旗')).toBe('巴林左旗');
    expect(normalizeCell('／')).toBe('/');
  });
  it('keeps the document wording', () => {
    expect(normalizeCell('保持2020年水平 ')).toBe('保持2020年水平');
  });
});
