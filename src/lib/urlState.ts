/**
 * The view in the URL: indicator, what the map shows (the 2025 targets, or actual progress in a
 * year), selected county, visible project layers, map camera. A copied link reopens exactly what
 * was on screen; anything malformed or outdated falls back to the default for that part, never to
 * a broken page.
 *   ?i=water_use_cap&m=progress&y=2024&c=150402&l=pipe_renewal,reclaimed_water_line&v=118.95,42.30,8.2
 */
import { INDICATOR_IDS, type IndicatorId } from '../domain/indicators';
import { COUNTY_CODES } from '../domain/divisions';
import { PROGRESS_FIRST_YEAR } from '../domain/cells';

/** the project layers, and `coal_mines`: GEM's coal mines, where mine water comes from (not projects) */
export const LAYER_IDS = ['pipe_renewal', 'reclaimed_water_line', 'mine_water', 'coal_mines', 'groundwater_overextraction'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export interface View {
  lon: number;
  lat: number;
  zoom: number;
}
/** targets: the annex's 2025 targets (choropleth); progress: each division's actual figure of a year against its target */
export type MapMode = 'targets' | 'progress';
export interface AtlasState {
  indicator: IndicatorId;
  mode: MapMode;
  /**
   * the progress view's year, as the URL says it; null: the newest year with figures for the
   * indicator (which years exist is the pipeline's to say: src/lib/progressView.ts resolves it)
   */
  year: number | null;
  county: string | null;
  layers: LayerId[];
  view: View | null;
  /**
   * The counties drawn alike, without the indicator's colours (src/domain/cellLook.ts NEUTRAL_LOOK):
   * for a presentation step whose subject is not a per-county figure. Never in the URL: the home
   * page always shades an indicator.
   */
  neutral?: boolean;
}

/**
 * Shown at first: the projects with a drawn location. Groundwater areas start hidden (they are
 * the named districts' whole extent and would cover the choropleth); mine water has no location;
 * the coal mines are context, not the plan's projects, and start hidden.
 */
export const DEFAULT_LAYERS: readonly LayerId[] = ['pipe_renewal', 'reclaimed_water_line'];
export const DEFAULT_STATE: AtlasState = {
  indicator: 'water_use_cap',
  mode: 'targets',
  year: null,
  county: null,
  layers: [...DEFAULT_LAYERS],
  view: null,
};

export function parseState(search: string): AtlasState {
  const q = new URLSearchParams(search);
  const i = q.get('i');
  const c = q.get('c');
  const l = q.get('l');
  const v = q.get('v');
  const m = q.get('m');
  const y = q.get('y');
  const mode: MapMode = m === 'progress' ? 'progress' : 'targets';
  let view: View | null = null;
  if (v) {
    const [lon, lat, zoom] = v.split(',').map(Number);
    if ([lon, lat, zoom].every(Number.isFinite) && lon > 110 && lon < 126 && lat > 38 && lat < 48 && zoom >= 4 && zoom <= 16) {
      view = { lon, lat, zoom };
    }
  }
  return {
    indicator: (INDICATOR_IDS as readonly string[]).includes(i ?? '') ? (i as IndicatorId) : DEFAULT_STATE.indicator,
    mode,
    // a year only means something in the progress view; the last accepted year is a generous bound
    year: mode === 'progress' && y && /^\d{4}$/.test(y) && Number(y) >= PROGRESS_FIRST_YEAR && Number(y) <= 2100 ? Number(y) : null,
    county: c && COUNTY_CODES.includes(c) ? c : null,
    layers: l === null ? [...DEFAULT_STATE.layers] : LAYER_IDS.filter((id) => l.split(',').includes(id)),
    view,
  };
}

export function serializeState(s: AtlasState): string {
  const q = new URLSearchParams();
  if (s.indicator !== DEFAULT_STATE.indicator) q.set('i', s.indicator);
  if (s.mode === 'progress') {
    q.set('m', 'progress');
    if (s.year !== null) q.set('y', String(s.year));
  }
  if (s.county) q.set('c', s.county);
  const sameAsDefault = s.layers.length === DEFAULT_LAYERS.length && DEFAULT_LAYERS.every((id) => s.layers.includes(id));
  // layers in the registry's order, whatever order they were switched on in
  if (!sameAsDefault) q.set('l', LAYER_IDS.filter((id) => s.layers.includes(id)).join(','));
  if (s.view) q.set('v', `${s.view.lon.toFixed(4)},${s.view.lat.toFixed(4)},${s.view.zoom.toFixed(2)}`);
  const str = q.toString().replace(/%2C/g, ',');
  return str ? `?${str}` : '';
}

/**
 * The address of a view as it is shared (copied links, the PNG, "Cite this"): this page's origin and
 * path, then only the known parameters, in a fixed order; anything else a pasted link carried
 * (tracking tags, typos, a stale hash) is dropped.
 */
export function viewUrl(at: Pick<Location, 'origin' | 'pathname'>, s: AtlasState): string {
  return `${at.origin}${at.pathname}${serializeState(s)}`;
}

/**
 * What only an embed's address carries, after the view: `controls=0` hides the indicator choice
 * (the embed shows the chosen indicator's name instead). Kept through the embed's own URL updates.
 */
export interface EmbedOptions {
  controls: boolean;
}
export const DEFAULT_EMBED: EmbedOptions = { controls: true };

export function parseEmbedOptions(search: string): EmbedOptions {
  return { controls: new URLSearchParams(search).get('controls') !== '0' };
}

/** The query of an embed: the view's parameters, then the embed's own ("?i=…&controls=0"). */
export function serializeEmbed(s: AtlasState, o: EmbedOptions): string {
  const view = serializeState(s);
  const extra = o.controls ? '' : 'controls=0';
  return extra ? `${view ? `${view}&` : '?'}${extra}` : view;
}
