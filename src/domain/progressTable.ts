/**
 * A progress file (the template officials fill, as .xlsx or .csv) -> plain tables of cell text
 * with the row numbers Excel shows, which src/domain/progress.ts validates. Shared by the pipeline
 * and the browser's update page; pure and browser-safe (TextDecoder, no Node APIs).
 *
 * The spreadsheet library is passed in, never imported here: the pipeline passes `exceljs`, the
 * update page passes the same package loaded lazily (`await import('exceljs')`, whose "browser"
 * field resolves to its self-contained browser build, dist/exceljs.min.js).
 */
import Papa from 'papaparse';
import type { Cell, Workbook } from 'exceljs';
import type { ProgressProblem } from './contract';
import { INDICATORS } from './indicators';
import { makeProblem } from './progressProblems';
import { showValue } from './text';

/** The template's fixed columns, as headed in the template (indicator columns use the registry's `column`). */
export const PROGRESS_COLUMNS = {
  year: '年份',
  code: '行政区划代码',
  name: '行政区',
  source: '来源',
  note: '备注',
  /** optional (a file made from an older template has no such column): when the row's figures were published or last corrected */
  updated: '更新日期',
} as const;

/**
 * The template's header: 年份, 行政区划代码, 行政区, one column per annex indicator (as in annex.csv),
 * 来源, 备注, and last the optional 更新日期 (the date the county pages show as the figures' last update).
 */
export function progressHeader(): string[] {
  const c = PROGRESS_COLUMNS;
  return [c.year, c.code, c.name, ...INDICATORS.map((i) => i.column), c.source, c.note, c.updated];
}

/** Name of the template's data sheet and of its instructions sheet. */
export const TEMPLATE_SHEET = '进展数据';
export const GUIDE_SHEET = '填写说明';

/** One row of a table: the row number as Excel shows it, and the text of each cell (column A first). */
export interface TableRow {
  row: number;
  cells: string[];
}
/** One sheet of a workbook, or a whole CSV file (sheet null). */
export interface ProgressTable {
  file: string;
  sheet: string | null;
  rows: TableRow[];
}
export interface ReadResult {
  tables: ProgressTable[];
  /** problems of the file itself (format, encoding, formulas without a result) */
  problems: ProgressProblem[];
}

/** The spreadsheet library's module, as `import('exceljs')` gives it (only its Workbook is used). */
export interface ExcelModule {
  Workbook: new () => Workbook;
}

const ext = (name: string) => (/\.([^./\\]+)$/.exec(name)?.[1] ?? '').toLowerCase();
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: .xls (and .et, old .doc) */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** spreadsheet formats an official may save instead: refused with a message, never skipped */
const OTHER_SPREADSHEETS = ['xls', 'et', 'ods', 'numbers', 'xlsm', 'xlsb', 'wps', 'txt'];

/**
 * What to do with a file found in the progress folder: read it (xlsx, csv), refuse it with a message
 * (another spreadsheet format, or a text export: the official meant it as data), or skip it and say
 * so (README, hidden files, Excel's "~$" lock files).
 */
export function progressFileKind(name: string): 'xlsx' | 'csv' | 'refuse' | 'skip' {
  const base = name.replace(/^.*[/\\]/, '');
  if (base.startsWith('.') || base.startsWith('~$') || /^readme/i.test(base)) return 'skip';
  const e = ext(base);
  if (e === 'xlsx' || e === 'csv') return e;
  return OTHER_SPREADSHEETS.includes(e) ? 'refuse' : 'skip';
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/**
 * Bytes of a CSV as officials save it -> text: UTF-8 with or without BOM, GB18030 (what Excel on a
 * Chinese Windows writes for "CSV"; a superset of GBK), or UTF-16 with BOM (Excel's "Unicode text").
 * Returns null when the bytes are none of these.
 */
export function decodeCsvBytes(bytes: Uint8Array): string | null {
  const tryDecode = (enc: string, b: Uint8Array) => {
    try {
      return new TextDecoder(enc, { fatal: true }).decode(b);
    } catch {
      return null;
    }
  };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return tryDecode('utf-8', bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return tryDecode('utf-16le', bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return tryDecode('utf-16be', bytes.subarray(2));
  return tryDecode('utf-8', bytes) ?? tryDecode('gb18030', bytes);
}

/** A CSV file -> one table. Excel's row numbers are record numbers (a quoted line break stays in its row). */
export function csvToTable(file: string, bytes: Uint8Array): ReadResult {
  const fail = (code: Parameters<typeof makeProblem>[0]): ReadResult => ({ tables: [], problems: [makeProblem(code, { file })] });
  if (bytes.length === 0) return fail('file_empty');
  if (startsWith(bytes, ZIP)) return fail('file_xlsx_as_csv');
  if (startsWith(bytes, OLE2)) return fail('file_old_xls');
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  // a NUL byte never occurs in UTF-8 or GB18030 text: this is a binary file
  if (!utf16 && bytes.subarray(0, 65536).includes(0)) return fail('file_not_text');
  const text = decodeCsvBytes(bytes);
  if (text === null) return fail('file_encoding');
  if (text.trim() === '') return fail('file_empty');
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    // Excel's "Unicode text" is tab-separated; some locales save ";"
    delimitersToGuess: [',', '\t', ';'],
  });
  const problems: ProgressProblem[] = [];
  for (const e of parsed.errors) {
    if (e.type === 'Quotes') problems.push(makeProblem('csv_malformed', { file, row: (e.row ?? 0) + 1 }));
  }
  const rows: TableRow[] = [];
  parsed.data.forEach((cells, i) => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: i + 1, cells });
  });
  return { tables: problems.length ? [] : [{ file, sheet: null, rows }], problems };
}

