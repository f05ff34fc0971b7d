/**
 * Progress figures: the one check of an official's file and the one computation of what the site
 * shows. The pipeline runs it on every build; the browser's update page runs the same code on a
 * dropped file, so both give the same report. Pure and browser-safe: no Node APIs, the current
 * year is a parameter.
 *
 *   tables (progressTable.ts) --validateProgress--> rows + problems --buildProgressFile--> progress.json
 */
import {
  CROSS_CHECK_TOLERANCE,
  PROGRESS_FIRST_YEAR,
  type AnnexCell,
  type AnnexRow,
  type ProgressCrossCheck,
  type ProgressFile,
  type ProgressMap,
  type ProgressMapStatus,
  type ProgressPoint,
  type ProgressProblem,
  type ProgressReport,
  type ProgressRow,
  type ProgressStatus,
} from './contract';
import { INDICATORS, type IndicatorId } from './indicators';
import { CITY, COUNTIES, DIVISIONS, divisionByCode, divisionByName, nearestDivision, type DivisionDef } from './divisions';
import { makeProblem, type ProblemCode, type ProblemPlace } from './progressProblems';
import { PROGRESS_COLUMNS, progressHeader, readProgressFile, type ExcelModule, type ProgressTable } from './progressTable';
import { normalizeCell } from './text';

type Indicator = (typeof INDICATORS)[number];

/** Thresholds of the checks, named with their units. */
export const PROGRESS_CHECKS = {
  /** warn when an amount or coefficient moved by more than this share of the previous year's figure */
  yearlyChangeShare: 0.3,
  /** warn when a percent (decline rate) moved by more than this many percentage points in a year */
  yearlyChangePoints: 10,
  /** |全市 − Σ counties| refused beyond this share of 全市 (the annex check's tolerance) */
  crossCheckTolerance: CROSS_CHECK_TOLERANCE,
  /** a double holds 15 significant decimal digits exactly; more cannot be a published figure */
  maxSignificantDigits: 15,
} as const;

/** What the check needs besides the tables. */
export interface ProgressContext {
  /** the annex: each division's 2025 target (annex.json's city and counties) */
  annex: { city: AnnexRow; counties: AnnexRow[] };
  /** the latest year a figure may carry: the build's (or the browser's) current year */
  currentYear: number;
  /** today (YYYY-MM-DD, the build's or the browser's): the latest date of update a row may carry; without it, the end of currentYear */
  today?: string;
  /** the demonstration file: every row is marked example */
  example?: boolean;
}

export interface ProgressCheck {
  /** the accepted figures (complete only when there is no error) */
  rows: ProgressRow[];
  /** every problem of every file, errors and warnings, in file, sheet, row and column order */
  problems: ProgressProblem[];
  crossChecks: ProgressCrossCheck[];
  /** what was read of each file (the report's `files`) */
  files: ProgressReport['files'];
  /** the tables as read (checkProgressFiles only): the update page shows them, with the problems in place */
  tables?: ProgressTable[];
}

/**
 * The status rule (documented on the contract's ProgressStatus): where a figure stands against
 * the division's 2025 annex target.
 */
export function progressStatus(value: number, target: AnnexCell, direction: 'at_most' | 'at_least'): ProgressStatus {
  if (target.status === 'not_applicable') return 'no_target';
  // "保持2020年水平": no rise since 2020, i.e. a decline rate of at least 0
  if (target.status === 'maintain_2020') return value >= 0 ? 'met' : 'not_met';
  return (direction === 'at_most' ? value <= target.value : value >= target.value) ? 'met' : 'not_met';
}

// ---------------------------------------------------------------------------------------------
// cells
// ---------------------------------------------------------------------------------------------

type Parsed<T> = { ok: true; value: T } | { ok: false; code: ProblemCode; params?: Record<string, string | number> };

/** Canonical form of a typed figure: NFKC (full-width digits, ％, －), U+2212 minus, no inner spaces. */
const figureForm = (raw: string) => normalizeCell(raw).replace(/\u2212/g, '-');

/**
 * One indicator cell -> its figure, or why not. Numbers only: full-width digits and, in a % column,
 * a trailing % are accepted; "约0.9", "0.9左右", "1,2", "1e3", "1 2" and "." alone are refused;
 * "-0" is 0. The example in messages is the annex's 全市 figure, in the column's own unit.
 */
