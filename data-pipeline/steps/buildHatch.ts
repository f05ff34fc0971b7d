import * as turf from '@turf/turf';

/**
 * Diagonal hatch lines clipped to a polygon, precomputed so the map draws "保持2020年水平"
 * counties and schematic areas as hatching with a plain path layer (no pattern atlas, no
 * clipping in the browser). Lines run south-west to north-east, `spacingDeg` apart.
 */
export function hatchLines(
  polygon: GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>,
  spacingDeg: number,
  decimals: number,
): GeoJSON.MultiLineString {
  const [w, s, e, n] = turf.bbox(polygon);
  const rings = polygon.geometry.type === 'Polygon' ? polygon.geometry.coordinates : polygon.geometry.coordinates.flat();
  const boundary = turf.multiLineString(rings);
  const r = (v: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;
  const segments: number[][][] = [];
  const span = n - s;
  // x - y = c for a family of 45° lines; c from (w - n) to (e - s)
  for (let c = Math.ceil((w - n) / spacingDeg) * spacingDeg; c <= e - s; c += spacingDeg) {
    const line = turf.lineString([
      [s + c - 0.001, s - 0.001],
      [n + c + 0.001, n + 0.001],
    ]);
    if (span <= 0) break;
    const pieces = turf.lineSplit(line, boundary);
    const parts = pieces.features.length ? pieces.features : [line];
    for (const p of parts) {
      const coords = p.geometry.coordinates;
      const mid = turf.midpoint(coords[0], coords[coords.length - 1]);
      if (turf.booleanPointInPolygon(mid, polygon)) segments.push(coords.map(([x, y]) => [r(x), r(y)]));
    }
  }
  return { type: 'MultiLineString', coordinates: segments };
}

export type HatchCollection = GeoJSON.FeatureCollection<GeoJSON.MultiLineString, { adcode: string | null; project_id: string | null }>;

/**
 * The hatching every map draws, clipped once here: per county that carries a hatched cell
 * (cellLook decides which) in some indicator, and per project drawn as a schematic area.
 */
export function hatchFeatures(
  counties: GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon, { adcode: string }>[],
  hatchedCounty: (adcode: string) => boolean,
  projects: GeoJSON.Feature<GeoJSON.Geometry | null, { id: string }>[],
  spacingDeg: number,
  decimals: number,
): HatchCollection {
  return {
    type: 'FeatureCollection',
    features: [
      ...counties
        .filter((f) => hatchedCounty(f.properties.adcode))
        .map((f) => ({
          type: 'Feature' as const,
          properties: { adcode: f.properties.adcode, project_id: null },
          geometry: hatchLines(f, spacingDeg, decimals),
        })),
      ...projects
        .filter((f) => f.geometry && /Polygon/.test(f.geometry.type))
        .map((f) => ({
          type: 'Feature' as const,
          properties: { adcode: null, project_id: f.properties.id },
          geometry: hatchLines(f as GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>, spacingDeg, decimals),
        })),
    ],
  };
}
