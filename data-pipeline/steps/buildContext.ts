import { PipelineError } from '../errors';
import { convertCollectionToWgs84 } from './convertDatum';
import { dissolveOutline, simplifyContext } from './buildTopology';
import { parseJson } from './parseJson';

export interface ContextInput {
  /** short key of the neighbour, e.g. "chengde" */
  key: string;
  file: string;
  text: string;
}

/**
 * The offline base map: outlines of the neighbouring prefectures (GCJ-02 in the source,
 * converted, simplified and clipped to a box around the city) and the city's own outline
 * (dissolved from the counties). Nothing is fetched from a tile server.
 */
export async function buildContext(
  neighbours: ContextInput[],
  counties: GeoJSON.FeatureCollection,
  o: { bbox: readonly number[]; simplifyM: number; decimals: number },
): Promise<GeoJSON.FeatureCollection> {
  const features: GeoJSON.Feature[] = [];
  for (const n of neighbours) {
    const fc = parseJson(n.text, n.file) as { features?: GeoJSON.Feature[] };
    if (!Array.isArray(fc?.features)) throw new PipelineError(n.file, 'expected a GeoJSON FeatureCollection', { field: 'features' });
    for (const f of fc.features) {
      const name = String((f.properties as { name?: string })?.name ?? n.key);
      features.push({ type: 'Feature', properties: { role: 'neighbour', name_zh: name.endsWith('盟') || name.endsWith('市') ? name : `${name}市`, key: n.key }, geometry: f.geometry });
    }
  }
  const ctx = await simplifyContext(convertCollectionToWgs84({ type: 'FeatureCollection', features }), o.bbox, o.simplifyM, o.decimals);
  const outline = await dissolveOutline(counties, o.decimals);
  return {
    type: 'FeatureCollection',
    features: [...ctx.features, { ...outline, properties: { role: 'city', name_zh: '赤峰市', key: 'chifeng' } }],
  };
}
