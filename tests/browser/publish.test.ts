/**
 * Publishing as a government host does it: the site built for a sub-folder
 * (BASE_PATH=/jieshui/, SITE_URL=https://www.example.gov.cn/jieshui/) and served ONLY under that
 * folder (everything outside answers 404 and is recorded); link previews, canonical links, the
 * sitemap and QR codes under SITE_URL; `check:deploy` against a loopback host with faults; and a
 * republish (a changed annex figure) reaching a returning visitor whole, in real Chromium with
 * the service worker: one consistent version, a notice on a page left open on the old one, and
 * offline still working afterwards.
 *
 * Version 1 is the shared demonstration build (tests/helpers/demoSite.ts: built for the sub-folder);
 * version 2 is built here from the same inputs with one annex figure changed (≈ 1 min). dist/ is
 * untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, launch, watch } from '../helpers/browser';
import type { Variant } from '../helpers/variant';
import { BASE, SITE, demoSite, demoVariant } from '../helpers/demoSite';
import { serveStatic, type StaticServer } from '../../scripts/serveStatic';
import { checkDeploy, formatReport } from '../../scripts/checkDeploy';
import type { Release } from '../../scripts/buildServiceWorker';
import { parseState } from '../../src/lib/urlState';
import type { DictionaryFile } from '../../src/domain/contract';
import { hexRgb, dist, waitForMap } from '../helpers/mapProbe';

/** the figure a republish changes: 巴林左旗's water-use cap in the annex (亿m³) */
const COUNTY = '150422';
const OLD = '1.4647';
const NEW = '1.5123';
const SLOW = 240_000;

let v1: Variant;
let browser: Browser;
beforeAll(async () => {
  // version 1: the shared demonstration build (BASE_PATH=/jieshui/, SITE_URL=https://www.example.gov.cn/jieshui/)
  v1 = await demoSite();
  browser = await launch();
}, 600_000);
afterAll(async () => {
  await browser?.close();
});

const release = (out: string) => JSON.parse(readFileSync(path.join(out, 'release.json'), 'utf8')) as Release;
const dictOf = (out: string) => JSON.parse(readFileSync(path.join(out, 'data/dictionary.json'), 'utf8')) as DictionaryFile;
const pagesOf = (out: string) => release(out).files.filter((f) => f.url === '' || f.url.endsWith('/')).map((f) => f.url);
const html = (out: string, page: string) => readFileSync(path.join(out, page, 'index.html'), 'utf8');
const attr = (h: string, re: RegExp) => re.exec(h)?.[1] ?? null;

/** the cap of COUNTY as the home page's table shows it */
const tableCap = (page: Page) => page.locator(`#annex-table tr[data-adcode="${COUNTY}"] td[data-col="water_use_cap"]`).innerText();

/** the release of the service worker in charge of the page (null: none) */
function workerRelease(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        const w = navigator.serviceWorker.controller;
        if (!w) return resolve(null);
        const ch = new MessageChannel();
        ch.port1.onmessage = (e) => resolve((e.data as { version: string }).version);
        w.postMessage({ type: 'status' }, [ch.port2]);
      }),
  );
}

