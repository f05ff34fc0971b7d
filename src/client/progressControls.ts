/**
 * The map's progress view on the page (home page and embed): the view switch (2025 targets /
 * actual progress), the year selector holding only the years the indicator has, which legend and
 * summary show, and the plain message that replaces the map where there is no figure. The map
 * itself paints from the same state (src/map/layers.ts); the words were all rendered at build time.
 */
import type { AtlasState } from '../lib/urlState';
import type { ProgressWords } from '../domain/vocabulary';
import { progressLook, swatchSvg } from '../domain/cellLook';
import { mapKey, mapSources, progressFigure, resolveYear, type ProgressViewConfig } from '../lib/progressView';

export interface ProgressPageConfig {
  progress: ProgressViewConfig;
  progressWords: ProgressWords;
  /** built from src/i18n/progress.ts; "{year}", "{name}", "{sources}" filled here */
  progressStrings: { yearOption: string; tableNote: string; panelProgress: string; source: string; colon: string; example: string; listSep: string; pngSources: string };
  /** each indicator's short name, for the table's note */
  shortNames: Record<string, string>;
}

const fillIn = (tpl: string, v: Record<string, string | number>) => tpl.replace(/\{(\w+)\}/g, (m, k: string) => (k in v ? String(v[k]) : m));

/** A status in words with its swatch, as on the legend (the colour is never the only sign). */
function statusEl(cfg: ProgressPageConfig, status: Parameters<typeof progressLook>[0]): HTMLElement {
  const look = progressLook(status, cfg.progressWords);
  const el = document.createElement('span');
  el.className = `status status-${status}`;
  el.dataset.role = 'status';
  el.dataset.status = status;
  el.innerHTML = swatchSvg({ fill: look.fill, hatch: false, dotted: look.dotted }, { w: 12, h: 12 });
  el.append(` ${look.label}`);
  return el;
}

function exampleBadge(cfg: ProgressPageConfig): HTMLElement {
  const b = document.createElement('span');
  b.className = 'badge example';
  b.textContent = cfg.progressStrings.example;
  return b;
}

/**
 * The table and the county panels in the progress view: the mapped column's cells gain a second
 * line (the year's figure and its status), a note above the table names the year and the sources;
 * the chosen county's panel says the figure, its year, status and source. Cleared in the target view.
 */
export function syncProgressFacts(cfg: ProgressPageConfig, s: AtlasState, table: HTMLTableElement | null): void {
  const key = shownMap(s);
  const S = cfg.progressStrings;
  if (table) {
    for (const el of table.querySelectorAll('.prog')) el.remove();
    let note = document.getElementById('table-progress-note');
    if (key) {
      for (const td of table.querySelectorAll<HTMLElement>(`tbody td[data-col="${s.indicator}"]`)) {
        const code = td.closest<HTMLElement>('tr')!.dataset.adcode!;
        const f = progressFigure(cfg.progress, key, code);
        const line = document.createElement('span');
        line.className = 'prog';
        line.dataset.year = String(s.year);
        if (f) line.append(`${f.figure} `);
        // 全市 has no map status: its figure stands alone (its status is on the headline cards)
        const st = cfg.progress.maps[key]?.[code];
        if (st) line.append(statusEl(cfg, st));
        else if (!f) line.append(statusEl(cfg, 'no_data'));
        td.append(line);
      }
      if (!note) {
        note = document.createElement('p');
        note.id = 'table-progress-note';
        note.className = 'note';
        table.closest('.table-wrap')?.before(note);
      }
      note.textContent = fillIn(S.tableNote, { name: cfg.shortNames[s.indicator], year: s.year!, sources: mapSources(cfg.progress, key).join(S.listSep) });
      if (cfg.progress.example) note.append(' ', exampleBadge(cfg));
      note.hidden = false;
    } else if (note) note.hidden = true;
  }
  for (const box of document.querySelectorAll<HTMLElement>('[data-panel-progress]')) {
    const code = box.dataset.panelProgress!;
    box.hidden = !key;
    box.replaceChildren();
    if (!key) continue;
    const f = progressFigure(cfg.progress, key, code);
    const head = document.createElement('strong');
    head.textContent = `${fillIn(S.panelProgress, { year: s.year! })}${S.colon}`;
    box.append(head, `${cfg.shortNames[s.indicator]} `);
    if (f) box.append(`${f.figure} `);
    box.append(statusEl(cfg, cfg.progress.maps[key]?.[code] ?? 'no_data'));
    if (f) {
      const src = document.createElement('small');
      src.className = 'src';
      src.textContent = `${S.source}${S.colon}${f.source}`;
      box.append(src);
    }
    if (cfg.progress.example) box.append(' ', exampleBadge(cfg));
  }
  const badge = document.getElementById('progress-example-badge');
  if (badge) badge.hidden = !(key && cfg.progress.example);
}

