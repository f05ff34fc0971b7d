/**
 * Text from input files is rendered as text: a payload in a project's free-text fields goes through
 * the pipeline and the build (the shared demonstration build, tests/helpers/demoSite.ts) and must
 * show inert on the page.
 * Also: a lost WebGL context never leaves a dead canvas.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launch, watch, DESKTOP } from '../helpers/browser';
import { BASE, demoSite, PAYLOAD_PROJECT } from '../helpers/demoSite';
import { serveStatic, type StaticServer } from '../../scripts/serveStatic';
import { serveDist } from '../helpers/site';
import { waitForMap } from '../helpers/mapProbe';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('hostile text in input files', () => {
  let server: StaticServer;
  let out: string;
  beforeAll(async () => {
    // the shared demonstration build carries PAYLOAD in a project's description and location source
    out = (await demoSite()).out;
    server = await serveStatic(out, { base: BASE });
  }, 600_000);
  afterAll(async () => {
    await server?.close();
  });

  it('shows the payload as text and never runs it', async () => {
    const html = await fs.readFile(path.join(out, 'index.html'), 'utf8');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x');
    const ctx = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block' });
    const page = await ctx.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(server.site);
    const text = await page.locator(`#project-${PAYLOAD_PROJECT}`).innerText();
    expect(text).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await ctx.close();
  });
});

describe('WebGL context loss', () => {
  it('falls back to the static map instead of leaving a dead canvas', async () => {
    const server = await serveDist();
    const ctx = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block', reducedMotion: 'reduce' });
    try {
      const page = await ctx.newPage();
      const w = watch(page, server.url);
      await page.goto(server.url + '/?i=irrigation_coefficient');
      await waitForMap(page);
      await page.evaluate(() => {
        for (const c of document.querySelectorAll('#map canvas')) {
          const gl = (c as HTMLCanvasElement).getContext('webgl2');
          gl?.getExtension('WEBGL_lose_context')?.loseContext();
        }
      });
      await page.waitForSelector('#map[data-map-state="static"] img.fallback', { timeout: 15_000 });
      expect(await page.getAttribute('#map img.fallback', 'src')).toMatch(/^\/data\/choropleth-irrigation_coefficient\.[0-9a-f]{10}\.svg$/);
      expect(await page.locator('#map-static-note').innerText()).toMatch(/静态地图/);
      expect(await page.locator('#map canvas').count()).toBe(0);
      expect(w.offOrigin).toEqual([]);
    } finally {
      await ctx.close();
      await server.close();
    }
  });
});
