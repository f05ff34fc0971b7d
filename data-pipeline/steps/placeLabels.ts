import * as turf from '@turf/turf';
import type { CountiesFile, CountyProps } from '../../src/domain/contract';
import { countyCell } from '../../src/domain/contract';
import { INDICATOR_IDS } from '../../src/domain/indicators';
import { cellLook } from '../../src/domain/cellLook';
import { CELL_WORDS, type Lang } from '../../src/domain/vocabulary';
import { textWidth } from '../../src/domain/format';

/**
 * One whole-city map as its labels are drawn: the city fitted into `fit` px (width, height), names
 * of `fontPx`; `box` is the label's extent above and below its point, px (a WebGL label is centred
 * on it; an SVG label has its baseline there and the cell's value on a second line below).
 */
export interface LabelLayout {
  name: string;
  fit: [number, number];
  fontPx: number;
  box: [number, number];
  /** the second line (the cell's value) is drawn under the name */
  valueLine: boolean;
}

type Box = { x0: number; y0: number; x1: number; y1: number };
type XY = [number, number];
/** the name's position and the end of its leader line inside the county, WGS84 */
export interface Callout {
  text: XY;
  point: XY;
}

const mercX = (lon: number) => (lon * Math.PI) / 180;
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const lonOf = (x: number) => (x * 180) / Math.PI;
const latOf = (y: number) => ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;

