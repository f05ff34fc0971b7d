/** The map's hover tooltip: the county and its value in words (or, in the progress view, its status in the year shown), the project and its precision, or a coal mine. */
import type { CoalMineProps, CountyProps, IndicatorMeta, ProjectFeature } from '../domain/contract';
import { countyCell } from '../domain/cells';
import { cellLook, progressLook } from '../domain/cellLook';
import { unitAfter } from '../domain/format';
import type { ProgressMapStatus } from '../domain/contract';
import type { CellWords, ProgressWords } from '../domain/vocabulary';

export interface TooltipText {
  lang: 'zh' | 'en';
  words: CellWords;
  names: Record<string, string>;
  schematicLabel: string;
  /** each coal mine's name and one-line facts, written at build time (display.ts mineLine), by GEM id */
  mineText: Record<string, { name: string; line: string; note: string }>;
  progressWords: ProgressWords;
  progressStrings: { yearOption: string };
}

/** In the progress view: the county's status in the year shown, and its figure as written (null: none). */
export interface TooltipProgress {
  status: ProgressMapStatus;
  figure: string | null;
  year: number;
}

export function showTooltip(
  tooltip: HTMLElement,
  at: { x: number; y: number; width: number },
  hit: { county: CountyProps | null; project: ProjectFeature['properties'] | null; mine?: CoalMineProps | null; progress?: TooltipProgress | null },
  meta: IndicatorMeta,
  o: TooltipText,
): void {
  const { county, project, mine } = hit;
  if (!county && !project && !mine) {
    tooltip.hidden = true;
    return;
  }
  tooltip.replaceChildren();
  const strong = document.createElement('strong');
  const line = document.createElement('div');
  const zh = o.lang === 'zh';
  const extra: HTMLElement[] = [];
  if (mine) {
    const m = o.mineText[mine.gem_id];
    strong.textContent = m?.name ?? mine.name_en;
    line.textContent = m?.line ?? '';
    const note = document.createElement('div');
    note.className = 'note';
    note.textContent = m?.note ?? '';
    extra.push(note);
    delete tooltip.dataset.adcode;
    delete tooltip.dataset.status;
    tooltip.dataset.gemId = mine.gem_id;
  } else if (county && hit.progress) {
    const p = hit.progress;
    const look = progressLook(p.status, o.progressWords);
    strong.textContent = o.names[county.adcode];
    const year = o.progressStrings.yearOption.replace('{year}', String(p.year));
    line.textContent = `${zh ? meta.short_zh : meta.short_en}${zh ? `（${year}）：` : ` (${year}): `}${p.figure ? `${p.figure} · ` : ''}${look.label}`;
    tooltip.dataset.adcode = county.adcode;
    tooltip.dataset.status = p.status;
  } else if (county) {
    delete tooltip.dataset.status;
    const cell = countyCell(county, meta.id);
    const label = cellLook(cell, meta, o.words).label;
    strong.textContent = o.names[county.adcode];
    // the figure and its unit, as format.ts reads them (no space before a unit in Chinese or before %)
    const unit = cell.status === 'value' ? unitAfter(meta, o.lang, cell.text) : '';
    const v = unit ? `${label}${zh || unit === '%' ? '' : ' '}${unit}` : label;
    line.textContent = `${zh ? `${meta.short_zh}：` : `${meta.short_en}: `}${v}`;
    tooltip.dataset.adcode = county.adcode;
  } else if (project) {
    strong.textContent = zh ? project.name_zh : project.name_en;
    line.textContent = project.precision === 'schematic' ? o.schematicLabel : '';
    delete tooltip.dataset.adcode;
    delete tooltip.dataset.status;
  }
  if (!mine) delete tooltip.dataset.gemId;
  tooltip.append(strong, line, ...extra);
  tooltip.hidden = false;
  tooltip.style.left = `${Math.min(at.x + 12, at.width - 200)}px`;
  tooltip.style.top = `${at.y + 12}px`;
}
