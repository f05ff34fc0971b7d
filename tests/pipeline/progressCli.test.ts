/**
 * Progress through the CLI: the template as generated, filled as an official would (.xlsx typed in
 * Excel's way, GB18030 .csv), read from input/progress/ or --progress, every refusal with its Chinese
 * message and the last good output byte-identical, warnings with exit 0 and a report.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { builtOutput, copyInput, runCli, snapshotDir, tmpDir } from '../helpers/pipeline';
import { progressHeader } from '../../src/domain/progressTable';
import { ProgressFile, ProgressReport } from '../../src/domain/contract';
import { checkJsonOutputs } from '../../data-pipeline/validate';

const H = progressHeader();
const SRC = '赤峰市水资源公报（2024年）';
let out = '';
let template: Uint8Array;

beforeAll(async () => {
  out = await builtOutput();
  template = new Uint8Array(await fs.readFile(path.join(out, 'progress-template.xlsx')));
});

/** The generated template, filled in exceljs as Excel stores what an official types. */
async function filledXlsx(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template.slice().buffer as ArrayBuffer);
  fill(wb.getWorksheet('进展数据')!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
/** Sets cells of the row of a division (row 2 is 全市, then the counties in code order). */
function setRow(ws: ExcelJS.Worksheet, code: string, cells: Record<string, ExcelJS.CellValue>, numFmt: Record<string, string> = {}) {
  let r = 0;
  ws.eachRow((row, n) => {
    if (String(row.getCell(2).value) === code) r = n;
  });
  for (const [k, v] of Object.entries(cells)) {
    const cell = ws.getRow(r).getCell(H.indexOf(k) + 1);
    cell.value = v;
    // a style of its own: cells loaded from a file share style objects in exceljs
    if (numFmt[k]) cell.style = { ...cell.style, numFmt: numFmt[k] };
  }
}
/** A CSV in the template's layout, one line per division and year. */
const csvOf = (rows: Record<string, string>[]) =>
  [H.join(','), ...rows.map((r) => H.map((h) => (/[",]/.test(r[h] ?? '') ? `"${r[h]}"` : (r[h] ?? ''))).join(','))].join('\r\n') + '\r\n';

const W = '用水总量（亿立方米）';
const GDP = '万元GDP用水量较2020年下降率（%）';
const IND = '万元工业增加值用水量较2020年下降率（%）';
const IRR = '农田灌溉水有效利用系数';
const AGRI = '新增农业节水能力（万立方米）';

async function writeTmp(name: string, bytes: Uint8Array | string): Promise<string> {
  const p = path.join(await tmpDir('prog'), name);
  await fs.writeFile(p, bytes);
  return p;
}
async function readCsv(dir: string) {
  const text = await fs.readFile(path.join(dir, 'progress.csv'), 'utf8');
  expect(text.startsWith('\ufeffyear,adcode,name_zh,indicator,value,unit,target,target_note,status,source,updated\r\n')).toBe(true);
  return Papa.parse<Record<string, string>>(text.slice(1).trim(), { header: true }).data;
}

/** Refused: exit 1, every expected message, and the previous output unchanged to the byte. */
async function expectRefused(args: string[], messages: RegExp[]) {
  const before = await snapshotDir(out);
  const r = await runCli([...args, '--out', out]);
  expect(r.code, r.err).toBe(1);
  for (const m of messages) expect(r.err).toMatch(m);
  expect(r.err).toMatch(/未写入任何文件；.*仍是上一次的正确输出/);
  expect(await snapshotDir(out)).toEqual(before);
  return r.err;
}

describe('the template officials fill', () => {
  it('is an .xlsx with the data sheet laid out as the annex and a 填写说明 sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.slice().buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['进展数据', '填写说明']);
    const ws = wb.getWorksheet('进展数据')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(H);
    // indicator columns headed exactly as annex.csv's header
    const annexHeader = (await fs.readFile('data-pipeline/input/annex.csv', 'utf8')).split('\n')[0].split(',').slice(2);
    expect(header.slice(3, 3 + annexHeader.length)).toEqual(annexHeader);
    expect(header.slice(-3)).toEqual(['来源', '备注', '更新日期']);
    // rows below carry Excel's input checks but no content
    const rows = [];
    for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(2).value !== null) rows.push([ws.getRow(r).getCell(1).value, ws.getRow(r).getCell(2).value, ws.getRow(r).getCell(3).value]);
    expect(rows).toHaveLength(13);
    expect(rows[0]).toEqual([null, '150400', '全市']);
    expect(rows[1]).toEqual([null, '150402', '红山区']);
    expect(rows.every((r) => r[0] === null)).toBe(true);
    expect(ws.getColumn(H.indexOf('来源') + 1).width).toBeGreaterThanOrEqual(30);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Excel's own input checks while typing: a year, and a number within the indicator's range
    expect(ws.getCell('A2').dataValidation).toMatchObject({ type: 'whole', formulae: [2020, 2100] });
    expect(ws.getRow(30).getCell(H.indexOf(W) + 1).dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 50] });
    expect(ws.getRow(2).getCell(H.indexOf(GDP) + 1).dataValidation).toMatchObject({ type: 'decimal', formulae: [-100, 100] });
    const guide: string[] = [];
    wb.getWorksheet('填写说明')!.eachRow((row) => guide.push((row.values as unknown[]).slice(1).join(' ')));
    const text = guide.join('\n');
    expect(text).toContain('赤峰市水资源公报（2025年）');
    expect(text).toContain('与本行政区2020年的同一用水强度');
    expect(text).toMatch(/每个行政区每年一行/);
    for (const h of H) expect(text).toContain(h);
    // each indicator column says first what to fill: the year's actual figure, not the target
    expect(text).toContain('填写该年本地区各行各业实际用水量的合计（即当年的用水总量，不是上限）。');
    expect(text).toContain('填写该年实际利用的再生水、矿井水、雨水等非常规水源的总量（不是下限值）。');
  });
  it('is a CSV (UTF-8 with BOM) with the same header and rows, and a guide beside it', async () => {
    const csv = await fs.readFile(path.join(out, 'progress-template.csv'), 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\ufeff' + H.join(','));
    expect(lines[1]).toBe(',150400,全市' + ','.repeat(H.length - 3));
    expect(lines.filter(Boolean)).toHaveLength(14);
    const guide = await fs.readFile(path.join(out, 'progress-template-guide.txt'), 'utf8');
    expect(guide.startsWith('\ufeff')).toBe(true);
    expect(guide).toContain('来源');
    expect(guide).toContain('较2020年下降率');
  });
});

describe('the template round trip', () => {
  let dir = '';
  let rows: Record<string, string>[] = [];
  beforeAll(async () => {
    // 2023 in an .xlsx typed in Excel (numbers, a % cell, an alias), 2024 in a GB18030 CSV
    const xlsx = await filledXlsx((ws) => {
      setRow(ws, '150400', { 年份: 2023, [W]: 20.1, [GDP]: 0.18, 来源: SRC }, { [GDP]: '0.0%' });
      // a date typed into the template's 更新日期 column: Excel stores a date cell
      setRow(ws, '150402', { 年份: 2023, [W]: 0.95, [IRR]: 0.68, [AGRI]: 15, 来源: SRC, 更新日期: new Date(Date.UTC(2024, 2, 22)) });
      setRow(ws, '150421', { 年份: 2023, 行政区: '阿鲁旗', [IND]: -0.8, 来源: SRC });
    });
    const csv = csvOf([
      { 年份: '2024', 行政区划代码: '150402', 行政区: '红山区', [W]: '0.90', [IRR]: '０.６７', 来源: SRC, 更新日期: '2025/3/1 0:00' },
      { 年份: '2024', 行政区划代码: '150421', 行政区: '阿鲁科尔沁旗', [IND]: '0.5%', 来源: SRC, 备注: '初步数' },
    ]);
    const input = await copyInput();
    await fs.writeFile(path.join(input, 'progress/2023年进展.xlsx'), xlsx);
    await fs.writeFile(path.join(input, 'progress/2024年进展.csv'), iconv.encode(csv, 'gb18030'));
    dir = path.join(await tmpDir('roundtrip'), 'data');
    const r = await runCli(['--input', input, '--out', dir]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    rows = await readCsv(dir);
  });
  const get = (year: string, code: string, ind: string) => rows.find((r) => r.year === year && r.adcode === code && r.indicator === ind);

  it('reads the date of update from an Excel date cell and from a CSV date, and leaves it empty where the row gives none', () => {
    expect(get('2023', '150402', 'water_use_cap')?.updated).toBe('2024-03-22');
    expect(get('2023', '150402', 'irrigation_coefficient')?.updated).toBe('2024-03-22');
    expect(get('2024', '150402', 'water_use_cap')?.updated).toBe('2025-03-01');
    expect(get('2023', '150400', 'water_use_cap')?.updated).toBe('');
  });
  it('reads both files, every figure with its target and status', () => {
    expect(rows.map((r) => [r.year, r.adcode, r.indicator, r.value, r.target, r.target_note, r.status])).toEqual([
      ['2023', '150400', 'water_use_cap', '20.1', '20.23', '', 'met'],
      // typed 18.0% in a cell formatted 0.0%: the percent as the cell shows it
      ['2023', '150400', 'gdp_water_decline', '18.0', '20.00', '', 'not_met'],
      ['2023', '150402', 'water_use_cap', '0.95', '0.9098', '', 'not_met'],
      ['2023', '150402', 'irrigation_coefficient', '0.68', '0.68', '', 'met'],
      ['2023', '150402', 'agri_saving_capacity', '15', '', '/', 'no_target'],
      ['2023', '150421', 'industrial_water_decline', '-0.8', '', '保持2020年水平', 'not_met'],
      ['2024', '150402', 'water_use_cap', '0.90', '0.9098', '', 'met'],
      ['2024', '150402', 'irrigation_coefficient', '0.67', '0.68', '', 'not_met'],
      ['2024', '150421', 'industrial_water_decline', '0.5', '', '保持2020年水平', 'met'],
    ]);
    expect(get('2024', '150421', 'industrial_water_decline')!.name_zh).toBe('阿鲁科尔沁旗');
    expect(rows.every((r) => r.source === SRC)).toBe(true);
  });
  it('writes progress.json for the site and the report, both valid against the contract', async () => {
    const p = ProgressFile.parse(JSON.parse(await fs.readFile(path.join(dir, 'progress.json'), 'utf8')));
    expect(p.example).toBe(false);
    expect(p.years).toEqual([2023, 2024]);
    expect(p.rows.find((r) => r.year === 2024 && r.indicator === 'industrial_water_decline')).toMatchObject({ note: '初步数', origin: { file: '2024年进展.csv', sheet: null, row: 3 } });
    expect(p.rows.find((r) => r.year === 2023 && r.adcode === '150402' && r.indicator === 'water_use_cap')!.origin).toEqual({ file: '2023年进展.xlsx', sheet: '进展数据', row: 3 });
    expect(p.headlines.find((h) => h.target === 'total_water_use')!.latest).toMatchObject({ year: 2023, value_text: '20.1', status: 'met', source: SRC });
    const report = ProgressReport.parse(JSON.parse(await fs.readFile(path.join(dir, 'progress-report.json'), 'utf8')));
    expect(report.files.map((f) => [f.file.replace(/^.*\//, ''), f.sheets, f.figures])).toEqual([
      ['2023年进展.xlsx', ['进展数据'], 6],
      ['2024年进展.csv', [], 3],
    ]);
    const manifest = JSON.parse(await fs.readFile(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.inputs.map((i: { file: string }) => i.file)).toEqual(expect.arrayContaining(['progress/2023年进展.xlsx', 'progress/2024年进展.csv']));
    expect(manifest.inputs.map((i: { file: string }) => i.file)).not.toContain('examples/progress.example.csv');
  });
});

describe('--progress FILE', () => {
  it('reads the files given (repeatable, relative to the working directory) instead of input/progress/', async () => {
    const a = await writeTmp('a.csv', csvOf([{ 年份: '2024', 行政区划代码: '150404', 行政区: '松山区', [W]: '2.0', 来源: SRC }]));
    const b = await writeTmp('b.csv', csvOf([{ 年份: '2023', 行政区划代码: '150404', 行政区: '松山区', [W]: '2.1', 来源: SRC }]));
    const dir = path.join(await tmpDir('given'), 'data');
    const r = await runCli(['--progress', path.relative(process.cwd(), a), '--progress', b, '--out', dir]);
    expect(r.err).toBe('');
    expect((await readCsv(dir)).map((x) => [x.year, x.value])).toEqual([['2023', '2.1'], ['2024', '2.0']]);
  });
  it('says which file it cannot read (exit 2)', async () => {
    const r = await runCli(['--progress', 'no/such/file.xlsx', '--out', path.join(await tmpDir('x'), 'data')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/无法读取进展数据文件 no\/such\/file\.xlsx/);
  });
  it('normalises "-0" to 0 in every output', async () => {
    const f = await writeTmp('zero.csv', csvOf([{ 年份: '2024', 行政区划代码: '150428', 行政区: '喀喇沁旗', [IND]: '-0', 来源: SRC }]));
    const dir = path.join(await tmpDir('zero'), 'data');
    expect((await runCli(['--progress', f, '--out', dir])).code).toBe(0);
    expect((await readCsv(dir))[0]).toMatchObject({ value: '0', status: 'met' });
    expect(await fs.readFile(path.join(dir, 'progress.json'), 'utf8')).not.toMatch(/-0\b/);
  });
});

describe('refusals: exit 1, every problem in Chinese, the last good output byte-identical', () => {
  const bad = (rows: Record<string, string>[], name = 'bad.csv') => writeTmp(name, csvOf(rows));
  const R = (cells: Record<string, string>, code = '150402', name = '红山区', year = '2024') => ({ 年份: year, 行政区划代码: code, 行政区: name, 来源: SRC, ...cells });

  it('lists every problem of a file with file, sheet, row as Excel shows it, column, value, expected and fix', async () => {
    const f = await writeTmp(
      'mistakes.xlsx',
      await filledXlsx((ws) => {
        setRow(ws, '150402', { 年份: 2024, [W]: '约0.9', 来源: SRC });
        setRow(ws, '150403', { 年份: 2024, [W]: '0.9左右', 来源: SRC });
        setRow(ws, '150404', { 年份: 2029, [W]: 2.0, 来源: SRC });
        setRow(ws, '150421', { 年份: 2024, [IRR]: 0.66 }, { [IRR]: '0%' });
      }),
    );
    const err = await expectRefused(['--progress', f], [
      /进展数据有 5 处错误/,
      /mistakes\.xlsx › 进展数据 › 第3行 D列「用水总量（亿立方米）」：不是数字（值：“约0\.9”）\n\s+应为：只填数字，如 20\.23（单位：亿立方米）；改法：去掉“约”“左右”/,
      /第4行 D列「用水总量（亿立方米）」：不是数字（值：“0\.9左右”）/,
      /第5行 A列「年份」：年份超出范围（值：“2029”）/,
      /第6行 H列「农田灌溉水有效利用系数」：这一列的单位是“比值，0～1”，不能带“%”（值：“66%”）/,
      /第6行 J列「来源」：该行有数值，但“来源”为空/,
    ]);
    expect(err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it.each([
    ['a comma inside a quoted number', R({ [W]: '1,2' }), /第2行 D列「用水总量（亿立方米）」：数字中有逗号（值：“1,2”）/],
    ['scientific notation', R({ [W]: '1e3' }), /数字写成了科学计数法（值：“1e3”）/],
    ['a 321-digit number', R({ [W]: '9'.repeat(321) }), /数字位数过多（321 位）（值：“9{60}…（共 321 个字符）”）/],
    ['a year after the current one', R({ [W]: '0.9' }, '150402', '红山区', '2029'), /「年份」：年份超出范围（值：“2029”）/],
    ['a year before 2020', R({ [W]: '0.9' }, '150402', '红山区', '2019'), /年份超出范围（值：“2019”）/],
    ['a negative amount', R({ [W]: '-19.1' }), /超出合理范围（值：“-19\.1”）\n\s+应为：0 至 50（单位：亿立方米）/],
    ['a coefficient of 7.5', R({ [IRR]: '7.5' }), /「农田灌溉水有效利用系数」：超出合理范围（值：“7\.5”）/],
    ['a 999 % decline', R({ [GDP]: '999' }), /超出合理范围（值：“999”）\n\s+应为：-100 至 100（单位：%）/],
    ['an unknown division', R({ [W]: '0.9' }, '150427', '某某旗'), /不是赤峰市的行政区划代码（值：“150427”）[\s\S]*不认识的行政区名称（值：“某某旗”）/],
    ['a name that disagrees with its code', R({ [W]: '0.9' }, '150402', '松山区'), /代码与名称不一致：150402 是红山区，“松山区”的代码是 150404/],
    ['a figure without 来源', { ...R({ [W]: '0.9' }), 来源: '' }, /「来源」：该行有数值，但“来源”为空/],
  ])('refuses %s', async (_name, row, message) => {
    await expectRefused(['--progress', await bad([row])], [message]);
  });

  it('refuses a comma that split a CSV row, naming the likely cause', async () => {
    // "1,2" typed into 用水总量: the row has one cell more than the header
    const row = ['2024', '150402', '红山区', '1', '2', ...Array(H.length - 4).fill('')];
    row[H.indexOf('来源') + 1] = '赤峰市水资源公报（2024年）';
    const f = await writeTmp('split.csv', H.join(',') + '\r\n' + row.join(',') + '\r\n');
    await expectRefused(['--progress', f], [new RegExp(`split\\.csv › 第2行：该行有 ${H.length + 1} 个单元格，比表头多 1 个[\\s\\S]*用了逗号`)]);
  });
  it('refuses two rows for the same division and year across files', async () => {
    const a = await bad([R({ [W]: '0.9' })], 'a.csv');
    const b = await bad([R({ [IRR]: '0.68' }, '150402', '红山')], 'b.csv');
    await expectRefused(['--progress', a, '--progress', b], [/b\.csv › 第2行 B列「行政区划代码」：红山区 2024年的数据出现了两次（另一处：.*a\.csv › 第2行）/]);
  });
  it('refuses a 全市 figure far from the sum of the counties, naming the difference', async () => {
    const annex = (await fs.readFile('data-pipeline/input/annex.csv', 'utf8')).trim().split('\n').slice(1).map((l) => l.split(','));
    const rows = annex.map(([code, name, w]) => R({ [W]: code === '150400' ? '25.0' : w }, code, name));
    await expectRefused(['--progress', await bad(rows)], [/2024年12个旗县区合计 20\.2285，全市为 25，相差 4\.7715，超过允许的 0\.5%/]);
  });
  it('names an .xlsx saved as .csv and an old .xls in the progress folder', async () => {
    const input = await copyInput();
    await fs.writeFile(path.join(input, 'progress/进展.csv'), template);
    await fs.writeFile(path.join(input, 'progress/2022.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    await expectRefused(['--input', input], [/2022\.xls：这是旧版 Excel（\.xls）文件/, /进展\.csv：扩展名是 \.csv，内容却是 Excel 工作簿/]);
  });
});

describe('warnings: exit 0, printed, kept in the report', () => {
  it('warns about a large change since the previous year and an unknown column, and still builds', async () => {
    const f = await writeTmp(
      'jump.csv',
      [H.join(',') + ',填报人', `2023,150402,红山区,0.9,,,,,,${SRC},,,张三`, `2024,150402,红山区,1.5,,,,,,${SRC},,,张三`].join('\r\n'),
    );
    const dir = path.join(await tmpDir('warn'), 'data');
    const r = await runCli(['--progress', f, '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/进展数据有 2 处警告（不影响生成，已记入 progress-report\.json）/);
    expect(r.out).toMatch(/警告  .*jump\.csv › 第1行 M列「填报人」：模板中没有这一列/);
    expect(r.out).toMatch(/警告  .*jump\.csv › 第3行 D列「用水总量（亿立方米）」：与2023年的 0\.9 亿立方米 相比变化了 67%/);
    const report = ProgressReport.parse(JSON.parse(await fs.readFile(path.join(dir, 'progress-report.json'), 'utf8')));
    expect(report.warnings.map((w) => w.code)).toEqual(['header_unknown', 'yearly_change']);
    expect((await readCsv(dir)).length).toBe(2);
  });
  it('names files in the progress folder that it does not read', async () => {
    const input = await copyInput();
    await fs.writeFile(path.join(input, 'progress/.DS_Store'), 'x');
    await fs.writeFile(path.join(input, 'progress/~$2024.xlsx'), 'x');
    const r = await runCli(['--input', input, '--out', path.join(await tmpDir('skip'), 'data')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/进展数据目录中未读取（不是 \.xlsx 或 \.csv）：progress\/\.DS_Store, progress\/~\$2024\.xlsx/);
  });
});

describe('the data dictionary', () => {
  it('describes every column of progress.csv, in both languages, and the fields of progress.json', async () => {
    const d = JSON.parse(await fs.readFile(path.join(out, 'dictionary.json'), 'utf8'));
    const cols = d.columns.filter((c: { file: string }) => c.file === 'progress.csv');
    const header = (await fs.readFile(path.join(out, 'progress.csv'), 'utf8')).slice(1).split('\r\n')[0].split(',');
    expect(cols.map((c: { column: string }) => c.column)).toEqual(header);
    for (const c of cols) expect(c.name_en && c.meaning_en && c.source_en && c.meaning_zh).toBeTruthy();
    const json = d.columns.filter((c: { file: string }) => c.file === 'progress.json').map((c: { column: string }) => c.column);
    expect(json).toEqual(['rows', 'divisions', 'maps', 'headlines', 'cross_checks']);
  });
});

describe('the contract gate before the swap', () => {
  it('refuses an output whose JSON text does not match the contract (a number that became null)', async () => {
    const outMap = new Map<string, string | Uint8Array>();
    for (const f of ['progress.json', 'annex.json']) outMap.set(f, await fs.readFile(path.join(out, f), 'utf8'));
    expect(() => checkJsonOutputs(outMap)).not.toThrow();
    const p = JSON.parse(outMap.get('progress.json') as string);
    const withNull = { ...p, rows: [{ year: 2024, adcode: '150402', name_zh: '红山区', indicator: 'water_use_cap', value: null, value_text: '1', unit: '亿立方米', target: 0.9098, target_note: '', status: 'met', source: 's', note: '', example: false, origin: { file: 'a.csv', sheet: null, row: 2 } }] };
    outMap.set('progress.json', JSON.stringify(withNull));
    expect(() => checkJsonOutputs(outMap)).toThrow(/progress\.json \[rows\.0\.value\]: output breaks the data contract/);
  });
});
