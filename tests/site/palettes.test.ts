/**
 * The choropleth classes stay distinguishable for colour-blind visitors: each palette is run
 * through the Machado et al. (2009) simulation of protanopia, deuteranopia and tritanopia
 * (severity 1.0) and neighbouring classes must stay apart (CIE76 ΔE in Lab). The neutral
 * colours of "保持2020年水平" and "/" must stay apart from every class too (they are also hatched / white).
 */
import { describe, expect, it } from 'vitest';
import type { DictionaryFile } from '../../src/domain/contract';
import { PROGRESS_COLORS, PROGRESS_KEYS, progressLook } from '../../src/domain/cellLook';
import { PROGRESS_WORDS } from '../../src/domain/vocabulary';
import { readOut } from '../helpers/pipeline';

// the pipeline's own output for the current inputs (not a possibly stale dist/)
const dict = JSON.parse(await readOut('dictionary.json')) as DictionaryFile;

const MACHADO: Record<string, number[][]> = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
};
const toLin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toSrgb = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255);

function simulate(h: string, m: number[][]): number[] {
  const lin = hex(h).map(toLin);
  return m.map((row) => toSrgb(Math.min(1, Math.max(0, row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2]))));
}
function lab(rgb: number[]): number[] {
  const [r, g, b] = rgb.map(toLin);
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const deltaE = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
/** below ~10 neighbouring map classes start to blur together on screen */
const MIN_DELTA_E = 10;

describe('palettes under colour-vision deficiency', () => {
  for (const m of dict.indicators) {
    it(`${m.id}: neighbouring classes stay apart`, () => {
      for (const [kind, matrix] of Object.entries(MACHADO)) {
        const labs = m.colors.map((c) => lab(simulate(c, matrix)));
        for (let i = 1; i < labs.length; i++) {
          expect(deltaE(labs[i - 1], labs[i]), `${kind} class ${i - 1}/${i}`).toBeGreaterThan(MIN_DELTA_E);
        }
      }
    });
  }
  it('the non-numeric colours differ from every class of every palette, and from each other', () => {
    const status = [dict.status_colors.maintain_2020, dict.status_colors.not_applicable];
    for (const [kind, matrix] of Object.entries(MACHADO)) {
      for (const m of dict.indicators) {
        for (const c of m.colors) {
          for (const st of status) expect(deltaE(lab(simulate(c, matrix)), lab(simulate(st, matrix))), `${m.id} ${kind} ${c} vs ${st}`).toBeGreaterThan(5);
        }
      }
      expect(deltaE(lab(simulate(status[0], matrix)), lab(simulate(status[1], matrix))), kind).toBeGreaterThan(10);
    }
  });

  it('the four progress statuses stay apart from each other for every kind of vision', () => {
    for (const [kind, matrix] of Object.entries(MACHADO)) {
      for (let i = 0; i < PROGRESS_KEYS.length; i++) {
        for (let j = i + 1; j < PROGRESS_KEYS.length; j++) {
          const [a, b] = [PROGRESS_KEYS[i], PROGRESS_KEYS[j]];
          // measured: at least 20 (met/no_target under deuteranopia); 15 leaves no doubt on a map
          expect(deltaE(lab(simulate(PROGRESS_COLORS[a], matrix)), lab(simulate(PROGRESS_COLORS[b], matrix))), `${kind} ${a}/${b}`).toBeGreaterThan(15);
        }
      }
    }
  });
  it('a progress map cannot be read as a target map: its coloured statuses are far from every class of every target palette', () => {
    for (const k of PROGRESS_KEYS) {
      const look = progressLook(k, PROGRESS_WORDS.zh);
      // "暂无数据" is white, which every sequential palette nearly starts with: it is told apart by its dotted lines, not its colour
      if (look.dotted) {
        expect(k).toBe('no_data');
        continue;
      }
      for (const m of dict.indicators) {
        for (const c of m.colors) expect(deltaE(lab(hex(c)), lab(hex(PROGRESS_COLORS[k]))), `${k} vs ${m.id} ${c}`).toBeGreaterThan(15);
      }
    }
  });
});
