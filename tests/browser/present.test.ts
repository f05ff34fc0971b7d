/**
 * Presentation mode (/present/, /en/present/): stepping by keyboard and clicker keys, the step
 * in the URL hash, QR codes (or the presenter's notice without SITE_URL), the shared map, and a clean console.
 * Needs a built dist/ (npm test builds it).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch, watch } from '../helpers/browser';
import { usePages } from '../helpers/site';
import { hexRgb } from '../helpers/mapProbe';
import type { DictionaryFile, Target } from '../../src/domain/contract';

const targets = JSON.parse(readFileSync('dist/data/targets.json', 'utf8')) as Target[];
const dict = JSON.parse(readFileSync('dist/data/dictionary.json', 'utf8')) as DictionaryFile;
const target = (id: string) => targets.find((t) => t.id === id)!;
const metaOf = (id: string) => dict.indicators.find((m) => m.id === id)!;

/** a projector at 720p: the same layout as 1080p (everything scales with the viewport), fewer pixels to render in software */
const HALL = { width: 1280, height: 720 };

const { env, open: openWith } = usePages({ viewport: HALL });
async function open(path: string, extra: Parameters<typeof openWith>[1] = {}) {
  const r = await openWith(path, extra);
  await r.page.waitForSelector('#present.js');
  return r;
}

const current = (page: Page) => page.locator('.step[aria-current="step"]');
const counter = (page: Page) => current(page).locator('.counter .n').innerText();
const heading = (page: Page) => current(page).locator('h2').innerText();
const hash = (page: Page) => page.evaluate(() => location.hash);
const waitForMap = (page: Page) => page.waitForSelector('#present-mapwrap[data-map-state="ready"]', { timeout: 45_000 });

describe('stepping', () => {
  it('opens on step 1 with the city-wide targets and their section', async () => {
    const { page } = await open('/present/');
    expect(await counter(page)).toBe('1 / 9');
    const tg = target('total_water_use');
    const card = current(page).locator('[data-target="total_water_use"]');
    expect(await card.locator('.num').innerText()).toBe(tg.value_text);
    expect(await card.innerText()).toContain(tg.section);
    expect(await page.locator('.step[aria-current="step"]').count()).toBe(1);
    expect(await hash(page)).toBe('#1');
  });

  it('ArrowRight, Space and PageDown go forward, and the content follows', async () => {
    const { page } = await open('/present/');
    const seen = [await heading(page)];
    for (const [key, n] of [['ArrowRight', 2], ['Space', 3], ['PageDown', 4]] as const) {
      await page.keyboard.press(key);
      expect(await counter(page)).toBe(`${n} / 9`);
      const h = await heading(page);
      expect(seen).not.toContain(h);
      seen.push(h);
      expect(await hash(page)).toBe(`#${n}`);
    }
    // step 4 is industry: its own figure is on screen
    expect(await current(page).locator('[data-target="industrial_reuse_rate"] .num').innerText()).toBe(target('industrial_reuse_rate').value_text);
  });

  it('PageUp and ArrowLeft go back, and not before the first step', async () => {
    const { page } = await open('/present/#4');
    await page.keyboard.press('PageUp');
    expect(await counter(page)).toBe('3 / 9');
    await page.keyboard.press('ArrowLeft');
    expect(await counter(page)).toBe('2 / 9');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await counter(page)).toBe('1 / 9');
  });

  it('End goes to the last step and Home to the first', async () => {
    const { page } = await open('/present/');
    await page.keyboard.press('End');
    expect(await counter(page)).toBe('9 / 9');
    // step 9 quotes the document, section 三（三）
    expect(await current(page).innerText()).toContain('《公民节约用水行为规范》');
    await page.keyboard.press('ArrowRight');
    expect(await counter(page)).toBe('9 / 9');
    await page.keyboard.press('Home');
    expect(await counter(page)).toBe('1 / 9');
  });

  it('opens a step straight from the hash, and follows a changed hash', async () => {
    const { page } = await open('/present/#5');
    expect(await counter(page)).toBe('5 / 9');
    expect(await current(page).locator('[data-target="pipe_renewal_km"] .num').innerText()).toBe(target('pipe_renewal_km').value_text);
    expect(await current(page).innerText()).toContain('示意位置');
    await page.evaluate(() => (location.hash = '#7'));
    await page.waitForFunction(() => document.querySelector('.step[aria-current="step"]')?.getAttribute('data-step') === '7');
    // mine water: the plan publishes no location, and the step says so
    expect(await current(page).innerText()).toContain('位置未公布');
  });

  it('the on-screen previous / next links step too', async () => {
    const { page } = await open('/present/#2');
    await current(page).locator('a.next').click();
    expect(await counter(page)).toBe('3 / 9');
    await current(page).locator('a.prev').click();
    expect(await counter(page)).toBe('2 / 9');
  });

  it('Esc leaves for the home page of the same language', async () => {
    const { page } = await open('/en/present/#3');
    await page.keyboard.press('Escape');
    await page.waitForURL(`${env.server.url}/en/`);
  });

  it('F toggles full screen', async () => {
    const { page } = await open('/present/');
    await page.keyboard.press('f');
    await page.waitForFunction(() => !!document.fullscreenElement);
    await page.waitForSelector('#present-fullscreen[aria-pressed="true"]');
    expect(await page.locator('#present-fullscreen').innerText()).toContain('退出全屏');
    await page.keyboard.press('f');
    await page.waitForFunction(() => !document.fullscreenElement);
    await page.waitForSelector('#present-fullscreen[aria-pressed="false"]');
  });
});

