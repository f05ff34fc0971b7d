/** Build-time text for figures: always the document's own digits, never a recomputed rounding. */
import { countyCell, type AnnexCell, type CoalMineProps, type CountyProps, type IndicatorMeta, type Target } from '../domain/contract';
import { cellLabel as labelOf } from '../domain/cellLook';
import { CELL_WORDS } from '../domain/vocabulary';
import { t, fill, type Lang } from '../i18n';

/** A cell in the reader's words: the document's digits, or "保持2020年水平" / "不适用（/）". */
export const cellLabel = (cell: Pick<AnnexCell, 'status' | 'text'>, lang: Lang): string => labelOf(cell, CELL_WORDS[lang]);

export const unitOf = (m: Pick<IndicatorMeta, 'unit_zh' | 'unit_en'>, lang: Lang) => (lang === 'zh' ? m.unit_zh : m.unit_en);
export const nameOf = (x: { name_zh: string; name_en: string }, lang: Lang) => (lang === 'zh' ? x.name_zh : x.name_en);

/** "不超过", "不低于", … with "力争" (strive for) in front where the document's own words say so */
export function targetDirection(tg: Target, lang: Lang): string {
  const s = t(lang);
  const word =
    tg.direction === 'at_most' ? s.atMost
    : tg.direction === 'at_least' ? s.atLeast
    : tg.direction === 'reduce_by' ? fill(s.reduceBy, { year: tg.baseline_year ?? '' })
    : tg.direction === 'cut_by' ? s.cutBy
    : tg.direction === 'exact' ? s.exact
    : s.stated;
  return tg.quote.includes('力争') ? `${s.strive}${word}` : word;
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
  const unit = unitOf(meta, lang);
  const txt = (xs: typeof cells) => `${names(xs)} ${xs[0].c.text} ${unit}`;
  const n = counties.length;
  if (lang === 'zh') {
    let out = `地图按“${meta.name_zh}”为${n}个旗县区着色，颜色越深数值越大。最高：${txt(top)}；最低：${txt(bottom)}。`;
    if (maintain.length) out += `${names(maintain)}的目标为“保持2020年水平”（斜线填充）。`;
    if (na.length) out += `${names(na)}不适用（灰色）。`;
    return out;
  }
  let out = `The map shades the ${n} divisions by “${meta.name_en}”; darker means higher. Highest: ${txt(top)}; lowest: ${txt(bottom)}.`;
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
