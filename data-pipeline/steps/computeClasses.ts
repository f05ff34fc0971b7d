import * as chromatic from 'd3-scale-chromatic';
import { INDICATORS } from '../../src/domain/indicators';
import { IndicatorMeta, type AnnexRow } from '../../src/domain/contract';

/** Linear-interpolated quantile of sorted numbers (the R-7 definition d3 uses). */
function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (h - lo);
}

/**
 * Quantile class breaks for the county values of one indicator. Each break is a value a county
 * actually has (the first value of its class), so every number in the legend is one the
 * document prints. Duplicate breaks collapse, so a flat indicator gets fewer classes.
 * Class i holds values v with breaks[i-1] <= v < breaks[i].
 */
export function classBreaks(values: number[], classCount: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length < 2) return [];
  const out: number[] = [];
  for (let i = 1; i < classCount; i++) {
    const q = quantile(sorted, i / classCount);
    const b = sorted.find((v) => v >= q)!; // smallest observed value at or above the quantile
    if (b > sorted[0] && !out.includes(b)) out.push(b);
  }
  return out;
}

/** Class index of a value: the number of breaks at or below it. */
export const classOf = (v: number, breaks: number[]) => breaks.filter((b) => v >= b).length;

/** Competition ranking, highest first: 1, 2, 2, 4. */
export function ranks(values: (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null ? null : 1 + values.filter((w) => w !== null && w > v).length));
}

export function indicatorMeta(counties: AnnexRow[], classCount: number): IndicatorMeta[] {
  return INDICATORS.map((ind) => {
    const vals = counties.map((c) => c.cells[ind.id]).flatMap((c) => (c.status === 'value' ? [c.value] : []));
    const breaks = classBreaks(vals, classCount);
    const k = breaks.length + 1;
    const scheme = (chromatic as unknown as Record<string, readonly (readonly string[])[]>)[`scheme${ind.scheme}`];
    // schemes start at 3 colours; for fewer classes take the darker end of the 3-class scheme
    const colors = k >= 3 ? [...scheme[k]] : [...scheme[3]].slice(3 - k);
    // the published metadata is the registry entry itself (the contract drops the parsing details) plus the classes
    return IndicatorMeta.parse({
      ...ind,
      breaks,
      colors: colors.map((c) => c.toLowerCase()),
      domain: [Math.min(...vals), Math.max(...vals)],
      ranked: vals.length,
    });
  });
}
