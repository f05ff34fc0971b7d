/** PNG export: a real image of the map at twice the screen resolution, with its legend. Print: A4 without controls. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DESKTOP } from '../helpers/browser';
import { useSiteAndBrowser } from '../helpers/site';
import { waitForMap, hexRgb } from '../helpers/mapProbe';
import type { DictionaryFile } from '../../src/domain/contract';

const dict = JSON.parse(readFileSync('dist/data/dictionary.json', 'utf8')) as DictionaryFile;

const env = useSiteAndBrowser();

describe('PNG export', () => {
  it('downloads a PNG twice the map size holding the map colours and the legend', async () => {
    const ctx = await env.browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block', reducedMotion: 'reduce', acceptDownloads: true });
    try {
      const page = await ctx.newPage();
      await page.goto(env.server.url + '/?i=nonconventional_min');
      await waitForMap(page);
      const mapBox = (await page.locator('#map').boundingBox())!;
      await page.locator('#export-png').scrollIntoViewIfNeeded();
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
      expect(download.suggestedFilename()).toBe('chifeng-water-nonconventional_min.png');
      const bytes = readFileSync((await download.path())!);
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      // decode in a blank page (no CSP there) and count the classes' colours
      const blank = await ctx.newPage();
      const colors = dict.indicators.find((m) => m.id === 'nonconventional_min')!.colors.map(hexRgb);
      const res = await blank.evaluate(
        async ([b64, cols]) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const c = document.createElement('canvas');
          c.width = img.width;
          c.height = img.height;
          const g = c.getContext('2d')!;
          g.drawImage(img, 0, 0);
          const d = g.getImageData(0, 0, c.width, c.height).data;
          const hits = (cols as number[][]).map(() => 0);
          let dark = 0;
          for (let i = 0; i < d.length; i += 16) {
            (cols as number[][]).forEach((col, k) => {
              if (Math.abs(d[i] - col[0]) + Math.abs(d[i + 1] - col[1]) + Math.abs(d[i + 2] - col[2]) < 24) hits[k]++;
            });
            if (d[i] < 60 && d[i + 1] < 60 && d[i + 2] < 60) dark++;
          }
          return { width: img.width, height: img.height, hits, dark };
        },
        [bytes.toString('base64'), colors] as const,
      );
      expect(res.width).toBeGreaterThanOrEqual(Math.round(mapBox.width * 2));
      expect(res.height).toBeGreaterThan(Math.round(mapBox.height * 2));
      for (const h of res.hits) expect(h).toBeGreaterThan(20); // every class colour appears (map and legend)
      expect(res.dark).toBeGreaterThan(500); // title, legend and source text
    } finally {
      await ctx.close();
    }
  });
});

describe('PNG export: what it says (issue 11)', () => {
  it('names the selected county, lists the project lines drawn, prints only the notes that apply and a clean address', async () => {
    const ctx = await env.browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block', reducedMotion: 'reduce', acceptDownloads: true });
    try {
      const page = await ctx.newPage();
      // a pasted link with junk: tracking tags, an unknown parameter, parameters out of order, a hash
      await page.goto(env.server.url + '/?utm_source=wechat&c=150402&i=nonconventional_min&from=x#top');
      await waitForMap(page);
      // the address bar itself is normalised
      expect(new URL(page.url()).search).toBe('?i=nonconventional_min&c=150402');
      await page.locator('#export-png').scrollIntoViewIfNeeded();
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
      expect(download.suggestedFilename()).toBe('chifeng-water-nonconventional_min-150402.png');
      const png = await page.evaluate(() => (window as unknown as { __lastPng: { subtitle: string; notes: string[]; layers: { label: string; dashed: boolean }[]; site: string } }).__lastPng);
      expect(png.subtitle).toBe('已选中：红山区 0.2400亿立方米');
      // no county of this indicator is hatched or "/": neither is explained
      expect(png.notes.join()).not.toContain('保持2020年水平');
      expect(png.notes.join()).not.toContain('不适用');
      expect(png.notes.join()).toContain('边界为示意');
      // the two default project layers are drawn (schematic: dashed), so they and the dash note are in
      expect(png.layers.map((l) => l.label)).toEqual(['供水管网漏损治理（管网改造）', '德润再生水至元宝山电厂供水工程']);
      expect(png.layers.every((l) => l.dashed)).toBe(true);
      expect(png.notes.join()).toContain('示意位置');
      expect(png.site).toBe(`${env.server.url}/?i=nonconventional_min&c=150402`);

      // a map with hatched cells and no project layer: the hatch is explained, the dashes are not
      await page.goto(env.server.url + '/?i=industrial_water_decline&l=');
      await waitForMap(page);
      await page.locator('#export-png').scrollIntoViewIfNeeded();
      await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
      const png2 = await page.evaluate(() => (window as unknown as { __lastPng: { subtitle: string; notes: string[]; layers: unknown[] } }).__lastPng);
      expect(png2.subtitle).toBe('');
      expect(png2.layers).toEqual([]);
      expect(png2.notes.join()).toContain('保持2020年水平');
      expect(png2.notes.join()).not.toContain('示意位置');
    } finally {
      await ctx.close();
    }
  }, 150_000);

  it('copies the normalised link, says so briefly, and the word does not linger into the next dialog', async () => {
    const ctx = await env.browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block', reducedMotion: 'reduce' });
    try {
      await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
      const page = await ctx.newPage();
      await page.goto(env.server.url + '/?fbclid=abc&i=gdp_water_decline&l=reclaimed_water_line,pipe_renewal,groundwater_overextraction');
      // with the map loaded: its start keeps the two cores busy enough to delay timers
      await waitForMap(page);
      await page.click('#share-link');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        `${env.server.url}/?i=gdp_water_decline&l=pipe_renewal,reclaimed_water_line,groundwater_overextraction`,
      );
      expect(await page.locator('#share-status').innerText()).toBe('已复制');
      // opening the embed dialog clears it
      await page.click('#embed-toggle');
      expect(await page.locator('#share-status').innerText()).toBe('');
      await page.click('#share-link');
      // the clipboard answers asynchronously, and the dialog's preview is loading an embed meanwhile
      await page.waitForFunction(() => document.querySelector('#share-status')!.textContent === '已复制', null, { timeout: 5_000 });
      await page.waitForFunction(() => document.querySelector('#share-status')!.textContent === '', null, { timeout: 10_000 });
    } finally {
      await ctx.close();
    }
  });
});

describe('print', () => {
  it('county pages print on A4 without controls, map as an image, sources on the page', async () => {
    const ctx = await env.browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block' });
    try {
      const page = await ctx.newPage();
      await page.goto(env.server.url + '/county/150421/');
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('header.site nav').isVisible()).toBe(false);
      expect(await page.locator('.county-map img').isVisible()).toBe(true);
      expect(await page.locator('footer').innerText()).toContain('赤政发〔2025〕11号');
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    } finally {
      await ctx.close();
    }
  });
});
