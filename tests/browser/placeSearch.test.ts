/**
 * "My town" in real Chromium: the index is fetched only when the box is used; a village typed
 * and chosen with the keyboard selects its county on the map (URL, panel, camera) and links to
 * the county page; the same without WebGL and in English; on a county page the choice opens
 * that county; on a phone the box moves up to leave the list room above the keyboard.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, watch, DESKTOP, PHONE } from '../helpers/browser';
import { usePages } from '../helpers/site';
import { waitForMap } from '../helpers/mapProbe';
import type { CountiesFile } from '../../src/domain/contract';

const bbox = (code: string) => (JSON.parse(readFileSync('dist/data/counties.geojson', 'utf8')) as CountiesFile).features.find((f) => f.properties.adcode === code)!.properties.bbox;
const { env, open } = usePages({ viewport: DESKTOP });

/** resources the page has fetched so far whose URL contains `part` */
/** requests for a data file, by its plain name: the build links it by a content-versioned one (places.3f9a0c1b2d.json) */
const fetched = (page: Page, file: string) =>
  page.evaluate((f) => {
    const [stem, ext] = [f.slice(0, f.lastIndexOf('.')), f.slice(f.lastIndexOf('.'))];
    return performance.getEntriesByType('resource').filter((e) => new RegExp(`/${stem}(\\.[0-9a-f]{10})?\\${ext}$`).test(new URL(e.name).pathname)).length;
  }, file);
const options = (page: Page) => page.locator('#place-list [role="option"]');

async function typeAndWait(page: Page, text: string) {
  await page.locator('#place-q').focus();
  await page.keyboard.type(text);
  await options(page).first().waitFor();
}

