/** npx tsx scripts/screenshot.ts [path ...] — screenshots at 390×844 and 1440×900 into /tmp/shots (for looking, not testing). */
import { serveStatic } from './serveStatic';
import { launch, watch, PHONE, DESKTOP } from '../tests/helpers/browser';

const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/'];
const server = await serveStatic('dist');
const browser = await launch();
for (const p of paths) {
  for (const [name, vp] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    const ctx = await browser.newContext({ viewport: vp, deviceScaleFactor: 1, isMobile: name === 'phone', hasTouch: name === 'phone' });
    const page = await ctx.newPage();
    const w = watch(page, server.url);
    await page.goto(server.url + p);
    await page.waitForSelector('#map[data-map-state]', { timeout: 30000 }).catch(() => {});
    await page.waitForTimeout(800);
    const file = `/tmp/shots/${p.replace(/[^a-z0-9]+/gi, '_')}-${name}.png`;
    await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
    console.log(file, 'errors:', w.errors, 'off-origin:', w.offOrigin, 'state:', await page.getAttribute('#map', 'data-map-state').catch(() => null));
    await ctx.close();
  }
}
await browser.close();
await server.close();
