/** Pure formatting helpers shared by the pipeline (SVG, CSV) and the site. */
import type { IndicatorMeta } from './contract';

type Lang = 'zh' | 'en';

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** -0 reads as "-0" in toLocaleString and as a sign in spreadsheets: never publish it. */
export const noNegativeZero = (v: number): number => (v === 0 ? 0 : v);

/** A number with the digits the document prints for this indicator; no silent rounding of data. */
export function formatNumber(v: number, decimals: number, lang: Lang = 'zh'): string {
  return noNegativeZero(v).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: Math.max(decimals, 4) });
}

/** A day as the reader's (or the build machine's) calendar shows it, YYYY-MM-DD in local time: "today" for the progress checks. */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** A YYYY-MM-DD date as a reader writes it: 2026年3月22日, 22 March 2026 (no time zone involved). */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

/** The unit fields a figure carries (an indicator of the registry, a city-wide target). */
export interface UnitPair {
  unit_zh: string;
  unit_en: string;
}

/**
 * How a unit of the document reads in English. "20.23 100 million m³" reads as two numbers, so an
 * English reader gets the figure in a unit they know: the decimal point moves `pow10` places
 * (done on the printed digits, so the conversion is exact: 20.23 亿 m³ = 2,023 million m³) and
 * `unit` is written after it. `after_zh` / `after_en` override what follows a figure (a ratio
 * has no unit after it). The one table of conversions: every card, panel, table, legend,
 * label, presentation and export reads figures through readFigure() below.
 */
const READINGS: Record<string, { pow10: number; unit_en: string; after_zh?: string; after_en?: string; plain?: { below: number; pow10: number; unit_en: string } }> = {
  // 1 亿 = 100,000,000 = 100 million
  亿立方米: { pow10: 2, unit_en: 'million m³' },
  // 1 万 = 10,000 = 0.01 million
  万立方米: { pow10: -2, unit_en: 'million m³' },
  // 500 万亩 = 5 million mu; but 5 万亩 reads "50,000 mu", not "0.05 million mu"
  万亩: { pow10: -2, unit_en: 'million mu', plain: { below: 100, pow10: 4, unit_en: 'mu' } },
  // the irrigation coefficient: a plain ratio, nothing written after the figure
  '比值，0～1': { pow10: 0, unit_en: 'ratio, 0 to 1', after_zh: '', after_en: '' },
};

/**
 * Move the decimal point of a printed number `pow10` places, exactly (on the digits, never in
 * floating point): ("20.23", 2) -> "2023", ("4215", -2) -> "42.15", ("0.5800", 2) -> "58.00".
 * Zeros the shift adds to a whole number are not precision the document printed: ("150", -2)
 * -> "1.5", ("1130", -2) -> "11.3".
 */
export function shiftDecimal(text: string, pow10: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m || pow10 === 0) return text;
  const [, sign, int, frac = ''] = m;
  const digits = int + frac;
  const point = int.length + pow10;
  let whole: string;
  let rest: string;
  if (point <= 0) {
    whole = '0';
    rest = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    whole = digits + '0'.repeat(point - digits.length);
    rest = '';
  } else {
    whole = digits.slice(0, point);
    rest = digits.slice(point);
  }
  whole = whole.replace(/^0+(?=\d)/, '');
  // keep the document's printed decimals; drop only zeros that came from a whole number's integer part
  if (!text.includes('.')) rest = rest.replace(/0+$/, '');
  const out = rest ? `${whole}.${rest}` : whole;
  return /^0(\.0*)?$/.test(out) ? out : sign + out;
}

/** How many places readFigure() moves the decimal point for this unit in this language (0 in Chinese). */
export function figureShift(u: UnitPair, lang: Lang): number {
  return lang === 'zh' ? 0 : (READINGS[u.unit_zh]?.pow10 ?? 0);
}

