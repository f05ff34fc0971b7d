/**
 * The update page (数据更新助手) in real Chromium, under the site's own CSP: a clean workbook and a
 * CSV with errors give the report the pipeline gives (the same rows, the same problems in the same
 * words), the offending cells are marked in the table of the file, the preview map is coloured by
 * cellLook's progress scheme, the checked CSV is templateCsv's; nothing leaves the origin, the
 * spreadsheet reader loads on this page only, and after one visit the page works offline.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { usePages } from '../helpers/site';
import { launch, watch } from '../helpers/browser';
import { serveDist } from '../helpers/site';
import { badCsv, BAD_CELLS, goodWorkbook } from '../helpers/progressFiles';
import { buildProgressFile, checkProgressFiles } from '../../src/domain/progress';
import { formatProblem } from '../../src/domain/progressProblems';
import { templateCsv } from '../../src/domain/progressTemplate';
import { PROGRESS_COLORS } from '../../src/domain/cellLook';
import type { AnnexFile, Target } from '../../src/domain/contract';

const annex = JSON.parse(readFileSync('dist/data/annex.json', 'utf8')) as AnnexFile;
const targets = JSON.parse(readFileSync('dist/data/targets.json', 'utf8')) as Target[];
const ctx = { annex: { city: annex.city, counties: annex.counties }, currentYear: new Date().getFullYear() };
const inNode = (name: string, bytes: Uint8Array) => checkProgressFiles([{ name, bytes }], ctx, async () => ExcelJS);
const SLOW = 120_000;

const { env, open } = usePages({ viewport: { width: 1280, height: 900 } });

async function drop(page: Page, name: string, bytes: Uint8Array, mimeType: string) {
  await page.setInputFiles('#upd-file', { name, mimeType, buffer: Buffer.from(bytes) });
  await page.waitForSelector('#upd-result:not([hidden])', { timeout: 60_000 });
  await page.waitForSelector('#upd-summary[data-errors]');
}

describe('the update page', () => {
  it('a clean workbook: the pipeline\'s rows, a coloured preview, the checked CSV', async () => {
    const bytes = await goodWorkbook('dist/data');
    const expected = await inNode('good.xlsx', bytes);
    expect(expected.problems.filter((p) => p.level === 'error')).toEqual([]);
    const { page, w } = await open('/update/');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await drop(page, 'good.xlsx', bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    const summary = await page.locator('#upd-summary').innerText();
    expect(summary).toContain(`检查通过：${expected.rows.length} 个数字`);
    expect(await page.locator('#upd-clean').isVisible()).toBe(true);
    expect(await page.locator('#upd-errors').isHidden()).toBe(true);
    // the spreadsheet reader came from this site, as its own chunk
    expect(requests.some((u) => /\/_astro\/exceljs[^/]*\.js$/.test(u) && u.startsWith(env.server.url))).toBe(true);

    // the checked CSV is exactly what templateCsv makes of the pipeline's rows
    expect(await page.getAttribute('#upd-download', 'href')).toMatch(/^blob:/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#upd-download')]);
    expect(download.suggestedFilename()).toBe('progress-checked.csv');
    // byte for byte, BOM included (Excel on a Chinese Windows needs it)
    expect(readFileSync((await download.path())!, 'utf8')).toBe(templateCsv(expected.rows));

    // the preview: the first indicator with figures, its newest year, each county in its status colour
    const file = buildProgressFile(expected.rows, ctx.annex, targets, expected.crossChecks, false);
    const first = file.indicators.find((x) => x.years.length)!;
    const map = file.maps.find((m) => m.indicator === first.id && m.year === first.years.at(-1))!;
    expect(await page.inputValue('#upd-indicator')).toBe(first.id);
    expect(await page.inputValue('#upd-year')).toBe(String(first.years.at(-1)));
    const fills = await page.$$eval('#upd-map path[data-adcode]', (ps) => Object.fromEntries(ps.map((p) => [p.getAttribute('data-adcode'), p.getAttribute('fill')])));
    expect(Object.keys(fills)).toHaveLength(12);
    for (const [code, status] of Object.entries(map.statuses)) expect(fills[code], code).toBe(PROGRESS_COLORS[status]);
    // the rendered colour, not only the attribute: 红山区 (not met) is orange, 元宝山区 (met) green
    const painted = await page.$$eval('#upd-map path[data-adcode="150402"], #upd-map path[data-adcode="150403"]', (ps) => ps.map((p) => getComputedStyle(p).fill));
    expect(painted).toEqual([map.statuses['150402'], map.statuses['150403']].map((s) => {
      const h = PROGRESS_COLORS[s];
      return `rgb(${parseInt(h.slice(1, 3), 16)}, ${parseInt(h.slice(3, 5), 16)}, ${parseInt(h.slice(5, 7), 16)})`;
    }));

    // each division's figure and status, side by side in the table
    const row = expected.rows.find((r) => r.adcode === '150402' && r.indicator === first.id && r.year === first.years.at(-1))!;
    const tr = page.locator('#upd-statuses tr[data-adcode="150402"]');
    expect(await tr.getAttribute('data-status')).toBe(row.status);
    expect(await tr.locator('td.fig').innerText()).toBe(`${row.value_text}亿立方米`); // as every figure on the site (format.ts figureWithUnit)
    expect(await tr.locator('.status').innerText()).toBe(row.status === 'met' ? '达标' : '未达标');

    // another year: the map follows
    await page.selectOption('#upd-year', String(first.years[0]));
    const older = file.maps.find((m) => m.indicator === first.id && m.year === first.years[0])!;
    expect(await page.getAttribute('#upd-map path[data-adcode="150402"]', 'fill')).toBe(PROGRESS_COLORS[older.statuses['150402']]);

    expect(w.errors).toEqual([]);
    expect(w.offOrigin).toEqual([]);
  }, SLOW);

  it('a CSV with errors: every problem in the pipeline\'s words, each offending cell marked, no CSV offered', async () => {
    const bytes = badCsv();
    const expected = await inNode('bad.csv', bytes);
    const errors = expected.problems.filter((p) => p.level === 'error');
    expect(errors.map((p) => p.cell)).toEqual(BAD_CELLS);
    const { page, w } = await open('/update/');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await drop(page, 'bad.csv', bytes, 'text/csv');

    expect(await page.locator('#upd-summary').innerText()).toContain(`发现 ${errors.length} 处错误`);
    expect(await page.locator('#upd-clean').isHidden()).toBe(true);
    const items = await page.locator('#upd-errors li').evaluateAll((lis) => lis.map((li) => [li.querySelector('.what')!.textContent, li.querySelector('.how')!.textContent]));
    expect(items).toEqual(errors.map((p) => formatProblem(p, 'zh').split('\n').map((x) => x.trim())));
    expect(items[0][0]).toContain('第2行 D列「用水总量（亿立方米）」');
    // the marked cells are exactly the offending ones, and each says why
    const marked = await page.$$eval('#upd-tables td.err', (tds) => tds.map((td) => [td.dataset.cell, td.getAttribute('title')]));
    expect(marked.map((m) => m[0]).sort()).toEqual([...BAD_CELLS].sort());
    expect(marked.find((m) => m[0] === 'D2')![1]).toBe(errors[0].message.zh);
    // "show in the table" takes the reader to the cell
    await page.locator('#upd-errors li[data-cell="H4"] a').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toMatch(/H4$/);
    // the preview holds only the figures that passed, and says so
    expect(await page.locator('#upd-partial').isVisible()).toBe(true);
    expect(await page.getAttribute('#upd-map path[data-adcode="150421"]', 'data-status')).toBe('no_data');
    // a CSV needs no spreadsheet reader
    expect(requests.some((u) => /exceljs/.test(u))).toBe(false);
    expect(w.errors).toEqual([]);
    expect(w.offOrigin).toEqual([]);
  }, SLOW);

  it('the English page gives the same problems in English', async () => {
    const expected = await inNode('bad.csv', badCsv());
    const { page, w } = await open('/en/update/');
    await drop(page, 'bad.csv', badCsv(), 'text/csv');
    const first = await page.locator('#upd-errors li .what').first().textContent();
    expect(first).toBe(formatProblem(expected.problems[0], 'en').split('\n')[0].trim());
    expect(first).toContain('row 2, column D');
    expect(await page.locator('#upd-summary').innerText()).toMatch(/^5 errors/);
    expect(w.errors).toEqual([]);
  }, SLOW);

  it('the spreadsheet reader is on no other page', async () => {
    for (const path of ['/', '/en/', '/county/150402/', '/downloads/', '/sources/']) {
      const { page } = await open(path);
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.reload({ waitUntil: 'load' });
      await page.waitForTimeout(300);
      expect(requests.filter((u) => /exceljs|papaparse/i.test(u)), path).toEqual([]);
      const scripts = await page.$$eval('script[src]', (ss) => ss.map((s) => (s as HTMLScriptElement).src));
      for (const src of scripts) expect(readFileSync(`dist${new URL(src).pathname}`, 'utf8'), `${path} ${src}`).not.toContain('exceljs.min');
    }
  }, SLOW);

  it('works offline after one visit, .xlsx included', async () => {
    const server = await serveDist();
    const browser = await launch({ webgl: false });
    try {
      const context = await browser.newContext({ serviceWorkers: 'allow' });
      const page = await context.newPage();
      const w = watch(page, server.url);
      await page.goto(server.url + '/update/');
      await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', null, { timeout: 60_000 });
      await context.setOffline(true);
      await server.close();
      const res = await page.reload();
      expect(res?.fromServiceWorker()).toBe(true);
      await drop(page, 'good.xlsx', await goodWorkbook('dist/data'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(await page.locator('#upd-summary').getAttribute('data-errors')).toBe('0');
      expect(await page.locator('#upd-map path[data-adcode]').count()).toBe(12);
      expect(w.errors).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
      await server.close().catch(() => {});
    }
  }, SLOW);
});
