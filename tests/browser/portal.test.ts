import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { launch, watch, PHONE, DESKTOP } from '../helpers/browser';
import { usePages } from '../helpers/site';
import { dist, hexRgb, pixelAt, project, waitForMap } from '../helpers/mapProbe';
import { countyCell, type CountiesFile, type DictionaryFile } from '../../src/domain/contract';

const counties = (JSON.parse(readFileSync('dist/data/counties.geojson', 'utf8')) as CountiesFile).features.map((f) => f.properties);
const dict = JSON.parse(readFileSync('dist/data/dictionary.json', 'utf8')) as DictionaryFile;
const county = (code: string) => counties.find((c) => c.adcode === code)!;
const metaOf = (id: string) => dict.indicators.find((m) => m.id === id)!;

// the service worker's background precache is tested in offline.test.ts; here it only costs time
const { env, open: openWith, closeAll } = usePages({ viewport: DESKTOP });
const open = (path: string, viewport = DESKTOP, extra: Parameters<typeof openWith>[1] = {}) => openWith(path, { viewport, ...extra });

describe('home page map', () => {
  it('paints each county in its class colour (read from the canvas)', async () => {
    const { page, w } = await open('/');
    await waitForMap(page);
    const m = metaOf('water_use_cap');
    for (const code of ['150426', '150428']) {
      const c = county(code);
      const { x, y } = await project(page, c.label);
      const px = await pixelAt(page, x + 12, y + 12); // beside the label text
      expect(dist(px, hexRgb(m.colors[c.water_use_cap_class!])), `${c.name_zh} ${px}`).toBeLessThan(30);
    }
    expect(w.errors).toEqual([]);
    expect(w.offOrigin).toEqual([]);
  });

  it('switching the indicator changes the colours', async () => {
    const { page } = await open('/');
    await waitForMap(page);
    const c = county('150430'); // 敖汉旗
    const { x, y } = await project(page, c.label);
    const before = await pixelAt(page, x + 12, y + 12);
    await page.selectOption('#indicator-select', 'irrigation_coefficient');
    await page.waitForTimeout(300);
    const after = await pixelAt(page, x + 12, y + 12);
    const m = metaOf('irrigation_coefficient');
    expect(dist(after, hexRgb(m.colors[c.irrigation_coefficient_class!]))).toBeLessThan(30);
    expect(dist(before, after)).toBeGreaterThan(30);
    await expect(page.locator('[data-legend="irrigation_coefficient"]').isVisible()).resolves.toBe(true);
    expect(page.url()).toContain('i=irrigation_coefficient');
    // "download this view" follows the indicator
    expect(await page.getAttribute('#download-view', 'href')).toMatch(/^\/data\/view-irrigation_coefficient\.[0-9a-f]{10}\.csv$/);
    expect(await page.getAttribute('#download-view', 'download')).toBe('view-irrigation_coefficient.csv');
  });

  it('draws "保持2020年水平" apart from every numeric class', async () => {
    const { page } = await open('/?i=industrial_water_decline');
    await waitForMap(page);
    const c = county('150421'); // 阿鲁科尔沁旗: 保持2020年水平
    const { x, y } = await project(page, c.label);
    const px = await pixelAt(page, x + 25, y + 25);
    for (const col of metaOf('industrial_water_decline').colors) expect(dist(px, hexRgb(col))).toBeGreaterThan(25);
    await expect(page.locator('[data-legend="industrial_water_decline"]').innerText()).resolves.toContain('保持2020年水平');
  });

  it('hovering a county shows its value in a tooltip', async () => {
    const { page } = await open('/');
    await waitForMap(page);
    await page.locator('#map').scrollIntoViewIfNeeded();
    const box = (await page.locator('#map').boundingBox())!;
    const { x, y } = await project(page, county('150426').label);
    await page.mouse.move(box.x + x + 10, box.y + y + 10);
    await page.waitForSelector('#map-tooltip:not([hidden])');
    const text = await page.locator('#map-tooltip').innerText();
    expect(text).toContain('翁牛特旗');
    expect(text).toContain('3.0047');
  });

  it('tapping a county on a phone opens its summary over the map and its detail panel with every indicator', async () => {
    const { page, w } = await open('/', PHONE, { isMobile: true, hasTouch: true });
    await waitForMap(page);
    await page.locator('#map').scrollIntoViewIfNeeded();
    const box = (await page.locator('#map').boundingBox())!;
    const { x, y } = await project(page, county('150425').label);
    await page.touchscreen.tap(box.x + x, box.y + y + 15);
    // the sheet over the map, in view: the county, the mapped figure, its place in words without merit
    const sheet = page.locator('#map-sheet');
    await sheet.waitFor({ state: 'visible' });
    const sb = (await sheet.boundingBox())!;
    expect(sb.y).toBeGreaterThanOrEqual(0);
    expect(sb.y + sb.height).toBeLessThanOrEqual(PHONE.height);
    const sheetText = await sheet.innerText();
    expect(sheetText).toContain('克什克腾旗');
    expect(sheetText).toContain('1.9941');
    expect(sheetText).toContain('允许用水量从多到少排第4（共12个）');
    // its button brings the full panel into view
    await page.click('#map-sheet-all');
    const panel = page.locator('[data-panel="150425"]');
    await panel.waitFor({ state: 'visible' });
    await page.waitForFunction(() => {
      const r = document.querySelector('[data-panel="150425"]')!.getBoundingClientRect();
      return r.top >= -1 && r.top < innerHeight / 2;
    });
    const text = await panel.innerText();
    // 克什克腾旗 has a number in every column: each one, as printed
    for (const m of dict.indicators) expect(text).toContain(countyCell(county('150425'), m.id).text);
    expect(text).not.toMatch(/第\d+位/);
    expect(page.url()).toContain('c=150425');
    expect(w.errors).toEqual([]);
  }, 120_000);

  it('on a phone, each indicator name in the panel spans at most two lines, and no unit breaks', async () => {
    const { page } = await open('/?c=150402&i=agri_saving_capacity', PHONE, { isMobile: true, hasTouch: true });
    const lines = await page.$$eval('[data-panel="150402"] .fact dt', (dts) =>
      dts.map((dt) => {
        const lh = parseFloat(getComputedStyle(dt).lineHeight);
        const unit = dt.querySelector('.u')!.getBoundingClientRect();
        return { text: dt.textContent, lines: Math.round(dt.getBoundingClientRect().height / lh), unitLines: Math.round(unit.height / lh) };
      }),
    );
    expect(lines).toHaveLength(dict.indicators.length);
    for (const l of lines) {
      expect(l.lines, l.text!).toBeLessThanOrEqual(2);
      expect(l.unitLines, l.text!).toBe(1);
      // no space before a full-width bracket
      expect(l.text).not.toMatch(/\s（/);
    }
    // the whole panel is no longer a column of one-character lines
    const h = (await page.locator('[data-panel="150402"]').boundingBox())!.height;
    expect(h).toBeLessThan(1400);
  });

  it('a tapped county keeps its class colour: the selection is an outline, not a new fill', async () => {
    const { page } = await open('/', PHONE, { isMobile: true, hasTouch: true });
    await waitForMap(page);
    await page.locator('#map').scrollIntoViewIfNeeded();
    const box = (await page.locator('#map').boundingBox())!;
    const m = metaOf('water_use_cap');
    const c = county('150425'); // 克什克腾旗, the largest: a probe below its name is far from any border
    const { x, y } = await project(page, c.label);
    const want = hexRgb(m.colors[c.water_use_cap_class!]);
    const before = await pixelAt(page, x, y + 20);
    expect(dist(before, want)).toBeLessThan(30);
    await page.touchscreen.tap(box.x + x, box.y + y + 20);
    await page.locator('#map-sheet').waitFor({ state: 'visible' });
    await page.waitForTimeout(300);
    const after = await pixelAt(page, x, y + 20);
    expect(dist(after, want), `${after}`).toBeLessThan(30);
    expect(dist(after, before)).toBeLessThan(8);
  }, 120_000);

  it('names 红山区 at the whole-city zoom, beside 元宝山区, on a phone and a desktop', async () => {
    const hs = county('150402');
    for (const [viewport, extra] of [[PHONE, { isMobile: true, hasTouch: true }], [DESKTOP, {}]] as const) {
      const { page } = await open('/', viewport, extra);
      await waitForMap(page);
      // at its callout: dark glyphs of the name on the callout's white box
      const { x, y } = await project(page, hs.callout!.text);
      const counts = await page.evaluate(
        async ([px, py]) => {
          const c = await (window as unknown as { __atlasMap: { toCanvas: (s: number) => Promise<HTMLCanvasElement> } }).__atlasMap.toCanvas(1);
          const d = c.getContext('2d')!.getImageData(Math.round(px) - 22, Math.round(py) - 8, 44, 16).data;
          let dark = 0;
          let white = 0;
          for (let i = 0; i < d.length; i += 4) {
            if (d[i] < 90 && d[i + 1] < 90 && d[i + 2] < 90) dark++;
            if (d[i] > 240 && d[i + 1] > 240 && d[i + 2] > 240) white++;
          }
          return { dark, white };
        },
        [x, y],
      );
      expect(counts.dark, `${viewport.width}px`).toBeGreaterThan(25);
      expect(counts.white, `${viewport.width}px`).toBeGreaterThan(60);
      await closeAll();
    }
  }, 150_000);

  it('the map and the table select together', async () => {
    const { page } = await open('/');
    await waitForMap(page);
    // map -> table
    const box = (await page.locator('#map').boundingBox())!;
    const { x, y } = await project(page, county('150430').label);
    await page.mouse.click(box.x + x + 10, box.y + y + 10);
    await page.waitForFunction(() => document.querySelector('#annex-table tr[data-adcode="150430"]')?.getAttribute('aria-selected') === 'true');
    await expect(page.locator('[data-panel="150430"]').isVisible()).resolves.toBe(true);
    // table -> map: the row selects the county, the panel follows, the map outlines it
    await page.locator('#annex-table tr[data-adcode="150429"] td').first().click();
    await expect(page.locator('[data-panel="150429"]').isVisible()).resolves.toBe(true);
    expect(await page.getAttribute('#annex-table tr[data-adcode="150429"]', 'aria-selected')).toBe('true');
    expect(await page.getAttribute('#annex-table tr[data-adcode="150430"]', 'aria-selected')).toBe('false');
    expect(page.url()).toContain('c=150429');
    // the camera moved to 宁城县: its label is now near the middle of the map
    await page.waitForTimeout(300);
    const p = await project(page, county('150429').label);
    expect(Math.abs(p.x - box.width / 2)).toBeLessThan(box.width / 3);
    expect(Math.abs(p.y - box.height / 2)).toBeLessThan(box.height / 3);
  });

  it('the table is sortable by keyboard and keeps non-numbers last', async () => {
    const { page } = await open('/');
    const btn = page.locator('th[data-col="agri_saving_capacity"] button');
    await btn.focus();
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('th[data-col="agri_saving_capacity"]', 'aria-sort')).toBe('descending');
    const order = await page.$$eval('#annex-table tbody tr:not(.city)', (rows) => rows.map((r) => (r as HTMLElement).dataset.adcode));
    expect(order[0]).toBe('150421'); // 1130
    expect(order.slice(-2).sort()).toEqual(['150402', '150403']); // "/"
  });
});

