/**
 * The progress check (src/domain/progress.ts) on its own: pure, so "now" is a parameter and every
 * table is written here. One behaviour per test; each refusal is asserted with its code, place and
 * Chinese words. The CLI side (files, exit codes, unchanged output) is in progressCli.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { parseAnnex } from '../../data-pipeline/steps/parseAnnex';
import { buildProgressFile, parseFigure, progressStatus, validateProgress, PROGRESS_CHECKS, type ProgressContext } from '../../src/domain/progress';
import { cellText, csvToTable, decodeCsvBytes, progressFileKind, progressHeader, readProgressFile, shiftPercent, type ProgressTable } from '../../src/domain/progressTable';
import { formatProblem } from '../../src/domain/progressProblems';
import { templateCsv, templateRows } from '../../src/domain/progressTemplate';
import { showValue } from '../../src/domain/text';
import { getIndicator, INDICATORS } from '../../src/domain/indicators';
import { ProgressFile, ProgressProblem } from '../../src/domain/contract';

const annex = parseAnnex(readFileSync('data-pipeline/input/annex.csv', 'utf8'), 'annex.csv');
const ctx: ProgressContext = { annex, currentYear: 2026 };
const H = progressHeader();
const col = (name: string) => H.indexOf(name);
const SRC = '赤峰市水资源公报（2024年）';

/** A row of the template: year, code, name, then cells by header name. */
function row(year: string, code: string, name: string, cells: Record<string, string> = {}, source = SRC): string[] {
  const r = Array<string>(H.length).fill('');
  r[0] = year;
  r[1] = code;
  r[2] = name;
  for (const [k, v] of Object.entries(cells)) {
    expect(col(k), k).toBeGreaterThanOrEqual(0);
    r[col(k)] = v;
  }
  r[col('来源')] = source;
  return r;
}
const W = '用水总量（亿立方米）';
const GDP = '万元GDP用水量较2020年下降率（%）';
const IND = '万元工业增加值用水量较2020年下降率（%）';
const IRR = '农田灌溉水有效利用系数';
const AGRI = '新增农业节水能力（万立方米）';

/** A table as a CSV gives it: header on row 1, then the rows on 2, 3, … */
function table(rows: string[][], file = '2024.csv', header = H): ProgressTable {
  return { file, sheet: null, rows: [header, ...rows].map((cells, i) => ({ row: i + 1, cells })) };
}
const check = (rows: string[][], c = ctx) => validateProgress([table(rows)], c);
const errors = (ps: ProgressProblem[]) => ps.filter((p) => p.level === 'error');
const codes = (ps: ProgressProblem[]) => ps.map((p) => p.code);

describe('the status rule', () => {
  const cap = getIndicator('water_use_cap')!;
  it('a cap is met at or below the target, a floor at or above it', () => {
    const t = annex.counties.find((c) => c.adcode === '150402')!.cells;
    expect(progressStatus(0.9098, t.water_use_cap, cap.direction)).toBe('met');
    expect(progressStatus(0.91, t.water_use_cap, cap.direction)).toBe('not_met');
    expect(progressStatus(0.68, t.irrigation_coefficient, 'at_least')).toBe('met');
    expect(progressStatus(0.67, t.irrigation_coefficient, 'at_least')).toBe('not_met');
  });
  it('"保持2020年水平" is met by a decline of 0 or more, not by a rise', () => {
    const t = annex.counties.find((c) => c.adcode === '150421')!.cells.industrial_water_decline;
    expect(t.status).toBe('maintain_2020');
    expect(progressStatus(0, t, 'at_least')).toBe('met');
    expect(progressStatus(3.2, t, 'at_least')).toBe('met');
    expect(progressStatus(-0.5, t, 'at_least')).toBe('not_met');
  });
  it('"/" has no target to meet', () => {
    const t = annex.counties.find((c) => c.adcode === '150402')!.cells.agri_saving_capacity;
    expect(t.status).toBe('not_applicable');
    expect(progressStatus(50, t, 'at_least')).toBe('no_target');
  });
});

