/** Build-time text for figures: always the document's own digits, never a recomputed rounding. */
import type { AnnexCell, CoalMineProps, CountyProps, IndicatorMeta, Target } from '../domain/contract';
import { countyCell } from '../domain/cells';
import { cellLabel as labelOf } from '../domain/cellLook';
import { figureWithUnit, readFigure, unitAfter, unitLabel, type UnitPair } from '../domain/format';
import { CELL_WORDS } from '../domain/vocabulary';
import { t, fill, type Lang } from '../i18n';

/**
 * A cell in the reader's words: the document's digits (in English, converted to a unit English
 * readers know), or "保持2020年水平" / "不适用（/）".
 */
export const cellLabel = (cell: Pick<AnnexCell, 'status' | 'text'>, unit: UnitPair, lang: Lang): string => labelOf(cell, unit, CELL_WORDS[lang]);
/** The same with the unit after a number: "0.9098亿立方米", "90.98 million m³", "不适用（/）". */
export const cellWithUnit = (cell: Pick<AnnexCell, 'status' | 'text'>, unit: UnitPair, lang: Lang): string =>
  cell.status === 'value' ? figureWithUnit(cell.text, unit, lang) : labelOf(cell, unit, CELL_WORDS[lang]);

/** The unit for headers and labels, in the reader's language (format.ts unitLabel). */
export const unitOf = (m: UnitPair, lang: Lang) => unitLabel(m, lang);
export const nameOf = (x: { name_zh: string; name_en: string }, lang: Lang) => (lang === 'zh' ? x.name_zh : x.name_en);

export interface TargetParts {
  /** words before the figure: "不超过", "较2020年下降不少于", "at least" */
  before: string;
  /** the figure in the reader's unit (format.ts readFigure) */
  figure: string;
  /** the unit after it: "亿立方米", "%", "million m³" (empty for a ratio) */
  unit: string;
  /** words after it: "below 2020" */
  after: string;
}

/**
 * A city-wide target as words around its figure, in the reader's word order: "较2020年下降不少于
 * 20%", "at least 20% below 2020", with "力争" (aim for) in front where the document says so.
 */
export function targetParts(tg: Target, lang: Lang): TargetParts {
  const s = t(lang);
  const template =
    tg.direction === 'at_most' ? s.atMost
    : tg.direction === 'at_least' ? s.atLeast
    : tg.direction === 'reduce_by' ? s.reduceBy
    : tg.direction === 'cut_by' ? s.cutBy
    : tg.direction === 'exact' ? s.exact
    : s.stated;
  const [before, after = ''] = fill(template, { year: tg.baseline_year ?? '', v: '{v}' }).split('{v}');
  return {
    before: tg.quote.includes('力争') ? `${s.strive}${before}` : before,
    figure: readFigure(tg.value_text, tg, lang),
    unit: unitAfter(tg, lang, tg.value_text),
    after,
  };
}

/** The same as one string: "不超过20.23亿立方米", "at most 2,023 million m³". */
export function targetText(tg: Target, lang: Lang): string {
  const p = targetParts(tg, lang);
  const sp = lang === 'zh' ? '' : ' ';
  const unit = p.unit && (lang === 'zh' || p.unit === '%' ? p.unit : ` ${p.unit}`);
  return [p.before.trim(), `${p.figure}${unit}`, p.after.trim()].filter(Boolean).join(sp);
}

/** One sentence that says what the current choropleth shows, for the map's text alternative. */
export function choroplethSummary(meta: IndicatorMeta, counties: CountyProps[], lang: Lang): string {
  const cells = counties.map((p) => ({ p, c: countyCell(p, meta.id) }));
  const nums = cells.filter((x) => x.c.status === 'value');
  const top = nums.filter((x) => x.c.rank === 1);
  const min = Math.min(...nums.map((x) => x.c.value as number));
  const bottom = nums.filter((x) => x.c.value === min);
  const maintain = cells.filter((x) => x.c.status === 'maintain_2020');
  const na = cells.filter((x) => x.c.status === 'not_applicable');
  const names = (xs: typeof cells) => xs.map((x) => nameOf(x.p, lang)).join(t(lang).listSep);
  const txt = (xs: typeof cells) => `${names(xs)} ${figureWithUnit(xs[0].c.text, meta, lang)}`;
  const n = counties.length;
  if (lang === 'zh') {
    let out = `地图按“${meta.name_zh}”为${n}个旗县区着色，颜色越深数值越大。最高：${txt(top)}；最低：${txt(bottom)}。`;
    if (maintain.length) out += `${names(maintain)}的目标为“保持2020年水平”（斜线填充）。`;
    if (na.length) out += `${names(na)}不适用（灰色）。`;
    return out;
  }
  let out = `The map shades the ${n} counties by “${meta.name_en}”; darker means higher. Highest: ${txt(top)}; lowest: ${txt(bottom)}.`;
  if (maintain.length) out += ` ${names(maintain)}: hold at the 2020 level (hatched).`;
  if (na.length) out += ` ${names(na)}: not applicable (grey).`;
  return out;
}

const NUMERALS: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/**
 * A section reference of the document in the reader's language: "二（七）1" -> "§2 (7) 1",
 * "一、工作目标" -> "§1 Work targets"; the Chinese is kept for the Chinese edition.
 */
export function sectionLabel(section: string, lang: Lang): string {
  if (lang === 'zh') return section;
  return section
    .replace(/一、工作目标/g, '§1 Work targets')
    .replace(/([一二三四五六七八九])（([一二三四五六七八九])）/g, (_, a, b) => `§${NUMERALS[a]} (${NUMERALS[b]}) `)
    .replace(/；/g, '; ')
    .replace(/\s+$/, '')
    .replace(/ +/g, ' ');
}

/** A coal mine's name in the reader's language: GEM's Chinese name where it gives one. */
export const mineName = (m: CoalMineProps, lang: Lang) => (lang === 'zh' && m.name_zh ? m.name_zh : m.name_en);

/**
 * A coal mine in one line, from GEM's fields as published: "在产 · 产能 12 百万吨/年 · 露天",
 * "拟建（试运行）· …", "已关闭（2020年关闭）· …". The capacity is GEM's number (Mt a year), never converted.
 */
export function mineLine(m: CoalMineProps, lang: Lang): string {
  const w = t(lang).mines;
  const detail = m.status_detail ? (w.statusDetail[m.status_detail] ?? m.status_detail) : '';
  const closed = m.status === 'closed' && m.closing_year !== null ? fill(w.closedIn, { year: m.closing_year }) : '';
  const status = w.status[m.status] + [detail, closed].filter(Boolean).map((x) => (lang === 'zh' ? `（${x}）` : ` (${x})`)).join('');
  const capacity = m.capacity_mtpa !== null ? fill(w.capacity, { v: String(m.capacity_mtpa) }) : w.noCapacity;
  const type = w.type[m.mine_type] ?? m.mine_type;
  return [status, capacity, type].filter(Boolean).join(' · ');
}
