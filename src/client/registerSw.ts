/**
 * Registers the offline service worker, /sw.js (written by scripts/buildServiceWorker.ts after
 * `astro build`), so that after one visit the whole site works without a network.
 *
 * How it is loaded: scripts/buildServiceWorker.ts transpiles this file to /register-sw.js and
 * Base.astro loads that file with an `is:inline` module script. It is deliberately NOT an
 * Astro-processed `<script>`: Astro inlines processed scripts smaller than 4 kB that import
 * nothing, and the page's Content-Security-Policy (script-src 'self') blocks inline scripts,
 * so the worker would silently never register. Keep this file free of imports.
 *
 * It never blocks rendering: it is a module script (deferred), and it registers only after
 * the load event, when the browser is idle, so the precache download does not compete with
 * the page's own first requests. Service workers need a secure context: https, or
 * http://localhost / 127.0.0.1. Over plain http on a LAN address, or from file:, the site
 * still works, just not offline.
 *
 * When the worker is active and its precache complete, <html data-offline="ready"> is set
 * ("incomplete" if files are missing), for tests and for any "available offline" badge.
 */
export {};

interface SwStatus {
  type: 'status';
  version: string;
  total: number;
  cached: number;
}

function askStatus(worker: ServiceWorker): Promise<SwStatus> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (e: MessageEvent<SwStatus>) => resolve(e.data);
    worker.postMessage({ type: 'status' }, [channel.port2]);
  });
}

async function register(): Promise<void> {
  try {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    const reg = await navigator.serviceWorker.ready;
    if (!reg.active) return;
    const s = await askStatus(reg.active);
    document.documentElement.dataset.offline = s.cached === s.total ? 'ready' : 'incomplete';
  } catch (err) {
    // no offline copy (private mode, storage full, blocked by policy): the site still works online
    console.warn('offline copy unavailable:', err);
  }
}

const supported =
  'serviceWorker' in navigator && window.isSecureContext && (location.protocol === 'https:' || location.protocol === 'http:');

if (supported) {
  const idle = (window as unknown as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
  const go = () => (idle ? idle(() => void register(), { timeout: 3000 }) : setTimeout(() => void register(), 200));
  if (document.readyState === 'complete') go();
  else window.addEventListener('load', go, { once: true });
}
