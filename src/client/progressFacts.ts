/**
 * The table and the county panels in the progress view (loaded only when a progress map is shown):
 * the mapped column's cells gain a second line (the year's figure and its status), a note above the
 * table names the year and the sources; each county's panel says the figure, its year, status and
 * source. Every word comes from the page config, rendered at build time.
 */
import type { AtlasState } from '../lib/urlState';
import { progressLook, swatchSvg } from '../domain/cellLook';
import { mapSources, progressFigure } from '../lib/progressView';
import { shownMap, type ProgressPageConfig } from './progressControls';

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
  if (!key) return;
  const m = cfg.meta.find((x) => x.id === s.indicator)!;
  const short = cfg.lang === 'zh' ? m.short_zh : m.short_en;
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
      note.textContent = fillIn(S.tableNote, { name: short, year: s.year!, sources: mapSources(cfg.progress, key).join(S.listSep) });
      if (cfg.progress.example) note.append(' ', exampleBadge(cfg));
      note.hidden = false;
    } else if (note) note.hidden = true;
  }
  // one line per county panel, under its heading (made here: the first view carries none)
  for (const panel of document.querySelectorAll<HTMLElement>('section[data-panel]')) {
    const code = panel.dataset.panel!;
    let box = panel.querySelector<HTMLElement>('[data-panel-progress]');
    if (!box) {
      box = document.createElement('p');
      box.className = 'panel-progress';
      box.dataset.panelProgress = code;
      panel.querySelector('header')?.after(box);
    }
    box.hidden = false;
    box.replaceChildren();
    const f = progressFigure(cfg.progress, key, code);
    const head = document.createElement('strong');
    // the indicator named as the figure's label, not as what the figure is ("用水总量上限 2.01亿立方米" read as a cap)
    head.textContent = `${fillIn(S.panelProgress, { year: s.year! })}${cfg.lang === 'zh' ? `（${short}）` : ` (${short})`}${S.colon}`;
    box.append(head);
    if (f) box.append(`${f.figure} `);
    box.append(statusEl(cfg, cfg.progress.maps[key]?.[code] ?? 'no_data'));
    if (f) {
      const src = document.createElement('small');
      src.className = 'src';
      src.textContent = `${S.source}${S.colon}${f.source}${f.updated}`;
      box.append(src);
    }
    if (cfg.progress.example) box.append(' ', exampleBadge(cfg));
  }
  const badge = document.getElementById('progress-example-badge');
  if (badge) badge.hidden = !(key && cfg.progress.example);
}
