/**
 * The spreadsheet path of the update page, in real Chromium: exceljs's browser build (what
 * `import('exceljs')` resolves to in a browser bundle, through the package's "browser" field:
 * dist/exceljs.min.js) reads a filled template, and the shared check gives the same rows and
 * problems as in Node. No page of the site is needed: the page here is about:blank.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { launch } from '../helpers/browser';
import { bundleProgressDomain } from '../helpers/domainBundle';
import { builtOutput } from '../helpers/pipeline';
import { parseAnnex } from '../../data-pipeline/steps/parseAnnex';
import { checkProgressFiles } from '../../src/domain/progress';
import { progressHeader } from '../../src/domain/progressTable';

let browser: Browser;
beforeAll(async () => {
  browser = await launch({ webgl: false });
});
afterAll(async () => {
  await browser?.close();
});

describe('reading an .xlsx in the browser', () => {
  it('exceljs (browser build) + the shared check give the same result as the pipeline', async () => {
    const annex = parseAnnex(readFileSync('data-pipeline/input/annex.csv', 'utf8'), 'annex.csv');
    const H = progressHeader();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(readFileSync(`${await builtOutput()}/progress-template.xlsx`)).buffer as ArrayBuffer);
    const ws = wb.getWorksheet('进展数据')!;
    const set = (r: number, c: string, v: ExcelJS.CellValue, fmt?: string) => {
      const cell = ws.getRow(r).getCell(H.indexOf(c) + 1);
      cell.value = v;
      // a style of its own: cells loaded from a file share style objects in exceljs
      if (fmt) cell.style = { ...cell.style, numFmt: fmt };
    };
    set(3, '年份', 2024);
    set(3, '用水总量（亿立方米）', 0.9);
    set(3, '万元GDP用水量较2020年下降率（%）', 0.115, '0.0%');
    set(3, '来源', '赤峰市水资源公报（2024年）');
    set(4, '年份', 2024);
    set(4, '用水总量（亿立方米）', '约0.9');
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const ctx = { annex, currentYear: 2026 };
    const inNode = await checkProgressFiles([{ name: 'a.xlsx', bytes }], ctx, async () => ExcelJS);

    const page = await browser.newPage();
    try {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.addScriptTag({ path: 'node_modules/exceljs/dist/exceljs.min.js' });
      await page.addScriptTag({ content: (await bundleProgressDomain()).code });
      const inBrowser = await page.evaluate(
        async ({ b64, ctx }) => {
          const w = window as unknown as { ExcelJS: unknown; progressDomain: { checkProgressFiles: typeof checkProgressFiles } };
          const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          const r = await w.progressDomain.checkProgressFiles([{ name: 'a.xlsx', bytes }], ctx, async () => w.ExcelJS as never);
          return JSON.parse(JSON.stringify(r));
        },
        { b64: Buffer.from(bytes).toString('base64'), ctx },
      );
      expect(errors).toEqual([]);
      expect(inBrowser).toEqual(JSON.parse(JSON.stringify(inNode)));
      expect(inNode.rows.map((r) => [r.indicator, r.value_text, r.status])).toEqual([
        ['water_use_cap', '0.9', 'met'],
        ['gdp_water_decline', '11.5', 'met'],
      ]);
      expect(inNode.problems.map((p) => [p.code, p.cell])).toEqual([
        ['value_not_number', 'D4'],
        ['source_missing', 'J4'],
      ]);
    } finally {
      await page.close();
    }
  });
});