export function parseFigure(raw: string, ind: Indicator): Parsed<{ value: number; text: string }> | null {
  let t = figureForm(raw);
  if (t === '') return null;
  if (t.endsWith('%')) {
    if (ind.kind !== 'percent') return { ok: false, code: 'value_percent_not_allowed' };
    t = t.slice(0, -1);
  }
  t = t.replace(/^\+/, '');
  if (/^-?[\d.]*,[\d.,]*$/.test(t)) return { ok: false, code: 'value_comma' };
  if (/^-?\d+(\.\d+)?e[+-]?\d+$/i.test(t)) return { ok: false, code: 'value_exponent' };
  if (!/^-?\d+(\.\d+)?$/.test(t)) return { ok: false, code: 'value_not_number' };
  const digits = t.replace(/[-.]/g, '');
  const significant = digits.replace(/^0+/, '').replace(/0+$/, '').length;
  if (significant > PROGRESS_CHECKS.maxSignificantDigits || digits.length > PROGRESS_CHECKS.maxSignificantDigits + 5) {
    return { ok: false, code: 'value_too_long', params: { digits: digits.length, max: PROGRESS_CHECKS.maxSignificantDigits } };
  }
  let value = Number(t);
  // "-0", "-0.00": a figure of zero has no sign
  if (value === 0) {
    value = 0;
    t = t.replace(/^-/, '');
  }
  const [lo, hi] = ind.range.actual;
  if (!Number.isFinite(value) || value < lo || value > hi) return { ok: false, code: 'value_out_of_range', params: { lo, hi } };
  return { ok: true, value: { value, text: t } };
}

/** A year cell: "2024", "２０２４", "2024年". */
function parseYear(raw: string, currentYear: number): Parsed<number> | null {
  const t = normalizeCell(raw).replace(/年$/, '');
  if (t === '') return null;
  if (!/^\d{4}$/.test(t)) return { ok: false, code: 'year_invalid' };
  const y = Number(t);
  if (y < PROGRESS_FIRST_YEAR || y > currentYear) return { ok: false, code: 'year_out_of_range' };
  return { ok: true, value: y };
}

/**
 * The 更新日期 cell (optional) -> YYYY-MM-DD: "2026-03-22", "2026/3/22", "2026.3.22", "2026年3月22日",
 * full-width digits, an Excel date cell (read as YYYY-MM-DD), with a time of day after it or not
 * ("2026/3/22 0:00", as Excel writes a date into a CSV). A real calendar date, not before 1 January
 * of the figures' year (figures are published after the year they describe begins) and not after
 * `last` (today).
 */
export function parseUpdated(raw: string, year: number | null, last: string): Parsed<string> | null {
  const t = raw.normalize('NFKC').trim();
  if (t === '') return null;
  const m = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  if (!m) return { ok: false, code: 'updated_invalid' };
  const [y, mo, d] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return { ok: false, code: 'updated_invalid' };
  const iso = date.toISOString().slice(0, 10);
  const first = `${year ?? PROGRESS_FIRST_YEAR}-01-01`;
  if (iso < first || iso > last) return { ok: false, code: 'updated_out_of_range', params: { first, last, year: year ?? PROGRESS_FIRST_YEAR } };
  return { ok: true, value: iso };
}

// ---------------------------------------------------------------------------------------------
// the check
// ---------------------------------------------------------------------------------------------

/** Header cell -> its role in the template. */
type Role = { kind: 'fixed'; key: keyof typeof PROGRESS_COLUMNS } | { kind: 'indicator'; ind: Indicator };
const stripUnit = (h: string) => h.replace(/\([^()]*\)$/, '');

function roleOf(header: string): Role | { kind: 'wrong_unit'; expected: string } | null {
  const h = normalizeCell(header);
  for (const [key, name] of Object.entries(PROGRESS_COLUMNS)) if (h === normalizeCell(name)) return { kind: 'fixed', key: key as keyof typeof PROGRESS_COLUMNS };
  for (const ind of INDICATORS) if (h === normalizeCell(ind.column)) return { kind: 'indicator', ind };
  // the indicator's name with another unit ("用水总量（万立方米）"): a unit mistake, not an unknown column
  for (const ind of INDICATORS) {
    if (h !== '' && (stripUnit(h) === stripUnit(normalizeCell(ind.column)) || stripUnit(h) === normalizeCell(ind.name_zh))) {
      return { kind: 'wrong_unit', expected: ind.column };
    }
  }
  return null;
}

