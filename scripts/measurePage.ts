/**
 * Loads one page of the built site in a fresh browser context (phone viewport) and records
 * what it costs: every response with its wire (gzip) and decoded size, and the time from
 * navigation start to the map's first painted frame. Used by scripts/bench.ts.
 */
import type { Browser, Request } from 'playwright-core';
import { PHONE, watch } from '../tests/helpers/browser';

export const BYTE_KINDS = ['html', 'css', 'js', 'data', 'other'] as const;
export type ByteKind = (typeof BYTE_KINDS)[number];

export interface ResponseRecord {
  url: string;
  status: number;
  contentType: string;
  kind: ByteKind;
  /** body bytes as sent on the wire (gzip when the server compressed it) */
  encodedBytes: number;
  /** body bytes after decoding */
  decodedBytes: number;
}

export interface ByteTotals {
  requests: number;
  raw: number;
  gzip: number;
}

export interface PageMeasure {
  route: string;
  /** HTTP status of the page itself (a 404 means the route was not there while measuring) */
  documentStatus: number | null;
  responses: ResponseRecord[];
  bytes: Record<ByteKind | 'total', ByteTotals>;
  /**
   * `data-map-state` of #map once settled: 'ready', 'static' (no WebGL), 'timeout', or null without #map
   * (the embed's 'preview', its static SVG, is touched first: its bytes then include the live map)
   */
  mapState: string | null;
  /** navigation start → performance.mark('atlas-map-first-frame'); null when the map never drew */
  mapFirstFrameMs: number | null;
  /** navigation start → end of the load event */
  loadMs: number | null;
  /** requests that tried to leave 127.0.0.1 (they fail: the context's proxy is a dead port) */
  offOrigin: string[];
  failed: string[];
  errors: string[];
}

// Software WebGL on a busy machine is slow; the map gets this long to draw its first frame.
const MAP_TIMEOUT_MS = 60_000;
// After the map is up, late fetches (lazy data) still count, but we don't wait forever for quiet.
const SETTLE_TIMEOUT_MS = 5_000;
// Nothing listens here: any request that bypasses loopback fails instead of leaving the machine.
const DEAD_PROXY = 'http://127.0.0.1:9';

const DATA_FILE = /\.(json|geojson|topojson|csv|svg)$/i;

function kindOf(url: URL, contentType: string): ByteKind {
  if (url.pathname.startsWith('/data/') && DATA_FILE.test(url.pathname)) return 'data';
  if (contentType.includes('text/html')) return 'html';
  if (contentType.includes('text/css')) return 'css';
  if (contentType.includes('javascript')) return 'js';
  return 'other';
}

export function sumBytes(responses: readonly ResponseRecord[]): Record<ByteKind | 'total', ByteTotals> {
  const zero = (): ByteTotals => ({ requests: 0, raw: 0, gzip: 0 });
  const out = { total: zero() } as Record<ByteKind | 'total', ByteTotals>;
  for (const k of BYTE_KINDS) out[k] = zero();
  for (const r of responses) {
    for (const t of [out[r.kind], out.total]) {
      t.requests += 1;
      t.raw += r.decodedBytes;
      t.gzip += r.encodedBytes;
    }
  }
  return out;
}

async function record(req: Request): Promise<ResponseRecord | null> {
  const url = new URL(req.url());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null; // data:/blob: never cross the wire
  const res = await req.response();
  if (!res) return null;
  const headers = await res.allHeaders();
  const contentType = headers['content-type'] ?? '';
  // our server always sends content-length (= the gzip size when compressed); CDP's own count is
  // the fallback, as it reads 0 for requests made by workers (the MapLibre worker script)
  const contentLength = Number(headers['content-length']);
  const encodedBytes = Number.isFinite(contentLength) ? contentLength : (await req.sizes()).responseBodySize;
  // body() is the decoded body; it throws for bodiless responses (redirects)
  const decodedBytes = await res.body().then((b) => b.length, () => 0);
  return {
    url: req.url(),
    status: res.status(),
    contentType,
    kind: kindOf(url, contentType),
    encodedBytes,
    decodedBytes,
  };
}

export async function measurePage(browser: Browser, origin: string, route: string): Promise<PageMeasure> {
  // a fresh context per route: empty cache, so every byte is counted as a first visit would pay it
  const context = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    proxy: { server: DEAD_PROXY, bypass: '127.0.0.1' },
  });
  try {
    const page = await context.newPage();
    const watched = watch(page, origin);
    const pending: Promise<ResponseRecord | null>[] = [];
    const failed: string[] = [];
    page.on('requestfinished', (req) => pending.push(record(req)));
    page.on('requestfailed', (req) => failed.push(`${req.url()} (${req.failure()?.errorText ?? 'failed'})`));

    const doc = await page.goto(origin + route, { waitUntil: 'load', timeout: MAP_TIMEOUT_MS });

    let mapState: string | null = null;
    let scrolledAt: number | null = null;
    if ((await page.locator('#map').count()) > 0) {
      // the map loads only when it nears the viewport: bring it there as a visitor would, and time from then
      scrolledAt = await page.evaluate(() => {
        document.getElementById('map')!.scrollIntoView({ block: 'center' });
        return performance.now();
      });
      // the page sets data-map-state once it either drew the first frame ('ready') or fell back ('static')
      mapState = await page
        .waitForSelector('#map[data-map-state]', { state: 'attached', timeout: MAP_TIMEOUT_MS })
        .then((el) => el.getAttribute('data-map-state'))
        .catch(() => 'timeout');
      // the embed shows its static SVG map until touched: touch it as a reader would, and time from then
      if (mapState === 'preview') {
        scrolledAt = await page.evaluate(() => performance.now());
        await page.locator('#map').click();
        mapState = await page
          .waitForSelector('#map[data-map-state="ready"], #map[data-map-state="static"]', { state: 'attached', timeout: MAP_TIMEOUT_MS })
          .then((el) => el.getAttribute('data-map-state'))
          .catch(() => 'timeout');
      }
    }
    await page.waitForLoadState('networkidle', { timeout: SETTLE_TIMEOUT_MS }).catch(() => {});

    const timing = await page.evaluate(() => {
      const mark = performance.getEntriesByName('atlas-map-first-frame', 'mark')[0];
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { mark: mark?.startTime ?? null, load: nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : null };
    });
    // time from bringing the map into view to its first frame (the map's own cost, not the reader's scrolling)
    if (timing.mark !== null && scrolledAt !== null) timing.mark = Math.max(0, timing.mark - scrolledAt);

    const responses = (await Promise.all(pending)).filter((r): r is ResponseRecord => r !== null);
    responses.sort((a, b) => a.url.localeCompare(b.url));
    return {
      route,
      documentStatus: doc?.status() ?? null,
      responses,
      bytes: sumBytes(responses),
      mapState,
      mapFirstFrameMs: mapState === 'ready' && timing.mark !== null ? Math.round(timing.mark) : null,
      loadMs: timing.load === null ? null : Math.round(timing.load),
      offOrigin: watched.offOrigin,
      failed,
      errors: watched.errors,
    };
  } finally {
    await context.close();
  }
}
