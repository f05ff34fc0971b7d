import { describe, expect, it } from 'vitest';
import { HATCH_LINE, NO_DATA_LINE, PROGRESS_COLORS, STATUS_COLORS, cellLook, legendItems, progressLegendItems, progressLook, swatchSvg } from '../../src/domain/cellLook';
import { CELL_WORDS, PROGRESS_WORDS } from '../../src/domain/vocabulary';
import type { IndicatorMeta } from '../../src/domain/contract';

const meta = {
  id: 'water_use_cap',
  decimals: 4,
  breaks: [1, 2, 3],
  colors: ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5'],
  domain: [0.5, 3.5],
} as unknown as IndicatorMeta;
const zh = CELL_WORDS.zh;

describe('cellLook: one decision for every map', () => {
  it('a number: its class colour, its digits, dark text on the light classes only', () => {
    expect(cellLook({ status: 'value', text: '0.7640', cls: 0 }, meta, zh)).toEqual({ fill: '#eff3ff', hatch: false, label: '0.7640', short: '0.7640', dark: false });
    expect(cellLook({ status: 'value', text: '3.0047', cls: 3 }, meta, zh).dark).toBe(true);
    expect(cellLook({ status: 'value', text: '2.1', cls: 2 }, meta, zh).dark).toBe(true);
    expect(cellLook({ status: 'value', text: '1.1', cls: 1 }, meta, zh).dark).toBe(false);
  });

  it('"保持2020年水平": hatched over its own neutral colour, never a class colour', () => {
    const l = cellLook({ status: 'maintain_2020', text: '保持2020年水平', cls: null }, meta, zh);
    expect(l).toMatchObject({ fill: STATUS_COLORS.maintain_2020, hatch: true, label: '保持2020年水平' });
    expect(meta.colors).not.toContain(l.fill);
  });

  it('"/": grey, not hatched, in the reader\'s words', () => {
    expect(cellLook({ status: 'not_applicable', text: '/', cls: null }, meta, CELL_WORDS.en)).toMatchObject({ fill: STATUS_COLORS.not_applicable, hatch: false, label: 'Not applicable (/)', short: 'n/a' });
  });

  it('the legend lists the classes, then only the statuses that occur', () => {
    const only = legendItems(meta, ['value', 'value'], zh, 'zh');
    expect(only.map((i) => i.key)).toEqual(['class', 'class', 'class', 'class']);
    expect(only[0].label).toBe('<\u00a01.0000');
    const all = legendItems(meta, ['value', 'not_applicable', 'maintain_2020'], zh, 'zh');
    expect(all.slice(4).map((i) => [i.key, i.hatch, i.label])).toEqual([
      ['maintain_2020', true, '保持2020年水平'],
      ['not_applicable', false, '不适用（/）'],
    ]);
  });

  it('a swatch draws hatch lines only for a hatched item', () => {
    expect(swatchSvg({ fill: '#ffffff', hatch: false })).not.toContain('<path');
    const h = swatchSvg({ fill: STATUS_COLORS.maintain_2020, hatch: true });
    expect(h).toContain(`stroke="${HATCH_LINE}"`);
    expect(h).toContain(`fill="${STATUS_COLORS.maintain_2020}"`);
  });
});

describe('cellLook: the progress scheme', () => {
  it('each status in the words the issue names, "/" the same grey on both maps', () => {
    const zh = PROGRESS_WORDS.zh;
    expect(['met', 'not_met', 'no_target', 'no_data'].map((k) => progressLook(k as never, zh).label)).toEqual(['达标', '未达标', '无此项目标', '暂无数据']);
    expect(progressLook('no_target', zh).fill).toBe(STATUS_COLORS.not_applicable);
    expect(progressLook('met', zh)).toMatchObject({ fill: PROGRESS_COLORS.met, dotted: false, dark: true });
    expect(progressLook('no_data', PROGRESS_WORDS.en)).toMatchObject({ fill: '#ffffff', dotted: true, label: 'No data yet' });
  });

  it('the legend lists only the statuses a map has, each with its count; without counts, all four', () => {
    const items = progressLegendItems({ met: 3, not_met: 0, no_target: 1, no_data: 8 }, PROGRESS_WORDS.zh, 'zh');
    expect(items.map((i) => [i.key, i.label])).toEqual([
      ['met', '达标（3个）'],
      ['no_target', '无此项目标（1个）'],
      ['no_data', '暂无数据（8个）'],
    ]);
    expect(progressLegendItems(null, PROGRESS_WORDS.en, 'en').map((i) => i.label)).toEqual(['Target met', 'Not met yet', 'No target', 'No data yet']);
  });

  it('a "暂无数据" swatch is dotted and edged, never hatched like "保持2020年水平"', () => {
    const sw = swatchSvg(progressLegendItems(null, PROGRESS_WORDS.zh, 'zh')[3]);
    expect(sw).toContain(`stroke="${NO_DATA_LINE}"`);
    expect(sw).toContain('stroke-dasharray');
    expect(sw).not.toContain(HATCH_LINE);
  });
});
