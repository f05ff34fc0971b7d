import { describe, expect, it } from 'vitest';
import { PipelineError, readable } from '../../data-pipeline/errors';
import { jsonErrorOffset, parseJson } from '../../data-pipeline/steps/parseJson';
import { decodeText, sniffBinary } from '../../data-pipeline/steps/decodeText';
import { recordedHashes, verifySources } from '../../data-pipeline/steps/verifySources';
import { parseStatements } from '../../data-pipeline/steps/parseStatements';
import { parseBackground } from '../../data-pipeline/steps/parseBackground';
import { sha256 } from '../../data-pipeline/steps/buildManifest';

const enc = (s: string) => new TextEncoder().encode(s);

describe('messages', () => {
  it('cut long values to 80 characters and say how long they were', () => {
    const m = new PipelineError('a.csv', 'bad', { line: 3, field: 'x', value: '数'.repeat(10_000) }).message;
    expect(m).toBe(`a.csv:3 [x]: bad (value: "${'数'.repeat(80)}…（共 10,000 个字符 / 10,000 characters）")`);
  });
  it('write control and bidi characters out instead of sending them to the terminal', () => {
    expect(readable('a\u001b[2Jb\u202ec\n\u0000')).toBe('a\\u001b[2Jb\\u202ec\\n\\u0000');
    expect(new PipelineError('f', 'd\u001b[31m', { value: '"q"' }).message).toBe('f: d\\u001b[31m (value: "\\"q\\"")');
  });
  it('put the column after the line when there is one', () => {
    expect(new PipelineError('p.json', 'x', { line: 4, column: 7 }).message).toBe('p.json:4:7: x');
  });
});

describe('parseJson', () => {
  it('names line and column, never a character offset or the raw text', () => {
    expect(() => parseJson('{\n  "a": 1,\n  "b": x\n}', 'p.json')).toThrow(/^p\.json:3:8: not valid JSON: unexpected "x"$/);
    expect(() => parseJson('{"a": [1, 2}', 'p.json')).toThrow(/^p\.json:1:12: not valid JSON: /);
    expect(() => parseJson('{"a": 1', 'p.json')).toThrow(/^p\.json:1:8: not valid JSON: .*end of file/);
    const secret = 'x'.repeat(200);
    expect(() => parseJson(`{"a": ${secret}}`, 'p.json')).toThrow(/^p\.json:1:7: not valid JSON: unexpected "x"$/);
  });
  it('finds the error offset without overflowing on absurd nesting', () => {
    expect(jsonErrorOffset('[1,]')).toBe(3);
    expect(jsonErrorOffset('['.repeat(100_000))).toBeGreaterThan(0);
    expect(jsonErrorOffset('{"a":[1,{"b":null}]}')).toBe(-1);
  });
});

describe('decodeText recognises files that are not text by their first bytes', () => {
  it.each([
    ['an .xlsx', [0x50, 0x4b, 0x03, 0x04, ...enc('....xl/workbook.xml')], /这是 Excel 文件（\.xlsx）：请另存为 CSV/],
    ['an old .xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], /这是旧版 Excel 文件（\.xls）/],
    ['Excel "Unicode text" (UTF-16)', [0xff, 0xfe, 0x61, 0x00], /UTF-16 编码的文本/],
    ['a PDF', [...enc('%PDF-1.7\n')], /这是 PDF 文件/],
    ['a PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], /这是图片文件/],
    ['anything with a NUL byte', [...enc('abc'), 0, ...enc('def')], /这是二进制文件/],
  ])('%s', (_, bytes, message) => {
    expect(() => decodeText(new Uint8Array(bytes as number[]), 'in/annex.csv')).toThrow(message);
  });
  it('leaves text alone', () => {
    expect(sniffBinary(enc('行政区,用水总量\n'))).toBeNull();
  });
});

describe('verifySources', () => {
  const md = (hash: string) => `| file | origin | licence | taken | sha256 |\n|---|---|---|---|---|\n| \`source/doc.txt\` | x | y | z | ${hash} |\n| \`annex.csv\` | x | y | z | see manifest |\n`;
  const files = new Map([['source/doc.txt', enc('正文')], ['annex.csv', enc('a')]]);
  it('reads the recorded hashes from the table', () => {
    expect([...recordedHashes(md(sha256(enc('正文')))).keys()]).toEqual(['source/doc.txt']);
  });
  it('passes the recorded bytes and refuses edited ones', () => {
    expect(() => verifySources(md(sha256(enc('正文'))), 'SOURCES.md', files, (p) => `in/${p}`, ['source/doc.txt'])).not.toThrow();
    expect(() => verifySources(md('0'.repeat(64)), 'SOURCES.md', files, (p) => `in/${p}`, ['source/doc.txt'])).toThrow(/^in\/source\/doc\.txt: 内容与 SOURCES\.md 第 3 行记录的 sha256 不符/);
    expect(() => verifySources(md('see'), 'in/SOURCES.md', files, (p) => `in/${p}`, ['source/doc.txt'])).toThrow(/in\/SOURCES\.md \[source\/doc\.txt\]: 没有记录/);
  });
});

describe('statements and background carry no number their quote lacks', () => {
  const doc = '地表水灌区1万亩以上的渠首取水计量实现全覆盖，5万亩以上的渠首取水实现在线计量';
  const head = 'id,kind,text_zh,text_en,quote,section,section_en\n';
  it('a rule whose wording invents a threshold is refused', () => {
    expect(parseStatements(`${head}m,rule,渠首5万亩以上：在线计量,x,${doc},二（一）2,s\n`, 's.csv', doc)[0].kind).toBe('rule');
    expect(() => parseStatements(`${head}m,rule,渠首10万亩以上：在线计量,x,${doc},二（一）2,s\n`, 's.csv', doc)).toThrow(/s\.csv:2 \[text_zh\]: the number 10 is not in the quote/);
  });
  it('a background row needs an address and a calendar date', () => {
    const h = 'id,text_zh,text_en,quote,outlet_zh,outlet_en,title,url,date,note_zh,note_en\n';
    const row = (url: string, date: string) => `${h}w,人均925立方米,925 m³,人均水资源量仅为925立方米,某报,Paper,T,${url},${date},,\n`;
    expect(parseBackground(row('http://a.cn/x', '2025-03-26'), 'b.csv')[0].date).toBe('2025-03-26');
    expect(() => parseBackground(row('a.cn/x', '2025-03-26'), 'b.csv')).toThrow(/b\.csv:2 \[url\]: an http\(s\) address/);
    expect(() => parseBackground(row('http://a.cn', '2025-02-30'), 'b.csv')).toThrow(/b\.csv:2 \[date\]: 不是有效日期/);
    expect(() => parseBackground(row('http://a.cn', '2025-03-26').replace('人均925', '人均952'), 'b.csv')).toThrow(/数字 952 不在报道原文/);
  });
});
