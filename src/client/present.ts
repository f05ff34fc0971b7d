/**
 * Presentation mode controller (/present/, /en/present/): one step per screen, driven by
 * keyboard or a presentation clicker (→ ← Space PageUp PageDown, Home/End, F, Esc), the
 * step number kept in the URL hash (#3), and one shared map that changes indicator, layers
 * and camera per step. The map chunk is imported only after load and only with WebGL2;
 * otherwise the pipeline's static SVG for the step's indicator is shown.
 *
 * Projector legibility: the map's labels and line widths are fixed in CSS pixels
 * (src/map/layers.ts), sized for a desk. Here the map container is laid out at 1/k of its
 * box and scaled by k with a CSS transform, and the page's devicePixelRatio is raised by the
 * same k before the map loads, so that labels and lines are k times larger and still drawn
 * at the screen's full resolution. (A `labelScale` option in initMap would make this unnecessary.)
 */
import { hasWebGL2 } from '../lib/webgl';
import type { AtlasState } from '../lib/urlState';
import type { IndicatorMeta } from '../contract';
import type { AtlasMap } from '../map/initMap';

type BBox = [number, number, number, number];
interface StepCfg {
  n: number;
  title: string;
  layout: 'full' | 'map';
  state: AtlasState;
  focus: BBox;
  svg: string;
  alt: string;
}
interface Config {
  lang: 'zh' | 'en';
  home: string;
  dataBase: string;
  bbox: BBox;
  meta: IndicatorMeta[];
  statusColors: { maintain_2020: string; not_applicable: string };
  schematicLabel: string;
  strings: Record<'fullscreen' | 'exitFullscreen' | 'noWebgl' | 'mapFailed' | 'stepOf', string>;
  steps: StepCfg[];
}

const cfgEl = document.getElementById('present-config');
if (cfgEl) start(JSON.parse(cfgEl.textContent!) as Config);


const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Centre and zoom that fit a box into a w×h map (512 px tiles), for cameras beyond fitBounds' zoom cap. */
function fitView(b: BBox, w: number, h: number, padding: number) {
  const merc = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const zx = Math.log2((Math.max(w - 2 * padding, 50) * 360) / ((b[2] - b[0]) * 512));
  const zy = Math.log2((Math.max(h - 2 * padding, 50) * 2 * Math.PI) / ((merc(b[3]) - merc(b[1])) * 512));
  const y = (merc(b[1]) + merc(b[3])) / 2;
  return {
    lon: (b[0] + b[2]) / 2,
    lat: (Math.atan(Math.exp(y)) * 360) / Math.PI - 90,
    zoom: Math.max(4, Math.min(11.5, zx, zy)),
  };
}

