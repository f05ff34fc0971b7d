/**
 * Adding an indicator means editing the registry and the annex CSV, nothing else (issue #8):
 * a copy of the project gets a seventh, fixture indicator in exactly those two places, is built
 * from scratch (pipeline + astro build), and the indicator must then appear everywhere an
 * indicator appears: selector, legend, table, tooltip (in Chromium), dictionary, CSV and a
 * county page. The fixture's values are invented and exist only in the temporary copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { serveStatic, type StaticServer } from '../../scripts/serveStatic';
import { launch } from '../helpers/browser';
import { project, waitForMap } from '../helpers/mapProbe';
import { buildEnv } from '../helpers/variant';

const ID = 'fixture_reuse_share';
const ENTRY = `
  {
    id: '${ID}',
    column: '测试指标再利用比例（%）',
    name_zh: '测试指标：再利用比例',
    name_en: 'Test indicator: reuse share',
    short_zh: '测试再利用比例',
    short_en: 'Test reuse share',
    unit_zh: '%',
    unit_en: '%',
    kind: 'percent',
    direction: 'at_least',
    decimals: 1,
    additive: false,
    scheme: 'BuPu',
    range: { target: [0, 100], actual: [0, 100] },
    meaning_zh: '仅用于测试的虚构指标。',
    meaning_en: 'An invented indicator, for this test only.',
    actual_zh: '该年实际的测试比例。',
    plain_zh: '仅用于测试：越高越好。',
    plain_en: 'For this test only: higher is better.',
    rank_zh: '测试比例从高到低排第{rank}（共{of}个）',
    rank_en: '{rank} of {of} by test share, highest first',
    section: '测试',
    section_en: 'Test',
  },
`;
// 全市 first, then the rows in annex.csv order; one value per row
const VALUES: Record<string, string> = {
  '150400': '50.0', '150421': '11.1', '150422': '22.2', '150423': '33.3', '150424': '44.4', '150425': '55.5', '150426': '66.6',
  '150428': '77.7', '150429': '88.8', '150430': '12.3', '150402': '保持2020年水平', '150403': '/', '150404': '45.6',
};

let dir = '';
let server: StaticServer;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'atlas-seventh-'));
  for (const f of ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'data-pipeline', 'public', 'scripts']) {
    await fs.cp(f, path.join(dir, f), { recursive: true, filter: (src) => !src.includes(`public${path.sep}data`) });
  }
  await fs.symlink(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
  const reg = path.join(dir, 'src/domain/indicators.ts');
  const src = await fs.readFile(reg, 'utf8');
  expect(src).toContain('] as const satisfies');
  await fs.writeFile(reg, src.replace('] as const satisfies', `${ENTRY}] as const satisfies`));
  const annex = path.join(dir, 'data-pipeline/input/annex.csv');
  const lines = (await fs.readFile(annex, 'utf8')).trimEnd().split('\n');
  await fs.writeFile(annex, [`${lines[0]},测试指标再利用比例（%）`, ...lines.slice(1).map((l) => `${l},${VALUES[l.split(',')[0]]}`)].join('\n') + '\n');
  const env = buildEnv();
  const run = (cmd: string, args: string[]) => execFileSync(path.join('node_modules/.bin', cmd), args, { cwd: dir, stdio: 'pipe', env });
  run('tsx', ['data-pipeline/cli.ts']);
  run('astro', ['build']);
  server = await serveStatic(path.join(dir, 'dist'));
}, 240_000);

afterAll(async () => {
  await server?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const page = (p: string) => fs.readFile(path.join(dir, 'dist', p), 'utf8');

describe('a seventh indicator, added only to the registry and the annex CSV', () => {
  it('is in the selector, the legend and the table of the home page', async () => {
    const html = await page('index.html');
    expect(html).toContain(`<option value="${ID}">测试指标：再利用比例（%）</option>`);
    expect(html).toMatch(new RegExp(`data-legend="${ID}"[^]*?保持2020年水平[^]*?不适用（/）`));
    expect(html).toContain(`data-col="${ID}"`);
    expect(html).toMatch(new RegExp(`<td data-col="${ID}"[^>]*>\\s*88\\.8\\s*</td>`));
    expect(html).toMatch(new RegExp(`choropleth-${ID}\\.[0-9a-f]{10}\\.svg`));
  });

  it('is on every county page, in both languages', async () => {
    expect(await page('county/150429/index.html')).toMatch(new RegExp(`data-indicator="${ID}"[^]*?88\\.8[^]*?仅用于测试：越高越好。[^]*?测试比例从高到低排第1（共10个）`));
    expect(await page('en/county/150403/index.html')).toMatch(new RegExp(`data-indicator="${ID}"[^]*?Not applicable \\(/\\)`));
  });

  it('is in the dictionary and the CSV', async () => {
    const dict = JSON.parse(await page('data/dictionary.json'));
    expect(dict.indicators.map((m: { id: string }) => m.id)).toContain(ID);
    expect(dict.columns.some((c: { column: string }) => c.column === `${ID}_note`)).toBe(true);
    const csv = await page('data/indicators.csv');
    expect(csv.split('\r\n')[0]).toContain(`,${ID},${ID}_note`);
    expect(csv).toContain(',45.6,');
  });

  it('shows in the tooltip of the live map', async () => {
    const browser = await launch();
    try {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce', serviceWorkers: 'block' });
      const p = await ctx.newPage();
      await p.goto(`${server.url}/?i=${ID}`);
      await waitForMap(p);
      const county = JSON.parse(await page('data/counties.geojson')).features.find((f: { properties: { adcode: string } }) => f.properties.adcode === '150426').properties;
      const box = (await p.locator('#map').boundingBox())!;
      const { x, y } = await project(p, county.label);
      await p.mouse.move(box.x + x + 10, box.y + y + 10);
      await p.waitForSelector('#map-tooltip:not([hidden])');
      expect(await p.locator('#map-tooltip').innerText()).toMatch(/翁牛特旗\s*测试再利用比例：66\.6%/);
    } finally {
      await browser.close();
    }
  });
});