/**
 * A table whose first row mentions none of the template's key columns is not a progress table
 * (a header run together by full-width commas still mentions them, and gets its own message).
 */
function looksLikeProgressTable(header: string[]): boolean {
  const keys = [PROGRESS_COLUMNS.year, PROGRESS_COLUMNS.code].map(normalizeCell);
  return header.some((h) => keys.some((k) => normalizeCell(h).includes(k)));
}

/** how many non-empty rows from the top are searched for the header */
const HEADER_SEARCH_ROWS = 5;

interface Located {
  row: ProgressRow;
  at: ProblemPlace;
}

/** Number of decimals of a decimal text ("0.5800" -> 4). */
const decimalsOf = (t: string) => (t.includes('.') ? t.split('.')[1].length : 0);

/**
 * Every table of every file -> accepted rows and every problem at once (never only the first).
 * Errors mean the figures must not be published; warnings are for a human to look at.
 */
export function validateProgress(tables: ProgressTable[], ctx: ProgressContext, fileProblems: ProgressProblem[] = []): ProgressCheck {
  const problems: ProgressProblem[] = [...fileProblems];
  const add = (code: ProblemCode, at: ProblemPlace, params: Record<string, string | number> = {}) => problems.push(makeProblem(code, at, params));
  const annexByCode = new Map([ctx.annex.city, ...ctx.annex.counties].map((r) => [r.adcode, r]));
  const templateHeader = progressHeader().join(', ');
  const accepted: Located[] = [];
  const seen = new Map<string, ProblemPlace>();
  const files = new Map<string, ProgressReport['files'][number]>();
  const dataTables = new Set<string>();
  const where = (at: ProblemPlace) => [at.file, at.sheet, at.row != null ? `第${at.row}行` : null].filter(Boolean).join(' › ');

  for (const table of tables) {
    const { file, sheet } = table;
    const info = files.get(file) ?? { file, sheets: [], rows: 0, figures: 0 };
    files.set(file, info);
    if (table.rows.length === 0) continue;
    // the header is the first row that looks like one, among the first few: a title row above it
    // ("2024年赤峰市节水进展") is common and harmless
    const headAt = table.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => looksLikeProgressTable(r.cells));
    if (headAt < 0) {
      if (sheet !== null) add('sheet_skipped', { file, sheet }, { sheet });
      else add('no_data_table', { file, row: table.rows[0].row }, { header: table.rows[0].cells.map((c) => c.trim()).join(', '), template: templateHeader });
      continue;
    }
    const headRow = table.rows[headAt];
    const dataRows = table.rows.slice(headAt + 1);
    const header = headRow.cells.map((c) => c.trim());
    dataTables.add(file);
    if (sheet !== null) info.sheets.push(sheet);
    const place = (row: number | null, col: number | null, value?: string | null): ProblemPlace => ({
      file,
      sheet,
      row,
      col,
      column: col === null ? null : header[col] || `（第${col + 1}列）`,
      value,
    });

    // a header run together by full-width commas ("年份，行政区划代码，…" in one cell): one message saying so
    const required = ['year', 'code', 'name', 'source'] as const;
    const runTogether = header.find((h) => h.includes('，'));
    if (runTogether) {
      const found = new Set(header.map((h) => roleOf(h)).flatMap((r) => (r?.kind === 'fixed' ? [r.key] : [])));
      const missing = required.find((k) => !found.has(k));
      if (missing) {
        add('header_missing', { file, sheet, row: headRow.row }, { column: PROGRESS_COLUMNS[missing], header: header.join(', '), template: templateHeader, fullwidth: 1 });
        continue;
      }
    }

    // the header: every template column found once; unknown columns named, a wrong unit refused
    const cols = new Map<string, number>();
    const indicatorCols: { ind: Indicator; col: number }[] = [];
    const wrongUnit = new Set<string>();
    const ignored: number[] = [];
    let headerOk = true;
    header.forEach((h, j) => {
      if (h === '') {
        ignored.push(j);
        return;
      }
      const role = roleOf(h);
      const key = role?.kind === 'fixed' ? role.key : role?.kind === 'indicator' ? role.ind.id : null;
      if (key && cols.has(key)) {
        add('header_duplicate', place(headRow.row, j, h));
        headerOk = false;
      } else if (key) {
        cols.set(key, j);
        if (role?.kind === 'indicator') indicatorCols.push({ ind: role.ind, col: j });
      } else if (role?.kind === 'wrong_unit') {
        add('header_wrong_unit', place(headRow.row, j, h), { expected: role.expected });
        wrongUnit.add(role.expected);
        headerOk = false;
      } else {
        add('header_unknown', place(headRow.row, j, h));
        ignored.push(j);
      }
    });
    for (const key of required) {
      if (!cols.has(key)) {
        add('header_missing', { file, sheet, row: headRow.row }, { column: PROGRESS_COLUMNS[key], header: header.join(', '), template: templateHeader, fullwidth: 0 });
        headerOk = false;
      }
    }
    if (indicatorCols.length === 0) {
      add('header_no_indicator', { file, sheet, row: headRow.row }, { example: INDICATORS[0].column });
      headerOk = false;
    } else {
      // one warning naming every absent indicator column: a file may carry only some indicators
      const absent = INDICATORS.filter((ind) => !cols.has(ind.id) && !wrongUnit.has(ind.column)).map((ind) => ind.column);
      if (absent.length) add('header_missing_indicator', { file, sheet, row: headRow.row }, { columns: absent.map((c) => `“${c}”`).join('、'), columnsEn: absent.map((c) => `"${c}"`).join(', ') });
    }
    if (!headerOk) continue;
    // cells under no header or an unknown one that hold something: named once per column
    for (const j of ignored.filter((j) => header[j] === '')) {
      const r = dataRows.find((x) => (x.cells[j] ?? '').trim() !== '');
      if (r) add('header_unknown', place(r.row, j, r.cells[j]));
    }

    const cell = (cells: string[], key: string) => cells[cols.get(key)!] ?? '';
    for (const { row: rowNo, cells } of dataRows) {
      // more cells than the header: in a CSV a comma inside a number split a cell and shifted the
      // rest (even when the cell pushed out is empty); in a sheet, only cells that hold something count
      const extra = cells.slice(header.length);
      if (sheet === null ? extra.length > 0 : extra.some((c) => c.trim() !== '')) {
        add('row_extra_cells', place(rowNo, null, cells.join(',')), { cells: cells.length, extra: cells.length - header.length, header: header.length });
        continue;
      }
      info.rows++;
      const yearRaw = cell(cells, 'year');
      const codeRaw = cell(cells, 'code');
      const nameRaw = cell(cells, 'name');
      const source = cell(cells, 'source').trim();
      const note = cols.has('note') ? cell(cells, 'note').trim() : '';
      const filled = indicatorCols.filter(({ col }) => figureForm(cells[col] ?? '') !== '');
      const yearParsed = parseYear(yearRaw, ctx.currentYear);
      // an untouched template row (a division with no year and no figure) carries nothing
      if (yearParsed === null && filled.length === 0) continue;
      // an error about the row as a whole (year, division, source, a second row for the same
      // division and year) keeps all its figures out of what passed; a bad figure only itself
      let rowFailed = false;
      const fail = (code: ProblemCode, col: number | null, value: string | null, params: Record<string, string | number> = {}) => {
        if (col === null || !indicatorCols.some((c) => c.col === col)) rowFailed = true;
        add(code, place(rowNo, col, value), params);
      };

      // year
      let year: number | null = null;
      const yearCol = cols.get('year')!;
      if (yearParsed === null) fail('year_missing', yearCol, null);
      else if (!yearParsed.ok) fail(yearParsed.code, yearCol, yearRaw, { first: PROGRESS_FIRST_YEAR, last: ctx.currentYear });
      else year = yearParsed.value;

      // division: the code is authoritative, the name must agree (aliases allowed)
      let division: DivisionDef | undefined;
      const code = normalizeCell(codeRaw);
      const byCode = code ? divisionByCode(code) : undefined;
      const byName = normalizeCell(nameRaw) ? divisionByName(nameRaw) : undefined;
      const codeCol = cols.get('code')!;
      const nameCol = cols.get('name')!;
      if (code === '') fail('code_missing', codeCol, null, { hint: byName ? `${byName.name_zh}：${byName.adcode}` : '' });
      else if (!byCode) fail('code_unknown', codeCol, codeRaw, { hint: byName ? `${byName.name_zh}：${byName.adcode}` : '' });
      if (normalizeCell(nameRaw) !== '' && !byName) {
        const near = nearestDivision(nameRaw);
        fail('name_unknown', nameCol, nameRaw, { nearest: `${near.name_zh}（${near.adcode}）` });
      }
      if (byCode && byName && byCode.adcode !== byName.adcode) {
        fail('name_code_mismatch', codeCol, codeRaw, { code, codeName: byCode.name_zh, name: normalizeCell(nameRaw), nameCode: byName.adcode });
      }
      // the code decides the division unless the name names another one (then the row is ambiguous)
      if (byCode && !(byName && byName.adcode !== byCode.adcode)) division = byCode;

      // the date of the last update (optional column, optional cell)
      let updated: string | null = null;
      if (cols.has('updated')) {
        const raw = cell(cells, 'updated');
        const u = parseUpdated(raw, year, ctx.today ?? `${ctx.currentYear}-12-31`);
        if (u && !u.ok) fail(u.code, cols.get('updated')!, raw, u.params);
        else if (u) updated = u.value;
      }

      if (year !== null && filled.length === 0) add('row_no_figures', place(rowNo, null, null));
      if (filled.length > 0 && source === '') fail('source_missing', cols.get('source')!, null);

      // one row per division and year, across every file
      if (division && year !== null) {
        const key = `${division.adcode}|${year}`;
        const first = seen.get(key);
        if (first) fail('duplicate_row', codeCol, codeRaw, { name: division.name_zh, year, first: where(first) });
        else seen.set(key, { file, sheet, row: rowNo });
      }

      // figures
      const figures: { ind: Indicator; col: number; value: number; text: string }[] = [];
      for (const { ind, col } of filled) {
        const raw = cells[col];
        const p = parseFigure(raw, ind);
        if (p === null) continue;
        if (!p.ok) {
          const city = ctx.annex.city.cells[ind.id];
          const example = city.status === 'value' ? city.text : ind.kind === 'coefficient' ? '0.66' : '1.5';
          fail(p.code, col, raw, { example, unit: ind.unit_zh, unitEn: ind.unit_en, ...p.params });
        } else figures.push({ ind, col, ...p.value });
      }
      info.figures += figures.length;
      if (!division || year === null || rowFailed) continue;
      const annexRow = annexByCode.get(division.adcode);
      if (!annexRow) continue;
      for (const f of figures) {
        const target = annexRow.cells[f.ind.id];
        if (f.ind.kind === 'percent' && year === PROGRESS_FIRST_YEAR && f.value !== 0 && /2020/.test(f.ind.column)) {
          add('baseline_nonzero', place(rowNo, f.col, cells[f.col]));
        }
        accepted.push({
          at: place(rowNo, f.col, cells[f.col]),
          row: {
            year,
            adcode: division.adcode,
            name_zh: division.name_zh,
            indicator: f.ind.id,
            value: f.value,
            value_text: f.text,
            unit: f.ind.unit_zh,
            target: target.status === 'value' ? target.value : null,
            target_note: target.status === 'value' ? '' : target.text,
            status: progressStatus(f.value, target, f.ind.direction),
            source,
            note,
            updated,
            example: ctx.example ?? false,
            origin: { file: file.replace(/^.*[/\\]/, ''), sheet, row: rowNo },
          },
        });
      }
    }
  }
  for (const f of files.keys()) {
    if (!dataTables.has(f) && !problems.some((p) => p.file === f && p.level === 'error')) {
      add('no_data_table', { file: f }, { header: '—', template: templateHeader });
    }
  }
  for (const info of files.values()) {
    if (dataTables.has(info.file) && info.figures === 0 && !problems.some((p) => p.file === info.file && p.level === 'error')) add('no_figures', { file: info.file });
  }

  const notApplicable = (adcode: string, id: IndicatorId) => annexByCode.get(adcode)?.cells[id].status === 'not_applicable';
  const crossChecks = checkAcrossRows(accepted, notApplicable, add);
  const order = [...files.keys()];
  const rank = (p: ProgressProblem) => [order.indexOf(p.file), p.sheet ?? '', p.row ?? 0, p.cell ? p.cell.replace(/\d+$/, '').padStart(3, ' ') : ''] as const;
  problems.sort((a, b) => {
    const [fa, sa, ra, ca] = rank(a);
    const [fb, sb, rb, cb] = rank(b);
    return fa - fb || (sa < sb ? -1 : sa > sb ? 1 : 0) || ra - rb || (ca < cb ? -1 : ca > cb ? 1 : 0);
  });
  return { rows: sortRows(accepted.map((a) => a.row)), problems, crossChecks, files: [...files.values()] };
}