function start(cfg: Config) {
  const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
  const root = $('#present');
  const stepsEl = [...document.querySelectorAll<HTMLElement>('#present-steps > .step')];
  const total = stepsEl.length;
  const live = $('#present-live');
  const wrap = $('#present-mapwrap');
  const mapEl = $('#present-map');
  const fallback = $<HTMLImageElement>('#present-fallback');
  const status = $('#present-status');
  const fsBtn = $<HTMLButtonElement>('#present-fullscreen');
  let current = 0;
  let map: AtlasMap | null = null;
  let usingFallback = false;

  root.classList.add('js');

  const parseHash = (): number | null => {
    const m = /^#(\d+)$/.exec(location.hash);
    if (!m) return null;
    const n = Number(m[1]);
    return n >= 1 && n <= total ? n : null;
  };

  /** Map scale factor: labels 2× at 1080 px high, proportionally smaller screens; 1 on phones. */
  let k = 1;
  const scaleFor = () => (window.matchMedia('(orientation: portrait), (max-width: 760px)').matches ? 1 : Math.max(1, Math.min(3, window.innerHeight / 540)));
  function sizeMap() {
    k = scaleFor();
    const w = wrap.clientWidth;
    const h = wrap.clientHeight;
    mapEl.style.width = `${w / k}px`;
    mapEl.style.height = `${h / k}px`;
    mapEl.style.transform = k === 1 ? '' : `scale(${k})`;
  }

  function camera(step: StepCfg, animate: boolean) {
    if (!map) return;
    const w = mapEl.clientWidth;
    const h = mapEl.clientHeight;
    map.flyTo(fitView(step.focus, w, h, Math.min(w, h) * 0.05), animate && !reducedMotion());
  }

  function showFallback(message: string | null) {
    usingFallback = true;
    const step = cfg.steps[current - 1];
    fallback.src = step.svg;
    fallback.hidden = false;
    mapEl.hidden = true;
    status.textContent = message ?? '';
    status.hidden = !message;
    wrap.dataset.mapState = 'static';
  }

  function go(n: number, how: { animate: boolean } = { animate: true }) {
    n = Math.max(1, Math.min(total, n));
    if (n === current) return;
    const first = current === 0;
    current = n;
    root.classList.remove('qr-big');
    const step = cfg.steps[n - 1];
    for (const el of stepsEl) {
      if (Number(el.dataset.step) === n) el.setAttribute('aria-current', 'step');
      else el.removeAttribute('aria-current');
    }
    root.dataset.layout = step.layout;
    root.dataset.step = String(n);
    if (location.hash !== `#${n}`) history.replaceState(null, '', `#${n}`);
    document.title = `${n} / ${total} · ${step.title}`;
    if (!first) live.textContent = `${cfg.strings.stepOf.replace('{n}', String(n)).replace('{of}', String(total))}：${step.title}`;
    if (step.layout === 'map') {
      wrap.setAttribute('aria-label', step.alt);
      if (usingFallback) fallback.src = step.svg;
      if (map) {
        map.update(step.state);
        camera(step, how.animate && !first);
      }
    }
  }

  // ---- input: keys (clickers send PageUp/PageDown or arrows), links, swipes --------------
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const tag = (e.target as HTMLElement | null)?.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
    let handled = true;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowDown':
      case 'PageDown':
        go(current + 1);
        break;
      case ' ':
      case 'Spacebar':
        go(current + (e.shiftKey ? -1 : 1));
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
      case 'PageUp':
        go(current - 1);
        break;
      case 'Home':
        go(1);
        break;
      case 'End':
        go(total);
        break;
      case 'f':
      case 'F':
        toggleFullscreen();
        break;
      case 'q':
      case 'Q':
        root.classList.toggle('qr-big');
        break;
      case 'Escape':
        // in full screen the browser takes Esc to leave full screen; otherwise close the big
        // QR code, or leave the show for the home page
        if (root.classList.contains('qr-big')) root.classList.remove('qr-big');
        else if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
        else location.href = cfg.home;
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  });
  root.addEventListener('click', (e) => {
    const a = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-go]');
    if (!a) return;
    e.preventDefault();
    go(Number(a.dataset.go));
    a.blur();
  });
  window.addEventListener('hashchange', () => {
    const n = parseHash();
    if (n) go(n);
  });
  let touchX: number | null = null;
  root.addEventListener('pointerdown', (e) => {
    if (e.pointerType !== 'mouse') touchX = e.clientX;
  });
  root.addEventListener('pointerup', (e) => {
    if (touchX === null) return;
    const dx = e.clientX - touchX;
    touchX = null;
    if (Math.abs(dx) > 60) go(current + (dx < 0 ? 1 : -1));
  });

  // ---- full screen -------------------------------------------------------------------------
  function toggleFullscreen() {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }
  if (document.fullscreenEnabled) {
    fsBtn.hidden = false;
    fsBtn.addEventListener('click', () => {
      toggleFullscreen();
      fsBtn.blur(); // so that Space goes on stepping instead of pressing the button again
    });
  }
  document.addEventListener('fullscreenchange', () => {
    const on = !!document.fullscreenElement;
    fsBtn.textContent = on ? cfg.strings.exitFullscreen : cfg.strings.fullscreen;
    fsBtn.setAttribute('aria-pressed', String(on));
    root.classList.toggle('is-fullscreen', on);
  });

  // the pointer disappears when it rests, as on a projector it only gets in the way
  let idleTimer = 0;
  const wake = () => {
    root.classList.remove('pointer-idle');
    clearTimeout(idleTimer);
    idleTimer = window.setTimeout(() => root.classList.add('pointer-idle'), 2500);
  };
  document.addEventListener('pointermove', wake);
  wake();

  go(parseHash() ?? 1, { animate: false });

  // ---- the map ---------------------------------------------------------------------------
  if (!hasWebGL2()) {
    showFallback(cfg.strings.noWebgl);
    return;
  }
  sizeMap();
  new ResizeObserver(() => {
    sizeMap();
    if (map && cfg.steps[current - 1].layout === 'map') camera(cfg.steps[current - 1], false);
  }).observe(wrap);
  const realDpr = window.devicePixelRatio || 1;
  // read by MapLibre and luma.gl whenever they size their canvases
  Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => realDpr * k });

  status.hidden = false;
  const load = () =>
    import('../map/initMap')
      .then(({ initMap }) =>
        initMap(mapEl, { ...cfg, interactive: false }, cfg.steps[current - 1].state, {
          onSelectCounty: () => undefined,
          onSelectProject: () => undefined,
          onHover: () => undefined,
          onView: () => undefined,
          onContextLost: () => {
            map = null;
            showFallback(cfg.strings.mapFailed);
          },
          onReady: () => {
            status.hidden = true;
            wrap.dataset.mapState = 'ready';
          },
        }),
      )
      .then((m) => {
        map = m;
        (window as unknown as { __presentMap: AtlasMap }).__presentMap = m;
        // the step may have changed while the map loaded
        const step = cfg.steps[current - 1];
        m.update(step.state);
        camera(step, false);
      })
      .catch((err) => {
        console.warn('map failed to load', err);
        showFallback(cfg.strings.mapFailed);
      });
  const idle = (window as unknown as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
  const goLoad = () => (idle ? idle(load, { timeout: 1000 }) : setTimeout(load, 50));
  if (document.readyState === 'complete') goLoad();
  else window.addEventListener('load', goLoad, { once: true });
}