describe('numbers only in indicator cells', () => {
  const cap = getIndicator('water_use_cap')!;
  const pct = getIndicator('gdp_water_decline')!;
  const coef = getIndicator('irrigation_coefficient')!;
  const ok = (raw: string, ind = cap) => {
    const p = parseFigure(raw, ind);
    return p && p.ok ? p.value : p;
  };
  it('accepts full-width digits, a trailing % in a % column, a minus sign, and keeps the digits as typed', () => {
    expect(ok('１．９６７４')).toEqual({ value: 1.9674, text: '1.9674' });
    expect(ok('0.5800')).toEqual({ value: 0.58, text: '0.5800' });
    expect(ok('20.5%', pct)).toEqual({ value: 20.5, text: '20.5' });
    expect(ok('２０．５％', pct)).toEqual({ value: 20.5, text: '20.5' });
    expect(ok('−3.5', pct)).toEqual({ value: -3.5, text: '-3.5' });
  });
  it('normalises "-0" to 0', () => {
    const v = ok('-0');
    expect(v).toEqual({ value: 0, text: '0' });
    expect(Object.is((v as { value: number }).value, -0)).toBe(false);
    expect(ok('-0.00', pct)).toEqual({ value: 0, text: '0.00' });
  });
  it('an empty cell is no figure, not 0', () => {
    expect(parseFigure('', cap)).toBeNull();
    expect(parseFigure('　', cap)).toBeNull();
  });
  it.each([
    ['约0.9', 'value_not_number'],
    ['0.9左右', 'value_not_number'],
    ['0.9亿立方米', 'value_not_number'],
    ['/', 'value_not_number'],
    ['.5', 'value_not_number'],
    ['1,2', 'value_comma'],
    ['1,234.5', 'value_comma'],
    ['1e3', 'value_exponent'],
    ['1E-2', 'value_exponent'],
    ['9'.repeat(321), 'value_too_long'],
    ['0.1234567890123456', 'value_too_long'],
    ['51', 'value_out_of_range'],
    ['-0.1', 'value_out_of_range'],
  ])('refuses %s (%s)', (raw, code) => {
    expect(parseFigure(raw, cap)).toMatchObject({ ok: false, code });
  });
  it('refuses a % in a column whose unit is not %', () => {
    expect(parseFigure('66%', coef)).toMatchObject({ ok: false, code: 'value_percent_not_allowed' });
  });
  it("uses each indicator's plausible range from the registry: a decline may be negative, a coefficient not above 1", () => {
    expect(ok('-19.1', pct)).toEqual({ value: -19.1, text: '-19.1' });
    expect(parseFigure('999', pct)).toMatchObject({ ok: false, code: 'value_out_of_range' });
    expect(parseFigure('7.5', coef)).toMatchObject({ ok: false, code: 'value_out_of_range' });
  });
});

