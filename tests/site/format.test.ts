/**
 * Figures in the reader's language (issue 11): the Chinese edition shows the document's own
 * digits; the English one converts, exactly and in one place, to units an English reader knows,
 * so a figure never reads as two numbers ("20.23 100 million m³").
 */
import { describe, expect, it } from 'vitest';
import { figureWithUnit, formatNumber, legendClasses, readFigure, shiftDecimal, unitLabel } from '../../src/domain/format';
import { INDICATORS } from '../../src/domain/indicators';
import type { IndicatorMeta } from '../../src/domain/contract';

const cap = INDICATORS.find((i) => i.id === 'water_use_cap')!;
const agri = INDICATORS.find((i) => i.id === 'agri_saving_capacity')!;
const coef = INDICATORS.find((i) => i.id === 'irrigation_coefficient')!;
const pct = INDICATORS.find((i) => i.id === 'gdp_water_decline')!;

describe('reading figures', () => {
  it('moves the decimal point on the digits, never in floating point', () => {
    expect(shiftDecimal('20.23', 2)).toBe('2023');
    expect(shiftDecimal('0.9098', 2)).toBe('90.98');
    expect(shiftDecimal('0.0012', 2)).toBe('0.12');
    expect(shiftDecimal('0.5800', 2)).toBe('58.00'); // the document's printed precision stays
    expect(shiftDecimal('4215', -2)).toBe('42.15');
    expect(shiftDecimal('85', -2)).toBe('0.85');
    expect(shiftDecimal('1130', -2)).toBe('11.3'); // no zero the document did not print
    expect(shiftDecimal('0.1', 2)).toBe('10'); // 0.1 * 100 = 10.000000000000002 in floating point
    expect(shiftDecimal('-0', 2)).toBe('0');
  });

  it('reads an area of farmland in mu an English reader can say: millions, or plain mu below a million', () => {
    const mu = { unit_zh: '万亩', unit_en: '10,000 mu' };
    expect(figureWithUnit('500', mu, 'en')).toBe('5 million mu');
    expect(figureWithUnit('788.23', mu, 'en')).toBe('7.8823 million mu');
    expect(figureWithUnit('5', mu, 'en')).toBe('50,000 mu');
    expect(figureWithUnit('1', mu, 'en')).toBe('10,000 mu');
    expect(figureWithUnit('5', mu, 'zh')).toBe('5万亩');
    expect(unitLabel(mu, 'en')).toBe('million mu');
  });

  it('keeps the document digits in Chinese and converts in English', () => {
    expect(figureWithUnit('20.23', cap, 'zh')).toBe('20.23亿立方米');
    expect(figureWithUnit('20.23', cap, 'en')).toBe('2,023 million m³');
    expect(figureWithUnit('4215', agri, 'en')).toBe('42.15 million m³');
    expect(figureWithUnit('20.00', pct, 'en')).toBe('20.00%');
    expect(figureWithUnit('0.66', coef, 'en')).toBe('0.66');
    expect(figureWithUnit('0.66', coef, 'zh')).toBe('0.66');
    expect(readFigure('-0.00', pct, 'zh')).toBe('0.00');
    expect(unitLabel(cap, 'en')).toBe('million m³');
    expect(unitLabel(coef, 'zh')).toBe('比值，0～1');
    // no English unit reads as a number
    for (const i of INDICATORS) expect(unitLabel(i, 'en')).not.toMatch(/^\d/);
  });

  it('legend classes read in the same unit as the figures', () => {
    const meta = { ...cap, breaks: [0.9442, 1.9224], colors: ['#000000', '#111111', '#222222'], domain: [0.764, 3.0047], decimals: 4 } as unknown as IndicatorMeta;
    expect(legendClasses(meta, 'zh').map((c) => c.label)).toEqual(['<\u00a00.9442', '≥\u00a00.9442 且 <\u00a01.9224', '≥\u00a01.9224']);
    expect(legendClasses(meta, 'en').map((c) => c.label)).toEqual(['<\u00a094.42', '≥\u00a094.42, <\u00a0192.24', '≥\u00a0192.24']);
  });

  it('never prints -0', () => {
    expect(formatNumber(-0, 2)).toBe('0.00');
    expect(formatNumber(-0, 0, 'en')).toBe('0');
  });
});
