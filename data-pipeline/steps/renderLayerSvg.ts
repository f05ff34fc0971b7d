import { geoMercator, geoPath } from 'd3-geo';
import * as turf from '@turf/turf';
import type { CoalMinesFile, CountiesFile, ProjectKind, ProjectsFile } from '../../src/domain/contract';
import { escapeXml } from '../../src/domain/format';
import { NEUTRAL_LOOK, PROJECT_LOOK } from '../../src/domain/cellLook';
import { PRECISION_WORDS, type Lang } from '../../src/domain/vocabulary';

export interface LayerSvgOptions {
  width: number;
  sourceLine: string;
  lang: Lang;
  /** GEM's coal mines, and the attribution their licence asks for (for the `coal_mines` map) */
  mines: CoalMinesFile;
}

/** the project kinds that have a drawn layer (mine water has no published location), and GEM's coal mines */
export const LAYER_SVG_KINDS = ['pipe_renewal', 'reclaimed_water_line', 'groundwater_overextraction', 'coal_mines'] as const satisfies readonly (
  | ProjectKind
  | 'coal_mines'
)[];
export type LayerSvgKind = (typeof LAYER_SVG_KINDS)[number];

/** the coal mines map's words (the projects' come from their own names in projects.geojson) */
const MINE_WORDS = {
  zh: { title: '煤矿（矿井水来源）', legend: '实心：在产；空心：未在产（近似位置）', credit: '煤矿数据' },
  en: { title: 'Coal mines (where mine water comes from)', legend: 'filled: operating; hollow: not operating (approximate positions)', credit: 'Coal mine data' },
} as const;

/**
 * A static map of one project layer over the counties drawn alike (cellLook.ts NEUTRAL_LOOK: no
 * indicator's colours, since the layer is not a per-county figure), framed on the layer and the
 * counties it touches: the presentation's map for a step about the pipes or the over-extraction
 * zone where WebGL is missing, and a download. Schematic geometry is dashed and says so in the
 * legend; colours and shapes are PROJECT_LOOK's, as on the live map.
 */
