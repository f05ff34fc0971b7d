/**
 * The two static drawings of progress, as text: the county page's chart (progressChartSvg) and the
 * static progress map (progressSvg, drawn from the pipeline's county-paths.json).
 */
import { describe, expect, it } from 'vitest';
import { progressChartSvg } from '../../src/lib/progressChart';
import { progressSvg } from '../../src/lib/progressSvg';
import { PROGRESS_COLORS, progressLegendItems } from '../../src/domain/cellLook';
import { PROGRESS_WORDS } from '../../src/domain/vocabulary';
import { CountyPathsFile, type ProgressSeries } from '../../src/domain/contract';
import { DictionaryFile } from '../../src/domain/contract';
import { seriesChart } from '../../src/lib/progressText';
import { readOut } from '../helpers/pipeline';

const point = (year: number, value: number, status: 'met' | 'not_met' | 'no_target') => ({
  year,
  value,
  value_text: String(value),
  status,
  source: '赤峰市水资源公报',
  note: '',
  updated: null,
  example: false,
});
const text = { targetLabel: 'T', summary: 'S', lang: 'zh' as const };
const attr = (svg: string, sel: RegExp) => [...svg.matchAll(sel)].map((m) => m[1]);

describe('the county chart', () => {
  const cap: ProgressSeries = {
    indicator: 'water_use_cap',
    target: { status: 'value', value: 0.9098, text: '0.9098' },
    series: [point(2023, 0.98, 'not_met'), point(2024, 0.96, 'not_met')],
    latest: point(2024, 0.96, 'not_met'),
  };

  it('plots each figure as written, in its status colour, from 2020 to the target year', () => {
    const svg = progressChartSvg(cap, 'at_most', text);
    expect(attr(svg, /<circle class="pt" data-year="(\d+)"/g)).toEqual(['2023', '2024']);
    expect(attr(svg, /data-status="not_met" cx="[\d.]+" cy="[\d.]+" r="4.5" fill="(#[0-9a-f]+)"/g)).toEqual([PROGRESS_COLORS.not_met, PROGRESS_COLORS.not_met]);
    expect(svg).toContain('>0.98</text>');
    for (const y of [2020, 2021, 2025]) expect(svg).toContain(`>${y}</text>`);
  });

  it('a cap: the band that meets it lies below the line; a floor: above', () => {
    const yOf = (svg: string, re: RegExp) => Number(re.exec(svg)![1]);
    const below = progressChartSvg(cap, 'at_most', text);
    const line = yOf(below, /class="target" x1="\d+" x2="\d+" y1="([\d.]+)"/);
    expect(yOf(below, /class="band" x="\d+" y="([\d.]+)"/)).toBeCloseTo(line, 1);
    const above = progressChartSvg(cap, 'at_least', text);
    expect(yOf(above, /class="band" x="\d+" y="([\d.]+)"/)).toBeLessThan(line);
  });

  it('"/" draws no target at all; "保持2020年水平" draws it at 0', () => {
    const none = progressChartSvg({ ...cap, target: { status: 'not_applicable', value: null, text: '/' } }, 'at_least', { ...text, targetLabel: null });
    expect(none).not.toContain('class="target"');
    expect(none).not.toContain('class="band"');
    const hold: ProgressSeries = { ...cap, indicator: 'industrial_water_decline', target: { status: 'maintain_2020', value: null, text: '保持2020年水平' }, series: [point(2024, -2, 'not_met')] };
    const svg = progressChartSvg(hold, 'at_least', text);
    const lineY = Number(/class="target" x1="\d+" x2="\d+" y1="([\d.]+)"/.exec(svg)![1]);
    const zero = [...svg.matchAll(/y="([\d.]+)"[^>]*>0<\/text>/g)].map((m) => Number(m[1]) - 4);
    expect(zero.some((y) => Math.abs(y - lineY) < 0.11)).toBe(true);
    // the figure below the line: a rise since 2020 is not hidden by a clipped axis
    const cy = Number(/class="pt"[^>]*cy="([\d.]+)"/.exec(svg)![1]);
    expect(cy).toBeGreaterThan(lineY);
  });
});

