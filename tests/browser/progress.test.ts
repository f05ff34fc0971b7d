/**
 * What the public sees of progress, in real Chromium: with the invented demonstration figures
 * (a build of its own, from `--example-progress`), and with none (dist/, the real build).
 * County pages show each figure and its status side by side, with year, source and a chart;
 * cards show the newest city-wide figure with its status; everything built from the example is
 * marked 示例数据; without figures every view says so and where figures will come from.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, watch, PHONE, type Watched } from '../helpers/browser';
import { serveDist } from '../helpers/site';
import { buildExampleSite } from '../helpers/exampleSite';
import { serveStatic, type StaticServer } from '../../scripts/serveStatic';
import { PROGRESS_COLORS } from '../../src/domain/cellLook';
import { PROGRESS_WORDS } from '../../src/domain/vocabulary';
import type { ProgressFile } from '../../src/domain/contract';

const SLOW = 180_000;
let browser: Browser;
let example: StaticServer;
let real: StaticServer;
let progress: ProgressFile;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const built = await buildExampleSite();
  progress = JSON.parse(readFileSync(path.join(built.data, 'progress.json'), 'utf8'));
  example = await serveStatic(built.dist);
  real = await serveDist();
  browser = await launch();
}, 300_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await example?.close();
  await real?.close();
});

async function open(server: StaticServer, p: string, viewport = PHONE): Promise<{ page: Page; w: Watched }> {
  const ctx = await browser.newContext({ viewport, reducedMotion: 'reduce', serviceWorkers: 'block' });
  contexts.push(ctx);
  const page = await ctx.newPage();
  const w = watch(page, server.url);
  await page.goto(server.url + p);
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
    const zeroY = await item.locator('svg.chart text').evaluateAll((ts) => ts.filter((t) => t.textContent === '0').map((t) => Number(t.getAttribute('y'))));
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
    for (const part of [`${h.value_text} 亿立方米`, `${h.year}年`, PROGRESS_WORDS.zh.label[h.status], h.source, '示例数据']) expect(text).toContain(part);
    expect(await card.getAttribute('data-status')).toBe(h.status);
    // a target with no column in the template says so, and has no figure
    expect(await page.locator('.card[data-target="pipe_leakage_rate"] .progress').innerText()).toContain('暂无数据');
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
    expect(await page.locator('.progress-where').count()).toBe(1);
    expect(await page.locator('body').innerText()).not.toContain('示例数据');
  }, SLOW);
});