const INDICATOR_ORDER = new Map<string, number>(INDICATORS.map((d, i) => [d.id, i]));
function sortRows(rows: ProgressRow[]): ProgressRow[] {
  return rows.sort((a, b) => a.year - b.year || a.adcode.localeCompare(b.adcode) || INDICATOR_ORDER.get(a.indicator)! - INDICATOR_ORDER.get(b.indicator)!);
}

/** Checks that need several rows: 全市 against the counties, and the change since the previous year. */
function checkAcrossRows(
  accepted: Located[],
  notApplicable: (adcode: string, id: IndicatorId) => boolean,
  add: (code: ProblemCode, at: ProblemPlace, params?: Record<string, string | number>) => void,
): ProgressCrossCheck[] {
  const get = new Map(accepted.map((a) => [`${a.row.indicator}|${a.row.adcode}|${a.row.year}`, a]));
  const years = [...new Set(accepted.map((a) => a.row.year))].sort((a, b) => a - b);
  const checks: ProgressCrossCheck[] = [];
  const tolPct = PROGRESS_CHECKS.crossCheckTolerance * 100;
  for (const ind of INDICATORS.filter((i) => i.additive)) {
    for (const year of years) {
      const city = get.get(`${ind.id}|${CITY.adcode}|${year}`);
      if (!city) continue;
      const counties = COUNTIES.map((c) => get.get(`${ind.id}|${c.adcode}|${year}`));
      const present = counties.filter((x): x is Located => !!x);
      // a county larger than the whole city is a misplaced decimal point, complete or not
      for (const c of present) {
        if (c.row.value > city.row.value) add('county_exceeds_city', c.at, { city: city.row.value_text, year });
      }
      // sums in integers at the finest printed precision: no 0.1 + 0.2 noise
      const d = Math.min(10, Math.max(...[city, ...present].map((x) => decimalsOf(x.row.value_text))));
      const scale = 10 ** d;
      const sumInt = present.reduce((s, x) => s + Math.round(x.row.value * scale), 0);
      const cityInt = Math.round(city.row.value * scale);
      const without = COUNTIES.filter((_, i) => !counties[i]).map((c) => c.adcode);
      // a county whose annex target is "/" may have no figure; any other missing county leaves the sum incomplete
      const complete = without.every((code) => notApplicable(code, ind.id));
      const check: ProgressCrossCheck = {
        year,
        indicator: ind.id,
        city_value: cityInt / scale,
        county_sum: sumInt / scale,
        difference: (cityInt - sumInt) / scale,
        complete,
        counties_without_value: without,
      };
      checks.push(check);
      if (!complete || sumInt === cityInt) continue;
      const params = { year, sum: check.county_sum, city: check.city_value, diff: Number(check.difference.toFixed(d)), tol: tolPct };
      const beyond = Math.abs(cityInt - sumInt) > PROGRESS_CHECKS.crossCheckTolerance * Math.abs(cityInt);
      add(beyond ? 'city_sum_mismatch' : 'city_sum_differs', city.at, params);
    }
  }
  // the change since the previous year with a figure, per division and indicator
  const series = new Map<string, Located[]>();
  for (const a of accepted) {
    const k = `${a.row.adcode}|${a.row.indicator}`;
    series.set(k, [...(series.get(k) ?? []), a]);
  }
  for (const list of series.values()) {
    list.sort((a, b) => a.row.year - b.row.year);
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1].row;
      const cur = list[i].row;
      const ind = INDICATORS.find((x) => x.id === cur.indicator)!;
      if (ind.kind === 'percent') {
        const pts = Math.abs(cur.value - prev.value);
        if (pts > PROGRESS_CHECKS.yearlyChangePoints) {
          const change = `${Number(pts.toFixed(4))} 个百分点`;
          add('yearly_change', list[i].at, {
            prevYear: prev.year,
            prev: `${prev.value_text}%`,
            change,
            changeEn: `${Number(pts.toFixed(4))} percentage points`,
            limit: `${PROGRESS_CHECKS.yearlyChangePoints} 个百分点`,
            limitEn: `${PROGRESS_CHECKS.yearlyChangePoints} percentage points`,
          });
        }
      } else if (prev.value !== 0) {
        const share = Math.abs(cur.value - prev.value) / Math.abs(prev.value);
        if (share > PROGRESS_CHECKS.yearlyChangeShare) {
          const pct = `${Math.round(share * 100)}%`;
          const limit = `${Math.round(PROGRESS_CHECKS.yearlyChangeShare * 100)}%`;
          add('yearly_change', list[i].at, { prevYear: prev.year, prev: `${prev.value_text} ${ind.unit_zh}`, change: pct, changeEn: pct, limit, limitEn: limit });
        }
      }
    }
  }
  return checks;
}