export function renderLayerSvg(counties: CountiesFile, projects: ProjectsFile, kind: LayerSvgKind, o: LayerSvgOptions): string {
  if (kind === 'coal_mines') return renderMinesSvg(counties, o);
  const zh = o.lang === 'zh';
  const W = o.width;
  const mapH = Math.round(W * 0.9);
  const legendH = 30 + 26 * 2;
  const H = mapH + legendH;
  const color = PROJECT_LOOK[kind].color;
  const features = projects.features.filter((f) => f.properties.kind === kind && f.geometry);
  if (features.length === 0) throw new Error(`renderLayerSvg: no located feature of kind ${kind}`);
  // the frame: the layer, the counties it is located in, and the county around its middle (schematic
  // lines are located in none: the hall still sees where they are), padded so their names fit
  const layerBox = turf.bbox(turf.featureCollection(features.map((f) => turf.feature(f.geometry!))));
  const middle = turf.point([(layerBox[0] + layerBox[2]) / 2, (layerBox[1] + layerBox[3]) / 2]);
  const touched = counties.features.filter(
    (c) => features.some((f) => f.properties.adcodes.includes(c.properties.adcode)) || turf.booleanPointInPolygon(middle, c as never),
  );
  const box = turf.bbox(turf.featureCollection([...features.map((f) => turf.feature(f.geometry!)), ...touched.map((c) => turf.feature(c.geometry))]));
  const padX = (box[2] - box[0]) * 0.08;
  const padY = (box[3] - box[1]) * 0.08;
  const frame = turf.bboxPolygon([box[0] - padX, box[1] - padY, box[2] + padX, box[3] + padY]);
  const proj = geoMercator().fitExtent([[12, 52], [W - 12, mapH - 8]], turf.rewind(frame, { reverse: true }));
  const path = geoPath(proj).digits(1);
  // d3-geo wants clockwise outer rings (spherical convention); RFC 7946 output is anticlockwise
  const fc = turf.rewind(counties, { reverse: true }) as unknown as CountiesFile;
  const shapes = fc.features
    .map((f) => `<path d="${path(f)}" fill="${NEUTRAL_LOOK.fill}" stroke="${NEUTRAL_LOOK.outline}" stroke-width="${NEUTRAL_LOOK.outlineWidth}"/>`)
    .join('\n');
  const layer = features
    .map((f) => {
      const g = turf.rewind(turf.feature(f.geometry!), { reverse: true });
      const dash = f.properties.precision === 'schematic' ? ' stroke-dasharray="9 6"' : '';
      if (f.geometry!.type === 'Point') {
        const [x, y] = proj((f.geometry as GeoJSON.Point).coordinates as [number, number])!;
        return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="8" fill="#ffffff" stroke="${color}" stroke-width="3"/>`;
      }
      if (PROJECT_LOOK[kind].shape === 'area') return `<path d="${path(g)}" fill="url(#layer-hatch)" stroke="${color}" stroke-width="2.5"${dash}/>`;
      return `<path d="${path(g)}" fill="none" stroke="${color}" stroke-width="5"${dash}/>`;
    })
    .join('\n');
  const inFrame = ([x, y]: [number, number]) => x > 20 && x < W - 20 && y > 60 && y < mapH - 10;
  const labels = fc.features
    .map((f) => {
      const p = f.properties;
      const xy = proj(p.label) as [number, number];
      if (!inFrame(xy)) return '';
      return `<text x="${xy[0].toFixed(1)}" y="${xy[1].toFixed(1)}" text-anchor="middle" font-size="15" font-weight="600" fill="#1a1a1a" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(zh ? p.name_zh : p.name_en)}</text>`;
    })
    .join('\n');
  const names = [...new Set(features.map((f) => (zh ? f.properties.name_zh : f.properties.name_en)))];
  const precisions = [...new Set(features.map((f) => PRECISION_WORDS[o.lang][f.properties.precision]))];
  const title = names.join(zh ? '、' : '; ');
  const legendText = `${title}${zh ? '（' : ' ('}${precisions.join(zh ? '、' : ', ')}${zh ? '）' : ')'}`;
  const y0 = mapH + 14;
  const swatch =
    PROJECT_LOOK[kind].shape === 'area'
      ? `<rect x="16" y="${y0}" width="30" height="16" fill="url(#layer-hatch)" stroke="${color}" stroke-width="2" stroke-dasharray="4 3"/>`
      : `<line x1="16" y1="${y0 + 8}" x2="46" y2="${y0 + 8}" stroke="${color}" stroke-width="5" stroke-dasharray="9 6"/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="t-layer-${kind}" font-family="'Noto Sans CJK SC','Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif">
<title id="t-layer-${kind}">${escapeXml(title)}</title>
<defs><clipPath id="map-clip"><rect x="0" y="44" width="${W}" height="${mapH - 44}"/></clipPath>
<pattern id="layer-hatch" patternUnits="userSpaceOnUse" width="10" height="10" patternTransform="rotate(45)"><rect width="10" height="10" fill="${color}" fill-opacity="0.1"/><line x1="0" y1="0" x2="0" y2="10" stroke="${color}" stroke-opacity="0.55" stroke-width="1.5"/></pattern></defs>
<rect width="${W}" height="${H}" fill="#f3f4f1"/>
<g clip-path="url(#map-clip)"><g>${shapes}</g>
<g>${layer}</g>
<g>${labels}</g></g>
<rect y="0" width="${W}" height="44" fill="#ffffff"/><rect y="${mapH}" width="${W}" height="${legendH}" fill="#ffffff"/>
<text x="16" y="32" font-size="20" font-weight="700" fill="#1a1a1a">${escapeXml(title)}</text>
${swatch}<text x="56" y="${y0 + 14}" font-size="15" fill="#1a1a1a">${escapeXml(legendText)}</text>
<text x="16" y="${H - 14}" font-size="11" fill="#444">${escapeXml(o.sourceLine)}</text>
</svg>
`;
}

/** The coal mines (GEM, approximate points) over the whole city's counties drawn alike, with GEM's attribution. */
function renderMinesSvg(counties: CountiesFile, o: LayerSvgOptions): string {
  const zh = o.lang === 'zh';
  const w = MINE_WORDS[o.lang];
  const W = o.width;
  const mapH = Math.round(W * 1.08);
  const legendH = 30 + 26 * 2;
  const H = mapH + legendH;
  const color = PROJECT_LOOK.coal_mines.color;
  const fc = turf.rewind(counties, { reverse: true }) as unknown as CountiesFile;
  const proj = geoMercator().fitExtent([[12, 52], [W - 12, mapH - 8]], fc);
  const path = geoPath(proj).digits(1);
  const shapes = fc.features
    .map((f) => `<path d="${path(f)}" fill="${NEUTRAL_LOOK.fill}" stroke="${NEUTRAL_LOOK.outline}" stroke-width="${NEUTRAL_LOOK.outlineWidth}"/>`)
    .join('\n');
  const labels = fc.features
    .map((f) => {
      const p = f.properties;
      // a county too small for its name beside its neighbours: the name where the pipeline placed its callout, a leader line in
      const [x, y] = proj(p.callout ? p.callout.text : p.label)!;
      const leader = p.callout
        ? (([ax, ay]) => `<line x1="${ax.toFixed(1)}" y1="${ay.toFixed(1)}" x2="${x.toFixed(1)}" y2="${(y + 4).toFixed(1)}" stroke="#1a1a1a" stroke-width="1.2"/>`)(proj(p.callout.point)!)
        : '';
      return `${leader}<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="middle" font-size="13" font-weight="600" fill="#1a1a1a" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(zh ? p.name_zh : p.name_en)}</text>`;
    })
    .join('\n');
  const dot = (x: number, y: number, operating: boolean) =>
    operating
      ? `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="6.5" fill="${color}" stroke="#ffffff" stroke-width="1.5"/>`
      : `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="6" fill="#ffffff" stroke="${color}" stroke-width="2.5"/>`;
  const dots = o.mines.features
    .map((m) => {
      const [x, y] = proj(m.geometry.coordinates as [number, number])!;
      return dot(x, y, m.properties.status === 'operating');
    })
    .join('\n');
  const y0 = mapH + 14;
  const credit = `${w.credit}${zh ? '：' : ': '}${o.mines.credit} (${o.mines.licence})`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="t-layer-coal_mines" font-family="'Noto Sans CJK SC','Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif">
<title id="t-layer-coal_mines">${escapeXml(w.title)}</title>
<rect width="${W}" height="${H}" fill="#ffffff"/>
<text x="16" y="32" font-size="20" font-weight="700" fill="#1a1a1a">${escapeXml(w.title)}</text>
<g>${shapes}</g>
<g>${labels}</g>
<g>${dots}</g>
${dot(24, y0 + 8, true)}${dot(42, y0 + 8, false)}<text x="56" y="${y0 + 13}" font-size="15" fill="#1a1a1a">${escapeXml(w.legend)}</text>
<text x="16" y="${H - 30}" font-size="11" fill="#444">${escapeXml(credit)}</text>
<text x="16" y="${H - 14}" font-size="11" fill="#444">${escapeXml(o.sourceLine)}</text>
</svg>
`;
}