// ---------------------------------------------------------------------------------------------
// XLSX
// ---------------------------------------------------------------------------------------------

/**
 * A number as plain decimal text, with its shortest round-trip digits ("0.66", never
 * "0.66000000000000003"), and at most the 15 significant digits Excel itself shows: a formula's
 * 0.1+0.2 is "0.3" as in the cell, not 0.30000000000000004 (which the check would refuse as too long).
 */
function numberText(v: number): string {
  if (Object.is(v, -0)) return '-0';
  const s = String(v);
  if (/e/i.test(s)) return s;
  const significant = s.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length;
  return significant > 15 ? String(Number(v.toPrecision(15))) : s;
}

/** "0.205" -> "20.5": moves the decimal point two places right in text, so 0.205 never becomes 20.499999999999996. */
export function shiftPercent(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return s;
  const frac = (m[3] ?? '').padEnd(2, '0');
  const int = (m[2] + frac.slice(0, 2)).replace(/^0+(?=\d)/, '');
  const rest = frac.slice(2);
  return `${m[1]}${int}${rest ? `.${rest}` : ''}`;
}

/** Decimals a number format shows: "0.0000" -> 4, "0.0%" -> 1, "General" -> null. */
function formatDecimals(fmt: string): number | null {
  const m = /^(?:0|#,##0)\.(0+)%?$/.exec(fmt);
  return m ? m[1].length : /^(?:0|#,##0)%?$/.test(fmt) ? 0 : null;
}

/** Pads "0.58" to "0.5800" when the cell shows four decimals; never removes a digit. */
function padDecimals(s: string, decimals: number | null): string {
  if (decimals === null || decimals === 0 || !/^-?\d+(\.\d+)?$/.test(s)) return s;
  const [i, f = ''] = s.split('.');
  return f.length >= decimals ? s : `${i}.${f.padEnd(decimals, '0')}`;
}

/**
 * The text of a cell as the official typed it, which the validator reads exactly like a CSV cell:
 * - a number: its shortest decimal digits ("0.66"), padded to the decimals the cell's format shows
 *   ("0.5800" in a 0.0000 cell); in a percent-formatted cell the percent as shown: a typed 66% (stored
 *   0.66) gives "66%", which a % column reads as 66 and any other column refuses;
 * - text: as typed (so "约0.9" reaches the validator and is refused there);
 * - a formula: its computed result, read as above (undefined when the file was never computed);
 * - a date: "YYYY-MM-DD" (a date is never a figure or a year; the validator says so);
 * - rich text and hyperlinks: their plain text; an error value: "#DIV/0!" etc.; true/false: "TRUE"/"FALSE".
 */
export function cellText(cell: Pick<Cell, 'value' | 'numFmt'>): string | undefined {
  const fmt = cell.numFmt ?? '';
  const fromValue = (v: unknown): string | undefined => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') {
      const pct = /%$/.test(fmt.replace(/"[^"]*"/g, ''));
      const s = pct ? shiftPercent(numberText(v)) : numberText(v);
      return padDecimals(s, formatDecimals(fmt)) + (pct ? '%' : '');
    }
    if (typeof v === 'string') return v;
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
    if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('formula' in o || 'sharedFormula' in o) return o.result === undefined ? undefined : fromValue(o.result);
      if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
      if ('error' in o) return String(o.error);
      if ('text' in o) return fromValue(o.text);
    }
    return String(v);
  };
  return fromValue(cell.value);
}

/** A loaded workbook -> one table per sheet (the 填写说明 sheet is skipped: it is the template's own). */
export function workbookToTables(file: string, wb: Workbook): ReadResult {
  const tables: ProgressTable[] = [];
  const problems: ProgressProblem[] = [];
  wb.eachSheet((ws) => {
    if (ws.name === GUIDE_SHEET) return;
    const rows: TableRow[] = [];
    ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
      const cells: string[] = [];
      for (let c = 1; c <= r.cellCount; c++) {
        const cell = r.getCell(c);
        const text = cellText(cell);
        if (text === undefined) {
          problems.push(makeProblem('formula_no_result', { file, sheet: ws.name, row: rowNumber, col: c - 1, value: `=${cell.formula ?? ''}` }));
          cells.push('');
        } else cells.push(text);
      }
      if (cells.some((x) => x.trim() !== '')) rows.push({ row: rowNumber, cells });
    });
    tables.push({ file, sheet: ws.name, rows });
  });
  return { tables, problems };
}

/**
 * Any progress file -> tables and the problems of the file itself. `excel` is the exceljs module
 * (loaded only when an .xlsx comes in). Never throws for a bad file: every failure is a problem.
 */
export async function readProgressFile(file: string, bytes: Uint8Array, excel: () => Promise<ExcelModule>): Promise<ReadResult> {
  const e = ext(file);
  if (e === 'csv') return csvToTable(file, bytes);
  if (e === 'xls' || e === 'et' || startsWith(bytes, OLE2)) return { tables: [], problems: [makeProblem('file_old_xls', { file })] };
  if (e !== 'xlsx') return { tables: [], problems: [makeProblem('file_unsupported', { file }, { ext: e || '?' })] };
  if (bytes.length === 0) return { tables: [], problems: [makeProblem('file_empty', { file })] };
  if (!startsWith(bytes, ZIP)) return { tables: [], problems: [makeProblem('file_unreadable', { file }, { detail: '不是 zip 格式 / not a zip archive' })] };
  const { Workbook } = await excel();
  const wb = new Workbook();
  try {
    // a copy: exceljs may keep a view on the buffer, and the caller's bytes stay untouched
    await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  } catch (err) {
    const detail = showValue(String((err as Error)?.message ?? err));
    return { tables: [], problems: [makeProblem('file_unreadable', { file }, { detail })] };
  }
  return workbookToTables(file, wb);
}
