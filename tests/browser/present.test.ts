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
import { PROJECT_LOOK } from '../../src/domain/cellLook';

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

/**
 * The map's canvases composited as the hall sees them, read back: per colour (within `tol`), how many
 * pixels and the box they span; how many are white, and how many are anything but the paper.
 */
const colourStats = (page: Page, cols: number[][], tol: number) =>
  page.evaluate(
    async ([cs, t]) => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const canvases = [...document.querySelectorAll<HTMLCanvasElement>('#present-map canvas')];
      const out = document.createElement('canvas');
      out.width = canvases[0].width;
      out.height = canvases[0].height;
      const ctx = out.getContext('2d')!;
      for (const c of canvases) ctx.drawImage(c, 0, 0, out.width, out.height);
      const d = ctx.getImageData(0, 0, out.width, out.height).data;
      const n = cs.map(() => 0);
      const box = cs.map(() => [Infinity, Infinity, -Infinity, -Infinity]);
      let white = 0;
      let other = 0;
      for (let i = 0; i < d.length; i += 4) {
        const x = (i / 4) % out.width;
        const y = Math.floor(i / 4 / out.width);
        cs.forEach((c, k) => {
          if (Math.hypot(d[i] - c[0], d[i + 1] - c[1], d[i + 2] - c[2]) >= t) return;
          n[k]++;
          box[k] = [Math.min(box[k][0], x), Math.min(box[k][1], y), Math.max(box[k][2], x), Math.max(box[k][3], y)];
        });
        if (d[i] > 250 && d[i + 1] > 250 && d[i + 2] > 250) white++;
        // anything drawn: away from the base map's paper colour
        if (Math.hypot(d[i] - 243, d[i + 1] - 244, d[i + 2] - 241) > 20) other++;
      }
      return { n, box, white, other, width: out.width, total: d.length / 4 };
    },
    [cols, tol] as const,
  );

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

  it('Esc never loses the place: it leaves full screen and keeps the step; a second Esc stays; the exit link goes home', async () => {
    const { page } = await open('/en/present/#3');
    await page.keyboard.press('f');
    await page.waitForFunction(() => !!document.fullscreenElement);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.fullscreenElement);
    expect(await counter(page)).toBe('3 / 9');
    expect(await hash(page)).toBe('#3');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
    expect(page.url()).toBe(`${env.server.url}/en/present/#3`);
    expect(await counter(page)).toBe('3 / 9');
    // leaving is an explicit, visible link
    const exit = page.locator('#present-exit');
    expect(await exit.isVisible()).toBe(true);
    expect(await exit.innerText()).toBe('Exit presentation');
    await exit.click();
    await page.waitForURL(`${env.server.url}/en/`);
  });

  it('the key hints are hidden while presenting and shown with "?" (a "?" button says so when not in full screen)', async () => {
    const { page } = await open('/present/#2');
    const hints = page.locator('#present-keys');
    const button = page.locator('#present-keys-btn');
    expect(await hints.isVisible()).toBe(false);
    expect(await button.isVisible()).toBe(true);
    expect(await button.innerText()).toContain('?');
    await page.keyboard.press('?');
    expect(await hints.isVisible()).toBe(true);
    expect(await hints.innerText()).toContain('B 或 . 黑屏');
    await page.keyboard.press('?');
    expect(await hints.isVisible()).toBe(false);
    await page.keyboard.press('f');
    await page.waitForSelector('#present.is-fullscreen');
    expect(await hints.isVisible()).toBe(false);
    expect(await button.isVisible()).toBe(false);
    await page.keyboard.press('?');
    expect(await hints.isVisible()).toBe(true);
    // and the step did not move
    expect(await counter(page)).toBe('2 / 9');
  });

  it('B and "." black the screen out as clickers do; the same key or a step key brings back the same step', async () => {
    const { page } = await open('/present/#4');
    const blank = page.locator('#present-blank');
    expect(await blank.isVisible()).toBe(false);
    const black = () =>
      page.evaluate(() => {
        const el = document.getElementById('present-blank')!;
        const r = el.getBoundingClientRect();
        const top = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
        return { cover: r.left <= 0 && r.top <= 0 && r.right >= innerWidth && r.bottom >= innerHeight, bg: getComputedStyle(el).backgroundColor, onTop: top === el };
      });
    for (const [on, off] of [['b', 'b'], ['.', 'PageDown'], ['B', 'ArrowLeft'], ['.', 'Space']] as const) {
      await page.keyboard.press(on);
      expect(await blank.isVisible()).toBe(true);
      expect(await black()).toEqual({ cover: true, bg: 'rgb(0, 0, 0)', onTop: true });
      await page.keyboard.press(off);
      expect(await blank.isVisible()).toBe(false);
      expect(await counter(page)).toBe('4 / 9');
      expect(await hash(page)).toBe('#4');
    }
    // and after it, the keys step again
    await page.keyboard.press('PageDown');
    expect(await counter(page)).toBe('5 / 9');
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

describe("the browser's own full screen", () => {
  it('F11 (display-mode: fullscreen) is presenting too: the presenter notes and the key hints step back, and come back after', async () => {
    const ctx = await env.browser.newContext({ viewport: HALL, reducedMotion: 'reduce', serviceWorkers: 'block' });
    try {
      // headless Chromium has no F11: the display-mode query is answered as the browser would answer it
      await ctx.addInitScript(() => {
        const listeners: ((e: { matches: boolean }) => void)[] = [];
        const mq = { matches: false, media: '(display-mode: fullscreen)', addEventListener: (_t: string, f: (e: { matches: boolean }) => void) => listeners.push(f) };
        const real = window.matchMedia.bind(window);
        window.matchMedia = ((q: string) => (q === mq.media ? mq : real(q))) as typeof window.matchMedia;
        (window as unknown as { f11: (on: boolean) => void }).f11 = (on) => {
          mq.matches = on;
          for (const f of listeners) f({ matches: on });
        };
      });
      const page = await ctx.newPage();
      await page.goto(env.server.url + '/present/#2');
      await page.waitForSelector('#present.js');
      // built without SITE_URL: the presenter is told the QR codes are off, the audience must not see it
      const notice = page.locator('#present-qr-off');
      expect(await notice.isVisible()).toBe(true);
      await page.keyboard.press('?');
      expect(await page.locator('#present-keys').isVisible()).toBe(true);
      await page.evaluate(() => (window as unknown as { f11: (on: boolean) => void }).f11(true));
      await page.waitForSelector('#present.is-fullscreen');
      expect(await notice.isVisible()).toBe(false);
      expect(await page.locator('#present-keys').isVisible()).toBe(false);
      // the page's own full screen button still offers full screen (the API is not in use)
      expect(await page.getAttribute('#present-fullscreen', 'aria-pressed')).toBe('false');
      await page.evaluate(() => (window as unknown as { f11: (on: boolean) => void }).f11(false));
      await page.waitForSelector('#present:not(.is-fullscreen)');
      expect(await notice.isVisible()).toBe(true);
    } finally {
      await ctx.close();
    }
  });
});

describe('legible from the back of a hall', () => {
  // a 1080p projector: sources, legend and QR captions at least 1/45 of the screen height (24 px)
  for (const edition of ['/present/', '/en/present/']) {
    it(`${edition}: sources, legend and captions are ≥ 24 px at 1920×1080 on every step, and every step fits its column`, async () => {
      const { page } = await open(edition + '#1', { viewport: { width: 1920, height: 1080 } });
      await page.evaluate(() => document.fonts.ready);
      for (let n = 1; n <= 9; n++) {
        await page.evaluate((x) => (location.hash = `#${x}`), n);
        await page.waitForFunction((x) => document.querySelector('.step[aria-current="step"]')?.getAttribute('data-step') === String(x), n);
        const r = await page.evaluate(() => {
          const st = document.querySelector<HTMLElement>('.step[aria-current="step"]')!;
          const text = st.querySelector<HTMLElement>('.p-text')!;
          // built without SITE_URL there is no QR caption: one is put where the build puts it, to measure the rule
          const cap = document.createElement('p');
          cap.className = 'qr-caption';
          cap.textContent = '手机扫码';
          st.querySelector('.p-foot')!.prepend(cap);
          const els = [...st.querySelectorAll<HTMLElement>('.src, .legend-p li, .legend-title, .qr-caption')].filter((e) => e.getClientRects().length > 0);
          // the size on screen: the computed size times any CSS zoom on the way up
          const sizes = els.map((e) => ({ cls: e.className, px: parseFloat(getComputedStyle(e).fontSize) * ((e as unknown as { currentCSSZoom?: number }).currentCSSZoom ?? 1) }));
          cap.remove();
          const foot = st.querySelector('.p-foot')!.getBoundingClientRect();
          const box = text.getBoundingClientRect();
          return { sizes, fits: foot.bottom <= box.bottom + 0.5 && text.scrollHeight <= text.clientHeight + 1 };
        });
        expect(r.sizes.filter((x) => x.cls === 'src').length, `step ${n} shows its sources`).toBeGreaterThan(0);
        expect(r.sizes.some((x) => x.cls === 'qr-caption')).toBe(true);
        for (const x of r.sizes) expect(x.px, `step ${n} ${x.cls}`).toBeGreaterThanOrEqual(24);
        expect(r.fits, `step ${n} fits its column`).toBe(true);
      }
    });
  }
});

describe('each step maps its own subject', () => {
  // the subject of steps 5–8 is a city-wide target and where its works are, not a per-county figure:
  // the counties are drawn alike under the step's layer, never in an unrelated indicator's colours
  const EXPECTED: Record<number, { shading: string; layers: string }> = {
    2: { shading: 'indicator', layers: '' },
    3: { shading: 'indicator', layers: '' },
    4: { shading: 'indicator', layers: '' },
    5: { shading: 'neutral', layers: 'pipe_renewal' },
    6: { shading: 'neutral', layers: 'reclaimed_water_line' },
    7: { shading: 'neutral', layers: 'coal_mines' },
    8: { shading: 'neutral', layers: 'groundwater_overextraction' },
  };

  it('map steps: the layer of their subject, and neutral counties with no classes in the legend where the subject is not a county figure', async () => {
    const { page } = await open('/present/#2');
    for (const [n, want] of Object.entries(EXPECTED)) {
      await page.evaluate((x) => (location.hash = `#${x}`), n);
      await page.waitForFunction((x) => document.querySelector('.step[aria-current="step"]')?.getAttribute('data-step') === x, n);
      const wrap = page.locator('#present-mapwrap');
      expect({ shading: await wrap.getAttribute('data-shading'), layers: await wrap.getAttribute('data-layers') }, `step ${n}`).toEqual(want);
      const legend = current(page).locator('.legend-p');
      expect(await legend.getAttribute('data-shading')).toBe(want.shading);
      const classes = await legend.locator('.classes li').count();
      if (want.shading === 'neutral') expect(classes, `step ${n} legend classes`).toBe(0);
      else expect(classes, `step ${n} legend classes`).toBeGreaterThan(1);
      if (want.shading === 'neutral') expect(await legend.innerText()).toContain('不按指标着色');
    }
  });

  it('the leakage step shows the schematic pipe lines large enough for a hall: a quarter of the map wide, around the central city', async () => {
    const { page, w } = await open('/present/#5');
    await waitForMap(page);
    const { n, box, width } = await colourStats(page, [hexRgb(PROJECT_LOOK.pipe_renewal.color)], 30);
    // the lines spanned 14% of the map when the whole of 红山区 was in frame
    expect((box[0][2] - box[0][0]) / width).toBeGreaterThan(0.2);
    expect(n[0]).toBeGreaterThan(500);
    expect(w.errors).toEqual([]);
  });

  it('the groundwater step draws the zone over plain counties (no indicator colour on the canvas), the mines step the mines', async () => {
    const { page, w } = await open('/present/#8');
    await waitForMap(page);
    const palette = dict.indicators.flatMap((m) => m.colors.slice(1)).map(hexRgb); // every class but the palest
    const count = (cols: number[][]) => colourStats(page, cols, 12);
    const gw = await count([...palette, hexRgb('#8e3b12')]);
    const ground = gw.n.pop()!;
    expect(Math.max(...gw.n) / gw.total, 'no class colour of any indicator').toBeLessThan(0.002);
    expect(gw.white / gw.total, 'counties drawn white').toBeGreaterThan(0.15);
    expect(ground, 'the zone outline').toBeGreaterThan(200);
    await page.keyboard.press('ArrowLeft');
    expect(await counter(page)).toBe('7 / 9');
    const mines = await count([hexRgb('#3d3d3d'), ...palette]);
    const charcoal = mines.n.shift()!;
    expect(charcoal, 'coal mine dots').toBeGreaterThan(100);
    expect(Math.max(...mines.n) / mines.total).toBeLessThan(0.002);
    expect(w.errors).toEqual([]);
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
    // the classes a grey-white base map cannot be mistaken for: the clearly blue ones
    const colours = metaOf('water_use_cap').colors.map(hexRgb).filter(([r, , b]) => b - r > 40);
    const stats = await colourStats(page, colours, 30);
    const counts = { coloured: stats.n.reduce((a, b) => a + b, 0), other: stats.other, total: stats.total };
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
      // the groundwater step: its zone over plain counties, not an indicator's choropleth
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      expect(await img.getAttribute('src')).toMatch(/^\/data\/layer-groundwater_overextraction\.en\.[0-9a-f]{10}\.svg$/);
      await page.waitForFunction(() => (document.getElementById('present-fallback') as HTMLImageElement).naturalWidth > 0);
      expect(w.errors).toEqual([]);
      expect(w.offOrigin).toEqual([]);
    } finally {
      await noGl.close();
    }
  });
});