describe('QR codes', () => {
  // dist/ is built without SITE_URL, as a quick start is: the QR codes are off and only the
  // presenter is told. With SITE_URL (and BASE_PATH) they are checked in publish.test.ts.
  it('without SITE_URL: no QR code points anywhere, and the presenter (not the audience in full screen) is told why', async () => {
    const { page } = await open('/present/#2');
    const steps = page.locator('#present-steps > .step');
    expect(await page.locator('a.qr').count()).toBe(0);
    expect(await page.locator('svg.qr-svg').count()).toBe(0);
    expect(await steps.locator('.qr-off').count()).toBe(9);
    const note = steps.nth(1).locator('.qr-off');
    expect(await note.isVisible()).toBe(true);
    expect(await note.innerText()).toContain('SITE_URL');
    expect(await page.locator('#present-qr-off').isVisible()).toBe(true);
    await page.keyboard.press('f');
    await page.waitForFunction(() => !!document.fullscreenElement);
    await page.waitForSelector('#present.is-fullscreen');
    expect(await note.isVisible()).toBe(false);
    expect(await page.locator('#present-qr-off').isVisible()).toBe(false);
  });
});

describe('the shared map', () => {
  it('draws the county caps on step 2 (pixels read back from the canvases)', async () => {
    const { page, w } = await open('/present/#2');
    await waitForMap(page);
    const colours = metaOf('water_use_cap').colors.map(hexRgb);
    const counts = await page.evaluate(async (cols) => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const canvases = [...document.querySelectorAll<HTMLCanvasElement>('#present-map canvas')];
      const out = document.createElement('canvas');
      out.width = canvases[0].width;
      out.height = canvases[0].height;
      const ctx = out.getContext('2d')!;
      for (const c of canvases) ctx.drawImage(c, 0, 0, out.width, out.height);
      const d = ctx.getImageData(0, 0, out.width, out.height).data;
      let coloured = 0;
      let other = 0;
      for (let i = 0; i < d.length; i += 4) {
        const near = cols.some((c) => Math.hypot(d[i] - c[0], d[i + 1] - c[1], d[i + 2] - c[2]) < 30);
        // the three darker classes cannot be mistaken for the grey-white base map
        if (near && d[i + 2] - d[i] > 40) coloured++;
        if (Math.hypot(d[i] - 243, d[i + 1] - 244, d[i + 2] - 241) > 20) other++;
      }
      return { coloured, other, total: d.length / 4 };
    }, colours);
    expect(counts.coloured / counts.total).toBeGreaterThan(0.1);
    expect(counts.other / counts.total).toBeGreaterThan(0.2);
    expect(w.errors).toEqual([]);
  });

  it('flies the camera smoothly to the next step', async () => {
    const smooth = await open('/present/#4', { reducedMotion: 'no-preference' });
    await waitForMap(smooth.page);
    // read the camera in the same task as the key press: a slow machine cannot miss the flight
    const moving = await smooth.page.evaluate(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      return (window as unknown as { __presentMap: { map: { isMoving(): boolean } } }).__presentMap.map.isMoving();
    });
    expect(moving).toBe(true);
    expect(await counter(smooth.page)).toBe('5 / 9');
  });

  it('jumps the camera at once when reduced motion is asked for', async () => {
    const still = await open('/present/#4');
    await waitForMap(still.page);
    const z0 = await still.page.evaluate(() => (window as unknown as { __presentMap: { map: { getZoom(): number } } }).__presentMap.map.getZoom());
    const after = await still.page.evaluate(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      const m = (window as unknown as { __presentMap: { map: { isMoving(): boolean; getZoom(): number } } }).__presentMap.map;
      return { moving: m.isMoving(), zoom: m.getZoom() };
    });
    expect(after.moving).toBe(false);
    expect(after.zoom).toBeGreaterThan(z0 + 1); // step 5 frames the central city
  });

  it('runs through every step with no console error and no request off the origin', async () => {
    const { page, w } = await open('/present/#2', { reducedMotion: 'no-preference' });
    await waitForMap(page);
    await page.keyboard.press('Home');
    for (let n = 2; n <= 9; n++) {
      await page.keyboard.press('ArrowRight');
      expect(await counter(page)).toBe(`${n} / 9`);
      await page.waitForTimeout(300);
    }
    expect(w.errors).toEqual([]);
    expect(w.offOrigin).toEqual([]);
  });
});

describe('English edition and no WebGL', () => {
  it('English: same steps, English text, and the static English SVG map without WebGL', async () => {
    const noGl = await launch({ webgl: false });
    try {
      const ctx = await noGl.newContext({ viewport: HALL, serviceWorkers: 'block' });
      const page = await ctx.newPage();
      const w = watch(page, env.server.url);
      await page.goto(env.server.url + '/en/present/#3');
      await page.waitForSelector('#present-mapwrap[data-map-state="static"]');
      expect(await counter(page)).toBe('3 / 9');
      expect(await heading(page)).toMatch(/farm/i);
      const img = page.locator('#present-fallback');
      expect(await img.getAttribute('src')).toMatch(/^\/data\/choropleth-agri_saving_capacity\.en\.[0-9a-f]{10}\.svg$/);
      await page.keyboard.press('ArrowRight');
      expect(await img.getAttribute('src')).toMatch(/^\/data\/choropleth-industrial_water_decline\.en\.[0-9a-f]{10}\.svg$/);
      await page.waitForFunction(() => (document.getElementById('present-fallback') as HTMLImageElement).naturalWidth > 0);
      expect(await page.locator('#present-status').innerText()).toContain('WebGL');
      expect(w.errors).toEqual([]);
      expect(w.offOrigin).toEqual([]);
    } finally {
      await noGl.close();
    }
  });
});
