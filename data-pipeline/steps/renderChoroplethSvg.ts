import { geoMercator, geoPath } from 'd3-geo';
import * as turf from '@turf/turf';
import type { CountiesFile, IndicatorMeta } from '../../src/contract';
import { escapeXml, formatNumber, legendClasses } from '../../src/lib/format';

export interface SvgOptions {
  width: number;
  /** status colours for "保持2020年水平" (hatched) and "/" (white) */
  statusColors: { maintain_2020: string; not_applicable: string };
  sourceLine: string;
  lang: 'zh' | 'en';
}

/**
 * A static choropleth of one indicator, drawn at build time with d3-geo: the map for
 * visitors without WebGL, the image for print, and a download. Text from the inputs is
 * escaped; the SVG holds no script.
 */
export function renderChoroplethSvg(counties: CountiesFile, meta: IndicatorMeta, o: SvgOptions): string {
  const zh = o.lang === 'zh';
  const W = o.width;
  const mapH = Math.round(W * 1.08);
  const legendH = 150;
  const H = mapH + legendH;
  // d3-geo wants clockwise outer rings (spherical convention); RFC 7946 output is anticlockwise
  const fc = turf.rewind(counties, { reverse: true }) as unknown as CountiesFile;
  const proj = geoMercator().fitExtent([[12, 52], [W - 12, mapH - 8]], fc);
  const path = geoPath(proj).digits(1);
  const title = zh ? `${meta.name_zh}（${meta.unit_zh}）` : `${meta.name_en} (${meta.unit_en})`;
  const hatchId = `hatch-${meta.id}`;
  const fill = (p: CountiesFile['features'][number]['properties']) => {
    const status = p[`${meta.id}_status` as keyof typeof p] as string;
    if (status === 'maintain_2020') return `url(#${hatchId})`;
    if (status === 'not_applicable') return o.statusColors.not_applicable;
    return meta.colors[p[`${meta.id}_class` as keyof typeof p] as number];
  };
  const shapes = fc.features
    .map((f) => {
      const p = f.properties;
      const text = p[`${meta.id}_text` as keyof typeof p] as string;
      const label = zh ? p.name_zh : p.name_en;
      return `<path d="${path(f)}" fill="${fill(p)}" stroke="#ffffff" stroke-width="1.2"><title>${escapeXml(label)}: ${escapeXml(text)}</title></path>`;
    })
    .join('\n');
  const labels = fc.features
    .map((f) => {
      const p = f.properties;
      const [x, y] = proj(p.label)!;
      const v = p[`${meta.id}_text` as keyof typeof p] as string;
      const cls = p[`${meta.id}_class` as keyof typeof p] as number | null;
      const dark = cls !== null && cls >= Math.ceil(meta.colors.length / 2);
      const color = dark ? '#ffffff' : '#1a1a1a';
      const halo = dark ? '#1a1a1a' : '#ffffff';
      const shown = v === '保持2020年水平' ? (zh ? '保持2020年水平' : 'hold at 2020') : v === '/' ? (zh ? '不适用' : 'n/a') : v;
      return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="middle" font-size="13" fill="${color}" stroke="${halo}" stroke-width="3" paint-order="stroke" stroke-opacity="0.6">${escapeXml(zh ? p.name_zh : p.name_en)}<tspan x="${x.toFixed(1)}" dy="15" font-weight="700">${escapeXml(shown)}</tspan></text>`;
    })
    .join('\n');
  const classes = legendClasses(meta, o.lang);
  const statuses = new Set(fc.features.map((f) => f.properties[`${meta.id}_status` as keyof (typeof f)['properties']]));
  const items: { fill: string; label: string }[] = classes.map((c) => ({ fill: c.color, label: c.label }));
  if (statuses.has('maintain_2020')) items.push({ fill: `url(#${hatchId})`, label: zh ? '保持2020年水平' : 'Hold at 2020 level' });
  if (statuses.has('not_applicable')) items.push({ fill: o.statusColors.not_applicable, label: zh ? '不适用（/）' : 'Not applicable (/)' });
  const legend = items
    .map((it, i) => {
      const col = i % 2;
      const row = Math.floor(i / 2);
      const x = 16 + col * (W / 2);
      const y = mapH + 12 + row * 26;
      return `<rect x="${x}" y="${y}" width="22" height="16" fill="${it.fill}" stroke="#555" stroke-width="0.8"/><text x="${x + 30}" y="${y + 13}" font-size="14" fill="#1a1a1a">${escapeXml(it.label)}</text>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="t-${meta.id}" font-family="'Noto Sans CJK SC','Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif">
<title id="t-${meta.id}">${escapeXml(title)}</title>
<defs><pattern id="${hatchId}" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)"><rect width="8" height="8" fill="${o.statusColors.maintain_2020}"/><line x1="0" y1="0" x2="0" y2="8" stroke="#6b6357" stroke-width="2.5"/></pattern></defs>
<rect width="${W}" height="${H}" fill="#ffffff"/>
<text x="16" y="32" font-size="20" font-weight="700" fill="#1a1a1a">${escapeXml(title)}</text>
<g>${shapes}</g>
<g>${labels}</g>
<g>${legend}</g>
<text x="16" y="${H - 14}" font-size="11" fill="#444">${escapeXml(o.sourceLine)}</text>
</svg>
`;
}
