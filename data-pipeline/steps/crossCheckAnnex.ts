import type { AnnexRow, CrossCheck } from '../../src/domain/contract';
import { INDICATORS } from '../../src/domain/indicators';

/** Number of decimals a printed number carries ("0.5800" -> 4). */
const decimalsOf = (t: string) => (t.includes('.') ? t.split('.')[1].length : 0);

/**
 * For each additive indicator, the sum of the 12 counties against the 全市 row.
 * Sums are done in integers at the finest printed precision, so 0.1 + 0.2 noise never
 * shows up as a discrepancy. Differences are reported, not treated as errors: the document
 * is what it is (caps sum to 20.2285 against 20.23).
 */
export function crossCheckAnnex(city: AnnexRow, counties: AnnexRow[]): CrossCheck[] {
  return INDICATORS.filter((i) => i.additive).map((ind) => {
    const cells = counties.map((c) => c.cells[ind.id]);
    const cityCell = city.cells[ind.id];
    const texts = [...cells, cityCell].filter((c) => c.status === 'value').map((c) => c.text);
    const d = Math.max(0, ...texts.map(decimalsOf));
    const scale = 10 ** d;
    const sumInt = cells.reduce((s, c) => s + (c.status === 'value' ? Math.round(c.value * scale) : 0), 0);
    const cityInt = cityCell.status === 'value' ? Math.round(cityCell.value * scale) : 0;
    return {
      indicator: ind.id,
      county_sum: sumInt / scale,
      city_value: cityInt / scale,
      difference: (cityInt - sumInt) / scale,
      counties_without_value: counties.filter((c) => c.cells[ind.id].status !== 'value').map((c) => c.adcode),
      exact: sumInt === cityInt,
    };
  });
}