describe('the county chart in English', () => {
  it('reads its axis, points and target line in the unit the page states (million m³), converted exactly', async () => {
    const meta = DictionaryFile.parse(JSON.parse(await readOut('dictionary.json'))).indicators.find((m) => m.id === 'water_use_cap')!;
    const s: ProgressSeries = {
      indicator: 'water_use_cap',
      target: { status: 'value', value: 1.9674, text: '1.9674' },
      series: [point(2023, 2.05, 'not_met'), point(2024, 2.01, 'not_met')],
      latest: point(2024, 2.01, 'not_met'),
    };
    const en = seriesChart(s, meta, 'Water-use cap', 'en');
    const texts = attr(en, /<text[^>]*>([^<]*)<\/text>/g);
    // 2.05 亿 m³ = 205 million m³: the labels say so, never "2.05" under a "million m³" heading
    expect(texts).toEqual(expect.arrayContaining(['205', '201']));
    expect(en).toContain('196.74');
    expect(en).not.toMatch(/>2\.0[15]</);
    // the sentence for screen readers says the same figures with the unit
    expect(en).toContain('205 million m³');
    // Chinese keeps the document's digits
    const zh = seriesChart(s, meta, '用水总量', 'zh');
    expect(zh).toMatch(/>2\.05</);
    expect(zh).toContain('1.9674');
  });
});

describe('the static progress map', () => {
  it('colours each division by its status, dots those without a figure, and writes the status in words', async () => {
    const paths = CountyPathsFile.parse(JSON.parse(await readOut('county-paths.json')));
    const statuses = { '150402': 'met', '150403': 'not_met', '150404': 'no_target' } as const;
    const svg = progressSvg({
      paths,
      statuses,
      title: '用水总量 · 2024年',
      legend: progressLegendItems({ met: 1, not_met: 1, no_target: 1, no_data: 9 }, PROGRESS_WORDS.zh, 'zh'),
      notes: ['示例数据'],
      words: PROGRESS_WORDS.zh,
      lang: 'zh',
      idPrefix: 't',
    });
    const fills = Object.fromEntries([...svg.matchAll(/data-adcode="(\d+)" data-status="(\w+)" fill="([^"]+)"/g)].map((m) => [m[1], [m[2], m[3]]]));
    expect(Object.keys(fills)).toHaveLength(12);
    expect(fills['150402']).toEqual(['met', PROGRESS_COLORS.met]);
    expect(fills['150403']).toEqual(['not_met', PROGRESS_COLORS.not_met]);
    expect(fills['150404']).toEqual(['no_target', PROGRESS_COLORS.no_target]);
    expect(fills['150421']).toEqual(['no_data', 'url(#t-nodata)']);
    expect(svg).toContain('<pattern id="t-nodata"');
    expect(svg).toContain('暂无数据（9个）');
    expect(svg).toContain('>示例数据</text>');
    expect(svg).not.toMatch(/<script/i);
    // 红山区 is too small for its name beside 元宝山区: named on a box at its callout, clear of 元宝山区's name
    const hs = paths.counties.find((c) => c.adcode === '150402')!;
    const ybs = paths.counties.find((c) => c.adcode === '150403')!;
    expect(hs.callout).not.toBeNull();
    const box = /<g data-callout="150402">[\s\S]*?<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
    expect(box).not.toBeNull();
    const [bx, by, bw, bh] = box.slice(1).map(Number);
    // 元宝山区's two lines (name, status) around its label point, 13 px type
    const [lx, ly] = ybs.label;
    const half = (3 * 13) / 2;
    const apart = bx > lx + half || bx + bw < lx - half || by > ly + 15 + 4 || by + bh < ly - 13;
    expect(apart, `红山区 box ${[bx, by, bw, bh]} vs 元宝山区 label at ${[lx, ly]}`).toBe(true);
    expect(svg).not.toContain(`<text x="${hs.label[0].toFixed(1)}" y="${hs.label[1].toFixed(1)}"`);
  });
});
