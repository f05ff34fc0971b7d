import * as turf from '@turf/turf';
import { ProjectProps } from '../../src/domain/contract';
import type { ProjectsFile } from '../../src/domain/contract';
import { PipelineError } from '../errors';
import { COUNTY_CODES } from '../../src/domain/divisions';
import { parseJson } from './parseJson';

export interface GeometryLimits {
  /** WGS84 [west, south, east, north] every position must fall in */
  regionBbox: readonly number[];
  /** most positions in one feature, and in the whole file (it is sent to every visitor) */
  maxPositionsPerFeature: number;
  maxPositions: number;
}

type Where = { line?: number; field?: string; value?: string };
const isPosition = (p: unknown): p is number[] =>
  Array.isArray(p) && (p.length === 2 || p.length === 3) && p.every((x) => typeof x === 'number' && Number.isFinite(x));
const show = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
};

/**
 * One geometry's coordinates checked for shape, count and place before anything reads them:
 * every position two finite numbers inside the region, a line at least 2 positions, every polygon
 * ring at least 4 positions and closed, no part empty, no polygon crossing itself. Returns the
 * number of positions. Throws at the first problem with the path into `coordinates`.
 */
function checkGeometry(g: { type: string; coordinates: unknown }, id: string, file: string, at: Where, lim: GeometryLimits, budget: number): number {
  let count = 0;
  const err = (msg: string, path: string, value?: unknown): never => {
    throw new PipelineError(file, `${id}: ${msg}`, { ...at, field: `geometry.coordinates${path}`, value: value === undefined ? undefined : show(value) });
  };
  const position = (p: unknown, path: string) => {
    if (!isPosition(p)) err('not a position: expected [longitude, latitude], two numbers (not strings)', path, p);
    if (++count > budget) {
      err(
        `几何过于复杂：超过 ${budget.toLocaleString('en-US')} 个坐标点（projects.geojson 会发给每位访客）。请先简化，例如 mapshaper -simplify / too many positions (more than ${budget.toLocaleString('en-US')}); projects.geojson goes to every visitor: simplify it first`,
        path,
      );
    }
    const [lon, lat] = p as number[];
    const b = lim.regionBbox;
    if (!(lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3])) {
      err(`coordinate outside the region of 赤峰市 (WGS84 [lon, lat], box ${b.join(', ')})`, path, [lon, lat]);
    }
  };
  const list = (c: unknown, path: string, min: number, what: string): unknown[] => {
    if (!Array.isArray(c)) err(`expected a list of ${what}`, path, c);
    if ((c as unknown[]).length < min) err(`needs at least ${min} ${what}, has ${(c as unknown[]).length}`, path, c);
    return c as unknown[];
  };
  const line = (c: unknown, path: string) => list(c, path, 2, 'positions').forEach((p, i) => position(p, `${path}[${i}]`));
  const polygon = (c: unknown, path: string) =>
    list(c, path, 1, 'rings').forEach((ring, r) => {
      const ps = list(ring, `${path}[${r}]`, 4, 'positions (a closed ring repeats its first position at the end)');
      ps.forEach((p, i) => position(p, `${path}[${r}][${i}]`));
      const [a, z] = [ps[0] as number[], ps[ps.length - 1] as number[]];
      if (a[0] !== z[0] || a[1] !== z[1]) err('ring not closed: its last position must repeat the first', `${path}[${r}]`, [a, z]);
    });
  switch (g.type) {
    case 'Point':
      position(g.coordinates, '');
      break;
    case 'LineString':
      line(g.coordinates, '');
      break;
    case 'MultiLineString':
      list(g.coordinates, '', 1, 'lines').forEach((l, i) => line(l, `[${i}]`));
      break;
    case 'Polygon':
      polygon(g.coordinates, '');
      break;
    case 'MultiPolygon':
      list(g.coordinates, '', 1, 'polygons').forEach((p, i) => polygon(p, `[${i}]`));
      break;
  }
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const f = turf.feature(g as GeoJSON.Polygon | GeoJSON.MultiPolygon);
    // crossings first: a bow-tie's two halves cancel out and it looks like a polygon with no area
    const kinks = turf.kinks(f).features;
    if (kinks.length) err('polygon crosses itself (first crossing at the value)', '', kinks[0].geometry.coordinates);
    if (turf.area(f) <= 0) err('polygon with no area', '');
  }
  return count;
}

/**
 * projects.geojson (WGS84, hand-maintained; each feature with its precision and sources) ->
 * checked features. Every coordinate must lie in the region; every property must match the
 * contract. `adcodes` is filled in later by locateProjects.
 */
export function parseProjects(text: string, file: string, lim: GeometryLimits): ProjectsFile {
  const data = parseJson(text, file);
  const fc = data as { type?: string; features?: unknown[] };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new PipelineError(file, 'expected a GeoJSON FeatureCollection');
  }
  if (fc.features.length === 0) throw new PipelineError(file, 'no features');
  const ids = new Set<string>();
  let total = 0;
  const features = fc.features.map((raw, i) => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new PipelineError(file, `features[${i}] is not a GeoJSON Feature`, { field: `features[${i}]` });
    const f = raw as { properties?: Record<string, unknown>; geometry?: { type: string; coordinates: unknown } | null };
    const id = String(f.properties?.id ?? `features[${i}]`);
    const idx = text.indexOf(`"${id}"`);
    const line = idx >= 0 ? text.slice(0, idx).split('\n').length : undefined;
    // geometry problems are reported where the geometry starts
    const gIdx = idx >= 0 ? text.indexOf('"geometry"', idx) : -1;
    const gLine = gIdx >= 0 ? text.slice(0, gIdx).split('\n').length : line;
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
      if (typeof g !== 'object' || !['Point', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'].includes(g.type)) {
        throw new PipelineError(file, `${id}: unsupported geometry (Point, LineString, MultiLineString, Polygon or MultiPolygon)`, { line: gLine, field: 'geometry.type', value: show(g?.type) });
      }
      const budget = Math.min(lim.maxPositionsPerFeature, lim.maxPositions - total);
      total += checkGeometry(g, id, file, { line: gLine }, lim, budget);
    }
    return { type: 'Feature' as const, properties: { ...r.data, adcodes: [] as string[] }, geometry: g as GeoJSON.Geometry | null };
  });
  return { type: 'FeatureCollection', features };
}
