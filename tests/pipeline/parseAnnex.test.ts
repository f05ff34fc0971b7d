import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnnex } from '../../data-pipeline/steps/parseAnnex';
import { crossCheckAnnex } from '../../data-pipeline/steps/crossCheckAnnex';

const GOOD = readFileSync('data-pipeline/input/annex.csv', 'utf8');
const lines = GOOD.trimEnd().split('\n');
const F = 'input/annex.csv';
/** the annex with line n (1-based) replaced */
const withLine = (n: number, text: string) => lines.map((l, i) => (i === n - 1 ? text : l)).join('\n');
const lineOf = (name: string) => lines.findIndex((l) => l.includes(name)) + 1;

describe('parseAnnex', () => {
  it('reads 全市 and the 12 divisions, keyed by GB/T 2260 code', () => {
    const { city, counties } = parseAnnex(GOOD, F);
    expect(city.adcode).toBe('150400');
    expect(counties.map((c) => c.adcode)).toEqual([
      '150402', '150403', '150404', '150421', '150422', '150423', '150424', '150425', '150426', '150428', '150429', '150430',
    ]);
  });

  it('keeps "保持2020年水平" and "/" as values, not zeros', () => {
    const { counties } = parseAnnex(GOOD, F);
    const aru = counties.find((c) => c.adcode === '150421')!;
    expect(aru.cells.industrial_water_decline).toEqual({ status: 'maintain_2020', value: null, text: '保持2020年水平' });
    const hs = counties.find((c) => c.adcode === '150402')!;
    expect(hs.cells.agri_saving_capacity).toEqual({ status: 'not_applicable', value: null, text: '/' });
  });

  it('keeps the digits as printed ("0.5800")', () => {
    const { city } = parseAnnex(GOOD, F);
    expect(city.cells.nonconventional_min).toEqual({ status: 'value', value: 0.58, text: '0.5800' });
  });

  it('never publishes "-0": a signed zero is read as 0, its text without the sign', () => {
    const n = lineOf('巴林左旗');
    const { counties } = parseAnnex(withLine(n, '150422,巴林左旗,1.4647,0.0268,21.16,-0.00,0.66,100'), F);
    const cell = counties.find((c) => c.adcode === '150422')!.cells.industrial_water_decline;
    expect(cell).toEqual({ status: 'value', value: 0, text: '0.00' });
    expect(Object.is(cell.value, -0)).toBe(false);
    expect(JSON.stringify(cell)).not.toContain('-0');
  });

  it('accepts stray spaces, full-width digits and an alias name', () => {
    const n = lineOf('巴林左旗');
    const messy = withLine(n, ' 150422 , 巴左旗 ,１．４６４７, 0.0268 ,21.16,15.11,0.66,100');
    const { counties } = parseAnnex(messy, F);
    expect(counties.find((c) => c.adcode === '150422')!.cells.water_use_cap).toMatchObject({ value: 1.4647, text: '1.4647' });
  });

  it('rejects a missing division, naming it', () => {
    const text = lines.filter((l) => !l.includes('林西县')).join('\n');
    expect(() => parseAnnex(text, F)).toThrow(/input\/annex\.csv \[行政区\]: 缺少行政区：林西县（150424） \/ missing division\(s\): 林西县 \(150424\)/);
  });

  it('rejects a duplicated division with both lines', () => {
    const n = lineOf('林西县');
    const text = [...lines, lines[n - 1]].join('\n');
    expect(() => parseAnnex(text, F)).toThrow(new RegExp(`annex\\.csv:${lines.length + 1} \\[行政区\\]: 林西县（150424）出现了两次（第一次在第 ${n} 行） / 林西县 \\(150424\\) appears twice \\(first on line ${n}\\)`));
  });

  it('rejects an unknown name and suggests the nearest known one', () => {
    const n = lineOf('克什克腾旗');
    expect(() => parseAnnex(withLine(n, lines[n - 1].replace('克什克腾旗', '克什克腾')), F)).not.toThrow(); // alias
    expect(() => parseAnnex(withLine(n, lines[n - 1].replace('克什克腾旗', '克什克藤旗')), F)).toThrow(
      new RegExp(`annex\\.csv:${n} \\[行政区\\]: 不认识这个行政区名称，是否为 克什克腾旗 \\(150425\\)？ / unknown division name; did you mean 克什克腾旗 \\(150425\\)\\? \\(value: "克什克藤旗"\\)`),
    );
  });

  it('rejects a name that disagrees with its code', () => {
    const n = lineOf('宁城县');
    expect(() => parseAnnex(withLine(n, lines[n - 1].replace('150429', '150430')), F)).toThrow(/name and code disagree/);
  });

  it('rejects a non-numeric value, naming line, column, county and value', () => {
    const n = lineOf('翁牛特旗');
    expect(() => parseAnnex(withLine(n, lines[n - 1].replace('3.0047', '3.OO47')), F)).toThrow(
      new RegExp(`annex\\.csv:${n} \\[用水总量（亿立方米） / 翁牛特旗\\]: 不是数字.* / not a number .*\\(value: "3\\.OO47"\\)`),
    );
  });

  it('rejects a coefficient outside 0–1', () => {
    const n = lineOf('敖汉旗');
    expect(() => parseAnnex(withLine(n, lines[n - 1].replace(',0.69,', ',6.9,')), F)).toThrow(/:\d+ \[农田灌溉水有效利用系数 \/ 敖汉旗\]: 超出合理范围：应在 0 到 1 之间.* \/ out of range.*between 0 and 1 \(value: "6.9"\)/);
  });

  it('rejects a percentage outside 0–100', () => {
    const n = lineOf('松山区');
    expect(() => parseAnnex(withLine(n, lines[n - 1].replace('21.41', '214.1')), F)).toThrow(/out of range: a percent must lie between 0 and 100 \(value: "214.1"\)/);
  });

  it('rejects a truncated row', () => {
    const n = lineOf('喀喇沁旗');
    expect(() => parseAnnex(withLine(n, '150428,喀喇沁旗,0.7640,0.0323'), F)).toThrow(
      new RegExp(`annex\\.csv:${n}: 这一行有 4 格，表头有 8 列 / row has 4 cells but the header has 8`),
    );
  });

  it('rejects an empty cell rather than reading it as 0', () => {
    const n = lineOf('巴林右旗');
    expect(() => parseAnnex(withLine(n, lines[n - 1].replace(',830', ',')), F)).toThrow(/empty cell/);
  });

  it('rejects a header-only file and a missing column', () => {
    expect(() => parseAnnex(lines[0] + '\n', F)).toThrow(/header but no data rows/);
    expect(() => parseAnnex(GOOD.replace('农田灌溉水有效利用系数', '灌溉系数'), F)).toThrow(/annex\.csv:1: 缺少列“农田灌溉水有效利用系数” \/ missing column "农田灌溉水有效利用系数"; the header as read has 8 columns/);
  });
});

describe('crossCheckAnnex', () => {
  it('reports the county sums against the 全市 row', () => {
    const { city, counties } = parseAnnex(GOOD, F);
    const cc = Object.fromEntries(crossCheckAnnex(city, counties).map((c) => [c.indicator, c]));
    expect(cc.water_use_cap).toMatchObject({ county_sum: 20.2285, city_value: 20.23, difference: 0.0015, exact: false });
    expect(cc.nonconventional_min).toMatchObject({ county_sum: 0.58, exact: true });
    expect(cc.agri_saving_capacity).toMatchObject({ county_sum: 4215, exact: true, counties_without_value: ['150402', '150403'] });
  });
});
