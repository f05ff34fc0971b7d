// scratch: PHONE=1 SEL='#map' URL=/ npx tsx scripts/dbg.ts -> /tmp/shots/dbg.png (not committed)
import { serveStatic } from './serveStatic';
import { launch, watch } from '../tests/helpers/browser';
const server = await serveStatic('dist');
const browser = await launch();
const phone = !!process.env.PHONE;
const ctx = await browser.newContext({ viewport: phone ? { width: 390, height: 844 } : { width: 1440, height: 900 }, isMobile: phone, hasTouch: phone, serviceWorkers: 'block', reducedMotion: process.env.RM ? 'reduce' : 'no-preference' });
const page = await ctx.newPage();
const w = watch(page, server.url);
await page.goto(server.url + (process.env.URL ?? '/'));
if (process.env.SEL) await page.locator(process.env.SEL).first().scrollIntoViewIfNeeded();
if (process.env.SCROLL) await page.mouse.wheel(0, Number(process.env.SCROLL));
if (await page.locator('#map').count()) await page.waitForSelector('#map[data-map-state]', { timeout: 60000 }).catch(() => console.log('map not ready'));
await page.waitForTimeout(Number(process.env.WAIT ?? 600));
await page.screenshot({ path: process.env.OUT ?? '/tmp/shots/dbg.png' });
console.log(w);
await browser.close(); await server.close();
