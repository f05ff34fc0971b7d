/**
 * What the public sees of progress, in real Chromium: with the invented demonstration figures
 * (the shared demonstration build, from `--example-progress`, published in a sub-folder:
 * tests/helpers/demoSite.ts), and with none (dist/, the real build).
 * County pages show each figure and its status side by side, with year, source and a chart;
 * cards show the newest city-wide figure with its status; everything built from the example is
 * marked 示例数据; without figures every view says so and where figures will come from.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, watch, PHONE, DESKTOP, type Watched } from '../helpers/browser';
import { dist, hexRgb, pixelAt, project, waitForMap } from '../helpers/mapProbe';
import { serveDist } from '../helpers/site';
import { BASE, demoSite } from '../helpers/demoSite';
import { serveStatic, type StaticServer } from '../../scripts/serveStatic';
import { PROGRESS_COLORS } from '../../src/domain/cellLook';
import { PROGRESS_WORDS } from '../../src/domain/vocabulary';
import { t } from '../../src/i18n';
import type { CountiesFile, ProgressFile } from '../../src/domain/contract';

const SLOW = 180_000;
let browser: Browser;
let example: StaticServer;
let real: StaticServer;
let progress: ProgressFile;
let counties: CountiesFile['features'][number]['properties'][];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // the shared demonstration build: the invented figures, published in a sub-folder
  const built = await demoSite();
  progress = JSON.parse(readFileSync(path.join(built.data, 'progress.json'), 'utf8'));
  counties = (JSON.parse(readFileSync(path.join(built.data, 'counties.geojson'), 'utf8')) as CountiesFile).features.map((f) => f.properties);
  example = await serveStatic(built.out, { base: BASE });
  real = await serveDist();
  browser = await launch();
}, 600_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await example?.close();
  await real?.close();
});

async function open(server: StaticServer, p: string, viewport = PHONE, b = browser): Promise<{ page: Page; w: Watched }> {
  const ctx = await b.newContext({ viewport, reducedMotion: 'reduce', serviceWorkers: 'block', acceptDownloads: true });
  contexts.push(ctx);
  const page = await ctx.newPage();
  const w = watch(page, server.url);
  // p is the page's path under the site's folder ("/" or "/county/150402/"), wherever it is published
  await page.goto(server.site + p.replace(/^\//, ''));
  return { page, w };
}

describe('with the demonstration figures', () => {
  it('the county page shows each newest figure and its status side by side, with year, source, 示例数据 and a chart', async () => {
    const { page, w } = await open(example, '/county/150402/');
    expect(progress.example).toBe(true);
    const division = progress.divisions.find((d) => d.adcode === '150402')!;
    const withFigures = division.indicators.filter((s) => s.latest);
    expect(withFigures.length).toBeGreaterThan(3);
    for (const s of withFigures) {
      const item = page.locator(`.progress-item[data-indicator="${s.indicator}"]`);
      const fig = item.locator('[data-role="figure"]');
      const status = item.locator('[data-role="status"]');
      expect(await fig.innerText()).toContain(s.latest!.value_text);
      expect(await status.innerText()).toBe(PROGRESS_WORDS.zh.label[s.latest!.status]);
      // side by side: on one line, the status right after the figure (a 390 px phone)
      const [a, b] = [await fig.boundingBox(), await status.boundingBox()];
      expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
      expect(Math.abs(b!.y + b!.height / 2 - (a!.y + a!.height / 2))).toBeLessThan(a!.height / 2);
      expect(await item.locator('.latest .yr').innerText()).toBe(`${s.latest!.year}年`);
      expect(await item.locator('.src').innerText()).toContain(s.latest!.source);
      // the date of the last update the file gives, written as a reader writes it
      expect(s.latest!.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const [yy, mm, dd] = s.latest!.updated!.split('-').map(Number);
      expect(await item.locator('[data-role="updated"]').innerText()).toBe(`更新日期：${yy}年${mm}月${dd}日`);
      expect(await item.locator('.latest .badge.example').innerText()).toBe('示例数据');
      // the chart: one point per figure, in its status colour; a target line unless the annex says "/"
      const pts = await item.locator('svg.chart circle.pt').evaluateAll((cs) => cs.map((c) => [c.getAttribute('data-year'), c.getAttribute('fill')]));
      expect(pts).toEqual(s.series.map((p) => [String(p.year), PROGRESS_COLORS[p.status]]));
      expect(await item.locator('svg.chart line.target').count()).toBe(s.target.status === 'not_applicable' ? 0 : 1);
    }
    // an indicator without a figure says 暂无数据, not a zero
    const none = division.indicators.find((s) => !s.latest);
    if (none) expect(await page.locator(`.progress-item[data-indicator="${none.indicator}"] [data-role="status"]`).innerText()).toBe('暂无数据');
    expect(await page.locator('.county-progress').innerText()).toContain('示例数据，仅用于演示');
    // the page's last update: the newest date among the county's figures
    const newest = division.indicators.flatMap((x) => x.series.map((p) => p.updated!)).sort().at(-1)!;
    expect(await page.locator('[data-role="last-update"]').getAttribute('data-date')).toBe(newest);
    expect(await page.locator('[data-role="last-update"]').innerText()).toMatch(/^最近更新：\d{4}年\d{1,2}月\d{1,2}日。$/);
    expect(w.errors).toEqual([]);
    expect(w.offOrigin).toEqual([]);
  }, SLOW);

  it('"/" is a status of its own, and "保持2020年水平" draws its line at a decline of 0', async () => {
    // 红山区 has "/" for new farm water saving; 阿鲁科尔沁旗 holds industry at the 2020 level
    const { page } = await open(example, '/county/150421/');
    const s = progress.divisions.find((d) => d.adcode === '150421')!.indicators.find((x) => x.indicator === 'industrial_water_decline')!;
    expect(s.target.status).toBe('maintain_2020');
    const item = page.locator('.progress-item[data-indicator="industrial_water_decline"]');
    expect(await item.locator('p.target').innerText()).toContain('保持2020年水平');
    expect(await item.locator('svg.chart').getAttribute('aria-label')).toContain('保持2020年水平');
    // the line sits on the axis' 0 (the tick's text is drawn 4 px below the value's height)
    const lineY = Number(await item.locator('svg.chart line.target').getAttribute('y1'));
    const zeroY = await item.locator('svg.chart text').evaluateAll((ts) => ts.filter((t) => /^-?0(\.0+)?$/.test(t.textContent ?? '')).map((t) => Number(t.getAttribute('y'))));
    expect(zeroY.some((y) => Math.abs(y - 4 - lineY) < 0.11), `${zeroY} vs ${lineY}`).toBe(true);
    const { page: p2 } = await open(example, '/county/150402/');
    const agri = p2.locator('.progress-item[data-indicator="agri_saving_capacity"]');
    expect(await agri.locator('[data-role="status"]').innerText()).toBe('无此项目标');
  }, SLOW);

  it('the headline card shows the newest city-wide figure beside the target, with year, source and status', async () => {
    const { page, w } = await open(example, '/');
    const h = progress.headlines.find((x) => x.target === 'total_water_use')!.latest!;
    const card = page.locator('.card[data-target="total_water_use"] .progress');
    const text = await card.innerText();
    for (const part of [`${h.value_text}亿立方米`, `${h.year}年`, PROGRESS_WORDS.zh.label[h.status], h.source, '示例数据']) expect(text).toContain(part);
    expect(await card.getAttribute('data-status')).toBe(h.status);
    // a target with no column in the template says so, and has no figure
    expect(await page.locator('.card[data-target="pipe_leakage_rate"] .progress').innerText()).toContain(t('zh').noData);
    expect(w.errors).toEqual([]);
  }, SLOW);
});

describe('with no figures (the real build)', () => {
  it('the county page says plainly that there are none, and where they will come from', async () => {
    const { page } = await open(real, '/county/150402/');
    const section = page.locator('.county-progress');
    expect(await section.getAttribute('data-has-figures')).toBe('false');
    const text = await section.innerText();
    expect(text).toContain('还没有官方公布的实际完成值');
    expect(text).toContain('《赤峰市水资源公报》');
    expect(text).toContain('最严格水资源管理制度考核');
    expect(await page.locator('.county-progress svg.chart').count()).toBe(0);
    expect(text).not.toContain('示例数据');
  }, SLOW);

  it('every card says 暂无数据, and the page says once where figures will come from', async () => {
    const { page } = await open(real, '/');
    const states = await page.locator('.card .progress').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-status')));
    expect(new Set(states)).toEqual(new Set(['no_data']));
    // once on view (the map's progress view, hidden until chosen, says it again in its own place)
    expect(await page.locator('.progress-where:visible').count()).toBe(1);
    expect(await page.locator('body').innerText()).not.toContain('示例数据');
  }, SLOW);
});

/** The map's progress view on the home page: switch, year, colours, words, share URL, fallback, PNG. */
describe('the map in progress view (demonstration figures)', () => {
  const mapOf = (indicator: string, year: number) => progress.maps.find((m) => m.indicator === indicator && m.year === year)!;
  const rowOf = (indicator: string, year: number, adcode: string) => progress.rows.find((r) => r.indicator === indicator && r.year === year && r.adcode === adcode)!;
  const county = (code: string) => counties.find((c) => c.adcode === code)!;
  /** the composited map's colour inside a county: the closest of a few points beside its two-line label, and that point */
  async function colourAt(page: Page, code: string, want: string): Promise<{ d: number; x: number; y: number }> {
    const { x, y } = await project(page, county(code).label);
    let best = { d: Infinity, x, y };
    for (const [dx, dy] of [[25, -25], [-25, -25], [0, -30], [25, 30]]) {
      const d = dist(await pixelAt(page, x + dx, y + dy), hexRgb(want));
      if (d < best.d) best = { d, x: x + dx, y: y + dy };
    }
    return best;
  }
  const colourNear = async (page: Page, code: string, want: string) => (await colourAt(page, code, want)).d;

  it('switch to progress, pick a year: the colours, legend, tooltip, panel and table follow; the share URL reopens it', async () => {
    const { page, w } = await open(example, '/', DESKTOP);
    await waitForMap(page);
    const years = progress.indicators.find((x) => x.id === 'water_use_cap')!.years;
    expect(years.length).toBeGreaterThan(1);
    // the year selector is hidden in the target view
    expect(await page.locator('#year-pick').isVisible()).toBe(false);
    await page.locator('input[name="view"][value="progress"]').check();
    expect(await page.locator('#year-pick').isVisible()).toBe(true);
    // only the years with figures, newest chosen
    expect(await page.locator('#year-select option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(years.map(String));
    expect(await page.locator('#year-select').inputValue()).toBe(String(years.at(-1)));
    const year = years[0];
    await page.selectOption('#year-select', String(year));
    expect(page.url()).toContain(`m=progress&y=${year}`);
    const m = mapOf('water_use_cap', year);
    // a county whose status differs from the newest year's, so the year really changed the map
    const code = Object.keys(m.statuses).find((c) => m.statuses[c] !== mapOf('water_use_cap', years.at(-1)!).statuses[c]) ?? '150421';
    const status = m.statuses[code];
    await page.waitForTimeout(300);
    const at = await colourAt(page, code, PROGRESS_COLORS[status]);
    expect(at.d, `${code} ${status}`).toBeLessThan(30);
    // no target-palette colour is left on that county
    expect(await colourNear(page, code, PROGRESS_COLORS[status === 'met' ? 'not_met' : 'met'])).toBeGreaterThan(60);
    // the legend: the status scheme with counts, the year, 示例数据
    const legend = page.locator(`[data-progress-legend="water_use_cap|${year}"]`);
    expect(await legend.isVisible()).toBe(true);
    expect(await page.locator('[data-legend="water_use_cap"]').isVisible()).toBe(false);
    const legendText = await legend.innerText();
    expect(legendText).toContain(`${year}年实际完成情况`);
    expect(legendText).toContain(`${PROGRESS_WORDS.zh.label.met}（${m.counts.met}个）`);
    expect(legendText).toContain('示例数据');
    expect(await page.locator('#progress-example-badge').isVisible()).toBe(true);
    // the tooltip: figure, year, status in words
    // at the point whose colour was read: inside the county
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.move(box.x + at.x, box.y + at.y);
    const tip = page.locator('#map-tooltip');
    await tip.waitFor({ state: 'visible' });
    expect(await tip.getAttribute('data-status')).toBe(status);
    const tipText = await tip.innerText();
    const row = rowOf('water_use_cap', year, code);
    for (const part of [`${row.value_text}亿立方米`, `${year}年`, PROGRESS_WORDS.zh.label[status]]) expect(tipText).toContain(part);
    // the panel: figure, year, status, source
    await page.mouse.click(box.x + at.x, box.y + at.y);
    const panel = page.locator(`[data-panel="${code}"] [data-panel-progress]`);
    await panel.waitFor({ state: 'visible' });
    const panelText = await panel.innerText();
    for (const part of [`${year}年实际完成值`, `${row.value_text}亿立方米`, PROGRESS_WORDS.zh.label[status], row.source, '示例数据']) expect(panelText).toContain(part);
    // with the county chosen (its sheet open on the map), the map still says 示例数据, clear of the sheet
    const badge = page.locator('#progress-example-badge');
    expect(await badge.isVisible()).toBe(true);
    const sheet = page.locator('#map-sheet');
    if (await sheet.isVisible()) {
      const [b, sh] = [(await badge.boundingBox())!, (await sheet.boundingBox())!];
      const apart = b.x >= sh.x + sh.width || b.x + b.width <= sh.x || b.y >= sh.y + sh.height || b.y + b.height <= sh.y;
      expect(apart, `badge ${JSON.stringify(b)} under the sheet ${JSON.stringify(sh)}`).toBe(true);
    }
    // the table: the mapped column's second line
    const cell = page.locator(`#annex-table tr[data-adcode="${code}"] td[data-col="water_use_cap"] .prog`);
    expect(await cell.innerText()).toContain(row.value_text);
    expect(await cell.locator('[data-status]').getAttribute('data-status')).toBe(status);
    expect(await page.locator('#table-progress-note').innerText()).toContain(row.source);
    expect(w.errors.filter((e) => !e.includes('404'))).toEqual([]);
    expect(w.offOrigin).toEqual([]);

    // reload through the share URL: the same view, year and colours
    const shared = page.url();
    expect(shared).toContain(`c=${code}`);
    const { page: again } = await open(example, shared.replace(example.site, '/'), DESKTOP);
    await waitForMap(again);
    expect(await again.locator('input[name="view"][value="progress"]').isChecked()).toBe(true);
    expect(await again.locator('#year-select').inputValue()).toBe(String(year));
    expect(await again.locator(`[data-progress-legend="water_use_cap|${year}"]`).isVisible()).toBe(true);
    await again.waitForTimeout(300);
    expect(await colourNear(again, code, PROGRESS_COLORS[status])).toBeLessThan(30);
    // back to the targets: the target legend and no year in the URL
    await again.locator('input[name="view"][value="targets"]').check();
    expect(again.url()).not.toContain('m=progress');
    expect(again.url()).not.toContain('y=');
    expect(await again.locator('[data-legend="water_use_cap"]').isVisible()).toBe(true);
    expect(await again.locator('#annex-table .prog').count()).toBe(0);
  }, SLOW);

  it("on a phone, a chosen county's sheet never hides the 示例数据 badge, wherever the sheet sits", async () => {
    // 阿鲁科尔沁旗 in the north (its sheet at the bottom), 宁城县 in the south (its sheet at the top)
    for (const code of ['150421', '150429']) {
      const { page } = await open(example, `/?m=progress&y=2024&c=${code}`, PHONE);
      await waitForMap(page);
      const sheet = page.locator('#map-sheet');
      await sheet.waitFor({ state: 'visible' });
      expect(await sheet.evaluate((el) => el.classList.contains('sheet-top')), code).toBe(code === '150429');
      const badge = page.locator('#progress-example-badge');
      expect(await badge.isVisible(), code).toBe(true);
      const [b, sh] = [(await badge.boundingBox())!, (await sheet.boundingBox())!];
      const apart = b.x >= sh.x + sh.width || b.x + b.width <= sh.x || b.y >= sh.y + sh.height || b.y + b.height <= sh.y;
      expect(apart, `${code}: badge ${JSON.stringify(b)} under the sheet ${JSON.stringify(sh)}`).toBe(true);
    }
  }, SLOW);

  it('a link without a year shows the newest and names it; the PNG says progress, the year, the sources and 示例数据', async () => {
    const { page } = await open(example, '/?m=progress&i=irrigation_coefficient', DESKTOP);
    const year = progress.indicators.find((x) => x.id === 'irrigation_coefficient')!.years.at(-1)!;
    expect(page.url()).toContain(`y=${year}`);
    // every text the PNG draws, read from the canvas calls
    await page.evaluate(() => {
      const texts: string[] = ((window as unknown as { __pngTexts: string[] }).__pngTexts = []);
      const orig = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (t: string, x: number, y: number) {
        texts.push(t);
        return orig.call(this, t, x, y);
      };
    });
    await waitForMap(page);
    await page.locator('#export-png').scrollIntoViewIfNeeded();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    expect(download.suggestedFilename()).toBe(`chifeng-water-irrigation_coefficient-${year}-progress.png`);
    const texts = (await page.evaluate(() => (window as unknown as { __pngTexts: string[] }).__pngTexts)).join('\n');
    const m = mapOf('irrigation_coefficient', year);
    expect(texts).toContain(`${year}年实际完成情况`);
    expect(texts).toContain(`${PROGRESS_WORDS.zh.label.not_met}（${m.counts.not_met}个）`);
    expect(texts).toContain(`实际完成值来源：${progress.rows.find((r) => r.year === year)!.source}`);
    expect(texts).toContain('示例数据');
    // not the target map's hatching note
    expect(texts).not.toContain('斜线');
  }, SLOW);

  it('without WebGL the progress view is a static map of the statuses, with its words', async () => {
    const noGl = await launch({ webgl: false });
    try {
      const year = 2023;
      const { page, w } = await open(example, `/?m=progress&i=irrigation_coefficient&y=${year}`, DESKTOP, noGl);
      await page.locator('#map').scrollIntoViewIfNeeded();
      await page.waitForSelector('#map[data-map-state="static"]');
      const img = page.locator('#map img.fallback');
      await expect.poll(() => img.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
      const m = mapOf('irrigation_coefficient', year);
      expect(await img.getAttribute('alt')).toContain(`${year}年`);
      // the image's own SVG: one path per county in its status colour
      const src = (await img.getAttribute('src'))!;
      const svg = decodeURIComponent(src.slice(src.indexOf(',') + 1));
      for (const [code, st] of Object.entries(m.statuses)) expect(svg, code).toContain(`data-adcode="${code}" data-status="${st}" fill="${PROGRESS_COLORS[st]}"`);
      expect(svg).toContain('示例数据');
      expect(await page.locator(`[data-progress-legend="irrigation_coefficient|${year}"]`).isVisible()).toBe(true);
      // the target view brings back the pipeline's choropleth
      await page.locator('input[name="view"][value="targets"]').check();
      await expect.poll(() => img.getAttribute('src')).toMatch(/choropleth-irrigation_coefficient(\.[0-9a-f]{10})?\.svg$/);
      expect(w.errors.filter((e) => !e.includes('404'))).toEqual([]);
    } finally {
      await noGl.close();
    }
  }, SLOW);

  it('an embed of the progress view draws the statuses of its year before anyone touches it, titled with the indicator and year', async () => {
    const year = 2023;
    const m = mapOf('irrigation_coefficient', year);
    const { page, w } = await open(example, '/', DESKTOP);
    // controls=0: no indicator choice in the frame, a title line instead
    await page.setContent(`<iframe id="f" src="${example.site}embed/?m=progress&i=irrigation_coefficient&y=${year}&c=150421&controls=0" width="360" height="520"></iframe>`);
    const frame = page.frameLocator('#f');
    // the static first view (no WebGL context yet): one path per county in its status colour
    await frame.locator('#static-map svg path[data-status]').first().waitFor({ timeout: 30_000 });
    const painted = await frame.locator('#static-map svg path[data-adcode]').evaluateAll((ps) => ps.map((p) => [p.getAttribute('data-adcode'), p.getAttribute('fill')]));
    expect(painted.length).toBe(12);
    for (const [code, fill] of painted) expect(fill, code!).toBe(PROGRESS_COLORS[m.statuses[code!]]);
    // the county of the address is outlined; the title line names indicator and year, the legend the statuses
    expect(await frame.locator('#static-map [data-selected="150421"]').count()).toBe(1);
    // the chosen county's line: its figure that year and its status, not its 2025 target
    const row = rowOf('irrigation_coefficient', year, '150421');
    const target = progress.divisions.find((d) => d.adcode === '150421')!.indicators.find((x) => x.indicator === 'irrigation_coefficient')!.target.text;
    expect(await frame.locator('#embed-county').innerText()).toBe(`阿鲁科尔沁旗：${year}年 ${row.value_text}（${PROGRESS_WORDS.zh.label[m.statuses['150421']]}）；2025年目标：${target}`);
    const titles = await frame.locator('.embed-title:visible').allInnerTexts();
    expect(titles).toHaveLength(1);
    expect(titles[0]).toContain(`${year}年实际完成情况`);
    const legend = frame.locator(`[data-progress-legend="irrigation_coefficient|${year}"]`);
    expect(await legend.isVisible()).toBe(true);
    expect(await legend.innerText()).toContain(PROGRESS_WORDS.zh.label.met);
    expect(await legend.locator('.badge.example').isVisible()).toBe(true);
    expect(w.errors).toEqual([]);
    expect(w.offOrigin).toEqual([]);
  }, SLOW);

  it("a county page's summary gives the newest figure in the unit its heading states, with its status (English: million m³, converted exactly)", async () => {
    const latest = progress.divisions.find((d) => d.adcode === '150421')!.indicators.find((x) => x.indicator === 'water_use_cap')!.latest!;
    for (const [path, unit, words] of [['/county/150421/', '亿立方米', PROGRESS_WORDS.zh], ['/en/county/150421/', 'million m³', PROGRESS_WORDS.en]] as const) {
      const { page } = await open(example, path);
      const line = page.locator('[data-fact="water_use_cap"] .progress');
      const figure = await line.locator('[data-role="figure"]').innerText();
      expect(figure, path).toContain(unit);
      expect(await line.locator('[data-role="status"]').innerText(), path).toBe(words.label[latest.status]);
      // 2.01 亿 m³ reads 201 million m³ in English, never "2.01" beside a million-m³ heading
      const shown = Number(/([\d.,]+)/.exec(figure)![1].replace(/,/g, ''));
      expect(shown, path).toBeCloseTo(unit === '亿立方米' ? latest.value : latest.value * 100, 6);
    }
  }, SLOW);

  it('the English edition says the same in English', async () => {
    const year = 2024;
    const { page } = await open(example, `/en/?m=progress&y=${year}`, DESKTOP);
    const legend = await page.locator(`[data-progress-legend="water_use_cap|${year}"]`).innerText();
    expect(legend).toContain(`actual figures ${year}`);
    expect(legend).toContain(PROGRESS_WORDS.en.label.met);
    expect(legend).toContain('Example data');
    expect(legend).not.toMatch(/[\u4e00-\u9fff]{2}/);
    expect(await page.locator('#year-select option').first().innerText()).toMatch(/^\d{4}$/);
  }, SLOW);

  it('the presentation has a progress step drawn from the same data', async () => {
    const { page } = await open(example, '/present/', DESKTOP);
    const pm = progress.maps.filter((m) => m.indicator === 'water_use_cap').reduce((a, b) => (b.year > a.year ? b : a));
    const step = page.locator('.progress-facts');
    expect(await step.count()).toBe(1);
    const text = await step.innerText();
    expect(text).toContain(`${PROGRESS_WORDS.zh.label.met}：${pm.counts.met}个`);
    expect(text).toContain('示例数据');
    // the shared map paints that step in the progress view of that year (the QR code, when the build
    // has a SITE_URL, opens the same state on the home page)
    const cfg = JSON.parse((await page.locator('#present-config').textContent())!) as { steps: { state: { mode: string; year: number | null; indicator: string } }[] };
    expect(cfg.steps.filter((x) => x.state.mode === 'progress').map((x) => [x.state.indicator, x.state.year])).toEqual([['water_use_cap', pm.year]]);
    expect(await page.locator('.step', { has: step }).locator('.legend-title').innerText()).toContain(`${pm.year}年实际完成情况`);
  }, SLOW);
});

describe('the map in progress view with no figures (the real build)', () => {
  it('says plainly that there are none and where they will come from, instead of an empty control', async () => {
    const { page, w } = await open(real, '/?m=progress', DESKTOP);
    await page.locator('#map').scrollIntoViewIfNeeded();
    expect(await page.locator('input[name="view"][value="progress"]').isChecked()).toBe(true);
    // no year to choose
    expect(await page.locator('#year-pick').isVisible()).toBe(false);
    const none = page.locator('#progress-none');
    expect(await none.isVisible()).toBe(true);
    const text = await none.innerText();
    expect(text).toContain('尚无实际完成值');
    expect(text).toContain('《赤峰市水资源公报》');
    expect(await page.locator('[data-progress-legend="none"]').innerText()).toContain('暂无数据');
    expect(await page.locator('#export-png').isDisabled()).toBe(true);
    // the way back to the map that has figures
    await none.locator('button[data-view="targets"]').click();
    expect(await none.isVisible()).toBe(false);
    expect(page.url()).not.toContain('m=progress');
    expect(w.errors).toEqual([]);
  }, SLOW);
});
