/**
 * After one visit the whole site works offline, and it is installable; and dist/ works from any
 * static server (root-relative URLs only, nothing the CSP would block).
 *
 * The offline half really takes the network away: after the first visit the context goes
 * offline AND the static server is shut down, so every later answer must come from the
 * service worker's cache.
 */
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, watch, type Watched } from '../helpers/browser';
import { serveDist } from '../helpers/site';
import type { StaticServer } from '../../scripts/serveStatic';
import { planRelease, REGISTER_FILE, RELEASE_FILE, SW_FILE, type PrecacheEntry, type Release } from '../../scripts/buildServiceWorker';

const DIST = 'dist';
const BUILD_HINT = 'astro.config.mjs must list the atlasPublish integration (scripts/astroPublish.ts), whose last step writes the worker';
const REGISTER_HINT =
  'Base.astro must load the registration script: ' +
  '{import.meta.env.PROD && <script is:inline type="module" src="/register-sw.js"></script>}';

const built = (url: string) => existsSync(path.join(DIST, url, 'index.html'));
const COUNTY = '/county/150402/';
/** per browser test: software WebGL makes each map page, and leaving it, take 5–25 s */
const SLOW = 150_000;
const PRESENT = '/present/';

// ---------------------------------------------------------------------------------------------
describe('offline after one visit, and installable', () => {
  let server: StaticServer | null = null;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let w: Watched;
  let entries: PrecacheEntry[];
  let version: string;
  let origin: string;

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, SW_FILE))) throw new Error(`dist/${SW_FILE} is missing: ${BUILD_HINT}.`);
    const plan = await planRelease(DIST);
    entries = plan.entries.filter((e) => e.offline);
    version = plan.release;
    server = await serveDist();
    origin = server.url;
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce', serviceWorkers: 'allow' });
    page = await context.newPage();
    w = watch(page, origin);
  });
  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it('dist/sw.js and release.json are current (match dist/ exactly) and deterministic', async () => {
    const onDisk = await fs.readFile(path.join(DIST, SW_FILE), 'utf8');
    const plan = await planRelease(DIST);
    expect(onDisk === plan.sw, `dist/sw.js does not match dist/ (was a file changed after the build?): ${BUILD_HINT}`).toBe(true);
    expect((await planRelease(DIST)).sw).toBe(plan.sw);
    const release = JSON.parse(await fs.readFile(path.join(DIST, RELEASE_FILE), 'utf8')) as Release;
    expect(release.release).toBe(plan.release);
    expect(release.files).toEqual(plan.entries);
    // every page carries the release it belongs to
    expect(readFileSync(path.join(DIST, 'index.html'), 'utf8')).toContain(`<meta name="atlas-release" content="${plan.release}">`);
    const urls = entries.map((e) => e.url);
    for (const u of ['', 'en/', 'manifest.webmanifest', 'icons/icon-192.png', 'icons/icon-512.png', REGISTER_FILE]) expect(urls).toContain(u);
    // data by content-versioned name; the plain name is listed for check:deploy but not precached
    expect(urls.some((u) => /^data\/indicators\.[0-9a-f]{10}\.csv$/.test(u))).toBe(true);
    expect(urls).not.toContain('data/indicators.csv');
    expect(release.files.find((f) => f.url === 'data/indicators.csv')?.offline).toBe(false);
    // link-preview cards are for chat apps, not visitors
    expect(urls.some((u) => u.startsWith('og/'))).toBe(false);
    expect(urls.filter((u) => u.startsWith('_astro/')).length).toBeGreaterThan(0);
    expect(urls).not.toContain('index.html'); // pages by their directory URL
    expect(urls).not.toContain(SW_FILE);
    expect(urls).not.toContain(RELEASE_FILE);
  }, SLOW);

  it('the first visit registers the worker and precaches every file of the build', async () => {
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    expect(html.includes(`src="/${REGISTER_FILE}"`), REGISTER_HINT).toBe(true);

    await page.goto(origin + '/');
    const scope = await page.evaluate(async () => {
      const ready = navigator.serviceWorker.ready.then((r) => r.scope);
      const late = new Promise<string>((_, reject) => setTimeout(() => reject(new Error('navigator.serviceWorker.ready did not resolve in 30 s')), 30_000));
      return Promise.race([ready, late]);
    });
    expect(scope).toBe(origin + '/');
    // ready => install (the whole precache) finished; the page also asked the worker and marked <html>
    await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', null, { timeout: 30_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 });

    const cached = await page.evaluate(async (name) => {
      const names = await caches.keys();
      const cache = await caches.open(name);
      return { names, urls: (await cache.keys()).map((r) => new URL(r.url).pathname).sort() };
    }, `atlas-${version}`);
    expect(cached.names).toEqual([`atlas-${version}`]);
    expect(cached.urls).toEqual(entries.map((e) => `/${e.url}`).sort());
    expect(await page.getAttribute('html', 'data-offline-files')).toBe(`${entries.length}/${entries.length}`);
    // the worker in charge is this page's own release: no update notice
    expect(await page.isVisible('#update-notice')).toBe(false);
    // the map loads when it comes near the viewport, as for a visitor who scrolls to it
    await page.locator('#map').scrollIntoViewIfNeeded();
    await page.waitForSelector('#map[data-map-state="ready"]', { timeout: 60_000 });
  }, SLOW);

  it('is installable (manifest, icons, worker)', async () => {
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: { message: string; critical: number }[]; data?: string };
    expect(manifest.errors).toEqual([]);
    const m = JSON.parse(manifest.data ?? '{}') as Record<string, unknown>;
    // relative to the manifest, so that it follows BASE_PATH
    expect(m).toMatchObject({ name: '赤峰节水地图', start_url: './', scope: './', display: 'standalone', theme_color: '#0b5394', background_color: '#ffffff' });
    expect((m.icons as { src: string }[]).every((i) => !i.src.startsWith('/'))).toBe(true);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    // Playwright's browser contexts are incognito profiles, where Chrome never offers to install
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    for (const size of [192, 512]) {
      const png = readFileSync(path.join(DIST, `icons/icon-${size}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]); // IHDR width, height
    }
    await cdp.detach();
  }, SLOW);

  it('/ works offline: text, and the map draws its first frame', async () => {
    await context.setOffline(true);
    await server!.close(); // no network at all from here on
    server = null;
    w.errors.length = 0;
    const res = await page.reload();
    expect(res?.status()).toBe(200);
    expect(res?.fromServiceWorker()).toBe(true);
    await expect(page.locator('h1').first().textContent()).resolves.toContain('赤峰节水地图');
    await page.locator('#map').scrollIntoViewIfNeeded();
    await page.waitForSelector('#map[data-map-state="ready"]', { timeout: 60_000 });
    expect(w.errors).toEqual([]);
  }, SLOW);

  it('a shared link with ?i=…&c=… is answered by the cached page', async () => {
    const res = await page.goto(origin + '/?i=irrigation_coefficient&c=150402');
    expect(res?.status()).toBe(200);
    expect(res?.fromServiceWorker()).toBe(true);
    await expect(page.locator('h1').first().textContent()).resolves.toContain('赤峰节水地图');
    expect(await page.inputValue('#indicator-select')).toBe('irrigation_coefficient');
    await page.waitForSelector('#map[data-map-state="ready"]', { timeout: 60_000 });
    expect(w.errors).toEqual([]);
  }, SLOW);

  it('/en/ works offline', async () => {
    const res = await page.goto(origin + '/en/');
    expect(res?.fromServiceWorker()).toBe(true);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect((await page.locator('h1').first().textContent())?.trim()).toBeTruthy();
  }, SLOW);

  it(`${COUNTY} works offline`, async () => {
    const res = await page.goto(origin + COUNTY);
    expect(res?.status()).toBe(200);
    expect(res?.fromServiceWorker()).toBe(true);
    expect((await page.locator('h1').first().textContent())?.trim()).toBeTruthy();
    expect(w.errors).toEqual([]);
  }, SLOW);

  it('the place search works offline: its index is precached', async () => {
    await page.goto(origin + COUNTY);
    await page.locator('#place-q').focus();
    await page.keyboard.type('三道沟');
    const option = page.locator('#place-list [role="option"]').first();
    await option.waitFor();
    await expect(option.innerText()).resolves.toContain('翁牛特旗');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/county\/150426\/$/);
    expect(w.errors).toEqual([]);
  }, SLOW);

  it(`${PRESENT} works offline, map included`, async () => {
    const res = await page.goto(origin + PRESENT);
    expect(res?.status()).toBe(200);
    expect(res?.fromServiceWorker()).toBe(true);
    expect((await page.locator('h1').first().textContent())?.trim()).toBeTruthy();
    // the presenter's check before the event, in words and green: every file of the build is in the offline copy
    const check = page.locator('#present-offline');
    await page.waitForSelector('#present-offline[data-state="ready"]', { timeout: 30_000 });
    expect(await check.isVisible()).toBe(true);
    expect(await check.innerText()).toContain(`可离线使用：已缓存全部 ${entries.length} 个文件`);
    const [r, g, b] = (await check.evaluate((el) => getComputedStyle(el).color)).match(/\d+/g)!.map(Number);
    expect(g - Math.max(r, b)).toBeGreaterThan(40); // green
    // a map on the page must draw offline too (it needs the map chunk, its worker and /data/)
    if (await page.locator('[data-map-state]').count() || (await page.locator('#present-map, #map').count())) {
      await page.waitForSelector('[data-map-state="ready"]', { state: 'attached', timeout: 60_000 });
    }
    expect(w.errors).toEqual([]);
  }, SLOW);

  it('/data/indicators.csv is served offline, byte for byte, by its versioned and its plain name', async () => {
    const versioned = entries.find((e) => /^data\/indicators\.[0-9a-f]{10}\.csv$/.test(e.url))!.url;
    for (const u of [`/${versioned}`, '/data/indicators.csv?cache-buster=1']) {
      const body = await page.evaluate(async (url) => {
        const r = await fetch(url);
        return { status: r.status, bytes: Array.from(new Uint8Array(await r.arrayBuffer())) };
      }, u);
      expect(body.status, u).toBe(200);
      expect(Buffer.from(body.bytes).equals(readFileSync(path.join(DIST, 'data/indicators.csv'))), u).toBe(true);
    }
  }, SLOW);

  it('a page that was never built gets a clear offline notice, not a browser error', async () => {
    const res = await page.goto(origin + '/no-such-page/');
    expect(res?.status()).toBe(503);
    await expect(page.locator('h1').textContent()).resolves.toContain('离线');
  }, SLOW);

  it('the whole visit stayed on this origin', () => {
    expect(w.offOrigin).toEqual([]);
  });
});


// ---------------------------------------------------------------------------------------------
/*
 * dist/ works from any static server: every URL the browser fetches is root-relative, nothing
 * names this site's origin except where a public address is the point, and nothing needs an
 * inline script (the CSP has script-src 'self'). The site's public address is SITE_URL; dist/
 * is built without it (as a quick start does), so no page may name any http(s) origin but the
 * W3C's namespaces; tests/browser/publish.test.ts checks a build with SITE_URL. What is allowed:
 *
 *  1. text content, comments, <title>, and the text attributes alt/title/aria-label/
 *     aria-description/placeholder: anything (it is read, never fetched);
 *  2. xmlns / xmlns:* attributes: http://www.w3.org/… namespace names (identifiers, never fetched);
 *  3. <link rel="canonical"> and <link rel="alternate"> href: the configured site origin only;
 *  4. <meta property|name="og:*|twitter:*" content>: the configured site origin only;
 *  5. <a>/<area> href: other origins (external references); the site origin only on QR-code
 *     links (class "qr"), which must carry the public address that the QR code encodes;
 *  6. data-* attributes: the configured site origin only (e.g. a QR or share payload);
 *  everything else — src, srcset, href on other elements, action, formaction, poster, style,
 *  <style> and <script> contents (JSON included), meta refresh, any other attribute — may hold
 *  no http(s):// URL and no protocol-relative //host URL at all.
 */
const BUILT_FOR = (JSON.parse(readFileSync(path.join(DIST, RELEASE_FILE), 'utf8')) as Release).site;
const SITE_ORIGIN = BUILT_FOR ? new URL(BUILT_FOR).origin : 'no SITE_URL set';
const TEXT_ATTRS = new Set(['alt', 'title', 'aria-label', 'aria-description', 'placeholder']);
const ABS = /https?:\/\/[^\s"'<>)]*/gi;
const HAS_ABS = /https?:\/\//i;

interface Attr {
  name: string;
  value: string;
}
type Token =
  | { kind: 'tag'; name: string; attrs: Attr[] }
  | { kind: 'raw'; name: 'script' | 'style'; attrs: Attr[]; body: string }
  | { kind: 'text' };

const decode = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function attrsOf(s: string): Attr[] {
  const out: Attr[] = [];
  for (const m of s.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    out.push({ name: m[1].toLowerCase(), value: decode(m[2] ?? m[3] ?? m[4] ?? '') });
  }
  return out;
}

/** A small HTML tokenizer: enough for Astro's output (tags, attributes, script/style bodies). */
function tokens(html: string): Token[] {
  const out: Token[] = [];
  const re = /<!--[\s\S]*?-->|<(script|style)\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/\1\s*>|<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<\/[^>]*>|[^<]+|</gi;
  for (const m of html.matchAll(re)) {
    if (m[1]) out.push({ kind: 'raw', name: m[1].toLowerCase() as 'script' | 'style', attrs: attrsOf(m[2]), body: m[3] });
    else if (m[4]) out.push({ kind: 'tag', name: m[4].toLowerCase(), attrs: attrsOf(m[5].replace(/\/$/, '')) });
    else out.push({ kind: 'text' });
  }
  return out;
}

const get = (attrs: Attr[], name: string) => attrs.find((a) => a.name === name)?.value;
const words = (v: string | undefined) => (v ?? '').toLowerCase().split(/\s+/).filter(Boolean);
const origins = (v: string) => [...v.matchAll(ABS)].map((m) => (URL.canParse(m[0]) ? new URL(m[0]).origin : m[0]));
const onlySite = (v: string) => origins(v).every((o) => o === SITE_ORIGIN);

/** Why this attribute's absolute URL is not allowed, or null if it is. */
function verdict(tag: string, attrs: Attr[], a: Attr): string | null {
  const n = a.name;
  if (TEXT_ATTRS.has(n)) return null;
  if (n === 'xmlns' || n.startsWith('xmlns:')) return a.value.startsWith('http://www.w3.org/') ? null : 'unexpected namespace';
  if (tag === 'link' && n === 'href' && words(get(attrs, 'rel')).some((r) => r === 'canonical' || r === 'alternate')) {
    return onlySite(a.value) ? null : `canonical/alternate must name ${SITE_ORIGIN}`;
  }
  if (tag === 'meta' && n === 'content' && /^(og|twitter):/.test(get(attrs, 'property') ?? get(attrs, 'name') ?? '')) {
    return onlySite(a.value) ? null : `og:/twitter: URLs must name ${SITE_ORIGIN}`;
  }
  if ((tag === 'a' || tag === 'area') && n === 'href') {
    const own = origins(a.value).some((o) => o === SITE_ORIGIN);
    if (!own) return null;
    return words(get(attrs, 'class')).includes('qr') ? null : `links within the site must be root-relative, not ${SITE_ORIGIN}`;
  }
  if (n.startsWith('data-')) return onlySite(a.value) ? null : `data-* may name only ${SITE_ORIGIN}`;
  return 'absolute URL where the browser would fetch or run it';
}

const URL_ATTRS = new Set(['src', 'href', 'srcset', 'action', 'formaction', 'poster', 'data', 'background', 'cite', 'ping', 'xlink:href']);
/** root-relative URLs the browser fetches as part of the page (must exist in dist/) */
function fetched(tag: string, attrs: Attr[]): string[] {
  const rel = words(get(attrs, 'rel'));
  const urls: string[] = [];
  const src = get(attrs, 'src');
  if (src && ['script', 'img', 'source', 'iframe', 'audio', 'video', 'track', 'embed', 'input'].includes(tag)) urls.push(src);
  for (const s of [get(attrs, 'srcset')]) if (s) urls.push(...s.split(',').map((c) => c.trim().split(/\s+/)[0]));
  if (tag === 'link' && rel.some((r) => ['stylesheet', 'icon', 'manifest', 'modulepreload', 'preload', 'apple-touch-icon', 'prefetch'].includes(r))) {
    urls.push(get(attrs, 'href') ?? '');
  }
  if (tag === 'object' && get(attrs, 'data')) urls.push(get(attrs, 'data')!);
  if (tag === 'a' || tag === 'area') urls.push(get(attrs, 'href') ?? ''); // internal links must resolve too
  return urls.filter((u) => u.startsWith('/') && !u.startsWith('//'));
}

function existsInDist(url: string): boolean {
  const p = decodeURIComponent(new URL(url, 'http://x').pathname);
  const f = path.join(DIST, p);
  return p.endsWith('/') ? existsSync(path.join(f, 'index.html')) : existsSync(f) || existsSync(path.join(f, 'index.html'));
}

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const d of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) out.push(...(await htmlFiles(p)));
    else if (d.name.endsWith('.html')) out.push(p);
  }
  return out.sort();
}

describe('dist/ works from any static server', () => {
  let pages: { file: string; toks: Token[] }[];
  beforeAll(async () => {
    pages = await Promise.all((await htmlFiles(DIST)).map(async (file) => ({ file, toks: tokens(await fs.readFile(file, 'utf8')) })));
  });

  it('has no absolute http(s) or //host URL except the allowed cases', () => {
    const bad: string[] = [];
    for (const { file, toks } of pages) {
      for (const t of toks) {
        if (t.kind === 'text') continue;
        for (const a of t.attrs) {
          const abs = HAS_ABS.test(a.value) || (URL_ATTRS.has(a.name) && a.value.trim().startsWith('//'));
          if (!abs) continue;
          const why = verdict(t.name, t.attrs, a);
          if (why) bad.push(`${file}: <${t.name} ${a.name}="${a.value.slice(0, 80)}">: ${why}`);
        }
        if (t.kind === 'raw' && (HAS_ABS.test(t.body) || /url\(\s*['"]?\/\//i.test(t.body))) {
          bad.push(`${file}: <${t.name}> body holds an absolute URL: ${(t.body.match(ABS) ?? ['//…'])[0].slice(0, 80)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('every root-relative URL a page fetches or links to exists in dist/', () => {
    const missing = new Set<string>();
    for (const { file, toks } of pages) {
      for (const t of toks) {
        if (t.kind === 'text') continue;
        for (const u of fetched(t.name, t.attrs)) if (!existsInDist(u)) missing.add(`${file}: ${u}`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('runs no inline script and no inline handler (the CSP, script-src \'self\', would block them)', () => {
    const bad: string[] = [];
    for (const { file, toks } of pages) {
      for (const t of toks) {
        if (t.kind === 'text') continue;
        if (t.kind === 'raw' && t.name === 'script' && !get(t.attrs, 'src')) {
          const type = (get(t.attrs, 'type') ?? '').toLowerCase();
          if (type !== 'application/json' && type !== 'application/ld+json') {
            bad.push(`${file}: inline <script${type ? ` type="${type}"` : ''}> (Astro inlines processed scripts under 4 kB that import nothing)`);
          }
        }
        for (const a of t.attrs) {
          if (/^on[a-z]+$/.test(a.name)) bad.push(`${file}: <${t.name} ${a.name}> inline handler`);
          if (URL_ATTRS.has(a.name) && /^\s*javascript:/i.test(a.value)) bad.push(`${file}: <${t.name} ${a.name}="javascript:…">`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('every page loads the worker registration, and the manifest', () => {
    const without = pages
      .filter(({ toks }) => !toks.some((t) => t.kind === 'raw' && t.name === 'script' && get(t.attrs, 'src') === `/${REGISTER_FILE}`))
      .map((p) => p.file);
    expect(without, REGISTER_HINT).toEqual([]);
    expect(existsSync(path.join(DIST, REGISTER_FILE)), BUILD_HINT).toBe(true);
    const noManifest = pages.filter(({ toks }) => !toks.some((t) => t.kind === 'tag' && t.name === 'link' && words(get(t.attrs, 'rel')).includes('manifest'))).map((p) => p.file);
    expect(noManifest).toEqual([]);
  });
});
