/**
 * A static progress map as SVG text, drawn from the pipeline's projected county paths
 * (county-paths.json) and a status per division: the home page's progress view without WebGL,
 * the presentation's progress step without WebGL, and the update page's preview of a file that
 * only exists in the official's browser. Fills, dots and words come from cellLook's progress
 * scheme, as on the live map. Pure (no DOM), so the same text is built in a test.
 */
import type { CountyPathsFile, ProgressMapStatus } from '../domain/contract';
import { NO_DATA_DASH, NO_DATA_LINE, progressLook, type LegendItem } from '../domain/cellLook';
import { escapeXml } from '../domain/format';
import { calloutSvg, labelSvg } from '../domain/svgLabels';
import type { Lang, ProgressWords } from '../domain/vocabulary';

export interface ProgressSvgInput {
  paths: CountyPathsFile;
  /** status per division code; a division missing here is drawn as 暂无数据 */
  statuses: Record<string, ProgressMapStatus>;
  /** the figure as written, per division code, in the division's tooltip (update page preview) */
  tooltips?: Record<string, string>;
  /** e.g. "用水总量 · 2024年" */
  title: string;
  /** cellLook's progressLegendItems */
  legend: LegendItem[];
  /** lines under the legend: source, 示例数据 */
  notes: string[];
  words: ProgressWords;
  lang: Lang;
  /** prefix of the pattern id, unique within a page that shows several maps */
  idPrefix?: string;
}

const FONT = "'Noto Sans CJK SC','Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif";

export function progressSvg(o: ProgressSvgInput): string {
  const W = o.paths.width;
  const mapH = o.paths.height;
  const rows = Math.ceil(o.legend.length / 2);
  const legendTop = mapH + 12;
  const notesTop = legendTop + rows * 26 + 14;
  const H = notesTop + o.notes.length * 18 + 10;
  const dots = `${o.idPrefix ?? 'p'}-nodata`;
  const paint = (look: { fill: string; dotted: boolean }) => (look.dotted ? `url(#${dots})` : look.fill);
  const cells = o.paths.counties.map((c) => ({ c, status: o.statuses[c.adcode] ?? 'no_data', look: progressLook(o.statuses[c.adcode] ?? 'no_data', o.words) }));
  const name = (c: CountyPathsFile['counties'][number]) => escapeXml(o.lang === 'zh' ? c.name_zh : c.name_en);
  const shapes = cells
    .map(
      ({ c, status, look }) =>
        `<path d="${c.d}" data-adcode="${c.adcode}" data-status="${status}" fill="${paint(look)}" stroke="#ffffff" stroke-width="1.2"><title>${name(c)}: ${escapeXml(look.label)}${o.tooltips?.[c.adcode] ? ` ${escapeXml(o.tooltips[c.adcode])}` : ''}</title></path>`,
    )
    .join('\n');
  const labels = cells
    .map(({ c, look }) => {
      const label = o.lang === 'zh' ? c.name_zh : c.name_en;
      // too small for its name beside its neighbours: on a box at its callout, as the pipeline's choropleths draw it
      return c.callout ? calloutSvg(c.adcode, c.callout.text, c.callout.point, label, look.label) : labelSvg(c.label[0], c.label[1], label, look.label, look.dark);
    })
    .join('\n');
  const legend = o.legend
    .map((it, i) => {
      const x = 16 + (i % 2) * (W / 2);
      const y = legendTop + Math.floor(i / 2) * 26;
      return `<rect x="${x}" y="${y}" width="22" height="16" fill="${it.dotted ? `url(#${dots})` : it.fill}" stroke="#555" stroke-width="0.8"/><text x="${x + 30}" y="${y + 13}" font-size="14" fill="#1a1a1a">${escapeXml(it.label)}</text>`;
    })
    .join('\n');
  const notes = o.notes.map((n, i) => `<text x="16" y="${notesTop + i * 18 + 11}" font-size="12" fill="#444">${escapeXml(n)}</text>`).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(o.title)}" font-family="${FONT}">
<defs><pattern id="${dots}" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)"><rect width="8" height="8" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="8" stroke="${NO_DATA_LINE}" stroke-width="1.6" stroke-dasharray="${NO_DATA_DASH.join(' ')}"/></pattern></defs>
<rect width="${W}" height="${H}" fill="#ffffff"/>
<text x="16" y="32" font-size="20" font-weight="700" fill="#1a1a1a">${escapeXml(o.title)}</text>
<g class="shapes">${shapes}</g>
<g class="labels">${labels}</g>
<g class="legend">${legend}</g>
${notes}
</svg>
`;
}
