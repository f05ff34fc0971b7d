import { describe, expect, it } from 'vitest';
import { classBreaks, classOf, indicatorMeta, ranks } from '../../data-pipeline/steps/computeClasses';
import { parseAnnex } from '../../data-pipeline/steps/parseAnnex';
import { INDICATORS } from '../../src/domain/indicators';
import { readFileSync } from 'node:fs';

describe('computeClasses', () => {
  it('puts every break on a value some county has, lowest class holding the minimum', () => {
    const values = [5, 1, 3, 2, 8, 13, 21, 34];
    const breaks = classBreaks(values, 4);
    expect(breaks.length).toBe(3);
    for (const b of breaks) expect(values).toContain(b);
    expect(classOf(1, breaks)).toBe(0);
    expect(classOf(34, breaks)).toBe(3);
    // classes are upper-exclusive: a value equal to a break opens the next class
    expect(classOf(breaks[0], breaks)).toBe(1);
  });

  it('collapses duplicate breaks, so a flat indicator gets fewer classes', () => {
    expect(classBreaks([0.66, 0.66, 0.66, 0.66, 0.65, 0.69], 4)).toEqual([0.66]);
    expect(classBreaks([7, 7, 7], 4)).toEqual([]);
    expect(classBreaks([7], 4)).toEqual([]);
  });

  it('ranks highest first, ties share a rank, a missing number has none', () => {
    expect(ranks([3, null, 5, 3, 1])).toEqual([2, null, 1, 2, 4]);
  });

  it('derives every published field of an indicator from its registry entry', () => {
    const { counties } = parseAnnex(readFileSync('data-pipeline/input/annex.csv', 'utf8'), 'annex.csv');
    const meta = indicatorMeta(counties, 4);
    expect(meta.map((m) => m.id)).toEqual(INDICATORS.map((i) => i.id));
    for (const [i, m] of meta.entries()) {
      const def = INDICATORS[i];
      for (const k of ['name_zh', 'name_en', 'short_zh', 'short_en', 'unit_zh', 'unit_en', 'direction', 'decimals', 'additive', 'meaning_zh', 'meaning_en', 'section', 'section_en'] as const) {
        expect(m[k], `${m.id}.${k}`).toEqual(def[k]);
      }
      // the parsing details stay out of the published metadata
      for (const k of ['column', 'kind', 'scheme', 'range']) expect(m).not.toHaveProperty(k);
      expect(m.colors.length).toBe(m.breaks.length + 1);
      expect(m.domain[0]).toBeLessThanOrEqual(m.domain[1]);
    }
  });
});