// ---------------------------------------------------------------------------------------------
describe('built for a sub-folder and served only there', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(v1.out, { base: BASE });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('every page and file of the build answers under the folder; the host root does not', async () => {
    const files = release(v1.out).files;
    expect(files.length).toBeGreaterThan(150);
    const bad: string[] = [];
    for (const f of [...files, { url: 'sw.js' }]) {
      const r = await fetch(server.site + f.url, { method: 'HEAD' });
      if (r.status !== 200) bad.push(`${f.url}: ${r.status}`);
    }
    expect(bad).toEqual([]);
    expect((await fetch(server.url + '/')).status).toBe(404);
    server.outside.length = 0;
  });

  it('every page links, loads and configures only addresses inside the folder, and names only SITE_URL', async () => {
    const bad: string[] = [];
    for (const p of pagesOf(v1.out)) {
      const h = html(v1.out, p);
      for (const m of h.matchAll(/\s(?:href|src|content|action|srcset|data-[\w-]+)="([^"]*)"/g)) {
        const v = m[1];
        if (v.startsWith('/') && !v.startsWith('//') && !v.startsWith(BASE)) bad.push(`${p}: ${m[0].trim()}`);
        if (v.startsWith('https://www.example.gov.cn') && !v.startsWith(SITE)) bad.push(`${p}: ${m[0].trim()}`);
      }
      // the client configs: every path they hold (map data, SVG maps, home, embed) is inside the folder
      for (const m of h.matchAll(/<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/g)) {
        for (const s of m[1].matchAll(/"(\/[^"\s]+)"/g)) if (!s[1].startsWith(BASE)) bad.push(`${p}: config ${s[1]}`);
      }
    }
    expect(bad).toEqual([]);
    const sw = readFileSync(path.join(v1.out, 'sw.js'), 'utf8');
    // the worker's list is relative to its own folder: no root-relative path at all
    expect(sw).not.toMatch(/\["\//);
  });

  it('a visitor: the map paints, the worker installs for the folder, downloads and the embed code resolve, and nothing is asked of the host outside it', async () => {
    const ctx = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce', serviceWorkers: 'allow' });
    const page = await ctx.newPage();
    const w = watch(page, server.url);
    try {
      await page.goto(server.site);
      expect(await page.getAttribute('meta[name="atlas-release"]', 'content')).toBe(release(v1.out).release);
      for (const href of await page.$$eval('header.site a', (as) => as.map((a) => a.getAttribute('href')!))) expect(href.startsWith(BASE), href).toBe(true);
      await waitForMap(page, 120_000);
      // pixels: the class colours of the first indicator are on the canvas
      const colours = dictOf(v1.out).indicators.find((m) => m.id === 'water_use_cap')!.colors.map(hexRgb);
      const found = await page.evaluate(async (cols) => {
        const api = (window as unknown as { __atlasMap: { toCanvas: (s: number) => Promise<HTMLCanvasElement> } }).__atlasMap;
        const c = await api.toCanvas(1);
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        const hits = cols.map(() => 0);
        for (let i = 0; i < d.length; i += 16) {
          cols.forEach((k, j) => {
            if (Math.abs(d[i] - k[0]) + Math.abs(d[i + 1] - k[1]) + Math.abs(d[i + 2] - k[2]) < 12) hits[j]++;
          });
        }
        return hits;
      }, colours);
      expect(found.filter((n) => n > 50).length, `class colours on the canvas: ${found}`).toBeGreaterThanOrEqual(3);
      // the embed code points into the folder
      await page.click('#embed-toggle');
      expect(await page.inputValue('#embed-code')).toContain(`src="${server.url}${BASE}embed/`);
      // the worker: registered for the folder, and the whole build cached
      const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
      expect(scope).toBe(server.site);
      await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', null, { timeout: 60_000 });

      // every download of the downloads page resolves to the build's file (saved under its plain name)
      await page.goto(server.site + 'downloads/');
      const links = await page.$$eval('main a[download]', (as) => as.map((a) => ({ href: a.getAttribute('href')!, name: a.getAttribute('download')! })));
      expect(links.length).toBeGreaterThan(10);
      for (const l of links) {
        expect(l.href.startsWith(`${BASE}data/`), l.href).toBe(true);
        const got = await page.evaluate(async (u) => {
          const r = await fetch(u);
          return { status: r.status, bytes: Array.from(new Uint8Array(await r.arrayBuffer())) };
        }, l.href);
        expect(got.status, l.href).toBe(200);
        expect(Buffer.from(got.bytes).equals(readFileSync(path.join(v1.out, 'data', l.name))), l.href).toBe(true);
      }
      // a county page's static map, and the presentation's live map
      await page.goto(server.site + 'en/county/150402/');
      await page.waitForFunction(() => [...document.images].some((i) => i.src.includes('/data/county-150402.en.') && i.naturalWidth > 0));
      await page.goto(server.site + 'present/#2');
      await page.waitForSelector('#present-mapwrap[data-map-state="ready"]', { timeout: 90_000 });
      expect(w.errors).toEqual([]);
      expect(w.offOrigin).toEqual([]);
      expect(server.outside, 'requests outside /jieshui/').toEqual([]);
    } finally {
      await ctx.close();
    }
  }, SLOW);

  it('QR codes open the same view on a phone, at SITE_URL (keeping its path)', () => {
    const h = html(v1.out, 'present');
    const qrs = [...h.matchAll(/<a class="qr" href="([^"]+)"[^>]*>(<svg[\s\S]*?<\/svg>)/g)];
    // the demonstration build has figures, so a progress step follows the caps (step 3)
    expect(qrs.length).toBe(10);
    expect(h).not.toContain('class="qr-off');
    const expected: Record<number, { i: string; l: string[]; m?: 'progress' }> = {
      2: { i: 'water_use_cap', l: [] },
      3: { i: 'water_use_cap', l: [], m: 'progress' },
      4: { i: 'agri_saving_capacity', l: [] },
      5: { i: 'industrial_water_decline', l: [] },
      6: { i: 'water_use_cap', l: ['pipe_renewal'] },
      7: { i: 'nonconventional_min', l: ['reclaimed_water_line'] },
      8: { i: 'nonconventional_min', l: ['coal_mines'] },
      9: { i: 'water_use_cap', l: ['groundwater_overextraction'] },
    };
    qrs.forEach(([, hrefRaw, svg], k) => {
      const n = k + 1;
      const href = new URL(hrefRaw.replace(/&amp;/g, '&'));
      expect(href.origin + href.pathname, `step ${n}`).toBe(SITE);
      expect(svg).toMatch(/<path/);
      if (expected[n]) {
        const st = parseState(href.search);
        expect(st.indicator, `step ${n}`).toBe(expected[n].i);
        expect(st.layers, `step ${n}`).toEqual(expected[n].l);
        expect(st.mode, `step ${n}`).toBe(expected[n].m ?? 'targets');
        if (expected[n].m) expect(st.year, `step ${n}`).toBe(2024);
        expect(href.hash).toBe('#map-heading');
      }
    });
    // zoomed steps carry their camera (step 6: the pipes in the central city)
    expect(parseState(new URL(qrs[5][1].replace(/&amp;/g, '&')).search).view).not.toBeNull();
    expect(new URL(attr(html(v1.out, 'en/present'), /<a class="qr" href="([^"]+)"/)!).pathname).toBe(`${BASE}en/`);
  });

  it('canonical and alternate links, Open Graph and Twitter cards: absolute, under SITE_URL, naming PNG cards of the build', async () => {
    const cases = [
      { page: '', canonical: SITE, card: 'og/zh/home.png' },
      { page: 'en/', canonical: `${SITE}en/`, card: 'og/en/home.png' },
      { page: 'county/150402/', canonical: `${SITE}county/150402/`, card: 'og/zh/150402.png' },
      { page: 'en/county/150429/', canonical: `${SITE}en/county/150429/`, card: 'og/en/150429.png' },
      { page: 'downloads/', canonical: `${SITE}downloads/`, card: 'og/zh/home.png' },
    ];
    for (const c of cases) {
      const h = html(v1.out, c.page);
      expect(attr(h, /<link rel="canonical" href="([^"]+)"/), c.page).toBe(c.canonical);
      expect(attr(h, /<meta property="og:url" content="([^"]+)"/)).toBe(c.canonical);
      const zhPath = c.page.replace(/^en\//, '');
      expect(attr(h, /<link rel="alternate" hreflang="zh-CN" href="([^"]+)"/)).toBe(SITE + zhPath);
      expect(attr(h, /<link rel="alternate" hreflang="en" href="([^"]+)"/)).toBe(`${SITE}en/${zhPath}`);
      const img = attr(h, /<meta property="og:image" content="([^"]+)"/)!;
      expect(img).toBe(SITE + c.card);
      expect(attr(h, /<meta name="twitter:image" content="([^"]+)"/)).toBe(img);
      expect(attr(h, /<meta name="twitter:card" content="([^"]+)"/)).toBe('summary_large_image');
      expect(attr(h, /<meta property="og:title" content="([^"]+)"/)).toBe(attr(h, /<title>([^<]+)<\/title>/));
      const png = readFileSync(path.join(v1.out, c.card));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], c.card).toEqual([1200, 630]);
    }
  });

  it('the cards show the map: the home card has the choropleth colours, a county card its county in the accent blue', async () => {
    const pixels = async (file: string) => {
      const { data, info } = await sharp(path.join(v1.out, file)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      return { data, w: info.width };
    };
    const count = (px: { data: Buffer; w: number }, rgb: number[], x0: number, x1: number) => {
      let n = 0;
      for (let y = 0; y < 630; y += 2) for (let x = x0; x < x1; x += 2) {
        const i = (y * px.w + x) * 3;
        if (dist([px.data[i], px.data[i + 1], px.data[i + 2]], rgb) < 20) n++;
      }
      return n;
    };
    const home = await pixels('og/zh/home.png');
    const colours = dictOf(v1.out).indicators[0].colors.map(hexRgb);
    // right half: the map; at least three of its classes are on the card
    expect(colours.filter((c) => count(home, c, 600, 1200) > 200).length).toBeGreaterThanOrEqual(3);
    // left: dark text (the title)
    expect(count(home, [26, 26, 26], 40, 600)).toBeGreaterThan(1000);
    const county = await pixels('og/en/150402.png');
    expect(count(county, hexRgb('#0b5394'), 600, 1200)).toBeGreaterThan(2000);
  });

  it('sitemap.xml lists every page but the embeds, absolute under SITE_URL, with its other language', () => {
    const xml = readFileSync(path.join(v1.out, 'sitemap.xml'), 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const pages = pagesOf(v1.out).filter((p) => !p.endsWith('embed/'));
    expect(locs.sort()).toEqual(pages.map((p) => SITE + p).sort());
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="en" href="${SITE}en/county/150402/"/>`);
  });
});

// ---------------------------------------------------------------------------------------------
describe('npm run check:deploy', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(v1.out, { base: BASE });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('a whole, current copy: every file checked, no error', async () => {
    const r = await checkDeploy(server.site, v1.out);
    expect(r.files.length).toBe(release(v1.out).files.length);
    expect(r.release).toEqual({ deployed: release(v1.out).release, local: release(v1.out).release });
    expect(r.files.filter((f) => f.level !== 'ok')).toEqual([]);
    expect(r.errors).toBe(0);
    // checked at 127.0.0.1, built for www.example.gov.cn: worth saying, not an error
    expect(r.general.map((g) => g.text).join('\n')).toContain(`built for SITE_URL=${SITE}`);
    expect(formatReport(r)).toContain('0 errors');
  });

  it('reports a wrong MIME type, a missing file, a stale file, no compression and a cached sw.js, and exits 1', async () => {
    const worker = release(v1.out).files.find((f) => /^_astro\/maplibre-gl-worker\./.test(f.url))!.url;
    server.setOverride((rel) => {
      if (rel === worker) return { type: 'application/octet-stream' };
      if (rel === 'data/indicators.csv') return { status: 404 };
      if (rel === 'en/') return { body: html(v1.out, 'en').replace('<title>', '<title>old ') };
      if (rel === 'data/dictionary.json') return { gzip: false };
      if (rel === 'sw.js') return { headers: { 'cache-control': 'max-age=86400' } };
      return undefined;
    });
    try {
      const r = await checkDeploy(server.site, v1.out);
      const of = (u: string) => r.files.find((f) => f.url === u)!;
      expect(of(worker).level).toBe('error');
      expect(of(worker).problems.join()).toContain('wrong type: application/octet-stream');
      expect(of('data/indicators.csv').problems.join()).toContain('missing (404)');
      expect(of('en/').problems.join()).toContain('stale or changed');
      expect(of('data/dictionary.json').level).toBe('warn');
      expect(of('data/dictionary.json').problems.join()).toContain('not compressed');
      expect(r.general.some((g) => g.level === 'warn' && g.text.includes('sw.js cache-control "max-age=86400"'))).toBe(true);
      expect(r.errors).toBe(3);
      // the command itself: the same findings, exit code 1
      const cli = await promisify(execFile)(path.resolve('node_modules/.bin/tsx'), ['scripts/checkDeploy.ts', server.site, '--dist', v1.out]).then(
        (x) => ({ code: 0, out: x.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
      expect(cli.code).toBe(1);
      expect(cli.out).toContain(`ERROR /${worker}`);
      expect(cli.out).toContain('ERROR /data/indicators.csv  404');
      expect(cli.out).toContain('3 errors');
    } finally {
      server.setOverride(undefined);
    }
  }, SLOW);

  it('says so when the server holds another build than the local one', async () => {
    const other = await fs.mkdtemp(path.join(path.dirname(v1.out), 'other-'));
    const rel = release(v1.out);
    await fs.writeFile(path.join(other, 'release.json'), JSON.stringify({ ...rel, release: 'ffffffffffff' }));
    const r = await checkDeploy(server.site, other);
    expect(r.general.some((g) => g.level === 'error' && g.text.includes(`the server has release ${rel.release}, this build is ffffffffffff`))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
describe('a republish reaches a returning visitor whole', () => {
  let v2: Variant;
  let server: StaticServer;
  let ctx: BrowserContext;
  let oldPage: Page;
  let newPage: Page;
  beforeAll(async () => {
    v2 = await demoVariant('pub-v2', async (input) => {
      const f = path.join(input, 'annex.csv');
      const csv = await fs.readFile(f, 'utf8');
      const line = csv.split('\n').find((l) => l.startsWith(`${COUNTY},`))!;
      expect(line.split(',')[2]).toBe(OLD);
      await fs.writeFile(f, csv.replace(line, line.replace(`,${OLD},`, `,${NEW},`)));
    });
    server = await serveStatic(v1.out, { base: BASE });
    ctx = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce', serviceWorkers: 'allow' });
  }, 300_000);
  afterAll(async () => {
    await ctx?.close().catch(() => {});
    await server?.close();
    if (v2 && !process.env.KEEP_BUILDS) await fs.rm(path.dirname(v2.out), { recursive: true, force: true });
  });

  it('version 1: a visit installs the worker with the whole build', async () => {
    expect(release(v2.out).release).not.toBe(release(v1.out).release);
    oldPage = await ctx.newPage();
    await oldPage.goto(server.site);
    expect(await tableCap(oldPage)).toBe(OLD);
    await oldPage.waitForFunction(() => document.documentElement.dataset.offline === 'ready' && !!navigator.serviceWorker.controller, null, { timeout: 60_000 });
    expect(await workerRelease(oldPage)).toBe(release(v1.out).release);
  }, SLOW);

  it('a partial copy (one page still the old one) never becomes the offline copy', async () => {
    server.setRoot(v2.out);
    server.setOverride((rel) => (rel === 'sources/' ? { body: html(v1.out, 'sources') } : undefined));
    const p = await ctx.newPage();
    try {
      await p.goto(server.site + 'en/');
      // the new worker downloads, finds the stale page, and is not installed: version 1 stays in charge
      await p.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        await reg!.update().catch(() => undefined);
        for (let i = 0; i < 100 && (reg!.installing || reg!.waiting); i++) await new Promise((r) => setTimeout(r, 200));
      });
      expect(await workerRelease(p)).toBe(release(v1.out).release);
      expect(await oldPage.isVisible('#update-notice')).toBe(false);
    } finally {
      server.setOverride(undefined);
      await p.close();
    }
  }, SLOW);

  it('version 2 published: the first revisit shows it whole — page, map data, table, downloads', async () => {
    const r2 = release(v2.out);
    newPage = await ctx.newPage();
    await newPage.bringToFront();
    const asked: string[] = [];
    newPage.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await newPage.goto(server.site);
    expect(await newPage.getAttribute('meta[name="atlas-release"]', 'content')).toBe(r2.release);
    expect(await tableCap(newPage)).toBe(NEW);
    try {
      await waitForMap(newPage, 120_000);
    } catch (err) {
      // seen in about one full run in three on a loaded 2-core machine (and once on CI): this revisit's
      // live map made no progress for 30 s and gave way to the static map, with its reason. The cause is
      // not found (see the issue note). Once more; then it must draw.
      console.warn(`revisit: ${String(err)}; reloading once`);
      await newPage.reload();
      await waitForMap(newPage, 120_000);
    }
    // the map drew from version 2's boundaries file, never version 1's
    const topo = (r: Release) => r.files.find((f) => /^data\/counties\.[0-9a-f]{10}\.topojson$/.test(f.url))!.url;
    expect(asked).toContain(BASE + topo(r2));
    expect(asked).not.toContain(BASE + topo(release(v1.out)));
    expect(readFileSync(path.join(v2.out, topo(r2)), 'utf8')).toContain(NEW);
    // what the map shows for the county: version 2's figure
    const cap = await newPage.evaluate(async (code) => {
      const cfg = JSON.parse(document.getElementById('atlas-config')!.textContent!) as { data: Record<string, string> };
      const t = await (await fetch(cfg.data['counties.topojson'])).json();
      const g = t.objects.counties.geometries.find((x: { properties: { adcode: string } }) => x.properties.adcode === code);
      return JSON.stringify(g.properties);
    }, COUNTY);
    expect(cap).toContain(NEW);
    expect(cap).not.toContain(OLD);
    // the download links of version 2 give version 2's CSV
    await newPage.goto(server.site + 'downloads/');
    const href = await newPage.getAttribute('main a[download="indicators.csv"]', 'href');
    const csv = await newPage.evaluate(async (u) => (await fetch(u!)).text(), href);
    expect(csv).toContain(NEW);
    expect(csv).not.toContain(`,${OLD},`);
    // the new worker takes over (it checked every file against version 2)
    await newPage.waitForFunction(() => document.documentElement.dataset.offline === 'ready', null, { timeout: 60_000 });
    await expect.poll(() => workerRelease(newPage), { timeout: 60_000 }).toBe(r2.release);
    expect(await newPage.isVisible('#update-notice')).toBe(false);
  }, SLOW);

  it('a page left open on version 1 says "内容已更新" with a reload, and the reload shows version 2 whole', async () => {
    await oldPage.waitForSelector('#update-notice', { state: 'visible', timeout: 30_000 });
    expect(await oldPage.locator('#update-notice').innerText()).toContain('内容已更新');
    expect(await tableCap(oldPage)).toBe(OLD); // still the old page: the notice is why
    await Promise.all([oldPage.waitForEvent('load'), oldPage.click('#update-notice button')]);
    expect(await tableCap(oldPage)).toBe(NEW);
    expect(await oldPage.getAttribute('meta[name="atlas-release"]', 'content')).toBe(release(v2.out).release);
    await oldPage.waitForTimeout(500);
    expect(await oldPage.isVisible('#update-notice')).toBe(false);
  }, SLOW);

  it('offline after the update: version 2 from the worker, whole; the previous copy kept for pages still open on it', async () => {
    const r2 = release(v2.out);
    await server.close();
    await ctx.setOffline(true);
    const res = await newPage.goto(server.site);
    expect(res?.fromServiceWorker()).toBe(true);
    expect(await tableCap(newPage)).toBe(NEW);
    await waitForMap(newPage, 120_000);
    // a kept link to the plain name of a file answers with version 2's
    const csv = await newPage.evaluate(async (u) => (await fetch(u)).text(), `${BASE}data/indicators.csv`);
    expect(csv).toContain(NEW);
    const names = await newPage.evaluate(() => caches.keys());
    expect(names).toEqual([`atlas-${release(v1.out).release}`, `atlas-${r2.release}`]);
  }, SLOW);
});

describe('the update notice and the map fallback reasons are in both languages', () => {
  it('every page carries the notice, hidden, with its words', () => {
    for (const [p, words] of [['', '内容已更新'], ['en/present', 'Updated']] as const) {
      const h = html(v1.out, p);
      expect(h).toMatch(new RegExp(`<div class="update-notice" id="update-notice" role="status" hidden>[\\s\\S]*?${words}`));
    }
    expect(existsSync(path.join(v1.out, 'register-sw.js'))).toBe(true);
  });
});
