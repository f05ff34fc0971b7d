import { geoMercator, geoPath } from 'd3-geo';
import * as turf from '@turf/turf';
import { countyCell, type CountiesFile, type IndicatorMeta } from '../../src/domain/contract';
import { escapeXml } from '../../src/domain/format';
import { calloutSvg, labelSvg } from '../../src/domain/svgLabels';
import { HATCH_LINE, STATUS_COLORS, cellLook, legendItems } from '../../src/domain/cellLook';
import { CELL_WORDS, type Lang } from '../../src/domain/vocabulary';

export interface SvgOptions {
  width: number;
  sourceLine: string;
  lang: Lang;
}

/**
 * The frame of every whole-city static map: counties rewound for d3-geo, a Mercator projection
 * fitted to `width` px wide and 1.08 × as tall (title above, 8 px margin), with its path generator.
 */
export function choroplethFrame(counties: CountiesFile, width: number) {
  const mapH = Math.round(width * 1.08);
  // d3-geo wants clockwise outer rings (spherical convention); RFC 7946 output is anticlockwise
  const fc = turf.rewind(counties, { reverse: true }) as unknown as CountiesFile;
  const proj = geoMercator().fitExtent([[12, 52], [width - 12, mapH - 8]], fc);
  return { fc, proj, mapH, path: geoPath(proj).digits(1) };
}

/**
 * A static choropleth of one indicator, drawn at build time with d3-geo: the map for
 * visitors without WebGL, the image for print, and a download. Fills, hatching, labels and
 * the legend come from src/domain/cellLook.ts, as on every other map. Text from the inputs is
 * escaped; the SVG holds no script.
 */
export function renderChoroplethSvg(counties: CountiesFile, meta: IndicatorMeta, o: SvgOptions): string {
  const zh = o.lang === 'zh';
  const words = CELL_WORDS[o.lang];
  const W = o.width;
  const { fc, proj, mapH, path } = choroplethFrame(counties, W);
  const legendH = 150;
  const H = mapH + legendH;
  const title = zh ? `${meta.name_zh}（${meta.unit_zh}）` : `${meta.name_en} (${meta.unit_en})`;
  const hatchId = `hatch-${meta.id}`;
  const paint = (look: { fill: string; hatch: boolean }) => (look.hatch ? `url(#${hatchId})` : look.fill);
  const cells = fc.features.map((f) => ({ f, cell: countyCell(f.properties, meta.id) }));
  const shapes = cells
    .map(({ f, cell }) => {
      const p = f.properties;
      const look = cellLook(cell, meta, words);
      const label = zh ? p.name_zh : p.name_en;
      return `<path d="${path(f)}" fill="${paint(look)}" stroke="#ffffff" stroke-width="1.2"><title>${escapeXml(label)}: ${escapeXml(cell.text)}</title></path>`;
    })
    .join('\n');
  const labels = cells
    .map(({ f, cell }) => {
      const p = f.properties;
      const look = cellLook(cell, meta, words);
      const name = zh ? p.name_zh : p.name_en;
      if (!p.callout) {
        const [lx, ly] = proj(p.label)!;
        return labelSvg(lx, ly, name, look.short, look.dark);
      }
      // too small for its name beside its neighbours: the name on a white box, a leader line into the county
      return calloutSvg(p.adcode, proj(p.callout.text)!, proj(p.callout.point)!, name, look.short);
    })
    .join('\n');
  const items = legendItems(meta, cells.map((c) => c.cell.status), words, o.lang);
  const legend = items
    .map((it, i) => {
      const col = i % 2;
      const row = Math.floor(i / 2);
      const x = 16 + col * (W / 2);
      const y = mapH + 12 + row * 26;
      return `<rect x="${x}" y="${y}" width="22" height="16" fill="${paint(it)}" stroke="#555" stroke-width="0.8"/><text x="${x + 30}" y="${y + 13}" font-size="14" fill="#1a1a1a">${escapeXml(it.label)}</text>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="t-${meta.id}" font-family="'Noto Sans CJK SC','Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif">
<title id="t-${meta.id}">${escapeXml(title)}</title>
<defs><pattern id="${hatchId}" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)"><rect width="8" height="8" fill="${STATUS_COLORS.maintain_2020}"/><line x1="0" y1="0" x2="0" y2="8" stroke="${HATCH_LINE}" stroke-width="2.5"/></pattern></defs>
<rect width="${W}" height="${H}" fill="#ffffff"/>
<text x="16" y="32" font-size="20" font-weight="700" fill="#1a1a1a">${escapeXml(title)}</text>
<g>${shapes}</g>
<g>${labels}</g>
<g>${legend}</g>
<text x="16" y="${H - 14}" font-size="11" fill="#444">${escapeXml(o.sourceLine)}</text>
</svg>
`;
}
