/**
 * npx tsx scripts/screenshot.ts [path ...] — screenshots of the built site (dist/) for looking,
 * not testing, into /tmp/shots: 390×844 and 1440×900 (SIZES=390x844,1920x1080 to choose).
 * FULL=1 for whole pages; SCROLL=<css selector> to bring an element into view first (e.g. #map,
 * which loads the live map). DIST=<folder> BASE=/jieshui/ for a build with a base path (served only
 * under it; give paths with the base); SHOTS=<folder> to write elsewhere than /tmp/shots;
 * CLICK=<css selector> to click something once the map is up (e.g. #embed-toggle), WAIT=ms before the shot (default 800);
 * ELEMENT=<css selector> to shoot only that element (its first match), at full size.
 */
import { serveStatic } from './serveStatic';
import { launch, watch } from '../tests/helpers/browser';

const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/'];
const sizes = (process.env.SIZES ?? '390x844,1440x900').split(',').map((s) => s.split('x').map(Number) as [number, number]);
const server = await serveStatic(process.env.DIST ?? 'dist', { base: process.env.BASE ?? '/' });
const shots = process.env.SHOTS ?? '/tmp/shots';
const browser = await launch();
for (const p of paths) {
  for (const [width, height] of sizes) {
    const phone = width < 700;
    const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, isMobile: phone, hasTouch: phone, serviceWorkers: 'block' });
    const page = await ctx.newPage();
    const w = watch(page, server.url);
    await page.goto(server.url + p);
    if (process.env.SCROLL) await page.locator(process.env.SCROLL).first().scrollIntoViewIfNeeded().catch(() => {});
    await page.waitForSelector('[data-map-state="ready"], [data-map-state="static"]', { timeout: 45000 }).catch(() => {});
    if (process.env.CLICK) {
      await page.locator(process.env.CLICK).first().click();
      await page.locator(process.env.CLICK).first().scrollIntoViewIfNeeded();
    }
    await page.waitForTimeout(Number(process.env.WAIT ?? 800));
    const file = `${shots}/${p.replace(/[^a-z0-9]+/gi, '_')}-${width}x${height}.png`;
    if (process.env.ELEMENT) await page.locator(process.env.ELEMENT).first().screenshot({ path: file });
    else await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
    console.log(file, 'errors:', w.errors, 'off-origin:', w.offOrigin);
    await ctx.close();
  }
}
await browser.close();
await server.close();
