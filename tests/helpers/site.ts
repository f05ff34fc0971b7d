import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/serveStatic';
import { launch, watch, type Watched } from './browser';

/** Serve the built dist/ (npm test builds it first). */
export async function serveDist(): Promise<StaticServer> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  return serveStatic('dist');
}

/**
 * One static server for dist/ and one Chromium per test file, started before and closed after
 * its tests. Read `.server` and `.browser` inside tests (they exist once beforeAll has run).
 */
export function useSiteAndBrowser(): { server: StaticServer; browser: Browser } {
  const env = {} as { server: StaticServer; browser: Browser };
  beforeAll(async () => {
    env.server = await serveDist();
    env.browser = await launch();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

type ContextOptions = Parameters<Browser['newContext']>[0];

/**
 * useSiteAndBrowser plus `open(path)`: a fresh context per page (service worker blocked, reduced
 * motion unless overridden), closed after each test so only one live map runs at a time —
 * software WebGL on two cores is slow enough without company.
 */
export function usePages(defaults: ContextOptions = {}) {
  const env = useSiteAndBrowser();
  const opened: BrowserContext[] = [];
  afterEach(async () => {
    for (const c of opened.splice(0)) await c.close().catch(() => {});
  });
  async function open(path: string, extra: ContextOptions = {}): Promise<{ page: Page; w: Watched }> {
    const ctx = await env.browser.newContext({ reducedMotion: 'reduce', serviceWorkers: 'block', ...defaults, ...extra });
    opened.push(ctx);
    const page = await ctx.newPage();
    const w = watch(page, env.server.url);
    await page.goto(env.server.url + path);
    return { page, w };
  }
  /** close what this test opened so far */
  const closeAll = async () => {
    for (const c of opened.splice(0)) await c.close();
  };
  return { env, open, closeAll };
}