describe('links reopen the view', () => {
  it('restores indicator and county from the URL, and back/forward move through selections', async () => {
    const { page } = await open('/?i=gdp_water_decline&c=150402');
    expect(await page.inputValue('#indicator-select')).toBe('gdp_water_decline');
    await expect(page.locator('[data-panel="150402"]').isVisible()).resolves.toBe(true);
    await page.locator('#annex-table tr[data-adcode="150403"] td').first().click();
    expect(page.url()).toContain('c=150403');
    await page.goBack();
    await page.waitForFunction(() => location.search.includes('c=150402'));
    await expect(page.locator('[data-panel="150402"]').isVisible()).resolves.toBe(true);
  });

  it('falls back to the default view on malformed parameters', async () => {
    const { page, w } = await open('/?i=<script>&c=999999&l=nope&v=abc');
    expect(await page.inputValue('#indicator-select')).toBe('water_use_cap');
    expect(await page.locator('[data-panel]:not([hidden])').count()).toBe(0);
    await waitForMap(page);
    expect(w.errors).toEqual([]);
  });
});

describe('county pages', () => {
  it('shows the county values, its ranks and its map', async () => {
    const { page, w } = await open('/county/150426/');
    const text = await page.locator('main').innerText();
    expect(text).toContain('翁牛特旗');
    for (const m of dict.indicators) expect(text).toContain(countyCell(county('150426'), m.id).text);
    // 翁牛特旗 has the largest cap: said as an amount, not as first place
    expect(text).toContain('允许用水量从多到少排第1（共12个）');
    expect(text).not.toMatch(/第\d+位/);
    expect(text).not.toContain('无量纲');
    // every indicator says in one plain sentence what it means and which way is good
    for (const m of dict.indicators) expect(text).toContain(m.plain_zh);
    // the missing progress says what is missing and where figures will come from
    expect(text).toContain('尚无实际完成值');
    expect(text).toContain('《赤峰市水资源公报》');
    // each indicator's 12 divisions ranked, names and figures as text at a readable size (not a scaled drawing)
    expect(await page.locator('.rankbars').count()).toBe(dict.indicators.length);
    const row = page.locator('.rankbars .rb-row.me').first();
    expect(await row.locator('.rb-name').innerText()).toBe('翁牛特旗');
    expect(await row.locator('.rb-name').evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(12);
    expect(await page.locator('img[src^="/data/county-150426."][src$=".svg"]').evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
    expect(w.errors).toEqual([]);
    expect(w.offOrigin).toEqual([]);
  });

  it('explains "/" where it appears', async () => {
    const { page } = await open('/county/150402/');
    const fact = await page.locator('[data-fact="agri_saving_capacity"]').innerText();
    expect(fact).toContain('不适用（/）');
    expect(fact).toContain('“不适用（/）”：方案附件在这一格写的是“/”');
  });

  it('lists exactly the projects located in or named for the county', async () => {
    const ids = async (code: string) => {
      const { page } = await open(`/county/${code}/`);
      const got = await page.$$eval('.projects [data-project]', (els) => els.map((e) => (e as HTMLElement).dataset.project).sort());
      await closeAll();
      return got;
    };
    // the power plant has a published position in 元宝山区; the over-extraction zone names 元宝山区 and 松山区
    expect(await ids('150403')).toEqual(['groundwater-yuanbaoshan', 'yuanbaoshan-power-plant']);
    expect(await ids('150404')).toEqual(['groundwater-yuanbaoshan']);
    // schematic lines drawn in the central city say nothing about where a project is
    expect(await ids('150402')).toEqual([]);
  });
});

describe('without WebGL', () => {
  it('shows the static SVG map, the legend, the table and a one-line explanation', async () => {
    const noGl = await launch({ webgl: false });
    try {
      const ctx = await noGl.newContext({ viewport: DESKTOP });
      const page = await ctx.newPage();
      const w = watch(page, env.server.url);
      await page.goto(env.server.url + '/?i=agri_saving_capacity');
      await page.waitForSelector('#map[data-map-state="static"] img.fallback');
      const img = page.locator('#map img.fallback');
      // data files by content-versioned name (src/lib/dataFiles.ts)
      expect(await img.getAttribute('src')).toMatch(/^\/data\/choropleth-agri_saving_capacity\.[0-9a-f]{10}\.svg$/);
      await page.waitForFunction(() => (document.querySelector('#map img.fallback') as HTMLImageElement).naturalWidth > 0);
      // why, in plain words, above the static map: never over its title
      const note = page.locator('#map-static-note');
      expect(await note.innerText()).toMatch(/静态地图.*WebGL/);
      const nb = (await note.boundingBox())!;
      const mb = (await page.locator('#map').boundingBox())!;
      expect(nb.y + nb.height).toBeLessThanOrEqual(mb.y + 1);
      expect(await page.locator('#map-status').isVisible()).toBe(false);
      // the PNG button says why it cannot work here
      expect(await page.locator('#export-png').isDisabled()).toBe(true);
      const why = await page.getAttribute('#export-png', 'aria-describedby');
      expect(await page.locator(`#${why}`).innerText()).toContain('SVG');
      expect(await page.locator('#annex-table tbody tr').count()).toBe(13);
      await expect(page.locator('[data-legend="agri_saving_capacity"]').isVisible()).resolves.toBe(true);
      expect(w.errors).toEqual([]);
    } finally {
      await noGl.close();
    }
  });
});

describe('every page', () => {
  const pages = ['/', '/en/', '/sources/', '/en/sources/', '/downloads/', '/en/downloads/', '/county/150421/', '/en/county/150421/', '/embed/'];
  it('loads with no console error and no request off the origin', async () => {
    for (const p of pages) {
      const { page, w } = await open(p);
      await page.waitForLoadState('load');
      if (await page.locator('#map').count()) await waitForMap(page);
      expect(w.errors, p).toEqual([]);
      expect(w.offOrigin, p).toEqual([]);
      await closeAll();
    }
  }, 240_000);
});

describe('embed', () => {
  it('renders in a 300 px iframe with legend, source and link back', async () => {
    const { page } = await open('/');
    await page.setContent(`<iframe id="f" src="${env.server.url}/embed/?i=nonconventional_min" width="300" height="480"></iframe>`);
    const frame = page.frameLocator('#f');
    await frame.locator('#map[data-map-state="ready"]').waitFor({ timeout: 45_000 });
    await expect(frame.locator('[data-legend="nonconventional_min"]').isVisible()).resolves.toBe(true);
    expect(await frame.locator('[data-legend="nonconventional_min"] .src').innerText()).toContain('赤政发〔2025〕11号');
    expect(await frame.locator('#embed-full').getAttribute('href')).toBe('/?i=nonconventional_min');
    const width = await frame.locator('body').evaluate((b) => b.scrollWidth);
    expect(width).toBeLessThanOrEqual(300);
  });
});
