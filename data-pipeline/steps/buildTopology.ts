import mapshaper from 'mapshaper';

/**
 * Topology building and simplification, done by mapshaper (the well-kept tool for exactly
 * this): snapping, repairing the source's invalid rings (spikes, self-touching rings, a few
 * crossings), closing the 0.31 km² gap between 林西县 and 巴林右旗 and removing the overlaps
 * at the triple junction, then Douglas–Peucker simplification on the shared arcs, so a
 * border is the same line on both sides. Pure: data in, data out; no file is touched.
 */
export interface TopologyOptions {
  simplifyM: number;
  gapFillKm2: number;
  decimals: number;
}

async function run(cmd: string, input: Record<string, unknown>): Promise<Record<string, string>> {
  const out = await mapshaper.applyCommands(cmd, input);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, String(v)]));
}

export async function cleanAndSimplify<P>(
  fc: GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, P>,
  o: TopologyOptions,
): Promise<GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, P>> {
  const precision = (10 ** -o.decimals).toFixed(o.decimals);
  const out = await run(
    `-i in.json snap -clean gap-fill-area=${o.gapFillKm2}km2 ` +
      `-simplify dp interval=${o.simplifyM} keep-shapes -clean gap-fill-area=${o.gapFillKm2}km2 ` +
      `-o out.json format=geojson rfc7946 precision=${precision}`,
    { 'in.json': fc },
  );
  return JSON.parse(out['out.json']);
}

/** The outer boundary of all features (the city outline), as one polygon feature. */
export async function dissolveOutline(
  fc: GeoJSON.FeatureCollection,
  decimals: number,
): Promise<GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>> {
  const precision = (10 ** -decimals).toFixed(decimals);
  const out = await run(`-i in.json snap -dissolve -o out.json format=geojson rfc7946 precision=${precision}`, { 'in.json': fc });
  const parsed = JSON.parse(out['out.json']);
  // with no attributes left after dissolving, mapshaper writes a GeometryCollection
  const geometry = parsed.type === 'GeometryCollection' ? parsed.geometries[0] : parsed.features[0].geometry;
  return { type: 'Feature', properties: {}, geometry };
}

/** Outlines of neighbouring areas: simplified and clipped to a box around the city. */
export async function simplifyContext(
  fc: GeoJSON.FeatureCollection,
  bbox: readonly number[],
  simplifyM: number,
  decimals: number,
): Promise<GeoJSON.FeatureCollection> {
  const precision = (10 ** -decimals).toFixed(decimals);
  const out = await run(
    `-i in.json snap -clean -clip bbox=${bbox.join(',')} -simplify dp interval=${simplifyM} keep-shapes ` +
      `-o out.json format=geojson rfc7946 precision=${precision}`,
    { 'in.json': fc },
  );
  return JSON.parse(out['out.json']);
}

/** GeoJSON -> TopoJSON (shared arcs stored once, quantised): the compact file the map fetches. */
export async function toTopoJson(fc: GeoJSON.FeatureCollection, objectName: string): Promise<string> {
  const out = await run(`-i ${objectName}.json -o out.topojson format=topojson quantization=100000`, {
    [`${objectName}.json`]: fc,
  });
  return out['out.topojson'];
}
