/**
 * deck.gl layer factories: plain functions (data, state) => Layer[]. The only place, with
 * initMap.ts, that knows about WebGL. Colours and classes come precomputed from the pipeline.
 */
import { GeoJsonLayer, PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { PathStyleExtension } from '@deck.gl/extensions';
import type { Layer } from '@deck.gl/core';
import type { CoalMineFeature, CountyFeature, CountyProps, IndicatorMeta, ProjectFeature } from '../domain/contract';
import { countyCell } from '../domain/cells';
import { HATCH_LINE, NEUTRAL_LOOK, NO_DATA_DASH, NO_DATA_LINE, PROJECT_LOOK, cellLook, progressLook } from '../domain/cellLook';
import { textWidth } from '../domain/format';
import type { CellWords, ProgressWords } from '../domain/vocabulary';
import type { AtlasState } from '../lib/urlState';
import { progressStatuses, type ProgressViewConfig } from '../lib/progressView';

export type RGBA = [number, number, number, number];
export const hexToRgba = (hex: string, a = 255): RGBA => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
  a,
];

export interface MapData {
  counties: CountyFeature[];
  hatch: GeoJSON.Feature<GeoJSON.MultiLineString, { adcode: string | null; project_id: string | null }>[];
  projects: ProjectFeature[];
  /** GEM's coal mines in the city (coal-mines.geojson) */
  mines: CoalMineFeature[];
  meta: IndicatorMeta[];
  words: CellWords;
  schematicLabel: string;
  lang: 'zh' | 'en';
  /** the progress view's statuses and words (absent where a page has no progress view) */
  progress?: ProgressViewConfig;
  progressWords?: ProgressWords;
}

export interface LayerOptions {
  /** current zoom: 示意 tags are drawn from SCHEMATIC_TAG_ZOOM on, where they no longer cover county names */
  zoom: number;
  /** 0..1 position of the flow animation; null when reduced motion is asked for */
  flowTime: number | null;
  /** the county under the pointer (or last tapped): outlined, never refilled */
  hover?: string | null;
}

const FONT = '"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif';
const DASH = new PathStyleExtension({ dash: true });
const PIPE = hexToRgba(PROJECT_LOOK.pipe_renewal.color);
const FLOW = hexToRgba(PROJECT_LOOK.reclaimed_water_line.color);
const GROUND = hexToRgba(PROJECT_LOOK.groundwater_overextraction.color);

const FLOW_DOTS = 8;
/** county names, px (the pipeline's label placement assumes the same: data-pipeline/config.ts LABEL_LAYOUTS) */
const LABEL_PX = 13;
export const SCHEMATIC_TAG_ZOOM = 8;

interface Placed {
  position: [number, number];
  text: string;
  size: number;
  offset: [number, number];
  priority: number;
  /** the county's outline: a name may move up or down to a spot still inside it */
  within?: GeoJSON.Polygon | GeoJSON.MultiPolygon;
}

