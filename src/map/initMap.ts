/**
 * The interactive map, loaded as its own chunk after the page's text has rendered.
 * MapLibre draws the offline base map (neighbouring prefectures, the city outline: no tiles,
 * no glyphs, no request off the origin); deck.gl draws every data layer on top.
 *
 * deck.gl runs in overlaid mode (`interleaved: false`): with maplibre-gl 6.17 the interleaved
 * mode throws inside @deck.gl/mapbox ("reading 'height'") and nothing renders. Overlaid costs
 * a second canvas but our base map has nothing that must draw above the data.
 */
import { Map as MlMap, NavigationControl, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
// emitted as _astro/maplibre-gl-worker.<hash>.js (astro.config.mjs renames .mjs): every static host knows .js
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
// as a URL, linked when the map loads: a plain CSS import would be hoisted into every page's <head>
import maplibreCssUrl from 'maplibre-gl/dist/maplibre-gl.css?url';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { PickingInfo } from '@deck.gl/core';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { CoalMineFeature, CoalMineProps, CountyFeature, CountyProps, IndicatorMeta, ProjectFeature } from '../domain/contract';
import type { CellWords, ProgressWords } from '../domain/vocabulary';
import type { AtlasState, View } from '../lib/urlState';
import type { MapDataUrls } from '../lib/paths';
import type { ProgressViewConfig } from '../lib/progressView';
import { buildLayers, type MapData } from './layers';
import { countyFrame, type BBox } from '../lib/geometry';
import { FLOW_CYCLES, FLOW_PERIOD_MS } from './flow';

setWorkerUrl(workerUrl);

function loadCss(href: string): Promise<void> {
  if (document.querySelector(`link[href="${href}"]`)) return Promise.resolve();
  return new Promise((resolve) => {
    const l = document.createElement('link');
    l.rel = 'stylesheet';
    l.href = href;
    l.onload = l.onerror = () => resolve();
    document.head.append(l);
  });
}

export interface MapConfig {
  /** where each data file is (content-versioned names, with the base path: src/lib/paths.ts) */
  data: MapDataUrls;
  bbox: [number, number, number, number];
  meta: IndicatorMeta[];
  /** the words for non-numeric cells, in the page's language */
  words: CellWords;
  schematicLabel: string;
  lang: 'zh' | 'en';
  /** static (no pan/zoom), e.g. for PNG-like embeds and presentation */
  interactive?: boolean;
  /** each county's box, for `frameCounty` */
  bboxes?: Record<string, BBox>;
  /** the county (and its neighbours) the map starts on, instead of the whole city (the embed's c=) */
  frameCounty?: string | null;
  /** the progress view: statuses by indicator and year, and their words (empty where there are no figures) */
  progress: ProgressViewConfig;
  progressWords: ProgressWords;
}


export interface MapCallbacks {
  onSelectCounty: (adcode: string | null) => void;
  onSelectProject: (id: string) => void;
  onHover: (info: { x: number; y: number; county: CountyProps | null; project: ProjectFeature['properties'] | null; mine: CoalMineProps | null }) => void;
  onView: (v: View) => void;
  onReady: () => void;
  /** a step of starting is done (data fetched, base map loaded): src/map/loadMap.ts times each step */
  onProgress?: () => void;
  /** the WebGL context was lost and did not come back: the map has destroyed itself */
  onContextLost: () => void;
}

export interface AtlasMap {
  update: (s: AtlasState) => void;
  flyTo: (v: View | { bbox: [number, number, number, number] }, animate: boolean) => void;
  /** the map's current pixels (base map and deck layers composited) */
  toCanvas: (scale: number) => Promise<HTMLCanvasElement>;
  destroy: () => void;
  map: MlMap;
  /** frames deck.gl has drawn so far (tests: the flow stops drawing when it rests) */
  redraws: () => number;
  /** whether the flow animation is asking for frames now */
  animating: () => boolean;
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export async function initMap(container: HTMLElement, cfg: MapConfig, initial: AtlasState, cb: MapCallbacks): Promise<AtlasMap> {
  const get = (f: keyof MapDataUrls) => fetch(cfg.data[f]).then((r) => {
    if (!r.ok) throw new Error(`${f}: HTTP ${r.status}`);
    return r.json();
  });
  const [, topo, context, hatch, projects, mines] = await Promise.all([
    loadCss(maplibreCssUrl),
    get('counties.topojson') as Promise<Topology>,
    get('context.geojson') as Promise<GeoJSON.FeatureCollection>,
    get('hatch.geojson') as Promise<GeoJSON.FeatureCollection<GeoJSON.MultiLineString>>,
    get('projects.geojson') as Promise<GeoJSON.FeatureCollection>,
    // a few points (≈2 KB gzipped): fetched with the rest so the layer toggles without a wait
    get('coal-mines.geojson') as Promise<{ features: CoalMineFeature[] }>,
  ]);
  cb.onProgress?.();
  const counties = (feature(topo, topo.objects.counties as GeometryCollection<CountyProps>) as unknown as GeoJSON.FeatureCollection)
    .features as unknown as CountyFeature[];
  const data: MapData = {
    counties,
    hatch: hatch.features as MapData['hatch'],
    projects: projects.features as unknown as ProjectFeature[],
    mines: mines.features,
    meta: cfg.meta,
    words: cfg.words,
    schematicLabel: cfg.schematicLabel,
    lang: cfg.lang,
    progress: cfg.progress,
    progressWords: cfg.progressWords,
  };

  const style: StyleSpecification = {
    version: 8,
    sources: { context: { type: 'geojson', data: context } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f3f4f1' } },
      { id: 'neighbours', type: 'fill', source: 'context', filter: ['==', ['get', 'role'], 'neighbour'], paint: { 'fill-color': '#f3f4f1' } },
      { id: 'neighbour-borders', type: 'line', source: 'context', filter: ['==', ['get', 'role'], 'neighbour'], paint: { 'line-color': '#b8bcc0', 'line-width': 1 } },
      { id: 'city-halo', type: 'line', source: 'context', filter: ['==', ['get', 'role'], 'city'], paint: { 'line-color': '#5b6770', 'line-width': 5, 'line-opacity': 0.35 } },
    ],
  };
  // the box the camera fits to the frame, kept while the reader has not moved the map, so a
  // frame that changes size (an iframe resized, a phone turned) shows the same whole area
  let fitPadding = 16;
  let fitBox: BBox | null = initial.view
    ? null
    : cfg.frameCounty && cfg.bboxes?.[cfg.frameCounty]
      ? countyFrame(cfg.bboxes[cfg.frameCounty], cfg.bbox)
      : cfg.bbox;
  const map = new MlMap({
    container,
    style,
    bounds: fitBox ?? undefined,
    center: initial.view ? [initial.view.lon, initial.view.lat] : undefined,
    zoom: initial.view?.zoom,
    fitBoundsOptions: { padding: fitPadding },
    attributionControl: false,
    interactive: cfg.interactive !== false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    maxBounds: [cfg.bbox[0] - 4, cfg.bbox[1] - 3, cfg.bbox[2] + 4, cfg.bbox[3] + 3],
    minZoom: 4,
    maxZoom: 12,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.touchZoomRotate.disableRotation();
  if (cfg.interactive !== false) map.addControl(new NavigationControl({ showCompass: false }), 'top-right');

  let state = initial;
  let flowTime: number | null = reducedMotion() ? null : 0;
  /** the county under the pointer (on touch: the last tapped), drawn as an outline */
  let hover: string | null = null;

  const overlay = new MapboxOverlay({
    interleaved: false,
    layers: [],
    // keep the WebGL buffer readable for PNG export and pixel tests
    glOptions: { preserveDrawingBuffer: true },
    getCursor: ({ isHovering }: { isHovering: boolean }) => (isHovering ? 'pointer' : 'grab'),
    onHover: (info: PickingInfo) => {
      const obj = info.object as { properties?: Record<string, unknown> } | undefined;
      const isCounty = info.layer?.id === 'counties';
      const county = isCounty && obj ? (obj.properties as CountyProps) : null;
      const project = !isCounty && obj?.properties && 'kind' in obj.properties ? (obj.properties as ProjectFeature['properties']) : null;
      if ((county?.adcode ?? null) !== hover) {
        hover = county?.adcode ?? null;
        render();
      }
      const mine = info.layer?.id === 'coal-mines' && obj ? (obj.properties as CoalMineProps) : null;
      cb.onHover({ x: info.x, y: info.y, county, project, mine });
    },
    onClick: (info: PickingInfo) => {
      const obj = info.object as { properties?: Record<string, unknown> } | undefined;
      if (!obj) return cb.onSelectCounty(null);
      if (info.layer?.id === 'counties') cb.onSelectCounty((obj.properties as CountyProps).adcode);
      else if (obj.properties && 'kind' in obj.properties) cb.onSelectProject(String(obj.properties.id));
    },
  } as ConstructorParameters<typeof MapboxOverlay>[0]);

  const render = () => overlay.setProps({ layers: buildLayers(data, state, { flowTime, zoom: map.getZoom(), hover }) });
  map.addControl(overlay as never);
  // deck.gl's event manager makes its overlay canvas a tab stop; in overlaid mode the map canvas
  // (keyboard pan and zoom) is the one to focus, so take the duplicate out of the tab order
  for (const c of container.querySelectorAll<HTMLCanvasElement>('canvas:not(.maplibregl-canvas)')) c.tabIndex = -1;
  map.getCanvas().setAttribute('aria-label', cfg.lang === 'zh' ? '交互地图：方向键平移，加减号缩放' : 'Interactive map: arrow keys pan, + and − zoom');

  // animate the reclaimed-water flow; still when the visitor prefers reduced motion. ~15 frames a
  // second is enough for a slow flow. Frames are asked for only while the flow runs: it pauses
  // while the map is off screen or the tab hidden, and rests after FLOW_CYCLES passes until the
  // reader interacts (each interaction grants FLOW_CYCLES more)
  // ready = the first frame in which deck.gl has drawn the data layers over the loaded base map
  let ready = false;
  let raf = 0;
  let running = false;
  let lastFrame = 0;
  let lastTick = 0;
  let phase = 0;
  let flowLeftMs = FLOW_CYCLES * FLOW_PERIOD_MS;
  let visible = true;
  let exportingDepth = 0;
  let silentDepth = 0;
  let redraws = 0;
  const wantsFlow = () => flowTime !== null && visible && !document.hidden && flowLeftMs > 0 && state.layers.includes('reclaimed_water_line');
  const tick = (t: number) => {
    if (!wantsFlow()) {
      running = false;
      return;
    }
    // time while running only: the loop stops whenever the flow pauses, and restarts from here
    // (a slow machine's long frames count in full, so the passes end on time however few frames it draws)
    const dt = Math.min(t - (lastTick || t), 1000);
    lastTick = t;
    phase = (phase + dt / FLOW_PERIOD_MS) % 1;
    flowLeftMs -= dt;
    if (t - lastFrame > 66 || flowLeftMs <= 0) {
      lastFrame = t;
      flowTime = phase;
      render();
    }
    raf = requestAnimationFrame(tick);
  };
  const runFlow = () => {
    if (running || !ready || !wantsFlow()) return;
    running = true;
    lastTick = 0;
    raf = requestAnimationFrame(tick);
  };
  /** the reader did something with the map: the flow may run its passes again */
  const wake = () => {
    flowLeftMs = FLOW_CYCLES * FLOW_PERIOD_MS;
    runFlow();
  };
  const io = new IntersectionObserver((es) => {
    visible = es.some((e) => e.isIntersecting);
    runFlow();
  });
  io.observe(container);
  const onVisibility = () => runFlow();
  document.addEventListener('visibilitychange', onVisibility);
  for (const type of ['pointerdown', 'wheel', 'keydown'] as const) container.addEventListener(type, wake, { passive: true });
  const motionQuery = window.matchMedia('(prefers-reduced-motion: reduce)');
  const onMotionChange = () => {
    flowTime = motionQuery.matches ? null : phase;
    cancelAnimationFrame(raf);
    running = false;
    render();
    runFlow();
  };
  motionQuery.addEventListener('change', onMotionChange);

  // A worker that cannot start (served with the wrong MIME type, missing) means 'load' never comes:
  // MapLibre reports it as an error event instead, and the page gets the static map with the reason.
  await new Promise<void>((resolve, reject) => {
    if (map.loaded()) return resolve();
    map.once('load', () => resolve());
    map.on('error', (e: { error?: { message?: string } }) => {
      if (!/worker/i.test(String(e.error?.message))) return;
      map.remove();
      reject(Object.assign(new Error(e.error?.message ?? 'map worker failed'), { name: 'MapWorkerError' }));
    });
  });
  cb.onProgress?.();
  overlay.setProps({
    onAfterRender: () => {
      redraws++;
      if (ready) return;
      ready = true;
      for (const c of container.querySelectorAll<HTMLCanvasElement>('canvas:not(.maplibregl-canvas)')) c.tabIndex = -1;
      container.dataset.mapState = 'ready';
      // a lost context that does not come back within 1.5 s: give up the canvas, never leave it dead
      for (const c of container.querySelectorAll('canvas')) {
        c.addEventListener('webglcontextlost', () => {
          setTimeout(() => {
            const gl = c.getContext('webgl2');
            if (!gl || gl.isContextLost()) {
              api.destroy();
              cb.onContextLost();
            }
          }, 1500);
        });
      }
      performance.mark('atlas-map-first-frame');
      cb.onReady();
      runFlow();
    },
  } as never);
  render();

  map.on('zoomend', () => render());
  // the reader moved the camera: from now on a resize keeps their view instead of refitting
  map.on('movestart', (e) => {
    if ((e as { originalEvent?: Event }).originalEvent) fitBox = null;
  });
  map.on('resize', () => {
    if (!fitBox) return;
    silentDepth++;
    try {
      map.fitBounds(fitBox, { padding: Math.min(fitPadding, container.clientWidth / 8, container.clientHeight / 8), duration: 0, maxZoom: 9.5 });
    } finally {
      silentDepth--;
    }
  });
  map.on('moveend', () => {
    // every camera move after the first frame (the visitor's, or a fit to a chosen county) goes into the URL;
    // a refit to a resized frame is not a view anyone chose
    if (!ready || exportingDepth > 0 || silentDepth > 0) return;
    const c = map.getCenter();
    cb.onView({ lon: c.lng, lat: c.lat, zoom: map.getZoom() });
  });

  const api: AtlasMap = {
    map,
    update(s) {
      // a change of what the map shows is the reader's doing: the flow may run again
      const changed = s.indicator !== state.indicator || s.county !== state.county || s.layers.join() !== state.layers.join();
      state = s;
      render();
      if (changed) wake();
      else runFlow();
    },
    flyTo(v, animate) {
      const duration = animate && !reducedMotion() ? 1200 : 0;
      fitBox = 'bbox' in v ? v.bbox : null;
      fitPadding = 40;
      if ('bbox' in v) map.fitBounds(v.bbox, { padding: Math.min(fitPadding, container.clientWidth / 8, container.clientHeight / 8), duration, maxZoom: 9.5 });
      else map.flyTo({ center: [v.lon, v.lat], zoom: v.zoom, duration });
    },
    redraws: () => redraws,
    animating: () => running,
    async toCanvas(scale) {
      // re-render at `scale` device pixels per CSS pixel (not an upscaled screenshot), then restore
      const prevRatio = window.devicePixelRatio;
      exportingDepth++;
      try {
        map.setPixelRatio(scale);
        overlay.setProps({ useDevicePixels: scale } as never);
        render();
        await new Promise((r) => map.once('idle', r));
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const canvases = [...container.querySelectorAll('canvas')];
        const out = document.createElement('canvas');
        out.width = canvases[0].width;
        out.height = canvases[0].height;
        const ctx = out.getContext('2d')!;
        for (const c of canvases) ctx.drawImage(c, 0, 0, out.width, out.height);
        return out;
      } finally {
        // back to the screen's own ratio, whatever happened
        map.setPixelRatio(prevRatio);
        overlay.setProps({ useDevicePixels: true } as never);
        render();
        exportingDepth--;
      }
    },
    destroy() {
      cancelAnimationFrame(raf);
      running = false;
      io.disconnect();
      document.removeEventListener('visibilitychange', onVisibility);
      motionQuery.removeEventListener('change', onMotionChange);
      map.remove();
    },
  };
  return api;
}