/**
 * Read and check every file: the convenience both sides call.
 * `excel` loads the exceljs module only if an .xlsx is among the files.
 */
export async function checkProgressFiles(
  files: { name: string; bytes: Uint8Array }[],
  ctx: ProgressContext,
  excel: () => Promise<ExcelModule>,
): Promise<ProgressCheck> {
  const tables: ProgressTable[] = [];
  const problems: ProgressProblem[] = [];
  for (const f of files) {
    const r = await readProgressFile(f.name, f.bytes, excel);
    tables.push(...r.tables);
    problems.push(...r.problems);
    // a file that could not be read still appears in the report's list
    if (r.tables.length === 0) tables.push({ file: f.name, sheet: null, rows: [] });
  }
  return { ...validateProgress(tables, ctx, problems), tables };
}

// ---------------------------------------------------------------------------------------------
// what the site shows
// ---------------------------------------------------------------------------------------------

const point = (r: ProgressRow): ProgressPoint => ({
  year: r.year,
  value: r.value,
  value_text: r.value_text,
  status: r.status,
  source: r.source,
  note: r.note,
  updated: r.updated,
  example: r.example,
});

/**
 * Accepted rows -> progress.json: every division's series against its target, one status map per
 * indicator and year present, the newest city-wide figure for each city-wide target.
 */