describe('validateProgress: accepted rows', () => {
  it('turns a wide row into one long row per filled indicator with target and status', () => {
    const r = check([
      row('2024', '150402', '红山区', { [W]: '0.9', [IRR]: '0.67', [AGRI]: '20' }, SRC),
      row('2024', '150421', '阿旗', { [IND]: '-0.5' }, SRC),
    ]);
    expect(errors(r.problems)).toEqual([]);
    expect(r.rows.map((x) => [x.adcode, x.name_zh, x.indicator, x.value_text, x.target, x.target_note, x.status])).toEqual([
      ['150402', '红山区', 'water_use_cap', '0.9', 0.9098, '', 'met'],
      ['150402', '红山区', 'irrigation_coefficient', '0.67', 0.68, '', 'not_met'],
      ['150402', '红山区', 'agri_saving_capacity', '20', null, '/', 'no_target'],
      ['150421', '阿鲁科尔沁旗', 'industrial_water_decline', '-0.5', null, '保持2020年水平', 'not_met'],
    ]);
    expect(r.rows[0]).toMatchObject({ year: 2024, unit: '亿立方米', source: SRC, example: false, origin: { file: '2024.csv', sheet: null, row: 2 } });
  });
  it('skips the untouched prefilled rows of the template and accepts a file with only some divisions', () => {
    const r = check([...templateRows().slice(0, 3), row('2023', '150404', '松山区', { [W]: '2.0' })]);
    expect(r.problems).toEqual([]);
    expect(r.rows).toHaveLength(1);
  });
  it('accepts several years in one file and years given as "2024年"', () => {
    const r = check([row('2023', '150402', '红山区', { [W]: '0.92' }), row('2024年', '150402', '红山区', { [W]: '0.9' })]);
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => x.year)).toEqual([2023, 2024]);
  });
  it('accepts a file with only some indicator columns, with one warning naming the others', () => {
    const header = ['年份', '行政区划代码', '行政区', W, '来源'];
    const r = validateProgress([table([['2024', '150402', '红山区', '0.9', SRC]], 'a.csv', header)], ctx);
    expect(codes(r.problems)).toEqual(['header_missing_indicator']);
    expect(r.problems[0].message.zh).toBe(`缺少指标列 ${INDICATORS.slice(1).map((i) => `“${i.column}”`).join('、')}：本文件不含这些指标的数据`);
    expect(r.rows).toHaveLength(1);
  });
  it('finds the header below a title row', () => {
    const t = table([H, row('2024', '150402', '红山区', { [W]: '0.9' })], 'a.csv', ['2024年赤峰市节水行动进展']);
    const r = validateProgress([t], ctx);
    expect(r.problems).toEqual([]);
    expect(r.rows[0].origin.row).toBe(3);
  });
  it('reads the header with half-width brackets and spaces as the template header', () => {
    const header = H.map((h) => h.replace('（', '(').replace('）', ')').replace('年份', ' 年份 '));
    const r = validateProgress([table([row('2024', '150402', '红山区', { [W]: '0.9' })], 'a.csv', header)], ctx);
    expect(r.problems).toEqual([]);
    expect(r.rows).toHaveLength(1);
  });
});