/** "2023" -> "2,023" (English thousands); the fraction is left alone. */
const groupThousands = (s: string) => s.replace(/^(-?\d+)/, (w) => w.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

/** The unit for a header or a label: "亿立方米" / "million m³". */
export function unitLabel(u: UnitPair, lang: Lang): string {
  if (lang === 'zh') return u.unit_zh;
  return READINGS[u.unit_zh]?.unit_en ?? u.unit_en;
}

/** The English reading for this figure: a small area in plain mu, else the unit's usual reading. */
function readingOf(u: UnitPair, text?: string) {
  const r = READINGS[u.unit_zh];
  return r?.plain && text !== undefined && Math.abs(Number(text)) < r.plain.below ? { ...r, ...r.plain } : r;
}

/** What follows a figure (`text`, as printed, where the reading depends on its size): "亿立方米", "%", "million m³", "mu", or nothing for a ratio. */
export function unitAfter(u: UnitPair, lang: Lang, text?: string): string {
  const r = readingOf(u, text);
  if (lang === 'zh') return r?.after_zh ?? u.unit_zh;
  return r?.after_en ?? r?.unit_en ?? u.unit_en;
}

/**
 * A printed figure in the reader's language: the document's own digits in Chinese; in English the
 * exact conversion to the unit of unitLabel(), with thousands grouped.
 */
export function readFigure(text: string, u: UnitPair, lang: Lang): string {
  const t = /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
  if (lang === 'zh') return t;
  const r = readingOf(u, t);
  return groupThousands(r ? shiftDecimal(t, r.pow10) : t);
}

/** A figure with its unit: "0.9098亿立方米", "20%", "90.98 million m³", "0.66". */
export function figureWithUnit(text: string, u: UnitPair, lang: Lang): string {
  const n = readFigure(text, u, lang);
  const after = unitAfter(u, lang, text);
  if (!after) return n;
  // no space in Chinese, nor before a per cent sign; a space before an English word
  return lang === 'zh' || after === '%' ? `${n}${after}` : `${n} ${after}`;
}

/** Legend classes from the pipeline's breaks: "< 1.4647", "≥ 1.4647 且 < 1.9674", "≥ 2.0827" (lower bound included; no-break spaces after the signs). */
export function legendClasses(meta: IndicatorMeta, lang: Lang = 'zh'): { color: string; label: string; min: number | null; max: number | null }[] {
  const b = meta.breaks;
  // the printed digits (no grouping), then the reader's conversion
  const f = (v: number) => readFigure(formatNumber(v, meta.decimals, 'en').replace(/,/g, ''), meta, lang);
  return meta.colors.map((color, i) => {
    const min = i === 0 ? null : b[i - 1];
    const max = i === b.length ? null : b[i];
    const and = lang === 'zh' ? ' 且 ' : ', ';
    // a no-break space ties each sign to its number: a line never ends in a lone "<"
    const label = min === null && max === null ? `${f(meta.domain[0])} – ${f(meta.domain[1])}` : min === null ? `<\u00a0${f(max!)}` : max === null ? `≥\u00a0${f(min)}` : `≥\u00a0${f(min)}${and}<\u00a0${f(max)}`;
    return { color, label, min, max };
  });
}

/** A county's rank in the registry's words for it (IndicatorDef rank_zh / rank_en): what is ordered, which way. */
export function rankText(meta: Pick<IndicatorMeta, 'rank_zh' | 'rank_en' | 'ranked'>, rank: number, lang: Lang): string {
  return (lang === 'zh' ? meta.rank_zh : meta.rank_en).replace('{rank}', String(rank)).replace('{of}', String(meta.ranked));
}

/**
 * Width of a map label in px: CJK characters are one em wide; Latin letters about 0.6 em in the
 * semibold sans the maps use (Noto Sans at 13 px: "Hongshan District" ≈ 118 px, a little over).
 * Used where labels are placed (data-pipeline/steps/placeLabels.ts) and boxed (SVG callouts).
 */
export function textWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return em * fontPx;
}

/** share 0..1 -> "12.3%" */
export const formatShare = (s: number) => `${(s * 100).toFixed(1)}%`;
