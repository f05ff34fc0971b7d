import { describe, expect, it } from 'vitest';
import { HATCH_LINE, STATUS_COLORS, cellLook, legendItems, swatchSvg } from '../../src/domain/cellLook';
import { CELL_WORDS } from '../../src/domain/vocabulary';
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
