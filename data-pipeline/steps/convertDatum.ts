/**
 * GCJ-02 -> WGS84. The boundary source came from AMap, whose coordinates carry the
 * GCJ-02 obfuscation (about 550 m in Chifeng). The forward transform is the published
 * one (Krasovsky 1940 ellipsoid constants); the inverse is found by fixed-point iteration,
 * which converges to below 1e-9° in a few steps inside China.
 */
const A = 6378245.0; // semi-major axis, m (Krasovsky 1940, as used by GCJ-02)
const EE = 0.00669342162296594323; // eccentricity squared
const TOLERANCE_DEG = 1e-10;

function tLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}
function tLon(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** WGS84 [lon, lat] -> GCJ-02 [lon, lat] */
export function wgs84ToGcj02([lon, lat]: readonly number[]): [number, number] {
  const dLat0 = tLat(lon - 105, lat - 35);
  const dLon0 = tLon(lon - 105, lat - 35);
  const radLat = (lat / 180) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (dLat0 * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLon = (dLon0 * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** GCJ-02 [lon, lat] -> WGS84 [lon, lat], exact to TOLERANCE_DEG */
export function gcj02ToWgs84([lon, lat]: readonly number[]): [number, number] {
  let w: [number, number] = [lon, lat];
  for (let i = 0; i < 30; i++) {
    const g = wgs84ToGcj02(w);
    const dx = g[0] - lon;
    const dy = g[1] - lat;
    w = [w[0] - dx, w[1] - dy];
    if (Math.abs(dx) < TOLERANCE_DEG && Math.abs(dy) < TOLERANCE_DEG) break;
  }
  return w;
}

type Coords = number[] | Coords[];
function mapCoords(c: Coords, f: (p: number[]) => number[]): Coords {
  return typeof c[0] === 'number' ? f(c as number[]) : (c as Coords[]).map((x) => mapCoords(x, f));
}

/** Every position of a FeatureCollection from GCJ-02 to WGS84; properties untouched. */
export function convertCollectionToWgs84<T extends GeoJSON.FeatureCollection>(fc: T): T {
  return {
    ...fc,
    features: fc.features.map((f) => ({
      ...f,
      geometry: f.geometry && 'coordinates' in f.geometry
        ? { ...f.geometry, coordinates: mapCoords(f.geometry.coordinates as Coords, gcj02ToWgs84) }
        : f.geometry,
    })),
  } as T;
}
