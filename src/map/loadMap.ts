/**
 * The one way a page gets its map: checks WebGL2, waits until the page's own text has rendered
 * (and, on long pages, until the map comes near the viewport), imports the map chunk, and
 * falls back to the pipeline's static SVG map, with the reason in words, whenever the live map
 * cannot run: no WebGL2, a chunk or data file that fails to load, a lost WebGL context.
 * Imports nothing heavy: MapLibre and deck.gl arrive with ./initMap only when needed.
 */
import { hasWebGL2 } from '../lib/webgl';
import type { AtlasState } from '../lib/urlState';
import type { AtlasMap, MapCallbacks, MapConfig } from './initMap';

export interface LoadOptions {
  /** load only once this element comes within 400 px of the viewport (else: after load, when idle) */
  whenNear?: HTMLElement;
  /** the reasons shown with the static map, in the page's language */
  strings: { noWebgl: string; mapFailed: string };
  /** show the static map and say why */
  fallback: (reason: string) => void;
  /** the live map is ready to take updates */
  onLoaded: (map: AtlasMap) => void;
}

type Idle = (f: () => void, o?: { timeout: number }) => void;

/**
 * Start the map in `el` with the state `initial()` returns when it actually starts (the page may
 * have changed state while the chunk loaded). Returns false when the page gets the static map
 * at once (no WebGL2).
 */
export function loadMap(
  el: HTMLElement,
  cfg: MapConfig,
  initial: () => AtlasState,
  cb: Omit<MapCallbacks, 'onContextLost'>,
  o: LoadOptions,
): boolean {
  if (!hasWebGL2()) {
    o.fallback(o.strings.noWebgl);
    return false;
  }
  const load = () =>
    import('./initMap')
      .then(({ initMap }) => initMap(el, cfg, initial(), { ...cb, onContextLost: () => o.fallback(o.strings.mapFailed) }))
      .then(o.onLoaded)
      .catch((err) => {
        console.warn('map failed to load', err);
        o.fallback(o.strings.mapFailed);
      });
  let started = false;
  const go = () => {
    if (started) return;
    started = true;
    const idle = (window as unknown as { requestIdleCallback?: Idle }).requestIdleCallback;
    if (idle) idle(load, { timeout: 1000 });
    else setTimeout(load, 50);
  };
  const whenLoaded = (f: () => void) => (document.readyState === 'complete' ? f() : window.addEventListener('load', f, { once: true }));
  whenLoaded(() => {
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
