/** Pure formatting helpers shared by the pipeline (SVG, CSV) and the site. */
import type { IndicatorMeta } from './contract';

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A number with the digits the document prints for this indicator; no silent rounding of data. */
export function formatNumber(v: number, decimals: number, lang: 'zh' | 'en' = 'zh'): string {
  return v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: Math.max(decimals, 4) });
}

/** Legend classes from the pipeline's breaks: "< 1.4647", "≥ 1.4647 且 < 1.9674", "≥ 2.0827" (lower bound included). */
export function legendClasses(meta: IndicatorMeta, lang: 'zh' | 'en' = 'zh'): { color: string; label: string; min: number | null; max: number | null }[] {
  const b = meta.breaks;
  const f = (v: number) => formatNumber(v, meta.decimals, lang);
  return meta.colors.map((color, i) => {
    const min = i === 0 ? null : b[i - 1];
    const max = i === b.length ? null : b[i];
    const and = lang === 'zh' ? ' 且 ' : ', ';
    const label = min === null && max === null ? `${f(meta.domain[0])} – ${f(meta.domain[1])}` : min === null ? `< ${f(max!)}` : max === null ? `≥ ${f(min)}` : `≥ ${f(min)}${and}< ${f(max)}`;
    return { color, label, min, max };
  });
}

/** share 0..1 -> "12.3%" */
export const formatShare = (s: number) => `${(s * 100).toFixed(1)}%`;