describe('place search on the home page', () => {
  it('loads the index only when used; keyboard choice selects the county on the map and links to its page', async () => {
    const { page, w } = await open('/');
    await page.waitForLoadState('load');
    await waitForMap(page); // the live map, so that the camera can be checked
    await page.waitForTimeout(300);
    expect(await fetched(page, 'places.json')).toBe(0);

    const input = page.locator('#place-q');
    await expect(input.getAttribute('role')).resolves.toBe('combobox');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
    await typeAndWait(page, '三道沟');
    expect(await fetched(page, 'places.json')).toBe(1);
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(page.locator('#place-list').getAttribute('role')).resolves.toBe('listbox');
    // the path 村 → 乡镇 → 旗县区 on the option
    const first = options(page).first();
    await expect(first.innerText()).resolves.toMatch(/三道沟村委会\s*→ 乌敦套海镇 → 翁牛特旗/);
    // read as the three names, without the drawn arrows
    await expect(first.ariaSnapshot()).resolves.toBe('- option "三道沟村委会 乌敦套海镇 翁牛特旗"');
    await expect(page.locator('#place-status').innerText()).resolves.toBe('找到1处。');

    await page.keyboard.press('ArrowDown');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe(await first.getAttribute('id'));
    await expect(first.getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Enter');

    await page.waitForURL(/[?&]c=150426\b/);
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.locator('#place-list').isHidden()).resolves.toBe(true);
    await expect(page.locator('[data-panel="150426"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-panel]:not([hidden])').count()).resolves.toBe(1);
    await expect(page.locator('#place-chosen').innerText()).resolves.toContain('三道沟村委会属于翁牛特旗');
    // the map's camera went to 翁牛特旗
    const [west, south, east, north] = bbox('150426');
    await page.waitForFunction(
      ([w0, s0, e0, n0]) => {
        const c = (window as unknown as { __atlasMap: { map: { getCenter: () => { lng: number; lat: number } } } }).__atlasMap.map.getCenter();
        return c.lng > w0 && c.lng < e0 && c.lat > s0 && c.lat < n0;
      },
      [west, south, east, north],
      { timeout: 20_000 },
    );
    // and the link goes to the county page
    const link = page.locator('#place-chosen a[href$="/county/150426/"]');
    await expect(link.innerText()).resolves.toBe('查看翁牛特旗详情');
    await link.click();
    await page.waitForURL(/\/county\/150426\/$/);
    await expect(page.locator('h1').innerText()).resolves.toContain('翁牛特旗');
    expect(w.errors).toEqual([]);
    expect(w.offOrigin).toEqual([]);
  }, 120_000);

  it('without WebGL, in English, with one wrong character: the county is selected all the same', async () => {
    const noGl = await launch({ webgl: false });
    try {
      const ctx = await noGl.newContext({ viewport: DESKTOP, serviceWorkers: 'block', reducedMotion: 'reduce' });
      const page = await ctx.newPage();
      const w = watch(page, env.server.url);
      await page.goto(env.server.url + '/en/');
      await page.locator('#map').scrollIntoViewIfNeeded();
      await page.waitForSelector('#map[data-map-state="static"]');
      expect(await fetched(page, 'places.json')).toBe(0);
      await typeAndWait(page, '乌墩套海镇'); // 墩 for 敦
      await expect(options(page).first().innerText()).resolves.toMatch(/乌敦套海镇\s*→ Ongniud Banner/);
      // the Chinese unit name inside the English page is marked as Chinese
      await expect(options(page).first().locator('.place-name [lang="zh-CN"]').innerText()).resolves.toBe('乌敦套海镇');
      await expect(page.locator('#place-status').innerText()).resolves.toMatch(/No exact match; \d+ names differ by one character\./);
      await page.keyboard.press('Enter'); // Enter with nothing highlighted takes the first
      await page.waitForURL(/[?&]c=150426\b/);
      await expect(page.locator('[data-panel="150426"]').isVisible()).resolves.toBe(true);
      await expect(page.locator('#place-chosen').innerText()).resolves.toContain('乌敦套海镇 is in Ongniud Banner');
      await expect(page.locator('#place-chosen p [lang="zh-CN"]').innerText()).resolves.toBe('乌敦套海镇');
      await expect(page.locator('#place-chosen a[href$="/en/county/150426/"]').innerText()).resolves.toBe('More about Ongniud Banner');
      expect(w.errors).toEqual([]);
    } finally {
      await noGl.close();
    }
  }, 60_000);

  it('Esc closes the list, a second Esc clears the text; arrows wrap; a county alias is found', async () => {
    const { page } = await open('/');
    await typeAndWait(page, '红山');
    const n = await options(page).count();
    expect(n).toBeGreaterThan(2);
    await expect(options(page).first().innerText()).resolves.toContain('红山区');
    await page.keyboard.press('ArrowUp'); // from nothing to the last
    await expect(page.locator('#place-q').getAttribute('aria-activedescendant')).resolves.toBe(`place-opt-${n - 1}`);
    await page.keyboard.press('ArrowDown'); // wraps to the first
    await expect(page.locator('#place-q').getAttribute('aria-activedescendant')).resolves.toBe('place-opt-0');
    await page.keyboard.press('Escape');
    await expect(page.locator('#place-q').getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.locator('#place-q').inputValue()).resolves.toBe('红山');
    await page.keyboard.press('Escape');
    await expect(page.locator('#place-q').inputValue()).resolves.toBe('');
    await typeAndWait(page, '克旗');
    await expect(options(page).first().innerText()).resolves.toContain('克什克腾旗');
  });
});

describe('place search on a phone', () => {
  it('moves the box up for the keyboard; options are finger-sized and a tap chooses', async () => {
    const { page, w } = await open('/', { viewport: PHONE, isMobile: true, hasTouch: true });
    await page.locator('#place-q').tap();
    await page.keyboard.type('乌敦套海');
    await options(page).first().waitFor();
    const box = (await page.locator('#place-q').boundingBox())!;
    expect(box.y).toBeLessThan(PHONE.height / 3);
    const opt = (await options(page).first().boundingBox())!;
    expect(opt.height).toBeGreaterThanOrEqual(44);
    const list = (await page.locator('#place-list').boundingBox())!;
    expect(list.y + list.height).toBeLessThanOrEqual(PHONE.height);
    await options(page).first().tap();
    await page.waitForURL(/[?&]c=150426\b/);
    await expect(page.locator('[data-panel="150426"]').isHidden()).resolves.toBe(false);
    expect(w.errors).toEqual([]);
  });
});

describe('place search on a county page', () => {
  it('opens the county of the place chosen', async () => {
    const { page, w } = await open('/county/150402/');
    await page.waitForLoadState('load');
    expect(await fetched(page, 'places.json')).toBe(0);
    await typeAndWait(page, '经棚镇');
    await expect(options(page).first().innerText()).resolves.toMatch(/经棚镇\s*→ 克什克腾旗/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/county\/150425\/$/);
    await expect(page.locator('h1').innerText()).resolves.toContain('克什克腾旗');
    expect(w.errors).toEqual([]);
  });
});
