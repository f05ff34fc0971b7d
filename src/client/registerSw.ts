/**
 * Registers the offline service worker (sw.js, written by scripts/buildServiceWorker.ts at the end
 * of the build) so that after one visit the whole site works without a network; checks for a new
 * release on every visit; and tells a visitor whose page is older than the release now in charge
 * ("内容已更新" with a reload button), so nobody reads an old page believing it current.
 *
 * How it is loaded: scripts/buildServiceWorker.ts transpiles this file to register-sw.js in the
 * site's folder and Base.astro loads that file with an `is:inline` module script. It is
 * deliberately NOT an Astro-processed `<script>`: Astro inlines processed scripts smaller than
 * 4 kB that import nothing, and the page's Content-Security-Policy (script-src 'self') blocks
 * inline scripts, so the worker would silently never register. Keep this file free of imports.
 * The worker and its scope are found next to this file (import.meta.url), so they follow
 * BASE_PATH without being told.
 *
 * It never blocks rendering: it is a module script (deferred), and it registers only after
 * the load event, once the page's map has started (at most 15 s), when the browser is idle, so
 * the precache download does not compete with the page's own first requests. Service workers need a secure context: https, or
 * http://localhost / 127.0.0.1. Over plain http on a LAN address, or from file:, the site
 * still works, just not offline.
 *
 * Marks on <html>, for tests and for the presenter's "available offline" check:
 *   data-offline="ready" | "incomplete", data-offline-files="cached/total"  (the worker in charge)
 *   data-update="available"   a newer release took over while this page was open (notice shown)
 */
export {};

interface SwStatus {
  type: 'status';
  version: string;
  total: number;
  cached: number;
}

/** the build this page belongs to (stamped into every page by the build's last step) */
const release = document.querySelector<HTMLMetaElement>('meta[name="atlas-release"]')?.content ?? '';
/** a tab left open (a presenter's laptop) looks for a new release when it is shown again after this long */
const RECHECK_MS = 30 * 60 * 1000;

function askStatus(worker: ServiceWorker): Promise<SwStatus | null> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), 10_000);
    channel.port1.onmessage = (e: MessageEvent<SwStatus>) => {
      clearTimeout(timer);
      resolve(e.data);
    };
    worker.postMessage({ type: 'status' }, [channel.port2]);
  });
}

function showStatus(s: SwStatus): void {
  const root = document.documentElement;
  root.dataset.offline = s.cached === s.total ? 'ready' : 'incomplete';
  root.dataset.offlineFiles = `${s.cached}/${s.total}`;
}

/** Base.astro renders the notice (its words come from src/i18n); this only shows it. */
function showUpdateNotice(): void {
  const box = document.getElementById('update-notice');
  document.documentElement.dataset.update = 'available';
  if (!box || !box.hidden) return;
  box.hidden = false;
  box.querySelector('button')?.addEventListener('click', () => location.reload(), { once: true });
}

async function onControllerChange(): Promise<void> {
  const worker = navigator.serviceWorker.controller;
  if (!worker) return;
  const s = await askStatus(worker);
  if (!s) return;
  showStatus(s);
  // a worker of another release took over: this page (text, map, table, downloads) is the old one
  if (s.version !== release) showUpdateNotice();
}

async function register(): Promise<void> {
  try {
    navigator.serviceWorker.addEventListener('controllerchange', () => void onControllerChange());
    const here = import.meta.url;
    // updateViaCache 'none': the check for a new sw.js always asks the server, whatever its cache headers
    const reg = await navigator.serviceWorker.register(new URL('sw.js', here).href, { scope: new URL('./', here).href, updateViaCache: 'none' });
    // every visit asks for a new release (browsers do on navigations too, but not for a page restored
    // from the back/forward cache); a newer worker installs in the background, checks every file
    // against its build and takes over whole (controllerchange above)
    let lastCheck = Date.now();
    void reg.update().catch(() => undefined);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState !== 'visible' || Date.now() - lastCheck < RECHECK_MS) return;
      lastCheck = Date.now();
      void reg.update().catch(() => undefined);
    });
    window.addEventListener('pageshow', (e) => {
      if (e.persisted) void reg.update().catch(() => undefined);
    });
    const ready = await navigator.serviceWorker.ready;
    if (!ready.active) return;
    const s = await askStatus(ready.active);
    if (s) showStatus(s);
  } catch (err) {
    // no offline copy (private mode, storage full, blocked by policy): the site still works online
    console.warn('offline copy unavailable:', err);
  }
}

const supported =
  'serviceWorker' in navigator && window.isSecureContext && (location.protocol === 'https:' || location.protocol === 'http:');

/**
 * Resolves once every live map on the page has started (drawn its first frame, or given way to the
 * static map) or waits for a touch (the embed's preview), or after `capMs`: a phone's home map
 * starts only when scrolled to, and the offline copy should not wait for that. The precache
 * download (the whole site) would otherwise take the browser's connections to the host while the
 * map's chunk and data are still loading, and on a slow machine stall the map into its static fallback.
 */
function mapsSettled(capMs: number): Promise<void> {
  const maps = [...document.querySelectorAll<HTMLElement>('#map, #present-mapwrap')];
  const settled = () => maps.every((m) => ['ready', 'static', 'preview'].includes(m.dataset.mapState ?? ''));
  if (settled()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      obs.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const obs = new MutationObserver(() => settled() && done());
    for (const m of maps) obs.observe(m, { attributes: true, attributeFilter: ['data-map-state'] });
    const timer = setTimeout(done, capMs);
  });
}

if (supported) {
  const idle = (window as unknown as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
  const go = () =>
    void mapsSettled(15_000).then(() => (idle ? idle(() => void register(), { timeout: 3000 }) : setTimeout(() => void register(), 200)));
  if (document.readyState === 'complete') go();
  else window.addEventListener('load', go, { once: true });
}
