/** The map's hover tooltip: the county and its value in words, or the project and its precision. */
import { countyCell, type CountyProps, type IndicatorMeta, type ProjectFeature } from '../domain/contract';
import { cellLook } from '../domain/cellLook';
import type { CellWords } from '../domain/vocabulary';

export interface TooltipText {
  lang: 'zh' | 'en';
  words: CellWords;
  names: Record<string, string>;
  schematicLabel: string;
}

export function showTooltip(
  tooltip: HTMLElement,
  at: { x: number; y: number; width: number },
  hit: { county: CountyProps | null; project: ProjectFeature['properties'] | null },
  meta: IndicatorMeta,
  o: TooltipText,
): void {
  const { county, project } = hit;
  if (!county && !project) {
    tooltip.hidden = true;
    return;
  }
  tooltip.replaceChildren();
  const strong = document.createElement('strong');
  const line = document.createElement('div');
  const zh = o.lang === 'zh';
  if (county) {
    const cell = countyCell(county, meta.id);
    const label = cellLook(cell, meta, o.words).label;
    strong.textContent = o.names[county.adcode];
    const v = cell.status === 'value' ? `${label} ${zh ? meta.unit_zh : meta.unit_en}` : label;
    line.textContent = `${zh ? `${meta.short_zh}：` : `${meta.short_en}: `}${v}`;
    tooltip.dataset.adcode = county.adcode;
  } else if (project) {
    strong.textContent = zh ? project.name_zh : project.name_en;
    line.textContent = project.precision === 'schematic' ? o.schematicLabel : '';
    delete tooltip.dataset.adcode;
  }
  tooltip.append(strong, line);
  tooltip.hidden = false;
  tooltip.style.left = `${Math.min(at.x + 12, at.width - 200)}px`;
  tooltip.style.top = `${at.y + 12}px`;
}