describe('validateProgress: every refusal, all at once, located as Excel shows it', () => {
  it('reports every problem of a file, not only the first', () => {
    const r = check([
      row('2029', '150402', '红山区', { [W]: '约0.9' }),
      row('2024', '150499', '红山区', { [W]: '0.9左右' }),
      row('2024', '150403', '元宝山区', { [W]: '1,2' }, ''),
    ]);
    expect(codes(r.problems)).toEqual(['year_out_of_range', 'value_not_number', 'code_unknown', 'value_not_number', 'value_comma', 'source_missing']);
    const p = r.problems[1];
    expect(p).toMatchObject({ file: '2024.csv', sheet: null, row: 2, column: W, cell: 'D2', value: '约0.9' });
    expect(p.message.zh).toBe('不是数字');
    expect(p.expected.zh).toContain('20.23');
    expect(p.fix.zh).toContain('约');
    expect(p.message.en).toBe('Not a number');
  });
  it('refuses a year before 2020 or after the current one, and a year that is not a year', () => {
    const r = check([
      row('2019', '150402', '红山区', { [W]: '0.9' }),
      row('2027', '150403', '元宝山区', { [W]: '0.9' }),
      row('2024-05-01', '150404', '松山区', { [W]: '0.9' }),
      row('', '150421', '阿鲁科尔沁旗', { [W]: '0.9' }),
    ]);
    expect(codes(r.problems)).toEqual(['year_out_of_range', 'year_out_of_range', 'year_invalid', 'year_missing']);
    expect(r.problems[1].expected.zh).toBe('2020 至 2026 年');
    // the same file is fine a year later: "now" is a parameter
    expect(codes(check([row('2027', '150403', '元宝山区', { [W]: '0.9' })], { ...ctx, currentYear: 2027 }).problems)).toEqual([]);
  });
  it('refuses an unknown code, an unknown name and a name that disagrees with its code; accepts aliases', () => {
    const r = check([
      row('2024', '150427', '', { [W]: '0.9' }),
      row('2024', '150423', '八林右旗', { [W]: '1.9' }),
      row('2024', '150422', '巴林右旗', { [W]: '1.4' }),
      row('2024', '', '克旗', { [W]: '1.9' }),
      row('2024', '150421', '阿鲁旗', { [W]: '1.9' }),
    ]);
    expect(codes(r.problems)).toEqual(['code_unknown', 'name_unknown', 'name_code_mismatch', 'code_missing']);
    expect(r.problems[1].expected.zh).toBe('如“巴林右旗（150423）”');
    expect(r.problems[2].message.zh).toBe('代码与名称不一致：150422 是巴林左旗，“巴林右旗”的代码是 150423');
    expect(r.problems[3].expected.zh).toBe('克什克腾旗：150425');
  });
  it('requires 来源 on every row with a figure, and only there', () => {
    const r = check([row('2024', '150402', '红山区', { [W]: '0.9' }, ''), row('2024', '150403', '元宝山区', {}, '')]);
    expect(codes(r.problems)).toEqual(['source_missing', 'row_no_figures']);
    expect(r.problems[0]).toMatchObject({ row: 2, column: '来源', level: 'error' });
    expect(r.problems[1].level).toBe('warning');
    // a figure with no source has not passed: it is not among the rows a preview may show
    expect(r.rows).toEqual([]);
  });
  it('keeps the good figures of a row with one bad figure, and none of a row that fails as a whole', () => {
    const r = check([row('2024', '150402', '红山区', { [W]: '约0.9', [IRR]: '0.68' }), row('2024', '150499', '红山区', { [IRR]: '0.68' })]);
    expect(codes(r.problems)).toEqual(['value_not_number', 'code_unknown']);
    expect(r.rows.map((x) => [x.adcode, x.indicator, x.value])).toEqual([['150402', 'irrigation_coefficient', 0.68]]);
  });
  it('refuses two rows for the same division and year, across files too, naming the other', () => {
    const a = table([row('2024', '150402', '红山区', { [W]: '0.9' })], 'a.xlsx');
    const b = { ...table([row('2023', '150402', '红山区', { [W]: '0.9' }), row('2024', '150402', '红山', { [IRR]: '0.68' })], 'b.xlsx'), sheet: '进展数据' };
    const r = validateProgress([a, b], ctx);
    expect(codes(r.problems)).toEqual(['duplicate_row']);
    expect(r.problems[0]).toMatchObject({ file: 'b.xlsx', sheet: '进展数据', row: 3 });
    expect(r.problems[0].message.zh).toBe('红山区 2024年的数据出现了两次（另一处：a.xlsx › 第2行）');
  });
  it('refuses a 全市 figure that is not the sum of the counties beyond the tolerance, and reports a small difference', () => {
    const counties = annex.counties.map((c) => row('2024', c.adcode, c.name_zh, { [W]: c.cells.water_use_cap.text }));
    const sum = 20.2285; // the annex's own county sum
    const near = check([row('2024', '150400', '全市', { [W]: '20.23' }), ...counties]);
    expect(codes(near.problems)).toEqual(['city_sum_differs']);
    expect(near.crossChecks[0]).toMatchObject({ year: 2024, indicator: 'water_use_cap', county_sum: sum, city_value: 20.23, difference: 0.0015, complete: true });
    const far = check([row('2024', '150400', '全市', { [W]: '21.5' }), ...counties]);
    expect(codes(far.problems)).toEqual(['city_sum_mismatch']);
    expect(far.problems[0]).toMatchObject({ row: 2, column: W, level: 'error' });
    expect(far.problems[0].message.zh).toBe('2024年12个旗县区合计 20.2285，全市为 21.5，相差 1.2715，超过允许的 0.5%');
  });
  it('does not compare an incomplete sum, but still refuses a county larger than the whole city', () => {
    const r = check([row('2024', '150400', '全市', { [W]: '20.23' }), row('2024', '150426', '翁牛特旗', { [W]: '30.047' })]);
    expect(codes(r.problems)).toEqual(['county_exceeds_city']);
    expect(r.crossChecks[0].complete).toBe(false);
  });
  it('counts a sum as complete without the counties whose annex target is "/"', () => {
    const counties = annex.counties.filter((c) => c.cells.agri_saving_capacity.status === 'value').map((c) => row('2024', c.adcode, c.name_zh, { [AGRI]: c.cells.agri_saving_capacity.text }));
    const r = check([row('2024', '150400', '全市', { [AGRI]: '4215' }), ...counties]);
    expect(r.crossChecks[0]).toMatchObject({ complete: true, counties_without_value: ['150402', '150403'], difference: 0 });
    expect(r.problems).toEqual([]);
  });
  it('names a missing, duplicated or wrong-unit column, showing the header as it was read', () => {
    const fullwidth = validateProgress([table([['2024，150402，红山区，0.9']], 'fw.csv', [H.join('，')])], ctx);
    expect(codes(fullwidth.problems)).toEqual(['header_missing']);
    expect(fullwidth.problems[0].fix.zh).toContain('全角逗号');
    // the last three columns (来源, 备注, 更新日期) left off
    const noSource = validateProgress([table([row('2024', '150402', '红山区', { [W]: '0.9' }).slice(0, -3)], 'a.csv', H.slice(0, -3))], ctx);
    expect(codes(noSource.problems)).toEqual(['header_missing']);
    expect(noSource.problems[0].message.zh).toContain('缺少“来源”列（读到的表头：年份, 行政区划代码');
    const unit = validateProgress([table([row('2024', '150402', '红山区')], 'a.csv', H.map((h) => (h === W ? '用水总量（万立方米）' : h)))], ctx);
    expect(codes(unit.problems)).toEqual(['header_wrong_unit']);
    expect(unit.problems[0].expected.zh).toBe(`“${W}”`);
    const dup = validateProgress([table([], 'a.csv', [...H, IRR])], ctx);
    expect(codes(dup.problems)).toEqual(['header_duplicate']);
  });
  it('says a full-width comma header is one cell, not a missing column', () => {
    const r = validateProgress([table([], 'fw.csv', ['年份，行政区划代码，行政区', '来源'])], ctx);
    expect(codes(r.problems)).toEqual(['header_missing']);
    const p = r.problems[0];
    expect(p.fix.zh).toContain('全角逗号');
    expect(p.message.zh).toContain('读到的表头：年份，行政区划代码，行政区, 来源');
  });
  it('reads 更新日期 as typed or as an Excel date, refuses a date that is not one or comes before the figures, and takes a file without the column', () => {
    const U = '更新日期';
    const ok = check([
      row('2024', '150402', '红山区', { [W]: '0.9', [U]: '2025-08-15' }),
      row('2024', '150403', '元宝山区', { [W]: '0.9', [U]: '２０２５/8/1' }),
      row('2024', '150404', '松山区', { [W]: '2.0', [U]: '2025年3月2日' }),
      row('2024', '150421', '阿鲁科尔沁旗', { [W]: '2.0' }),
    ]);
    expect(errors(ok.problems)).toEqual([]);
    expect(ok.rows.map((r) => [r.adcode, r.updated])).toEqual([
      ['150402', '2025-08-15'],
      ['150403', '2025-08-01'],
      ['150404', '2025-03-02'],
      ['150421', null],
    ]);
    const bad = check([
      row('2024', '150402', '红山区', { [W]: '0.9', [U]: '2025-02-30' }),
      row('2024', '150403', '元宝山区', { [W]: '0.9', [U]: '去年' }),
      row('2024', '150404', '松山区', { [W]: '2.0', [U]: '2023-12-31' }),
      row('2024', '150421', '阿鲁科尔沁旗', { [W]: '2.0', [U]: '2027-01-01' }),
    ]);
    expect(bad.problems.map((p) => [p.code, p.cell])).toEqual([
      ['updated_invalid', `${String.fromCharCode(65 + col(U))}2`],
      ['updated_invalid', `${String.fromCharCode(65 + col(U))}3`],
      ['updated_out_of_range', `${String.fromCharCode(65 + col(U))}4`],
      ['updated_out_of_range', `${String.fromCharCode(65 + col(U))}5`],
    ]);
    expect(bad.problems[2].expected.zh).toBe('2024-01-01 至 2026-12-31');
    // a date and time as Excel writes a date into a CSV; a date after today (a typo) is refused
    const t = check([row('2024', '150402', '红山区', { [W]: '0.9', [U]: '2025/8/15 0:00' }), row('2024', '150403', '元宝山区', { [W]: '0.9', [U]: '2026-11-30' })], { ...ctx, today: '2026-11-29' });
    expect(t.problems.map((p) => p.code)).toEqual(['updated_out_of_range']);
    expect(t.problems[0].expected.zh).toBe('2024-01-01 至 2026-11-29');
    expect(validateProgress([table([row('2024', '150402', '红山区', { [W]: '0.9', [U]: '2025/8/15 0:00' })])], ctx).rows[0].updated).toBe('2025-08-15');
    // a file made from the template before the column existed
    const old = validateProgress([table([row('2024', '150402', '红山区', { [W]: '0.9' }).slice(0, -1)], 'old.csv', H.slice(0, -1))], ctx);
    expect(old.problems).toEqual([]);
    expect(old.rows[0].updated).toBeNull();
  });
  it('refuses a CSV row split by a comma inside a number', () => {
    const r = check([[...row('2024', '150402', '红山区'), '3']]);
    expect(codes(r.problems)).toEqual(['row_extra_cells']);
    expect(r.problems[0].fix.zh).toContain('1,2');
  });
});

