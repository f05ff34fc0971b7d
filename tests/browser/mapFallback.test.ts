/**
 * The map never leaves an empty grey box: when the live map cannot start, the visitor gets the
 * pipeline's static map and the reason in words (src/map/loadMap.ts). Three ways a host breaks
 * it, in real Chromium: MapLibre's worker served with a wrong MIME type (the server), the map
 * chunk failing to download (route interception), and data that never arrives (no progress
 * within MAP_STEP_TIMEOUT_MS). Also: the worker is served under a .js name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launch, watch } from '../helpers/browser';
import { serveStatic, type StaticServer } from '../../scripts/serveStatic';
import { MAP_STEP_TIMEOUT_MS } from '../../src/map/loadMap';
import { STRINGS } from '../../src/i18n';

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serveStatic('dist');
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const zh = STRINGS.zh;

async function openMap(path: string, setup: (page: Page) => Promise<void> = async () => {}) {
  const ctx = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce', serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const w = watch(page, server.url);
  await setup(page);
  await page.goto(server.url + path);
  await page.locator('#map').scrollIntoViewIfNeeded();
  return { ctx, page, w };
}

/** the static map is showing, with its picture loaded, and no live canvas is left */
async function expectStatic(page: Page, reason: string) {
  await page.waitForSelector('#map[data-map-state="static"] img.fallback', { timeout: MAP_STEP_TIMEOUT_MS + 40_000 });
  await page.waitForFunction(() => (document.querySelector('#map img.fallback') as HTMLImageElement).naturalWidth > 0);
  expect(await page.locator('#map img.fallback').getAttribute('src')).toMatch(/^\/data\/choropleth-water_use_cap\.[0-9a-f]{10}\.svg$/);
  // the reason in words above the static map (never over its own title)
  expect(await page.locator('#map-static-note').innerText()).toBe(reason);
  expect(await page.locator('#map-static-note').isVisible()).toBe(true);
  expect(await page.locator('#map canvas').count()).toBe(0);
}

describe('the map worker', () => {
  it('is emitted as .js (every static host knows its type), not .mjs', () => {
    const files = readdirSync('dist/_astro');
    expect(files.some((f) => /^maplibre-gl-worker\.[\w-]+\.js$/.test(f))).toBe(true);
    expect(files.filter((f) => f.endsWith('.mjs'))).toEqual([]);
  });
});

describe('when the live map cannot start, the static map and the reason', () => {
  it('the worker served with a wrong MIME type (application/octet-stream, as some hosts send)', async () => {
    server.setOverride((rel) => (/^_astro\/maplibre-gl-worker\./.test(rel) ? { type: 'application/octet-stream' } : undefined));
    try {
      const { ctx, page } = await openMap('/');
      await expectStatic(page, zh.publish.mapWorker);
      await ctx.close();
    } finally {
      server.setOverride(undefined);
    }
  }, 120_000);

  it('the map chunk fails to download', async () => {
    const { ctx, page } = await openMap('/', (p) => p.route(/\/_astro\/initMap\.[\w-]+\.js$/, (r) => r.abort('failed')));
    await expectStatic(page, zh.mapFailed);
    // the rest of the page works: the table still selects counties
    await page.locator('#annex-table tr[data-adcode="150402"] td').first().click();
    expect(new URL(page.url()).searchParams.get('c')).toBe('150402');
    await ctx.close();
  }, 120_000);

  it(`no progress for ${MAP_STEP_TIMEOUT_MS / 1000} s (the boundaries never arrive)`, async () => {
    const { ctx, page } = await openMap('/', (p) => p.route(/\/data\/counties\.[0-9a-f]{10}\.topojson$/, () => undefined /* never answered */));
    await expectStatic(page, zh.publish.mapTimeout.replace('{s}', String(MAP_STEP_TIMEOUT_MS / 1000)));
    await ctx.close();
  }, 120_000);

  it('the presentation too (English): a failed chunk leaves the step with its static map', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce', serviceWorkers: 'block' });
    const page = await ctx.newPage();
    await page.route(/\/_astro\/initMap\.[\w-]+\.js$/, (r) => r.abort('failed'));
    await page.goto(server.url + '/en/present/#2');
    await page.waitForSelector('#present-mapwrap[data-map-state="static"]', { timeout: 30_000 });
    await page.waitForFunction(() => (document.getElementById('present-fallback') as HTMLImageElement).naturalWidth > 0);
    expect(await page.locator('#present-status').innerText()).toBe(STRINGS.en.mapFailed);
    await ctx.close();
  }, 120_000);
});
