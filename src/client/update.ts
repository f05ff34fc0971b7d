/**
 * The update page (数据更新助手): an official's file, checked in this browser with the very code the
 * pipeline runs (src/domain/progress.ts), never sent anywhere. Shows the report (formatProblem, as
 * the pipeline prints it), the file as a table with the offending cells marked, a preview of the
 * progress map (the pipeline's projected county paths, coloured by cellLook's progress scheme) with
 * each division's figure and status, and, for a clean file, the checked CSV (templateCsv).
 *
 * The spreadsheet reader, exceljs, is imported only here and only when an .xlsx arrives: its
 * package's "browser" field gives Vite the self-contained browser build (dist/exceljs.min.js),
 * bundled as a chunk of its own that no other page loads.
 */
import { localDate } from '../domain/format';
import type { AnnexRow, CountyPathsFile, ProgressFile, ProgressProblem, ProgressRow } from '../domain/contract';
import type { IndicatorId } from '../domain/indicators';
import { buildProgressFile, checkProgressFiles, type ProgressCheck } from '../domain/progress';
import { columnLetter, formatProblem } from '../domain/progressProblems';
import type { ExcelModule } from '../domain/progressTable';
import { templateCsv } from '../domain/progressTemplate';
import { progressLegendItems, progressLook, swatchSvg } from '../domain/cellLook';
import type { ProgressWords } from '../domain/vocabulary';
import { figureWithUnit } from '../domain/format';
import { progressSvg } from '../lib/progressSvg';

interface Config {
  lang: 'zh' | 'en';
  annex: { city: AnnexRow; counties: AnnexRow[] };
  targets: { id: string; indicator: IndicatorId | null }[];
  pathsUrl: string;
  indicators: { id: IndicatorId; name: string; unit: string; unit_zh: string; unit_en: string; targets: Record<string, string> }[];
  divisions: { adcode: string; name: string }[];
  words: ProgressWords;
  strings: Record<string, string>;
}

/** rows of a sheet shown in the table view: enough for 13 divisions × many years, bounded for a stray huge file */
const MAX_TABLE_ROWS = 400;

const cfgEl = document.getElementById('update-config');
if (cfgEl) start(JSON.parse(cfgEl.textContent!) as Config);