describe('validateProgress: warnings', () => {
  it('warns when a figure moved more than the configured share since the previous year', () => {
    const r = check([row('2023', '150402', '红山区', { [W]: '0.9', [GDP]: '5' }), row('2024', '150402', '红山区', { [W]: '1.3', [GDP]: '25' })]);
    expect(errors(r.problems)).toEqual([]);
    expect(codes(r.problems)).toEqual(['yearly_change', 'yearly_change']);
    expect(r.problems[0]).toMatchObject({ level: 'warning', row: 3, column: W });
    expect(r.problems[0].message.zh).toBe('与2023年的 0.9 亿立方米 相比变化了 44%');
    expect(r.problems[1].message.zh).toBe('与2023年的 5% 相比变化了 20 个百分点');
    expect(r.rows).toHaveLength(4);
    expect(PROGRESS_CHECKS.yearlyChangeShare).toBeLessThan(0.44);
  });
  it('warns about an unknown column and a decline rate other than 0 in the baseline year', () => {
    const r = validateProgress([table([[...row('2020', '150402', '红山区', { [GDP]: '3' }), '张三']], 'a.csv', [...H, '填报人'])], ctx);
    expect(codes(r.problems)).toEqual(['header_unknown', 'baseline_nonzero']);
    expect(errors(r.problems)).toEqual([]);
  });
});

