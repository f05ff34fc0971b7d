/**
 * Issue #10 on the pages: every quantified commitment, the plan's rules shown as rules, press
 * context with its source and date, and GEM's coal mines (layer, tooltip, credit, county pages,
 * sources, downloads) with the attribution CC BY 4.0 requires.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { launch, watch, DESKTOP, PHONE } from '../helpers/browser';
import { usePages } from '../helpers/site';
import { project, waitForMap } from '../helpers/mapProbe';
import type { BackgroundFact, CoalMinesFile, Target } from '../../src/domain/contract';

const mines = JSON.parse(readFileSync('dist/data/coal-mines.geojson', 'utf8')) as CoalMinesFile;
const targets = JSON.parse(readFileSync('dist/data/targets.json', 'utf8')) as Target[];
const background = JSON.parse(readFileSync('dist/data/background.json', 'utf8')) as BackgroundFact[];
const NEW_TARGETS = ['grain_soybean_area', 'thirsty_crops_cut', 'water_price_review', 'water_price_reform_new', 'groundwater_overdraft_counties'];
const CREDIT = 'Global Energy Monitor, Global Coal Mine Tracker';

const { env, open } = usePages({ viewport: DESKTOP });

describe('every quantified commitment', () => {
  it('the home page lists the five new ones with the others, each with its quote and section', async () => {
    const { page } = await open('/');
    const more = page.locator('details.more-targets');
    await more.locator('summary').click();
    for (const id of NEW_TARGETS) {
      const card = more.locator(`[data-target="${id}"]`);
      const tg = targets.find((x) => x.id === id)!;
      const text = await card.innerText();
      expect(text).toContain(tg.value_text);
      expect(text).toContain(tg.quote);
      expect(text).toContain(tg.section);
    }
    expect(await more.locator('[data-target="thirsty_crops_cut"] .dir').innerText()).toBe('压减');
  });

  it('the presentation shows them where they belong, the 4 divisions read from targets.json, and rules as rules', async () => {
    const { page } = await open('/present/#3');
    const step3 = page.locator('.step[data-step="3"]');
    for (const id of ['grain_soybean_area', 'thirsty_crops_cut', 'water_price_review', 'water_price_reform_new']) {
      expect(await step3.locator(`[data-target="${id}"]`).innerText()).toContain(targets.find((x) => x.id === id)!.value_text);
    }
    const rule = step3.locator('[data-rule="metering_canal_heads"]');
    expect(await rule.innerText()).toContain('规则，不是目标');
    // a rule is never drawn as a target figure
    expect(await step3.locator('.fig [data-rule], .figs-more [data-rule]').count()).toBe(0);
    expect(await page.locator('.step[data-step="4"] [data-rule="metering_non_agri"]').innerText()).toContain('50万立方米');
    const step8 = page.locator('.step[data-step="8"]');
    expect(await step8.locator('[data-target="groundwater_overdraft_counties"] .num').textContent()).toBe('4');
    expect(await step8.locator('.gw-counties').textContent()).toContain('涉及4个旗县区');
  });
});

describe('context from press reports', () => {
  it('the home introduction and step 1 show each figure with its outlet and date, apart from the plan', async () => {
    const { page } = await open('/');
    const box = page.locator('aside.background');
    expect(await box.innerText()).toContain('不是方案原文');
    for (const b of background) {
      const li = box.locator(`[data-background="${b.id}"]`);
      const text = await li.innerText();
      expect(text).toContain(b.outlet_zh);
      expect(text).toContain(b.date);
      expect(await li.locator('a').getAttribute('href')).toBe(b.url);
    }
    expect(await box.innerText()).toContain('925');
    const p = await open('/present/#1');
    const step1 = p.page.locator('.step[data-step="1"] .p-background');
    expect(await step1.innerText()).toContain('媒体报道，不是方案原文');
    expect(await step1.innerText()).toContain('内蒙古日报，2023-12-09');
  });
});

describe('coal mines (GEM, CC BY 4.0)', () => {
  it('a layer toggle in the URL (l=), points on the map, the credit on the map while they are on', async () => {
    const { page, w } = await open('/');
    await waitForMap(page);
    const credit = page.locator('#mines-attribution');
    expect(await credit.isHidden()).toBe(true);
    await page.locator('input[name="layer"][value="coal_mines"]').check();
    expect(page.url()).toContain('l=pipe_renewal,reclaimed_water_line,coal_mines');
    await credit.waitFor({ state: 'visible' });
    expect(await credit.innerText()).toContain(CREDIT);
    expect(await credit.locator('a[rel~="license"]').getAttribute('href')).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(await page.locator('label:has(input[value="coal_mines"])').innerText()).toContain('煤矿（矿井水来源）');
    // the mine-water reuse projects themselves still have no location
    expect(await page.locator('input[name="layer"][value="mine_water"]').isDisabled()).toBe(true);
    expect(w.offOrigin).toEqual([]);
  });

  it('hovering a mine shows its name, status and capacity', async () => {
    const { page } = await open('/?l=coal_mines');
    await waitForMap(page);
    const m = mines.features.find((f) => f.properties.gem_id === 'M0163')!; // 爱民温都, alone in the north-east
    const box = (await page.locator('#map').boundingBox())!;
    const { x, y } = await project(page, m.geometry.coordinates as [number, number]);
    await page.mouse.move(box.x + x, box.y + y);
    await page.waitForSelector('#map-tooltip[data-gem-id]:not([hidden])');
    const gemId = await page.locator('#map-tooltip').getAttribute('data-gem-id');
    const hit = mines.features.find((f) => f.properties.gem_id === gemId)!.properties;
    const text = await page.locator('#map-tooltip').innerText();
    expect(text).toContain(hit.name_zh);
    expect(text).toContain(`产能 ${hit.capacity_mtpa} 百万吨/年`);
    expect(text).toMatch(/在产|封存|搁置|拟建|已关闭/);
    expect(text).toContain('近似位置');
  });

  it('without WebGL, the page says where the mines are instead of drawing them', async () => {
    const noGl = await launch({ webgl: false });
    try {
      const ctx = await noGl.newContext({ viewport: PHONE });
      const page = await ctx.newPage();
      await page.goto(env.server.url + '/?l=coal_mines');
      await page.waitForSelector('#map[data-map-state="static"]');
      const note = page.locator('#mines-static-note');
      await note.waitFor({ state: 'visible' });
      expect(await note.innerText()).toContain('元宝山区7处');
      expect(await note.locator('a').first().getAttribute('href')).toBe('/county/150403/');
    } finally {
      await noGl.close();
    }
  });

  it('the county page lists its mines with status, capacity, GEM id and the credit; a county without mines lists none', async () => {
    const { page } = await open('/county/150403/');
    const here = mines.features.filter((f) => f.properties.adcode === '150403');
    expect(here).toHaveLength(7);
    const items = page.locator('ul.mines > li');
    expect(await items.count()).toBe(7);
    for (const f of here) {
      const text = await page.locator(`[data-gem-id="${f.properties.gem_id}"]`).innerText();
      expect(text).toContain(f.properties.gem_id);
      expect(text).toContain(`${f.properties.capacity_mtpa}`);
      expect(text).toContain('近似位置');
    }
    expect(await page.locator('[data-gem-id="M5592"]').innerText()).toContain('已关闭（2020年）');
    expect(await page.locator('#mines-heading + p + ul + p').innerText()).toContain(CREDIT);
    const other = await open('/county/150402/');
    expect(await other.page.locator('ul.mines').count()).toBe(0);
  });

  it('the sources and downloads pages carry the credit, the licence and the link; the file carries it too', async () => {
    const { page } = await open('/sources/');
    const sec = page.locator('section[aria-labelledby="mines"]');
    expect(await sec.innerText()).toContain(CREDIT);
    expect(await sec.locator('a[rel~="license"]').getAttribute('href')).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(await sec.locator('#mines-table tbody tr').count()).toBe(9);
    const d = await open('/downloads/');
    const li = d.page.locator('#download-coal-mines');
    expect(await li.innerText()).toContain(CREDIT);
    // linked by its content-versioned name (one build's files together), saved under the plain one
    expect(await li.locator('a[download]').getAttribute('href')).toMatch(/^\/data\/coal-mines\.[0-9a-f]{10}\.geojson$/);
    expect(await li.locator('a[download]').getAttribute('download')).toBe('coal-mines.geojson');
    expect(mines.attribution).toContain('CC BY 4.0');
  });

  it('the presentation maps the mines on the mine-water step, with the credit', async () => {
    const { page } = await open('/present/#7');
    const step = page.locator('.step[data-step="7"]');
    expect(await step.locator('.credit').innerText()).toContain(CREDIT);
    expect(await step.innerText()).toContain('位置未公布');
    expect(await step.locator('.mine-dots').innerText()).toContain('9处煤矿');
  });
});