function start(cfg: Config) {
  const S = cfg.strings;
  const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k) => String(v[k] ?? ''));
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: (Node | string)[]) => {
    const e = Object.assign(document.createElement(tag), props);
    e.append(...kids);
    return e;
  };
  const input = $<HTMLInputElement>('upd-file');
  const drop = $('upd-drop');
  const status = $('upd-status');
  const result = $('upd-result');
  let downloadUrl: string | null = null;
  let paths: Promise<CountyPathsFile> | null = null;
  let excel: Promise<ExcelModule> | null = null;

  const loadExcel = () =>
    (excel ??= (async () => {
      status.textContent = S.readingExcel;
      const m = (await import('exceljs')) as unknown as ExcelModule & { default?: ExcelModule };
      return m.default ?? m;
    })());

  async function check(list: File[]) {
    if (!list.length) return;
    status.textContent = fill(S.reading, { files: list.map((f) => f.name).join(S.listSep) });
    try {
      const files = await Promise.all(list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const now = new Date();
      const r = await checkProgressFiles(files, { annex: cfg.annex, currentYear: now.getFullYear(), today: localDate(now) }, loadExcel);
      status.textContent = fill(S.checked, { files: list.map((f) => f.name).join(S.listSep) });
      await show(r);
    } catch (err) {
      status.textContent = fill(S.failed, { message: String((err as Error)?.message ?? err) });
    }
  }

  input.addEventListener('change', () => {
    const list = [...(input.files ?? [])];
    // cleared, so that choosing the same file again (after fixing it in Excel) checks it again
    input.value = '';
    void check(list);
  });
  // a file dropped anywhere on the page is checked, never opened by the browser in place of the page
  for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (e) => e.preventDefault());
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    void check([...(e.dataTransfer?.files ?? [])]);
  });

  async function show(r: ProgressCheck) {
    const errors = r.problems.filter((p) => p.level === 'error');
    const warnings = r.problems.filter((p) => p.level === 'warning');
    const years = [...new Set(r.rows.map((x) => x.year))].sort((a, b) => a - b);
    const divisions = new Set(r.rows.map((x) => x.adcode)).size;
    const summary = $('upd-summary');
    summary.dataset.errors = String(errors.length);
    summary.dataset.warnings = String(warnings.length);
    summary.textContent = errors.length
      ? fill(S.summaryErrors, { errors: errors.length, warnings: warnings.length })
      : r.rows.length === 0
        ? S.summaryNothing
        : fill(S.summaryClean, { figures: r.rows.length, years: years.map((y) => fill(S.yearOption, { year: y })).join(S.listSep), divisions }) +
          (warnings.length ? ` ${fill(S.summaryWarnings, { warnings: warnings.length })}` : '');
    summary.className = `upd-summary ${errors.length ? 'bad' : 'good'}`;
    problemList('upd-errors', errors);
    problemList('upd-warnings', warnings);

    // the checked CSV: only for a file with no error, as the pipeline would accept it
    const clean = errors.length === 0 && r.rows.length > 0;
    $('upd-clean').hidden = !clean;
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = null;
    if (clean) {
      downloadUrl = URL.createObjectURL(new Blob([templateCsv(r.rows)], { type: 'text/csv;charset=utf-8' }));
      $<HTMLAnchorElement>('upd-download').href = downloadUrl;
    }

    tables(r);
    result.hidden = false;
    await preview(r.rows, buildProgressFile(r.rows, cfg.annex, cfg.targets, r.crossChecks, false), errors.length > 0);
    summary.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }

  /** the anchor of a cell in the table view */
  const cellId = (t: number, cell: string) => `upd-cell-${t}-${cell}`;
  const tableIndex = new Map<string, number>();
  const tableKey = (file: string, sheet: string | null) => `${file}\u0000${sheet ?? ''}`;

  function problemList(id: string, list: ProgressProblem[]) {
    const box = $(id);
    const ol = box.querySelector('ol')!;
    ol.replaceChildren();
    box.hidden = list.length === 0;
    for (const p of list) {
      const [first, second] = formatProblem(p, cfg.lang).split('\n').map((x) => x.trim());
      const li = el('li', { className: `problem ${p.level}` }, el('p', { className: 'what' }, first), el('p', { className: 'how' }, second ?? ''));
      li.dataset.code = p.code;
      if (p.cell) {
        li.dataset.cell = p.cell;
        const a = el('a', { href: '#' }, fill(S.showCell, { cell: p.cell }));
        a.addEventListener('click', (e) => {
          e.preventDefault();
          const t = tableIndex.get(tableKey(p.file, p.sheet));
          const td = t === undefined ? null : document.getElementById(cellId(t, p.cell!));
          if (td) {
            td.scrollIntoView({ block: 'center', inline: 'center', behavior: 'smooth' });
            td.focus({ preventScroll: true });
          }
        });
        li.append(a);
      }
      ol.append(li);
    }
  }

  /** The file as read, with row numbers and column letters as Excel shows them, the problems in place. */
  function tables(r: ProgressCheck) {
    const box = $('upd-tables');
    box.replaceChildren();
    tableIndex.clear();
    (r.tables ?? []).forEach((tb, ti) => {
      if (tb.rows.length === 0) return;
      tableIndex.set(tableKey(tb.file, tb.sheet), ti);
      const mine = r.problems.filter((p) => p.file === tb.file && p.sheet === tb.sheet);
      const byCell = new Map<string, ProgressProblem[]>();
      const byRow = new Map<number, ProgressProblem[]>();
      for (const p of mine) {
        if (p.cell) byCell.set(p.cell, [...(byCell.get(p.cell) ?? []), p]);
        else if (p.row !== null) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
      }
      const width = Math.max(...tb.rows.map((x) => x.cells.length));
      const head = el('tr', {}, el('th', { scope: 'col' }, ''));
      for (let c = 0; c < width; c++) head.append(el('th', { scope: 'col' }, columnLetter(c)));
      const body = el('tbody');
      for (const row of tb.rows.slice(0, MAX_TABLE_ROWS)) {
        const rowProblems = byRow.get(row.row) ?? [];
        const th = el('th', { scope: 'row' }, String(row.row));
        mark(th, rowProblems);
        const tr = el('tr', {}, th);
        for (let c = 0; c < width; c++) {
          const ref = `${columnLetter(c)}${row.row}`;
          const td = el('td', { id: cellId(ti, ref), tabIndex: -1 }, row.cells[c] ?? '');
          td.dataset.cell = ref;
          mark(td, byCell.get(ref) ?? []);
          tr.append(td);
        }
        body.append(tr);
      }
      const caption = el('caption', {}, [tb.file, tb.sheet].filter(Boolean).join(' › '));
      const wrap = el('div', { className: 'table-wrap upd-sheet' }, el('table', { className: 'upd-file' }, caption, el('thead', {}, head), body));
      box.append(wrap);
      if (tb.rows.length > MAX_TABLE_ROWS) box.append(el('p', { className: 'note' }, fill(S.tableCut, { n: MAX_TABLE_ROWS })));
    });
  }

  /** error before warning: a cell with both is marked as an error; the words of each are its title */
  function mark(cell: HTMLElement, list: ProgressProblem[]) {
    if (!list.length) return;
    const level = list.some((p) => p.level === 'error') ? 'error' : 'warning';
    cell.classList.add(level === 'error' ? 'err' : 'warn');
    cell.dataset.level = level;
    cell.title = list.map((p) => p.message[cfg.lang]).join('\n');
    cell.append(el('span', { className: 'visually-hidden' }, ` (${level === 'error' ? S.levelError : S.levelWarning}: ${cell.title})`));
  }

  async function preview(rows: ProgressRow[], file: ProgressFile, partial: boolean) {
    const box = $('upd-preview');
    const withYears = file.indicators.filter((x) => x.years.length);
    box.hidden = withYears.length === 0;
    $('upd-partial').hidden = !partial;
    if (!withYears.length) return;
    paths ??= fetch(cfg.pathsUrl).then((x) => {
      if (!x.ok) throw new Error(`${cfg.pathsUrl}: HTTP ${x.status}`);
      return x.json();
    });
    const pathData = await paths;
    const ind = $<HTMLSelectElement>('upd-indicator');
    const yr = $<HTMLSelectElement>('upd-year');
    const prevInd = ind.value;
    ind.replaceChildren(...withYears.map((x) => el('option', { value: x.id }, cfg.indicators.find((m) => m.id === x.id)!.name)));
    if (withYears.some((x) => x.id === prevInd)) ind.value = prevInd;
    const fillYears = () => {
      const years = withYears.find((x) => x.id === ind.value)!.years;
      const prevYear = yr.value;
      yr.replaceChildren(...years.map((y) => el('option', { value: String(y) }, fill(S.yearOption, { year: y }))));
      yr.value = years.includes(Number(prevYear)) ? prevYear : String(years.at(-1));
    };
    const draw = () => {
      const m = cfg.indicators.find((x) => x.id === ind.value)!;
      const year = Number(yr.value);
      const map = file.maps.find((x) => x.indicator === m.id && x.year === year)!;
      const mine = rows.filter((x) => x.indicator === m.id && x.year === year);
      // as every figure on the site reads (format.ts): in English converted to the unit named ("210 million m³")
      const figures = Object.fromEntries(mine.map((x) => [x.adcode, figureWithUnit(x.value_text, m, cfg.lang)]));
      const title = fill(S.mapTitle, { name: m.name, year });
      const svg = progressSvg({
        paths: pathData,
        statuses: map.statuses,
        // figures go in each division's tooltip; the table beside the map lists them all
        tooltips: figures,
        title,
        legend: progressLegendItems(map.counts, cfg.words, cfg.lang),
        notes: [fill(S.legendNote, { year })],
        words: cfg.words,
        lang: cfg.lang,
        idPrefix: 'upd',
      });
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const node = document.importNode(doc.documentElement, true);
      node.setAttribute('aria-label', fill(S.mapAlt, { title }));
      $('upd-map').replaceChildren(node);
      // every division, 全市 first, with its figure, status and 2025 target
      const tbody = $('upd-statuses');
      tbody.replaceChildren(
        ...cfg.divisions.map((d) => {
          const row = mine.find((x) => x.adcode === d.adcode);
          const look = progressLook(row ? row.status : 'no_data', cfg.words);
          const pill = el('span', { className: `status status-${row ? row.status : 'no_data'}` });
          pill.innerHTML = swatchSvg({ fill: look.fill, hatch: false, dotted: look.dotted }, { w: 12, h: 12 });
          pill.append(look.label);
          const tr = el('tr', {}, el('th', { scope: 'row' }, d.name), el('td', { className: 'fig' }, row ? figures[d.adcode] : '—'), el('td', {}, pill), el('td', {}, m.targets[d.adcode]));
          tr.dataset.adcode = d.adcode;
          tr.dataset.status = row ? row.status : 'no_data';
          return tr;
        }),
      );
    };
    ind.onchange = () => {
      fillYears();
      draw();
    };
    yr.onchange = draw;
    fillYears();
    draw();
  }
}
