import { ProjectProps } from '../../src/domain/contract';
import type { ProjectsFile } from '../../src/domain/contract';
import { PipelineError } from '../errors';
import { COUNTY_CODES } from '../../src/domain/divisions';

type Coords = number[] | Coords[];
const positions = (c: Coords): number[][] => (typeof c[0] === 'number' ? [c as number[]] : (c as Coords[]).flatMap(positions));

/**
 * projects.geojson (WGS84, hand-maintained; each feature with its precision and sources) ->
 * checked features. Every coordinate must lie in the region; every property must match the
 * contract. `adcodes` is filled in later by locateProjects.
 */
export function parseProjects(text: string, file: string, regionBbox: readonly number[]): ProjectsFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec(String(e));
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
    throw new PipelineError(file, `not valid JSON: ${(e as Error).message}`, { line });
  }
  const fc = data as { type?: string; features?: unknown[] };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new PipelineError(file, 'expected a GeoJSON FeatureCollection');
  }
  if (fc.features.length === 0) throw new PipelineError(file, 'no features');
  const ids = new Set<string>();
  const features = fc.features.map((raw, i) => {
    const f = raw as { properties?: Record<string, unknown>; geometry?: { type: string; coordinates: Coords } | null };
    const id = String(f.properties?.id ?? `features[${i}]`);
    const idx = text.indexOf(`"${id}"`);
    const line = idx >= 0 ? text.slice(0, idx).split('\n').length : undefined;
    const r = ProjectProps.omit({ adcodes: true }).safeParse(f.properties ?? {});
    if (!r.success) {
      const issue = r.error.issues[0];
      const field = issue.path.join('.');
      const value = f.properties?.[String(issue.path[0])];
      throw new PipelineError(file, `${id}: ${issue.message}`, { line, field, value: value === undefined ? undefined : String(value) });
    }
    const unknown = r.data.named_adcodes.find((c) => !COUNTY_CODES.includes(c));
    if (unknown) throw new PipelineError(file, `${id}: not one of the 12 county codes of 赤峰市`, { line, field: 'named_adcodes', value: unknown });
    if (ids.has(r.data.id)) throw new PipelineError(file, 'duplicate project id', { line, field: 'id', value: r.data.id });
    ids.add(r.data.id);
    const g = f.geometry ?? null;
    if (g === null && r.data.precision !== 'unlocated') {
      throw new PipelineError(file, `${id}: a feature without geometry must have precision "unlocated"`, { line, field: 'precision' });
    }
    if (g !== null && r.data.precision === 'unlocated') {
      throw new PipelineError(file, `${id}: precision "unlocated" but the feature has a geometry`, { line, field: 'geometry' });
    }
    if (g) {
      if (!['Point', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'].includes(g.type) || !Array.isArray(g.coordinates)) {
        throw new PipelineError(file, `${id}: unsupported geometry`, { line, field: 'geometry.type', value: g.type });
      }
      for (const p of positions(g.coordinates)) {
        const [lon, lat] = p;
        if (!(lon >= regionBbox[0] && lon <= regionBbox[2] && lat >= regionBbox[1] && lat <= regionBbox[3])) {
          throw new PipelineError(file, `${id}: coordinate outside the region of 赤峰市 (WGS84 [lon, lat], box ${regionBbox.join(', ')})`, {
            line,
            field: 'geometry.coordinates',
            value: JSON.stringify(p),
          });
        }
      }
    }
    return { type: 'Feature' as const, properties: { ...r.data, adcodes: [] as string[] }, geometry: g as GeoJSON.Geometry | null };
  });
  return { type: 'FeatureCollection', features };
}
