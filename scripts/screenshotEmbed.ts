/**
 * npx tsx scripts/screenshotEmbed.ts [embed query ...] — the embed as a news page shows it: a host
 * page on another origin (a second loopback port) with the offered <iframe> at 600×450, 300×400
 * (FRAMES=900x600,360x640 to choose), screenshotted into /tmp/shots (OUT= to choose).
 * CLICK=1 clicks the map first (it becomes interactive); WAIT=ms before the shot (default 1500).
 */
import http from 'node:http';
import { mkdirSync } from 'node:fs';
import { serveStatic } from './serveStatic';
import { launch, watch } from '../tests/helpers/browser';

const queries = process.argv.slice(2).length ? process.argv.slice(2) : [''];
const frames = (process.env.FRAMES ?? '600x450,300x400').split(',').map((s) => s.split('x').map(Number) as [number, number]);
const out = process.env.OUT ?? '/tmp/shots';
mkdirSync(out, { recursive: true });
const site = await serveStatic(process.env.DIST ?? 'dist');
let hostHtml = '';
const host = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(hostHtml);
});
await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
const hostUrl = `http://127.0.0.1:${(host.address() as { port: number }).port}/`;
const browser = await launch();
for (const q of queries) {
  for (const [width, height] of frames) {
    const path = q.startsWith('/') ? q : `/embed/${q}`;
    hostHtml = `<!doctype html><meta charset="utf-8"><body style="margin:16px;font:16px serif;background:#fafafa"><p>News text above the embed.</p><iframe id="f" src="${site.url}${path}" width="${width}" height="${height}" style="border:1px solid #ccc"></iframe><p>News text below.</p></body>`;
    const ctx = await browser.newContext({ viewport: { width: width + 60, height: height + 140 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
    const page = await ctx.newPage();
    const w = watch(page, site.url);
    await page.goto(hostUrl);
    const frame = page.frameLocator('#f');
    await frame.locator('[data-map-state]').first().waitFor({ timeout: 45000 }).catch(() => {});
    if (process.env.CLICK) {
      await frame.locator('#map').click();
      await frame.locator('#map[data-map-state="ready"]').waitFor({ timeout: 45000 }).catch(() => {});
    }
    await page.waitForTimeout(Number(process.env.WAIT ?? 1500));
    const file = `${out}/embed${q.replace(/[^a-z0-9]+/gi, '_')}-${width}x${height}${process.env.CLICK ? '-live' : ''}.png`;
    await page.screenshot({ path: file });
    console.log(file, 'errors:', w.errors.filter((e) => !e.includes(hostUrl)));
    await ctx.close();
  }
}
await browser.close();
await site.close();
host.close();