/** The state as the page shows it: in the progress view, the year resolved to one the indicator has (or null: none). */
export function normalizeProgress(s: AtlasState, cfg: ProgressPageConfig): AtlasState {
  if (s.mode !== 'progress') return s.year === null ? s : { ...s, year: null };
  return { ...s, year: resolveYear(s, cfg.progress) };
}

/** The key of the progress map on show, or null (target view, or no figure for this indicator). */
export const shownMap = (s: AtlasState) => (s.mode === 'progress' && s.year !== null ? mapKey(s.indicator, s.year) : null);

export function wireProgressControls(cfg: ProgressPageConfig, state: () => AtlasState, apply: (next: AtlasState) => void): void {
  for (const r of document.querySelectorAll<HTMLInputElement>('input[name="view"]')) {
    r.addEventListener('change', () => {
      if (r.checked) apply({ ...state(), mode: r.value === 'progress' ? 'progress' : 'targets', year: null });
    });
  }
  const year = document.getElementById('year-select') as HTMLSelectElement | null;
  year?.addEventListener('change', () => apply({ ...state(), year: Number(year.value) }));
  // the no-figure message offers the way back to the map that has figures
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-view="targets"]')) b.addEventListener('click', () => apply({ ...state(), mode: 'targets', year: null }));
}

/** Bring the switch, the year selector, legends, summaries and the no-figure message in line with `s`. */
export function syncProgressControls(cfg: ProgressPageConfig, s: AtlasState): void {
  const progress = s.mode === 'progress';
  const key = shownMap(s);
  for (const r of document.querySelectorAll<HTMLInputElement>('input[name="view"]')) r.checked = r.value === s.mode;
  const pick = document.getElementById('year-pick');
  const year = document.getElementById('year-select') as HTMLSelectElement | null;
  const years = cfg.progress.years[s.indicator] ?? [];
  if (pick && year) {
    pick.hidden = !progress || years.length === 0;
    const want = years.map(String).join();
    if (year.dataset.years !== want) {
      year.replaceChildren(...years.map((y) => new Option(cfg.progressStrings.yearOption.replace('{year}', String(y)), String(y))));
      year.dataset.years = want;
    }
    if (s.year !== null) year.value = String(s.year);
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-legend]')) el.hidden = progress || el.dataset.legend !== s.indicator;
  for (const el of document.querySelectorAll<HTMLElement>('[data-summary]')) el.hidden = progress || el.dataset.summary !== s.indicator;
  for (const el of document.querySelectorAll<HTMLElement>('[data-progress-legend]')) el.hidden = el.dataset.progressLegend !== (progress ? (key ?? 'none') : '');
  for (const el of document.querySelectorAll<HTMLElement>('[data-progress-summary]')) el.hidden = el.dataset.progressSummary !== (progress ? (key ?? 'none') : '');
  // no figure to draw: the map gives way to a plain message (what is missing, where figures will come from)
  const none = document.getElementById('progress-none');
  if (none) {
    none.hidden = !(progress && key === null);
    for (const p of none.querySelectorAll<HTMLElement>('[data-none-for]')) p.hidden = p.dataset.noneFor !== s.indicator;
  }
  document.getElementById('map')?.setAttribute('data-view', progress ? (key ? 'progress' : 'progress-none') : 'targets');
}
