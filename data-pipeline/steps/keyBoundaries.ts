import { PipelineError } from '../errors';
import { parseJson } from './parseJson';

export type KeyedBoundaries = GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, { adcode: string }>;

/**
 * The boundary file (a GeoJSON FeatureCollection of the 12 counties) -> polygons keyed by their
 * GB/T 2260 code. The source keeps the code in the feature id (or an `adcode` property); only
 * the code is carried on, every other property is dropped.
 */
export function keyBoundaries(text: string, file: string): KeyedBoundaries {
  const raw = parseJson(text, file) as { features?: unknown };
  if (!Array.isArray(raw?.features)) throw new PipelineError(file, 'expected a GeoJSON FeatureCollection', { field: 'features' });
  const features = raw.features as { id?: unknown; properties?: { adcode?: unknown } | null; geometry?: { type?: string; coordinates?: unknown } | null }[];
  return {
    type: 'FeatureCollection',
    features: features.map((f, i) => {
      if (!f?.geometry || !/^(Multi)?Polygon$/.test(String(f.geometry.type)) || !Array.isArray(f.geometry.coordinates)) {
        throw new PipelineError(file, 'not a Polygon or MultiPolygon', { field: `features[${i}].geometry`, value: String(f?.geometry?.type) });
      }
      const adcode = String(f.id ?? f.properties?.adcode ?? '');
      if (!/^1504\d\d$/.test(adcode)) throw new PipelineError(file, `features[${i}] has no GB/T 2260 code`, { field: 'id', value: adcode });
      return { type: 'Feature' as const, properties: { adcode }, geometry: f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon };
    }),
  };
}