describe('what the site reads', () => {
  it('builds progress.json: years, maps with no_data, series with targets, headlines per target', () => {
    const r = check([
      row('2023', '150402', '红山区', { [W]: '0.95' }),
      row('2024', '150402', '红山区', { [W]: '0.9' }),
      row('2024', '150400', '全市', { [IRR]: '0.64' }),
    ]);
    const targets = [
      { id: 'total_water_use', indicator: 'water_use_cap' as const },
      { id: 'irrigation_coefficient', indicator: 'irrigation_coefficient' as const },
      { id: 'pipe_leakage_rate', indicator: null },
    ];
    const f = buildProgressFile(r.rows, annex, targets, r.crossChecks, false);
    expect(ProgressFile.parse(f)).toBeTruthy();
    expect(f.years).toEqual([2023, 2024]);
    expect(f.indicators.find((i) => i.id === 'water_use_cap')!.years).toEqual([2023, 2024]);
    expect(f.indicators.find((i) => i.id === 'irrigation_coefficient')!.years).toEqual([2024]);
    const map = f.maps.find((m) => m.indicator === 'water_use_cap' && m.year === 2023)!;
    expect(map.statuses['150402']).toBe('not_met');
    expect(map.statuses['150403']).toBe('no_data');
    expect(map.counts).toEqual({ met: 0, not_met: 1, no_target: 0, no_data: 11 });
    // the city has a figure but no county: a map, all counties without data
    expect(f.maps.find((m) => m.indicator === 'irrigation_coefficient')!.counts.no_data).toBe(12);
    const hs = f.divisions.find((d) => d.adcode === '150402')!.indicators.find((s) => s.indicator === 'water_use_cap')!;
    expect(hs.target).toEqual({ status: 'value', value: 0.9098, text: '0.9098' });
    expect(hs.series.map((p) => [p.year, p.status])).toEqual([[2023, 'not_met'], [2024, 'met']]);
    expect(hs.latest!.year).toBe(2024);
    expect(f.divisions[0].adcode).toBe('150400');
    expect(f.headlines).toEqual([
      { target: 'total_water_use', indicator: 'water_use_cap', latest: null },
      { target: 'irrigation_coefficient', indicator: 'irrigation_coefficient', latest: expect.objectContaining({ year: 2024, value_text: '0.64', status: 'not_met' }) },
      { target: 'pipe_leakage_rate', indicator: null, latest: null },
    ]);
  });
  it('the contract refuses a figure JSON cannot hold', () => {
    const r = check([row('2024', '150402', '红山区', { [W]: '0.9' })]);
    const f = buildProgressFile(r.rows, annex, [], [], false);
    const broken = JSON.parse(JSON.stringify({ ...f, rows: [{ ...f.rows[0], value: Infinity }] }));
    expect(broken.rows[0].value).toBeNull();
    expect(ProgressFile.safeParse(broken).success).toBe(false);
  });
  it('turns checked rows back into the template CSV the maintainers put in input/progress/', () => {
    const r = check([row('2024', '150402', '红山', { [W]: '０.９', [IRR]: '0.67' }, SRC)]);
    const csv = templateCsv(r.rows);
    expect(csv.startsWith('\ufeff' + H.join(','))).toBe(true);
    const again = validateProgress([csvToTable('back.csv', new TextEncoder().encode(csv)).tables[0]], ctx);
    expect(again.problems).toEqual([]);
    expect(again.rows.map((x) => [x.adcode, x.name_zh, x.value_text])).toEqual(r.rows.map((x) => [x.adcode, '红山区', x.value_text]));
  });
});

