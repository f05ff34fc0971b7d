/**
 * The map's progress view on the page (home page and embed): the view switch (2025 targets /
 * actual progress), the year selector holding only the years the indicator has, which legend and
 * summary show, and the plain message that replaces the map where there is no figure. The map
 * itself paints from the same state (src/map/layers.ts); the words were all rendered at build time.
 */
import type { AtlasState } from '../lib/urlState';
import type { IndicatorMeta } from '../domain/contract';
import type { ProgressWords } from '../domain/vocabulary';
import { mapKey, resolveYear, type ProgressViewConfig } from '../lib/progressView';

export interface ProgressPageConfig {
  progress: ProgressViewConfig;
  progressWords: ProgressWords;
  /** built from src/i18n/progress.ts; "{year}", "{name}", "{sources}" filled here */
  progressStrings: { yearOption: string; tableNote: string; panelProgress: string; source: string; colon: string; example: string; listSep: string; pngSources: string; point: string; clauseSep: string; target2025: string };
  /** the indicators (their short names head the table's note and the panel's line) */
  meta: IndicatorMeta[];
  lang: 'zh' | 'en';
}

/** The state as the page shows it: in the progress view, the year resolved to one the indicator has (or null: none). */
export function normalizeProgress(s: AtlasState, cfg: ProgressPageConfig): AtlasState {
  if (s.mode !== 'progress') return s.year === null ? s : { ...s, year: null };
  return { ...s, year: resolveYear(s, cfg.progress) };
}

/** The key of the progress map on show, or null (target view, or no figure for this indicator). */
export const shownMap = (s: AtlasState) => (s.mode === 'progress' && s.year !== null ? mapKey(s.indicator, s.year) : null);

/**
 * The table and the panels back to the target view (nothing of a progress map left); filling them
 * for a progress map is ./progressFacts.ts, loaded only when one is shown (the first view stays small).
 */
export function clearProgressFacts(table: HTMLTableElement | null): void {
  if (table) for (const el of table.querySelectorAll('.prog')) el.remove();
  const note = document.getElementById('table-progress-note');
  if (note) note.hidden = true;
  for (const box of document.querySelectorAll<HTMLElement>('[data-panel-progress]')) box.remove();
  const badge = document.getElementById('progress-example-badge');
  if (badge) badge.hidden = true;
}

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