/** whether [lon, lat] lies inside the (multi)polygon: even-odd ray casting over every ring */
export function insideArea([x, y]: [number, number], g: GeoJSON.Polygon | GeoJSON.MultiPolygon): boolean {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let inside = false;
  for (const ring of polys.flat()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * The labels that fit at `zoom`, greedily by priority (highest first): each one's box in screen
 * pixels (Web Mercator, as the map draws it), its longest line by textWidth, with the halo; a label
 * whose box meets one already placed is left out, never drawn half-transparent.
 */
export function clearOf<T extends Placed>(items: T[], zoom: number): T[] {
  const world = 512 * 2 ** zoom;
  const boxes: [number, number, number, number][] = [];
  return [...items]
    .sort((a, b) => b.priority - a.priority)
    .flatMap((it) => {
      const [lon, lat] = it.position;
      const x = ((lon + 180) / 360) * world + it.offset[0];
      const y = (0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI)) * world + it.offset[1];
      const lines = it.text.split('\n');
      // deck.gl sets lines 1 em apart; the halo is 3 px (outlineWidth)
      const w = Math.max(...lines.map((l) => textWidth(l, it.size))) / 2 + 3;
      const h = (lines.length * it.size) / 2 + 2;
      // at its point; or a name's height above or below it, where the whole name is still inside its county
      const latAt = (py: number) => (360 / Math.PI) * Math.atan(Math.exp((0.5 - py / world) * 2 * Math.PI)) - 90;
      const lonAt = (px: number) => (px / world) * 360 - 180;
      const fits = (dy: number) =>
        !!it.within && [[x - w, y + dy - h], [x + w, y + dy - h], [x - w, y + dy + h], [x + w, y + dy + h], [x, y + dy]].every(([px, py]) => insideArea([lonAt(px), latAt(py)], it.within!));
      for (const dy of [0, -h, h, -2 * h, 2 * h]) {
        const b: [number, number, number, number] = [x - w, y + dy - h, x + w, y + dy + h];
        if (boxes.some((o) => b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) || (dy && !fits(dy))) continue;
        boxes.push(b);
        return [dy ? { ...it, offset: [it.offset[0], it.offset[1] + dy] as [number, number] } : it];
      }
      return [];
    });
}

/** the point at fraction f (0..1) of a path's length, measured in degrees (fine at this scale) */
export function alongPath(path: [number, number][], f: number): [number, number] {
  const seg = path.slice(1).map((p, i) => Math.hypot(p[0] - path[i][0], p[1] - path[i][1]));
  let d = f * seg.reduce((a, b) => a + b, 0);
  for (let i = 0; i < seg.length; i++) {
    if (d <= seg[i] || i === seg.length - 1) {
      const r = seg[i] ? Math.min(1, d / seg[i]) : 0;
      return [path[i][0] + (path[i + 1][0] - path[i][0]) * r, path[i][1] + (path[i + 1][1] - path[i][1]) * r];
    }
    d -= seg[i];
  }
  return path[path.length - 1];
}

const HATCH_RGBA = hexToRgba(HATCH_LINE, 210);
/** fill of a county: cellLook's colour, slightly translucent over the base map */
export const countyFill = (p: CountyProps, meta: IndicatorMeta, words: CellWords): RGBA => hexToRgba(cellLook(countyCell(p, meta.id), meta, words).fill, 235);

const NEUTRAL_FILL = hexToRgba(NEUTRAL_LOOK.fill, 235);
const NEUTRAL_LINE = hexToRgba(NEUTRAL_LOOK.outline);

/** a point along a line geometry for its 示意 label */
function midPoint(g: GeoJSON.Geometry): [number, number] | null {
  if (g.type === 'Point') return g.coordinates as [number, number];
  if (g.type === 'LineString') return g.coordinates[Math.floor(g.coordinates.length / 2)] as [number, number];
  if (g.type === 'MultiLineString') return g.coordinates[0][Math.floor(g.coordinates[0].length / 2)] as [number, number];
  return null;
}

/** coal mines: charcoal, filled when operating, hollow otherwise (GEM status) */
export const MINE_RGBA = hexToRgba(PROJECT_LOOK.coal_mines.color);

/**
 * The coal mines (GEM Global Coal Mine Tracker): where mine water comes from, not projects of the
 * plan. One point each at GEM's approximate position; the status decides filled or hollow.
 */
export function coalMineLayers(mines: CoalMineFeature[]): Layer[] {
  return [
    new ScatterplotLayer<CoalMineFeature>({
      id: 'coal-mines',
      data: mines,
      pickable: true,
      getPosition: (f) => f.geometry.coordinates as [number, number],
      radiusUnits: 'pixels',
      getRadius: 6,
      radiusMinPixels: 5,
      stroked: true,
      filled: true,
      getFillColor: (f) => (f.properties.status === 'operating' ? MINE_RGBA : [255, 255, 255, 255]),
      getLineColor: (f) => (f.properties.status === 'operating' ? [255, 255, 255, 255] : MINE_RGBA),
      lineWidthUnits: 'pixels',
      getLineWidth: (f) => (f.properties.status === 'operating' ? 1.5 : 2.5),
    }),
  ];
}
const NO_DATA_RGBA = hexToRgba(NO_DATA_LINE, 230);

export function buildLayers(d: MapData, s: AtlasState, o: LayerOptions): Layer[] {
  const meta = d.meta.find((m) => m.id === s.indicator)!;
  // neutral: the counties alike, outlined, no classes and so no hatching (cellLook.ts NEUTRAL_LOOK)
  const neutral = s.neutral === true;
  // the progress view: each county's status in the chosen year (cellLook's second scheme), no target hatching
  const statuses = neutral ? null : progressStatuses(s, d.progress);
  const statusOf = (code: string) => statuses?.[code] ?? 'no_data';
  const fillOf = (p: CountyProps): RGBA =>
    statuses ? hexToRgba(progressLook(statusOf(p.adcode), d.progressWords!).fill, 235) : countyFill(p, meta, d.words);
  const hatched =
    neutral || statuses
      ? new Set<string>()
      : new Set(d.counties.filter((f) => cellLook(countyCell(f.properties, meta.id), meta, d.words).hatch).map((f) => f.properties.adcode));
  const layers: Layer[] = [
    new GeoJsonLayer<CountyProps>({
      id: 'counties',
      data: d.counties,
      pickable: true,
      stroked: true,
      filled: true,
      getFillColor: neutral ? NEUTRAL_FILL : (f) => fillOf(f.properties),
      getLineColor: neutral ? NEUTRAL_LINE : [255, 255, 255, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: neutral ? NEUTRAL_LOOK.outlineWidth : 1.5,
      // no autoHighlight: it lightens the fill of the county under the pointer, and on a touch screen
      // the tapped county stays "hovered", so the selected county no longer matched its legend class.
      // Hover and selection are outlines (below); a county's fill is always its class (or status) colour.
      updateTriggers: { getFillColor: [meta.id, neutral, s.mode, s.year], getLineColor: [neutral], getLineWidth: [neutral] },
    }),
    new PathLayer({
      id: 'county-hatch',
      // each hatch feature is a MultiLineString: one path per segment
      data: d.hatch
        .filter((h) => h.properties.adcode && hatched.has(h.properties.adcode))
        .flatMap((h) => h.geometry.coordinates.map((path) => ({ path }))),
      getPath: (x: { path: number[][] }) => x.path as [number, number][],
      getColor: HATCH_RGBA,
      widthUnits: 'pixels',
      getWidth: 1.4,
    }),
  ];
  if (statuses) {
    // 暂无数据: dotted lines over white, on the same precomputed lines as the hatching
    layers.push(
      new PathLayer({
        id: 'progress-no-data',
        data: d.hatch
          .filter((h) => h.properties.adcode && statusOf(h.properties.adcode) === 'no_data')
          .flatMap((h) => h.geometry.coordinates.map((path) => ({ path }))),
        getPath: (x: { path: number[][] }) => x.path as [number, number][],
        getColor: NO_DATA_RGBA,
        widthUnits: 'pixels',
        getWidth: 1.4,
        // dash and gap in line widths
        getDashArray: [...NO_DATA_DASH] as [number, number],
        dashJustified: true,
        extensions: [DASH],
      } as never),
    );
  }
  const hovered = o.hover && o.hover !== s.county ? d.counties.find((f) => f.properties.adcode === o.hover) : undefined;
  if (hovered) {
    layers.push(
      new GeoJsonLayer({ id: 'hover-county', data: [hovered], filled: false, stroked: true, getLineColor: [40, 40, 40, 200], lineWidthUnits: 'pixels', getLineWidth: 2 }),
    );
  }
  const selected = d.counties.find((f) => f.properties.adcode === s.county);
  if (selected) {
    // a white halo under a dark outline: visible on the lightest and the darkest class alike
    layers.push(
      new GeoJsonLayer({ id: 'selected-halo', data: [selected], filled: false, stroked: true, getLineColor: [255, 255, 255, 255], lineWidthUnits: 'pixels', getLineWidth: 6 }),
      new GeoJsonLayer({ id: 'selected-county', data: [selected], filled: false, stroked: true, getLineColor: [20, 20, 20, 255], lineWidthUnits: 'pixels', getLineWidth: 3 }),
    );
  }
  const on = new Set(s.layers);
  const byKind = (k: string) => d.projects.filter((p) => p.properties.kind === k && p.geometry);
  if (on.has('groundwater_overextraction')) {
    const areas = byKind('groundwater_overextraction');
    const ids = new Set(areas.map((a) => a.properties.id));
    layers.push(
      new PathLayer({
        id: 'groundwater-hatch',
        data: d.hatch.filter((h) => h.properties.project_id && ids.has(h.properties.project_id)).flatMap((h) => h.geometry.coordinates.map((path) => ({ path, id: h.properties.project_id }))),
        getPath: (x: { path: number[][] }) => x.path as [number, number][],
        getColor: [...GROUND.slice(0, 3), 120] as RGBA,
        widthUnits: 'pixels',
        getWidth: 1,
        pickable: false,
      }),
      new GeoJsonLayer<ProjectFeature['properties']>({
        id: 'groundwater',
        data: areas as never,
        pickable: true,
        filled: true,
        getFillColor: [...GROUND.slice(0, 3), 25] as RGBA,
        stroked: true,
        getLineColor: GROUND,
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
        getDashArray: [4, 3],
        dashJustified: true,
        extensions: [DASH],
      } as never),
    );
  }
  if (on.has('pipe_renewal')) {
    layers.push(
      new GeoJsonLayer({
        id: 'pipe-renewal',
        data: byKind('pipe_renewal') as never,
        pickable: true,
        getLineColor: PIPE,
        lineWidthUnits: 'pixels',
        getLineWidth: 4,
        lineWidthMinPixels: 3,
        getDashArray: (f: ProjectFeature) => (f.properties.precision === 'schematic' ? [3, 2] : [0, 0]),
        extensions: [DASH],
      } as never),
    );
  }
  if (on.has('reclaimed_water_line')) {
    const lines = byKind('reclaimed_water_line').filter((p) => p.geometry!.type === 'LineString');
    const points = byKind('reclaimed_water_line').filter((p) => p.geometry!.type === 'Point');
    layers.push(
      new GeoJsonLayer({
        id: 'reclaimed-line',
        data: lines as never,
        pickable: true,
        getLineColor: [...FLOW.slice(0, 3), 170] as RGBA,
        lineWidthUnits: 'pixels',
        getLineWidth: 4,
        getDashArray: (f: ProjectFeature) => (f.properties.precision === 'schematic' ? [3, 2] : [0, 0]),
        extensions: [DASH],
      } as never),
    );
    if (o.flowTime !== null) {
      // the flow: dots travelling from the 德润 plant to the power plant (positions computed per frame from
      // the precomputed line; a handful of points, so this stays cheap)
      const t = o.flowTime;
      layers.push(
        new ScatterplotLayer({
          id: 'reclaimed-flow',
          data: lines.flatMap((l) => {
            const path = (l.geometry as GeoJSON.LineString).coordinates as [number, number][];
            return Array.from({ length: FLOW_DOTS }, (_, k) => ({ position: alongPath(path, (t + k / FLOW_DOTS) % 1) }));
          }),
          getPosition: (x: { position: [number, number] }) => x.position,
          radiusUnits: 'pixels',
          getRadius: 4,
          getFillColor: FLOW,
          updateTriggers: { getPosition: [t] },
        }),
      );
    }
    layers.push(
      new ScatterplotLayer({
        id: 'reclaimed-points',
        data: points,
        pickable: true,
        getPosition: (f: ProjectFeature) => (f.geometry as GeoJSON.Point).coordinates as [number, number],
        radiusUnits: 'pixels',
        getRadius: 8,
        getFillColor: [255, 255, 255, 255],
        stroked: true,
        getLineColor: FLOW,
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
      }),
    );
  }
  if (on.has('coal_mines')) layers.push(...coalMineLayers(d.mines));
  // labels: county names, then 示意 tags beside schematic features
  const schematic = d.projects
    .filter((p) => o.zoom >= SCHEMATIC_TAG_ZOOM && p.geometry && p.properties.precision === 'schematic' && on.has(p.properties.kind as never))
    .flatMap((p) => {
      const m = midPoint(p.geometry!);
      return m ? [{ position: m, text: d.schematicLabel, size: 11, offset: [0, 14] as [number, number], color: [122, 62, 0, 255] as RGBA }] : [];
    });
  // a county too small at this zoom for its name beside its neighbours takes the callout the
  // pipeline placed (name on a white box at callout.text, a leader line to callout.point)
  const pxPerDegree = (512 * 2 ** o.zoom) / 360;
  // an English name on two lines ("Yuanbaoshan / District"): on one line the long names of the
  // small central counties ran into each other, and the collision filter faded the loser half-way
  const mapName = (p: CountyProps) => (d.lang === 'zh' ? p.name_zh : p.name_en.replace(/ (?=\S+$)/, '\n'));
  const calledOut = d.counties.filter((f) => {
    const p = f.properties;
    return p.callout && (p.bbox[2] - p.bbox[0]) * pxPerDegree < Math.max(...mapName(p).split('\n').map((l) => textWidth(l, LABEL_PX))) * 2;
  });
  // in the progress view the status in words goes under the name: no one has to rely on colour
  const labelOf = (p: CountyProps) => mapName(p) + (statuses ? `\n${progressLook(statusOf(p.adcode), d.progressWords!).label}` : '');
  const textProps = {
    getPosition: (x: { position: [number, number] }) => x.position,
    getText: (x: { text: string }) => x.text,
    getSize: (x: { size: number }) => x.size,
    sizeUnits: 'pixels' as const,
    getColor: (x: { color: RGBA }) => x.color,
    fontFamily: FONT,
    fontWeight: 600,
    characterSet: 'auto' as const,
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230] as RGBA,
    fontSettings: { sdf: true, buffer: 4 },
    getTextAnchor: 'middle' as const,
    getAlignmentBaseline: 'center' as const,
  };
  layers.push(
    new PathLayer({
      id: 'label-leaders',
      data: calledOut.map((f) => ({ path: [f.properties.callout!.point, f.properties.callout!.text] })),
      getPath: (x: { path: [number, number][] }) => x.path,
      getColor: [26, 26, 26, 255],
      widthUnits: 'pixels',
      getWidth: 1.2,
    }),
    new ScatterplotLayer({
      id: 'label-leader-ends',
      data: calledOut.map((f) => f.properties.callout!.point),
      getPosition: (x: [number, number]) => x,
      radiusUnits: 'pixels',
      getRadius: 2.5,
      getFillColor: [26, 26, 26, 255],
      stroked: true,
      getLineColor: [255, 255, 255, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
    }),
    new TextLayer({
      id: 'labels',
      // where names still collide at this zoom (English names are long) the larger county keeps its
      // label and the other waits for a closer zoom: decided here, whole, so no name is half faded
      data: clearOf(
        [
          ...calledOut.map((f) => ({ position: f.properties.callout!.text, text: labelOf(f.properties), priority: 1000, size: LABEL_PX, offset: [0, 0] as [number, number], color: [26, 26, 26, 255] as RGBA, boxed: true })),
          ...d.counties
            .filter((f) => !calledOut.includes(f))
            .map((f) => ({
              position: f.properties.label,
              text: labelOf(f.properties),
              priority: Math.min(999, Math.round(f.properties.area_km2 / 20)),
              within: f.geometry,
              size: LABEL_PX,
              offset: [0, 0] as [number, number],
              color: [26, 26, 26, 255] as RGBA,
              boxed: false,
            })),
          ...schematic.map((x) => ({ ...x, priority: 0, boxed: false })),
        ],
        o.zoom,
      ).filter((x) => !x.boxed),
      getPixelOffset: (x: { offset: [number, number] }) => x.offset,
      ...textProps,
    }),
    // the called-out names: first in every collision (the pipeline placed them clear of the others)
    new TextLayer({
      id: 'label-callouts',
      data: calledOut.map((f) => ({ position: f.properties.callout!.text, text: labelOf(f.properties), priority: 1000, size: LABEL_PX, color: [26, 26, 26, 255] as RGBA })),
      ...textProps,
      background: true,
      getBackgroundColor: [255, 255, 255, 235],
      backgroundPadding: [4, 2],
      getBorderColor: [26, 26, 26, 255],
      getBorderWidth: 1,
    }),
  );
  return layers;
}
