/**
 * Pure geometry for cameras and boxes, in WGS84 degrees. Used at build time (the presentation's
 * QR views) and in the browser (the presentation camera); unit-tested in tests/site/geometry.test.ts.
 */
export type BBox = [number, number, number, number];

/** The smallest box holding every box: [west, south, east, north]. */
export function unionBBox(boxes: readonly BBox[]): BBox {
  if (boxes.length === 0) throw new Error('unionBBox: no boxes');
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

/**
 * How much around a county a map opened on it shows (embed, live or static): 35% of its size each
 * way, enough for its neighbours' near parts and names, as the county pages' SVG maps frame it.
 */
export const COUNTY_FRAME_PAD = 0.35;
/** …and never less than this share of the city's width and height: 红山区 alone would fill the frame with one street grid */
export const COUNTY_FRAME_MIN = 0.4;

/**
 * The box a map opened on a county shows: the county with COUNTY_FRAME_PAD around it, grown about
 * its centre to at least COUNTY_FRAME_MIN of the city's size. Works on any axis-aligned boxes given
 * as [minX, minY, maxX, maxY] (degrees for the live map, SVG units for the static one).
 */
export function countyFrame(county: BBox, city: BBox): BBox {
  const [w, s, e, n] = padBBox(county, COUNTY_FRAME_PAD);
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  const hw = Math.max(e - w, (city[2] - city[0]) * COUNTY_FRAME_MIN) / 2;
  const hh = Math.max(n - s, (city[3] - city[1]) * COUNTY_FRAME_MIN) / 2;
  return [cx - hw, cy - hh, cx + hw, cy + hh];
}

/** A box grown by `f` of its width and height on every side (f = 0.05: 5% each way). */
export function padBBox(b: BBox, f: number): BBox {
  const dx = (b[2] - b[0]) * f;
  const dy = (b[3] - b[1]) * f;
  return [b[0] - dx, b[1] - dy, b[2] + dx, b[3] + dy];
}

/** The box around every position of a GeoJSON geometry. */
export function geometryBBox(g: GeoJSON.Geometry): BBox {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      w = Math.min(w, c[0]);
      e = Math.max(e, c[0]);
      s = Math.min(s, c[1] as number);
      n = Math.max(n, c[1] as number);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  if (g.type === 'GeometryCollection') g.geometries.forEach((x) => walk((x as { coordinates?: unknown }).coordinates));
  else walk(g.coordinates);
  if (!Number.isFinite(w)) throw new Error('geometryBBox: the geometry has no positions');
  return [w, s, e, n];
}

/** A box of zero size at a point. */
export const pointBBox = (p: readonly [number, number]): BBox => [p[0], p[1], p[0], p[1]];

const merc = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const unmerc = (y: number) => (Math.atan(Math.exp(y)) * 360) / Math.PI - 90;

/**
 * The centre and zoom that fit a box into a w×h CSS-pixel map with `padding` on every side
 * (web Mercator, MapLibre's 512 px tiles), zoom clamped to [minZoom, maxZoom]. Unlike MapLibre's
 * fitBounds it needs no map, so the build can compute the view behind a QR code.
 */
export function fitView(b: BBox, w: number, h: number, padding: number, minZoom = 4, maxZoom = 11.5): { lon: number; lat: number; zoom: number } {
  const zx = Math.log2((Math.max(w - 2 * padding, 50) * 360) / (Math.max(b[2] - b[0], 1e-9) * 512));
  const zy = Math.log2((Math.max(h - 2 * padding, 50) * 2 * Math.PI) / (Math.max(merc(b[3]) - merc(b[1]), 1e-9) * 512));
  return {
    lon: (b[0] + b[2]) / 2,
    lat: unmerc((merc(b[1]) + merc(b[3])) / 2),
    zoom: Math.max(minZoom, Math.min(maxZoom, zx, zy)),
  };
}
