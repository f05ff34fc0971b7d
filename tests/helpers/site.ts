import { existsSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/serveStatic';
import { launch } from './browser';

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
