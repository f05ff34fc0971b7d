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
