/**
 * Presentation mode controller (/present/, /en/present/): one step per screen, the step number
 * kept in the URL hash (#3), and one shared map that changes indicator, layers and camera per
 * step. Keys, clicker, swipes and full screen are in ./presentControls; the map arrives through
 * src/map/loadMap.ts (only after load and with WebGL2; otherwise the pipeline's static SVG for
 * the step's indicator, or its layer, is shown).
 *
 * Nothing heavy before the first step shows: the first step is text, and the map (MapLibre and
 * deck.gl, ≈0.65 MB gzipped and seconds of script on a slow machine) is started when a map step
 * is shown, when the presenter first presses a key or touches the screen, or a few seconds after
 * the page has loaded, whichever comes first: by the time the presenter steps to the first map
 * it is there, and a phone or a projector laptop is not kept busy before the title is on screen.
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
  data: MapDataUrls;
  bbox: BBox;
  meta: IndicatorMeta[];
  words: CellWords;
  schematicLabel: string;
  strings: Record<'fullscreen' | 'exitFullscreen' | 'stepOf' | 'offlineChecking' | 'offlineReady' | 'offlineIncomplete' | 'offlineUnavailable', string> &
    LoadOptions['strings'];
  steps: StepCfg[];
  /** the progress step's statuses (the shared map paints them when a step's state asks for the progress view) */
  progress: ProgressViewConfig;
  progressWords: ProgressWords;
}

/** after this long on a text step with no key pressed, the map is prepared anyway (ms) */
const MAP_PREPARE_MS = 5000;

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
  let mapStarted = false;
  let startTimer = 0;

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
   * with the QR code and the step links in view: when it does not, its main text (headings, figures,
   * notes) is shrunk in small steps, down to 60 %, rather than cut off. Sources, legend and captions
   * keep their size (present.css --p-small: the smallest a hall can read). Phones and portrait
   * screens scroll the text instead.
   */
  function fitText() {
    const el = stepsEl.find((x) => Number(x.dataset.step) === current);
    const text = el?.querySelector<HTMLElement>('.p-text');
    const foot = el?.querySelector<HTMLElement>('.p-foot');
    if (!text || !foot) return;
    text.style.removeProperty('--fit');
    if (getComputedStyle(text).overflowY !== 'hidden') return;
    const fits = () => foot.getBoundingClientRect().bottom <= text.getBoundingClientRect().bottom + 0.5 && text.scrollHeight <= text.clientHeight + 1;
    for (let f = 0.97; !fits() && f >= 0.6; f -= 0.03) text.style.setProperty('--fit', f.toFixed(2));
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
    // what the map shows on this step (read by tests and by nothing else)
    wrap.dataset.shading = step.state.neutral ? 'neutral' : 'indicator';
    wrap.dataset.layers = step.state.layers.join(' ');
    fitText();
    if (location.hash !== `#${n}`) history.replaceState(null, '', `#${n}`);
    document.title = `${n} / ${total} · ${step.title}`;
    if (!first) live.textContent = `${cfg.strings.stepOf.replace('{n}', String(n)).replace('{of}', String(total))}：${step.title}`;
    if (step.layout === 'map') {
      startMap();
      wrap.setAttribute('aria-label', step.alt);
      if (usingFallback) fallback.src = step.svg;
      if (map) {
        map.update(step.state);
        camera(step, how.animate && !first);
      }
    }
  }

  wireControls({
    root,
    current: () => current,
    total,
    go,
    fsButton: $<HTMLButtonElement>('#present-fullscreen'),
    keysButton: $<HTMLButtonElement>('#present-keys-btn'),
    keys: $('#present-keys'),
    blank: $('#present-blank'),
    strings: cfg.strings,
  });
  offlineCheck($('#present-offline'), cfg.strings);
  window.addEventListener('hashchange', () => {
    const n = parseHash();
    if (n) go(n);
  });
  go(parseHash() ?? 1, { animate: false });
  // the text is measured again when the screen changes size and once the fonts are in
  window.addEventListener('resize', fitText);
  document.fonts?.ready.then(fitText);

  // ---- the map ---------------------------------------------------------------------------
  // the presenter is there (a key, a touch), or the page has rested a while: prepare the map for the map steps
  for (const t of ['keydown', 'pointerdown'] as const) document.addEventListener(t, startMap, { passive: true });
  startTimer = window.setTimeout(startMap, MAP_PREPARE_MS);

  function startMap() {
    if (mapStarted) return;
    mapStarted = true;
    for (const t of ['keydown', 'pointerdown'] as const) document.removeEventListener(t, startMap);
    clearTimeout(startTimer);
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
}

/**
 * The presenter's check before the event: is the whole site in the offline copy? Reads the marks
 * src/client/registerSw.ts puts on <html> (data-offline-files="cached/total") and says it in words,
 * green when every file is there. Hidden in full screen (for the presenter, not the audience).
 */
function offlineCheck(el: HTMLElement, strings: Config['strings']) {
  const html = document.documentElement;
  const supported = 'serviceWorker' in navigator && window.isSecureContext && /^https?:$/.test(location.protocol);
  const show = () => {
    const m = /^(\d+)\/(\d+)$/.exec(html.dataset.offlineFiles ?? '');
    let state: 'checking' | 'ready' | 'incomplete' | 'unavailable' = 'checking';
    let text = strings.offlineChecking;
    if (m) {
      const [n, of] = [Number(m[1]), Number(m[2])];
      state = n === of && of > 0 ? 'ready' : 'incomplete';
      text = (state === 'ready' ? strings.offlineReady : strings.offlineIncomplete).replace('{n}', String(n)).replace('{of}', String(of));
    } else if (!supported) {
      state = 'unavailable';
      text = strings.offlineUnavailable;
    }
    el.dataset.state = state;
    el.textContent = text;
  };
  new MutationObserver(show).observe(html, { attributes: true, attributeFilter: ['data-offline-files'] });
  show();
}
