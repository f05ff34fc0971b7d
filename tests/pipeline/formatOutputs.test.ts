import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { buildDictionary, dictionaryCsv, formatIndicatorsCsv, formatIndicatorsExcelCsv, formatViewCsv, spreadsheetSafe, toCsv } from '../../data-pipeline/steps/formatOutputs';
import { readOut } from '../helpers/pipeline';
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

describe('CSV for spreadsheets (issue 11)', () => {
  it('indicators-excel.csv: Chinese headers with units, the document\'s wording in the cells, 全市 first', () => {
    const text = formatIndicatorsExcelCsv(annex);
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1).trim()).data;
    expect(rows[0]).toEqual([
      '行政区划代码',
      '行政区',
      '英文名称',
      '用水总量上限（亿立方米）',
      '非常规水利用量（亿立方米）',
      '万元GDP用水量降幅（%）',
      '万元工业增加值用水量降幅（%）',
      '灌溉水利用系数（比值，0～1）',
      '新增农业节水能力（万立方米）',
    ]);
    expect(rows[1].slice(0, 4)).toEqual(['150400', '全市', 'Chifeng (whole city)', '20.23']);
    const aru = rows.find((r) => r[0] === '150421')!;
    expect(aru[6]).toBe('保持2020年水平');
    expect(rows.find((r) => r[0] === '150402')![8]).toBe('/');
    expect(rows).toHaveLength(14);
  });

  it('neutralises text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    expect(spreadsheetSafe('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    expect(spreadsheetSafe('+1+2')).toBe("'+1+2");
    expect(spreadsheetSafe('-cmd')).toBe("'-cmd");
    expect(spreadsheetSafe('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(spreadsheetSafe('\tx')).toBe("'\tx");
    expect(spreadsheetSafe('-1.5')).toBe('-1.5');
    expect(spreadsheetSafe('0.9098')).toBe('0.9098');
    expect(spreadsheetSafe('保持2020年水平')).toBe('保持2020年水平');
    // through the writer: a hostile English name in a row arrives as text
    const hostile = { ...annex, counties: annex.counties.map((c, i) => (i === 0 ? { ...c, name_en: '=cmd|" /C calc"!A0' } : c)) };
    const row = formatIndicatorsExcelCsv(hostile).split('\r\n').find((l) => l.startsWith('150402'))!;
    expect(row).toContain(`"'=cmd|"" /C calc""!A0"`);
  });

  it('view CSVs: the rows behind one map view, as the page reads them, in both languages', async () => {
    const counties = JSON.parse(await readOut('counties.geojson'));
    const meta = indicatorMeta(annex.counties, 4).find((m) => m.id === 'industrial_water_decline')!;
    const zh = Papa.parse<Record<string, string>>(formatViewCsv(annex, counties, meta, 'zh').slice(1).trim(), { header: true }).data;
    expect(Object.keys(zh[0])).toEqual(['行政区划代码', '行政区', '万元工业增加值用水量降幅（%）', '说明', '排序', '占全市', '地图分级', '来源']);
    expect(zh).toHaveLength(13);
    const aru = zh.find((r) => r['行政区划代码'] === '150421')!;
    expect(aru['万元工业增加值用水量降幅（%）']).toBe('保持2020年水平');
    expect(aru['说明']).toContain('不高于2020年');
    expect(zh.find((r) => r['行政区划代码'] === '150403')!['排序']).toBe('要求降幅从大到小排第1（共8个）');
    const cap = indicatorMeta(annex.counties, 4).find((m) => m.id === 'water_use_cap')!;
    const en = Papa.parse<Record<string, string>>(formatViewCsv(annex, counties, cap, 'en').slice(1).trim(), { header: true }).data;
    // English figures in a unit English readers know, converted exactly: 20.23 亿 m³ = 2,023 million m³
    expect(en[0]['Water-use cap (million m³)']).toBe('2,023');
    expect(en.find((r) => r.Code === '150402')!['Water-use cap (million m³)']).toBe('90.98');
  });
});
