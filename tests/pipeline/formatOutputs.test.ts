import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { buildDictionary, dictionaryCsv, formatIndicatorsCsv, toCsv } from '../../data-pipeline/steps/formatOutputs';
import { parseAnnex } from '../../data-pipeline/steps/parseAnnex';
import { crossCheckAnnex } from '../../data-pipeline/steps/crossCheckAnnex';
import { indicatorMeta } from '../../data-pipeline/steps/computeClasses';
import { INDICATORS } from '../../src/domain/indicators';
import { STATUS_COLORS } from '../../src/domain/cellLook';

const { city, counties } = parseAnnex(readFileSync('data-pipeline/input/annex.csv', 'utf8'), 'annex.csv');
const annex = { source: 'test', city, counties, cross_checks: crossCheckAnnex(city, counties) };

describe('formatOutputs', () => {
  it('writes CSV for Excel: BOM, CRLF, quotes only where needed', () => {
    expect(toCsv([['a', 'b,c'], ['say "hi"', 'x\ny']])).toBe('\ufeffa,"b,c"\r\n"say ""hi""","x\ny"\r\n');
  });

  it('indicators.csv: a number column and a _note column per registry indicator; never 0 for a word', () => {
    const text = formatIndicatorsCsv(annex);
    const rows = Papa.parse<Record<string, string>>(text.slice(1).trim(), { header: true }).data;
    const header = Object.keys(rows[0]);
    expect(header).toEqual(['adcode', 'name_zh', 'name_en', ...INDICATORS.flatMap((i) => [i.id, `${i.id}_note`])]);
    expect(rows.map((r) => r.adcode)).toEqual([city.adcode, ...counties.map((c) => c.adcode)]);
    const aluke = rows.find((r) => r.adcode === '150421')!;
    expect(aluke.industrial_water_decline).toBe('');
    expect(aluke.industrial_water_decline_note).toBe('保持2020年水平');
    expect(rows.find((r) => r.adcode === '150400')!.nonconventional_min).toBe('0.5800'); // digits as printed
  });

  it('the dictionary describes every column of indicators.csv, in both languages, with a source', () => {
    const d = buildDictionary(indicatorMeta(counties, 4), STATUS_COLORS);
    const described = d.columns.filter((c) => c.file === 'indicators.csv').map((c) => c.column);
    const text = formatIndicatorsCsv(annex);
    expect(described).toEqual(text.slice(1).split('\r\n')[0].split(','));
    for (const c of d.columns) {
      expect(c.name_zh && c.name_en && c.meaning_zh && c.meaning_en && c.source && c.source_en, `${c.file} ${c.column}`).toBeTruthy();
    }
    expect(d.status_colors).toEqual(STATUS_COLORS);
    expect(dictionaryCsv(d).split('\r\n').length).toBe(d.columns.length + 2); // header + rows + trailing
  });
});
