/**
 * The one way a page gets its map: checks WebGL2, waits until the page's own text has rendered
 * (and, on long pages, until the map comes near the viewport), imports the map chunk, and
 * falls back to the pipeline's static SVG map, with the reason in words, whenever the live map
 * cannot run: no WebGL2, a chunk or data file that fails to load, a map worker that cannot
 * start (e.g. served with the wrong MIME type), no first frame in time, a lost WebGL context.
 * The visitor never keeps an empty grey box. Imports nothing heavy: MapLibre and deck.gl
 * arrive with ./initMap only when needed.
 */
import { hasWebGL2 } from '../lib/webgl';
import type { AtlasState } from '../lib/urlState';
import type { AtlasMap, MapCallbacks, MapConfig } from './initMap';

export interface LoadOptions {
  /** load only once this element comes within 400 px of the viewport (else: after load, when idle) */
  whenNear?: HTMLElement;
  /**
   * load only when this calls `start` (the embed: on the first touch, or once seen for a moment);
   * until then not even the WebGL check runs, so the page holds no GL context it may never use
   */
  trigger?: (start: () => void) => void;
  /** the reasons shown with the static map, in the page's language ({s}: seconds) */
  strings: { noWebgl: string; mapFailed: string; mapTimeout: string; mapWorker: string };
  /** show the static map and say why */
  fallback: (reason: string) => void;
  /** the live map is ready to take updates */
  onLoaded: (map: AtlasMap) => void;
}

type Idle = (f: () => void, o?: { timeout: number }) => void;

/**
 * How long the map may take, in ms. The chunk is ≈ 0.65 MB gzipped: a minute covers a slow
 * mobile connection. After it, each step of starting (the data, ≈ 30 KB; the base map; the first
 * frame with the data layers) takes 1–5 s on a phone or with software WebGL, several times that
 * on a busy old laptop; a step that makes no progress for 30 s is stuck (a request that never
 * ends, a worker that never answers), and the visitor gets the static map instead.
 */
export const MAP_CHUNK_TIMEOUT_MS = 60_000;
export const MAP_STEP_TIMEOUT_MS = 30_000;

/**
 * Start the map in `el` with the state `initial()` returns when it actually starts (the page may
 * have changed state while the chunk loaded). Returns false when the page gets the static map
 * at once (no WebGL2; with a trigger, that is known only once it fires).
 */
export function loadMap(
  el: HTMLElement,
  cfg: MapConfig,
  initial: () => AtlasState,
  cb: Omit<MapCallbacks, 'onContextLost' | 'onProgress'>,
  o: LoadOptions,
): boolean {
  if (!o.trigger && !hasWebGL2()) {
    o.fallback(o.strings.noWebgl);
    return false;
  }
  const load = () => {
    let failed = false;
    let ready = false;
    let live: AtlasMap | null = null;
    let timer = 0;
    const fail = (reason: string, err: unknown) => {
      if (failed || ready) return;
      failed = true;
      clearTimeout(timer);
      console.warn('map failed to load:', err);
      live?.destroy();
      live = null;
      o.fallback(reason);
    };
    const wait = (ms: number) => {
      clearTimeout(timer);
      timer = window.setTimeout(() => fail(o.strings.mapTimeout.replace('{s}', String(Math.round(ms / 1000))), new Error(`no map within ${ms} ms`)), ms);
    };
    wait(MAP_CHUNK_TIMEOUT_MS);
    import('./initMap')
      .then(({ initMap }) => {
        if (failed) return null;
        wait(MAP_STEP_TIMEOUT_MS);
        return initMap(el, cfg, initial(), {
          ...cb,
          onProgress: () => {
            if (!failed && !ready) wait(MAP_STEP_TIMEOUT_MS);
          },
          onReady: () => {
            if (failed) return;
            // the first frame with the data drawn: the map has started
            ready = true;
            clearTimeout(timer);
            cb.onReady();
          },
          onContextLost: () => o.fallback(o.strings.mapFailed),
        });
      })
      .then((m) => {
        if (!m) return;
        // too late: the static map is already showing, and stays
        if (failed) return m.destroy();
        live = m;
        o.onLoaded(m);
      })
      .catch((err: unknown) => fail((err as Error | null)?.name === 'MapWorkerError' ? o.strings.mapWorker : o.strings.mapFailed, err));
  };
  let started = false;
  const go = () => {
    if (started) return;
    started = true;
    if (o.trigger && !hasWebGL2()) return o.fallback(o.strings.noWebgl);
    const idle = (window as unknown as { requestIdleCallback?: Idle }).requestIdleCallback;
    if (idle) idle(load, { timeout: 1000 });
    else setTimeout(load, 50);
  };
  const whenLoaded = (f: () => void) => (document.readyState === 'complete' ? f() : window.addEventListener('load', f, { once: true }));
  whenLoaded(() => {
    if (o.trigger) return o.trigger(go);
    const near = o.whenNear;
    if (!near || !('IntersectionObserver' in window)) return go();
    // 400 px: on a desktop's first view the map (below the intro, the targets and the press background) starts
    // loading at once, as it did before the background was added; on a phone it still waits for a scroll
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        io.disconnect();
        go();
      }
    }, { rootMargin: '400px' });
    io.observe(near);
  });
  return true;
}