export function buildProgressFile(
  rows: ProgressRow[],
  annex: { city: AnnexRow; counties: AnnexRow[] },
  targets: { id: string; indicator: IndicatorId | null }[],
  crossChecks: ProgressCrossCheck[],
  example: boolean,
): ProgressFile {
  const sorted = sortRows([...rows]);
  const annexByCode = new Map([annex.city, ...annex.counties].map((r) => [r.adcode, r]));
  const divisions = DIVISIONS.map((d) => {
    const a = annexByCode.get(d.adcode)!;
    return {
      adcode: d.adcode,
      name_zh: d.name_zh,
      name_en: d.name_en,
      indicators: INDICATORS.map((ind) => {
        const series = sorted.filter((r) => r.adcode === d.adcode && r.indicator === ind.id).map(point);
        return { indicator: ind.id, target: a.cells[ind.id], series, latest: series.at(-1) ?? null };
      }),
    };
  });
  const indicators = INDICATORS.map((ind) => ({
    id: ind.id,
    years: [...new Set(sorted.filter((r) => r.indicator === ind.id).map((r) => r.year))].sort((a, b) => a - b),
  }));
  const maps: ProgressMap[] = indicators.flatMap(({ id, years }) =>
    years.map((year) => {
      const statuses: Record<string, ProgressMapStatus> = {};
      const counts = { met: 0, not_met: 0, no_target: 0, no_data: 0 };
      for (const c of COUNTIES) {
        const s: ProgressMapStatus = sorted.find((r) => r.indicator === id && r.year === year && r.adcode === c.adcode)?.status ?? 'no_data';
        statuses[c.adcode] = s;
        counts[s]++;
      }
      return { indicator: id, year, statuses, counts };
    }),
  );
  const city = divisions[0];
  const headlines = targets.map((t) => ({
    target: t.id,
    indicator: t.indicator,
    latest: t.indicator ? (city.indicators.find((s) => s.indicator === t.indicator)?.latest ?? null) : null,
  }));
  return {
    example,
    years: [...new Set(sorted.map((r) => r.year))].sort((a, b) => a - b),
    indicators,
    rows: sorted,
    maps,
    divisions,
    headlines,
    cross_checks: crossChecks,
  };
}
