/**
 * Presentation mode controller (/present/, /en/present/): one step per screen, the step number
 * kept in the URL hash (#3), and one shared map that changes indicator, layers and camera per
 * step. Keys, clicker, swipes and full screen are in ./presentControls; the map arrives through
 * src/map/loadMap.ts (only after load and with WebGL2; otherwise the pipeline's static SVG for
 * the step's indicator is shown).
 *
 * Projector legibility: the map's labels and line widths are fixed in CSS pixels
 * (src/map/layers.ts), sized for a desk. Here the map container is laid out at 1/k of its
 * box and scaled by k with a CSS transform, and the page's devicePixelRatio is raised by the
 * same k before the map loads, so that labels and lines are k times larger and still drawn
 * at the screen's full resolution. (A `labelScale` option in initMap would make this unnecessary.)
 */
import type { AtlasState } from '../lib/urlState';
import type { IndicatorMeta } from '../domain/contract';
import type { CellWords } from '../domain/vocabulary';
import type { AtlasMap } from '../map/initMap';
import type { MapDataUrls } from '../lib/paths';
import { loadMap, type LoadOptions } from '../map/loadMap';
import { fitView, type BBox } from '../lib/geometry';
import { wireControls } from './presentControls';
import type { ProgressViewConfig } from '../lib/progressView';
import type { ProgressWords } from '../domain/vocabulary';

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
  data: MapDataUrls;
  bbox: BBox;
  meta: IndicatorMeta[];
  words: CellWords;
  schematicLabel: string;
  strings: Record<'fullscreen' | 'exitFullscreen' | 'stepOf', string> & LoadOptions['strings'];
  steps: StepCfg[];
  /** the progress step's statuses (the shared map paints them when a step's state asks for the progress view) */
  progress: ProgressViewConfig;
  progressWords: ProgressWords;
}

const cfgEl = document.getElementById('present-config');
if (cfgEl) start(JSON.parse(cfgEl.textContent!) as Config);

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

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
    mapEl.style.width = `${wrap.clientWidth / k}px`;
    mapEl.style.height = `${wrap.clientHeight / k}px`;
    mapEl.style.transform = k === 1 ? '' : `scale(${k})`;
  }

  function camera(step: StepCfg, animate: boolean) {
    if (!map) return;
    const w = mapEl.clientWidth;
    const h = mapEl.clientHeight;
    map.flyTo(fitView(step.focus, w, h, Math.min(w, h) * 0.05), animate && !reducedMotion());
  }

  function showFallback(message: string | null) {
    map = null;
    usingFallback = true;
    fallback.src = cfg.steps[current - 1].svg;
    fallback.hidden = false;
    mapEl.hidden = true;
    status.textContent = message ?? '';
    status.hidden = !message;
    wrap.dataset.mapState = 'static';
  }

  /**
   * A step's text has to fit its column on any projector (16:9, 16:10, 4:3) and in either language,
   * with the QR code and the step links in view: when it does not, its content is shrunk (CSS zoom:
   * the column keeps its box, its content scales) in small steps, down to 70 %, rather than cut off.
   * Phones and portrait screens scroll the text instead.
   */
  function fitText() {
    const el = stepsEl.find((x) => Number(x.dataset.step) === current);
    const text = el?.querySelector<HTMLElement>('.p-text');
    const foot = el?.querySelector<HTMLElement>('.p-foot');
    if (!text || !foot) return;
    text.style.zoom = '';
    if (getComputedStyle(text).overflowY !== 'hidden') return;
    const fits = () => foot.getBoundingClientRect().bottom <= text.getBoundingClientRect().bottom + 0.5 && text.scrollHeight <= text.clientHeight + 1;
    for (let z = 0.97; !fits() && z >= 0.7; z -= 0.03) text.style.zoom = z.toFixed(2);
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
    fitText();
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

  wireControls({ root, current: () => current, total, go, home: cfg.home, fsButton: $<HTMLButtonElement>('#present-fullscreen'), strings: cfg.strings });
  window.addEventListener('hashchange', () => {
    const n = parseHash();
    if (n) go(n);
  });
  go(parseHash() ?? 1, { animate: false });
  // the text is measured again when the screen changes size and once the fonts are in
  window.addEventListener('resize', fitText);
  document.fonts?.ready.then(fitText);

  // ---- the map ---------------------------------------------------------------------------
  const started = loadMap(
    mapEl,
    { ...cfg, interactive: false },
    () => cfg.steps[current - 1].state,
    {
      onSelectCounty: () => undefined,
      onSelectProject: () => undefined,
      onHover: () => undefined,
      onView: () => undefined,
      onReady: () => {
        status.hidden = true;
        wrap.dataset.mapState = 'ready';
      },
    },
    {
      strings: cfg.strings,
      fallback: showFallback,
      onLoaded: (m) => {
        map = m;
        (window as unknown as { __presentMap: AtlasMap }).__presentMap = m;
        // the step may have changed while the map loaded
        const step = cfg.steps[current - 1];
        m.update(step.state);
        camera(step, false);
      },
    },
  );
  if (!started) return;
  sizeMap();
  new ResizeObserver(() => {
    sizeMap();
    if (map && cfg.steps[current - 1].layout === 'map') camera(cfg.steps[current - 1], false);
  }).observe(wrap);
  const realDpr = window.devicePixelRatio || 1;
  // read by MapLibre and luma.gl whenever they size their canvases
  Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => realDpr * k });
  status.hidden = false;
}
