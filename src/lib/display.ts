/** Build-time text for figures: always the document's own digits, never a recomputed rounding. */
import type { AnnexCell, CountyProps, IndicatorMeta, Target } from '../contract';
import { t, fill, type Lang } from '../i18n';
import type { IndicatorId } from '../config/indicators';

export function cellLabel(cell: Pick<AnnexCell, 'status' | 'text'>, lang: Lang): string {
  const s = t(lang);
  if (cell.status === 'maintain_2020') return s.maintain;
  if (cell.status === 'not_applicable') return s.notApplicable;
  return cell.text;
}

export function countyCell(p: CountyProps, id: IndicatorId): Pick<AnnexCell, 'status' | 'text'> {
  return { status: p[`${id}_status`], text: p[`${id}_text`] };
}

export const unitOf = (m: Pick<IndicatorMeta, 'unit_zh' | 'unit_en'>, lang: Lang) => (lang === 'zh' ? m.unit_zh : m.unit_en);
export const nameOf = (x: { name_zh: string; name_en: string }, lang: Lang) => (lang === 'zh' ? x.name_zh : x.name_en);

/** "不超过", "不低于", … with "力争" (strive for) in front where the document's own words say so */
export function targetDirection(tg: Target, lang: Lang): string {
  const s = t(lang);
  const word =
    tg.direction === 'at_most' ? s.atMost
    : tg.direction === 'at_least' ? s.atLeast
    : tg.direction === 'reduce_by' ? fill(s.reduceBy, { year: tg.baseline_year ?? '' })
    : tg.direction === 'exact' ? s.exact
    : s.stated;
  return tg.quote.includes('力争') ? `${s.strive}${word}` : word;
}

/** One sentence that says what the current choropleth shows, for the map's text alternative. */
export function choroplethSummary(meta: IndicatorMeta, counties: CountyProps[], lang: Lang): string {
  const id = meta.id;
  const nums = counties.filter((p) => p[`${id}_status`] === 'value');
  const top = nums.filter((p) => p[`${id}_rank`] === 1);
  const min = Math.min(...nums.map((p) => p[id] as number));
  const bottom = nums.filter((p) => p[id] === min);
  const maintain = counties.filter((p) => p[`${id}_status`] === 'maintain_2020');
  const na = counties.filter((p) => p[`${id}_status`] === 'not_applicable');
  const names = (ps: CountyProps[]) => ps.map((p) => nameOf(p, lang)).join(lang === 'zh' ? '、' : ', ');
  const unit = unitOf(meta, lang);
  const txt = (ps: CountyProps[]) => `${names(ps)} ${ps[0][`${id}_text`]} ${unit}`;
  if (lang === 'zh') {
    let out = `地图按“${meta.name_zh}”为12个旗县区着色，颜色越深数值越大。最高：${txt(top)}；最低：${txt(bottom)}。`;
    if (maintain.length) out += `${names(maintain)}的目标为“保持2020年水平”（斜线填充）。`;
    if (na.length) out += `${names(na)}不适用（灰色）。`;
    return out;
  }
  let out = `The map shades the 12 divisions by “${meta.name_en}”; darker means higher. Highest: ${txt(top)}; lowest: ${txt(bottom)}.`;
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