/** Web Mercator fitted to the city's box, centred in the frame (as MapLibre's fitBounds and d3's fitExtent do). */
function projection(bbox: [number, number, number, number], [W, H]: [number, number]) {
  const [x0, x1] = [mercX(bbox[0]), mercX(bbox[2])];
  const [y0, y1] = [mercY(bbox[3]), mercY(bbox[1])];
  const k = Math.min(W / (x1 - x0), H / (y0 - y1));
  const ox = (W - (x1 - x0) * k) / 2;
  const oy = (H - (y0 - y1) * k) / 2;
  return {
    px: ([lon, lat]: XY): XY => [ox + (mercX(lon) - x0) * k, oy + (y0 - mercY(lat)) * k],
    lonLat: ([x, y]: XY): XY => [lonOf(x0 + (x - ox) / k), latOf(y0 - (y - oy) / k)],
  };
}

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/** Does the segment p→q cross box b (Liang–Barsky)? */
function segmentHits(p: XY, q: XY, b: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const d = [q[0] - p[0], q[1] - p[1]];
  for (const [pp, qq] of [[-d[0], p[0] - b.x0], [d[0], b.x1 - p[0]], [-d[1], p[1] - b.y0], [d[1], b.y1 - p[1]]]) {
    if (pp === 0) {
      if (qq < 0) return false;
    } else {
      const r = qq / pp;
      if (pp < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** px around a label kept clear of its neighbours (two labels keep 4 px apart) */
const MARGIN = 2;
/** candidate distances of a callout from its label point, px at the tightest layout, nearest first */
const RADII = [24, 30, 36, 44, 54, 66];
const DIRECTIONS = 24;

/**
 * Where each county's name goes on the whole-city maps: at its label point, unless at some
 * reference layout its name overlaps the name of a larger county; then the smaller county's
 * name moves to the nearest spot around that is clear of every other name in every layout
 * (Chinese names must be clear; English ones, longer, as clear as they can be), joined to the
 * county by a leader line. The leader ends inside the county where it first enters it, clear of
 * the neighbours' names (红山区's own label point lies under 元宝山区's name). The first layout is the
 * tightest (the phone map): candidate spots are measured there. Returns the callout per adcode
 * (null: the name stays at its label point).
 */
export function placeLabels(counties: CountiesFile, layouts: LabelLayout[], decimals: number): Map<string, Callout | null> {
  const props = counties.features.map((f) => f.properties);
  const bbox: [number, number, number, number] = [
    Math.min(...props.map((p) => p.bbox[0])),
    Math.min(...props.map((p) => p.bbox[1])),
    Math.max(...props.map((p) => p.bbox[2])),
    Math.max(...props.map((p) => p.bbox[3])),
  ];
  const projs = layouts.map((l) => projection(bbox, l.fit));
  const langs: Lang[] = ['zh', 'en'];
  // the widest thing under a name on a map that shows values: any indicator's short label
  const valueWidth = (p: CountyProps, lang: Lang, l: LabelLayout) =>
    Math.max(...INDICATOR_IDS.map((id) => textWidth(cellLook(countyCell(p, id), { colors: ['#000000'], unit_zh: '', unit_en: '' }, CELL_WORDS[lang]).short, l.fontPx)));
  const boxAt = (p: CountyProps, at: XY, li: number, lang: Lang): Box => {
    const l = layouts[li];
    const [x, y] = projs[li].px(at);
    const name = textWidth(lang === 'zh' ? p.name_zh : p.name_en, l.fontPx);
    const w = Math.max(name, l.valueLine ? valueWidth(p, lang, l) : 0);
    return { x0: x - w / 2 - MARGIN, x1: x + w / 2 + MARGIN, y0: y + l.box[0] - MARGIN, y1: y + l.box[1] + MARGIN };
  };

  // 1. which names collide at their points (Chinese, any layout): the smaller county yields
  const byArea = [...props].sort((a, b) => b.area_km2 - a.area_km2);
  const moved = new Set<string>();
  for (let i = 0; i < byArea.length; i++) {
    for (let j = i + 1; j < byArea.length; j++) {
      const [a, b] = [byArea[i], byArea[j]];
      if (moved.has(a.adcode) || moved.has(b.adcode)) continue;
      if (layouts.some((_, li) => overlap(boxAt(a, a.label, li, 'zh'), boxAt(b, b.label, li, 'zh')) > 0)) moved.add(b.adcode);
    }
  }

  // 2. each moved name, larger county first, goes to the cheapest candidate spot
  const placed = new Map<string, XY>(props.filter((p) => !moved.has(p.adcode)).map((p) => [p.adcode, p.label]));
  const out = new Map<string, Callout | null>(props.map((p) => [p.adcode, null]));
  const round = (v: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;
  for (const p of byArea.filter((x) => moved.has(x.adcode))) {
    const anchor0 = projs[0].px(p.label);
    let best: { at: XY; cost: number } | null = null;
    for (const r of RADII) {
      for (let k = 0; k < DIRECTIONS; k++) {
        const a = (2 * Math.PI * k) / DIRECTIONS;
        const at = projs[0].lonLat([anchor0[0] + r * Math.cos(a), anchor0[1] + r * Math.sin(a)]);
        // a short leader first; English names, long, are a tie-breaker
        let cost = 2 * r;
        layouts.forEach((l, li) => {
          for (const lang of langs) {
            const weight = lang === 'zh' ? 1000 : 0.05;
            const me = boxAt(p, at, li, lang);
            // inside the frame
            if (me.x0 < 0 || me.y0 < 0 || me.x1 > l.fit[0] || me.y1 > l.fit[1]) cost += weight * 50;
            const leaderFrom = projs[li].px(p.label);
            const leaderTo = projs[li].px(at);
            for (const [code, pos] of placed) {
              const other = props.find((x) => x.adcode === code)!;
              const ob = boxAt(other, pos, li, lang);
              cost += weight * overlap(me, ob);
              // a leader that starts under a neighbour's name (红山区's point lies under 元宝山区) cannot avoid it
              const startsUnder = leaderFrom[0] > ob.x0 && leaderFrom[0] < ob.x1 && leaderFrom[1] > ob.y0 && leaderFrom[1] < ob.y1;
              if (!startsUnder && segmentHits(leaderFrom, leaderTo, ob)) cost += weight * 20;
            }
          }
        });
        if (!best || cost < best.cost) best = { at, cost };
      }
    }
    const at: XY = [round(best!.at[0]), round(best!.at[1])];
    placed.set(p.adcode, at);
    const f = counties.features.find((x) => x.properties.adcode === p.adcode)!;
    const point = leaderEnd(f, anchor0, projs[0].px(at), projs[0].lonLat, (ll) =>
      [...placed].some(([code, pos]) => code !== p.adcode && layouts.some((_, li) => {
        const b = boxAt(props.find((x) => x.adcode === code)!, pos, li, 'zh');
        const [x, y] = projs[li].px(ll);
        return x > b.x0 && x < b.x1 && y > b.y0 && y < b.y1;
      })),
    );
    out.set(p.adcode, { text: at, point: [round(point[0]), round(point[1])] });
  }
  return out;
}

/**
 * Where a leader from the label point `from` towards `to` (px at the tightest layout) should end:
 * 3 px inside the county from where the segment leaves it, stepping back towards the label point
 * while that spot lies under another name; the label point itself if no spot is clear.
 */
function leaderEnd(f: CountiesFile['features'][number], from: XY, to: XY, lonLat: (p: XY) => XY, underName: (ll: XY) => boolean): XY {
  const len = Math.hypot(to[0] - from[0], to[1] - from[1]);
  const at = (d: number): XY => lonLat([from[0] + ((to[0] - from[0]) * d) / len, from[1] + ((to[1] - from[1]) * d) / len]);
  let exit = 0;
  while (exit < len && turf.booleanPointInPolygon(at(exit + 1), f)) exit++;
  for (let d = exit - 3; d > 0; d--) if (!underName(at(d))) return at(d);
  return lonLat(from);
}