describe('reading files into tables', () => {
  const csv = (s: string) => new TextEncoder().encode(s);
  it('decodes UTF-8 with and without BOM, GB18030 and UTF-16 (Excel "Unicode text")', () => {
    const t = '年份,行政区\r\n2024,红山区\r\n';
    expect(decodeCsvBytes(csv(t))).toBe(t);
    expect(decodeCsvBytes(csv('\ufeff' + t))).toBe(t);
    expect(decodeCsvBytes(new Uint8Array(iconv.encode(t, 'gb18030')))).toBe(t);
    expect(decodeCsvBytes(new Uint8Array(iconv.encode('\ufeff' + t, 'utf16le')))).toBe(t);
  });
  it('numbers CSV rows as Excel does: a quoted line break stays in its row', () => {
    const { tables } = csvToTable('a.csv', csv('a,b\n"x\ny",1\n\nz,2\n'));
    expect(tables[0].rows.map((r) => [r.row, r.cells[0]])).toEqual([[1, 'a'], [2, 'x\ny'], [4, 'z']]);
  });
  it('names an .xlsx renamed .csv, an old .xls, a binary file, an empty file and an unsupported format', async () => {
    const template = readFileSync('data-pipeline/steps/buildProgressTemplate.ts'); // any text
    const excel = async () => ExcelJS;
    const read = async (name: string, bytes: Uint8Array) => (await readProgressFile(name, bytes, excel)).problems.map((p) => p.code);
    expect(await read('a.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toEqual(['file_xlsx_as_csv']);
    expect(await read('a.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toEqual(['file_old_xls']);
    expect(await read('a.csv', new Uint8Array([0x61, 0, 0x62]))).toEqual(['file_not_text']);
    expect(await read('a.csv', new Uint8Array())).toEqual(['file_empty']);
    expect(await read('a.ods', new Uint8Array(template))).toEqual(['file_unsupported']);
    expect(await read('a.xlsx', new Uint8Array(template))).toEqual(['file_unreadable']);
    expect(await read('a.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).toEqual(['file_unreadable']);
  });
  it('skips what is not a progress file, refuses other spreadsheet formats', () => {
    expect(['a.xlsx', 'a.CSV', 'a.xls', 'a.ods', 'README.md', '.DS_Store', '~$a.xlsx', 'notes.md'].map((f) => progressFileKind(f))).toEqual([
      'xlsx', 'csv', 'refuse', 'refuse', 'skip', 'skip', 'skip', 'skip',
    ]);
  });
  it('reads an .xlsx cell as the official typed it: 0.66, 66%, text, formulas, dates, full-width text', () => {
    const c = (value: unknown, numFmt?: string) => cellText({ value: value as ExcelJS.CellValue, numFmt: numFmt as string });
    expect(c(0.66)).toBe('0.66');
    expect(c(0.58, '0.0000')).toBe('0.5800');
    expect(c(0.66, '0%')).toBe('66%');
    expect(c(0.205, '0.0%')).toBe('20.5%');
    expect(c(-0.035, '0.00%')).toBe('-3.50%');
    expect(c(2024)).toBe('2024');
    expect(c('约0.9')).toBe('约0.9');
    expect(c({ formula: 'A1+A2', result: 1.5 })).toBe('1.5');
    expect(c({ formula: 'A1+A2' })).toBeUndefined();
    expect(c({ formula: 'A1/0', result: { error: '#DIV/0!' } })).toBe('#DIV/0!');
    expect(c(new Date(Date.UTC(2024, 4, 1)))).toBe('2024-05-01');
    expect(c({ richText: [{ text: '0.' }, { text: '66' }] })).toBe('0.66');
    expect(c(null)).toBe('');
    // a formula's float noise: the 15 digits Excel shows, not a 17-digit number the check refuses
    expect(c({ formula: 'A1+A2', result: 0.1 + 0.2 })).toBe('0.3');
    expect(c(0.6612345678901234)).toBe('0.661234567890123');
    expect(shiftPercent('0.205')).toBe('20.5');
    expect(shiftPercent('1')).toBe('100');
    expect(shiftPercent('-0.0123')).toBe('-1.23');
  });
});

describe('messages', () => {
  it('cuts a long value and escapes control characters', () => {
    expect(showValue('a\nb\u0007')).toBe('a\\nb\\u0007');
    const long = showValue('x'.repeat(5_000_000));
    expect(long.length).toBeLessThan(100);
    expect(long).toContain('共 5000000 个字符');
  });
  it('formats a problem in Chinese with file, sheet, row, column letter, header, value, expectation and fix', () => {
    const r = validateProgress([{ ...table([row('2024', '150402', '红山区', { [W]: '约0.9' })], '2024.xlsx'), sheet: '进展数据' }], ctx);
    expect(formatProblem(r.problems[0])).toBe(
      '错误  2024.xlsx › 进展数据 › 第2行 D列「用水总量（亿立方米）」：不是数字（值：“约0.9”）\n' +
        '      应为：只填数字，如 20.23（单位：亿立方米）；改法：去掉“约”“左右”、单位等文字，只留数字；没有数据请留空。',
    );
    expect(formatProblem(r.problems[0], 'en')).toContain('error  2024.xlsx › 进展数据 › row 2, column D [用水总量（亿立方米）]: Not a number (value: "约0.9")');
  });
  it('has a Chinese and an English text for every indicator example', () => {
    for (const ind of INDICATORS) {
      const r = check([row('2024', '150402', '红山区', { [ind.column]: 'x' })]);
      expect(r.problems[0].expected.zh).toMatch(/如 \d/);
      expect(r.problems[0].expected.en).toMatch(/e\.g\. \d/);
    }
  });
});
