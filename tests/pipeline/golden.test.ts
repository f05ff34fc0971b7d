import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { builtOutput, readOut } from '../helpers/pipeline';

/**
 * The 13 × 6 annex values, typed again by hand from 赤政发〔2025〕11号 附件 (目标分解表),
 * independently of data-pipeline/input/annex.csv. indicators.csv must carry exactly these,
 * with "保持2020年水平" and "/" in the note column and an empty number cell.
 */
const DOCUMENT: Record<string, [string, string, string, string, string, string]> = {
  '150400': ['20.23', '0.5800', '20.00', '13.5', '0.66', '4215'], // 全市
  '150421': ['1.9674', '0.0161', '20.78', '保持2020年水平', '0.66', '1130'], // 阿鲁科尔沁旗
  '150422': ['1.4647', '0.0268', '21.16', '15.11', '0.66', '100'], // 巴林左旗
  '150423': ['1.9224', '0.0012', '19.69', '14.98', '0.65', '830'], // 巴林右旗
  '150424': ['0.9262', '0.0032', '19.56', '保持2020年水平', '0.68', '300'], // 林西县
  '150425': ['1.9941', '0.0100', '18.79', '2.80', '0.64', '100'], // 克什克腾旗
  '150426': ['3.0047', '0.0606', '21.08', '20.94', '0.66', '400'], // 翁牛特旗
  '150428': ['0.7640', '0.0323', '20.27', '保持2020年水平', '0.67', '128'], // 喀喇沁旗
  '150429': ['1.4263', '0.0200', '18.20', '保持2020年水平', '0.65', '112'], // 宁城县
  '150430': ['2.8220', '0.0173', '20.58', '2.20', '0.69', '815'], // 敖汉旗
  '150402': ['0.9098', '0.2400', '10.75', '2.88', '0.68', '/'], // 红山区
  '150403': ['0.9442', '0.0168', '19.49', '23.60', '0.69', '/'], // 元宝山区
  '150404': ['2.0827', '0.1357', '21.41', '18.49', '0.68', '300'], // 松山区
};
const IDS = ['water_use_cap', 'nonconventional_min', 'gdp_water_decline', 'industrial_water_decline', 'irrigation_coefficient', 'agri_saving_capacity'];

describe('golden: indicators.csv equals the document', () => {
  it('has 13 rows, UTF-8 with BOM and a header', async () => {
    const text = await readOut('indicators.csv');
    expect(text.startsWith('\ufeffadcode,name_zh,name_en,')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text.slice(1).trim(), { header: true }).data;
    expect(rows).toHaveLength(13);
  });

  it('carries all 78 values exactly as printed', async () => {
    const text = await readOut('indicators.csv');
    const rows = Papa.parse<Record<string, string>>(text.slice(1).trim(), { header: true }).data;
    const got = Object.fromEntries(rows.map((r) => [r.adcode, IDS.map((id) => r[id] || r[`${id}_note`])]));
    expect(got).toEqual(DOCUMENT);
    // never 0 for a non-number
    for (const r of rows) for (const id of IDS) if (r[`${id}_note`]) expect(r[id]).toBe('');
  });
});

describe('no output publishes "-0"', () => {
  it('holds no signed zero in any file (it reads as a decline, or as a sign, in a spreadsheet)', async () => {
    const { promises: fs } = await import('node:fs');
    const dir = await builtOutput();
    for (const f of await fs.readdir(dir)) {
      if (!/\.(json|geojson|topojson|csv|svg|txt)$/.test(f)) continue; // the .xlsx template is zipped
      const text = await fs.readFile(`${dir}/${f}`, f.includes('gb18030') ? 'latin1' : 'utf8');
      // a figure "-0" or "-0.00"; the dictionary may name the rule in words ("“-0” is read as 0")
      expect(text.match(/(^|[^\w.“"'])-0(\.0+)?(?![\d.])/)?.[0], f).toBeUndefined();
    }
  });
});
