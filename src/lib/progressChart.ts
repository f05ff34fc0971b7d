/**
 * The small chart of a county page: one indicator's figures by year against the division's 2025
 * target, as SVG text rendered at build time (no client script). The target is a dashed line with
 * a light band on the side that meets it; "保持2020年水平" is that line at a decline of 0 (no rise
 * since 2020, the status rule of src/domain/progress.ts); "/" draws no line at all (there is no
 * target). Points take the progress scheme's colours (cellLook) and carry their figure as written.
 */
import type { ProgressSeries } from '../domain/contract';
import { PROGRESS_COLORS } from '../domain/cellLook';
import { escapeXml } from '../domain/format';
import type { Lang } from '../domain/vocabulary';

export interface ChartText {
  /** the line's label, e.g. "2025年目标 ≤ 0.9098" or "保持2020年水平（≥ 0）" */
  targetLabel: string | null;
  /** the chart in one sentence, for screen readers */
  summary: string;
  lang: Lang;
}

/** The last year on the axis: the plan's target year. */
export const TARGET_YEAR = 2025;
/** The first: the plan's baseline year. */
const BASE_YEAR = 2020;

/** 3 to 5 round tick values covering [lo, hi]. */
function ticks(lo: number, hi: number): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => span / s <= 4) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** Axis numbers with the fewest decimals that print every tick exactly ("0.6", "0.65"); data values are never rewritten. */
const tickText = (v: number, all: number[]) => {
  const d = [0, 1, 2, 3, 4, 5, 6].find((k) => all.every((x) => Number(x.toFixed(k)) === x)) ?? 6;
  return v.toFixed(d);
};

export function progressChartSvg(s: ProgressSeries, direction: 'at_most' | 'at_least', text: ChartText): string {
  const W = 340;
  const H = 168;
  const m = { l: 48, r: 14, t: 22, b: 26 };
  const years = s.series.map((p) => p.year);
  const x0 = Math.min(BASE_YEAR, ...years);
  const x1 = Math.max(TARGET_YEAR, ...years);
  const targetValue = s.target.status === 'value' ? s.target.value : s.target.status === 'maintain_2020' ? 0 : null;
  const vals = [...s.series.map((p) => p.value), ...(targetValue !== null ? [targetValue] : [])];
  let lo = Math.min(...vals);
  let hi = Math.max(...vals);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.15;
  lo -= pad;
  hi += pad;
  // amounts and coefficients cannot be negative: the axis does not pretend they could
  if (Math.min(...vals) >= 0 && lo < 0) lo = 0;
  const t = ticks(lo, hi);
  lo = Math.min(lo, t[0]);
  hi = Math.max(hi, t[t.length - 1]);
  const X = (y: number) => m.l + ((y - x0) / (x1 - x0)) * (W - m.l - m.r);
  const Y = (v: number) => m.t + (1 - (v - lo) / (hi - lo)) * (H - m.t - m.b);
  const f1 = (n: number) => n.toFixed(1);

  const parts: string[] = [];
  // the band on the side that meets the target, then the line
  if (targetValue !== null) {
    const yT = Y(targetValue);
    const meetsAbove = s.target.status === 'maintain_2020' || direction === 'at_least';
    const [bandTop, bandBottom] = meetsAbove ? [m.t, yT] : [yT, H - m.b];
    parts.push(`<rect class="band" x="${m.l}" y="${f1(bandTop)}" width="${W - m.l - m.r}" height="${f1(Math.max(0, bandBottom - bandTop))}" fill="${PROGRESS_COLORS.met}" fill-opacity="0.08"/>`);
    parts.push(`<line class="target" x1="${m.l}" x2="${W - m.r}" y1="${f1(yT)}" y2="${f1(yT)}" stroke="${PROGRESS_COLORS.met}" stroke-width="1.5" stroke-dasharray="5 3"/>`);
    if (text.targetLabel) {
      const above = yT - m.t > 16;
      parts.push(`<text x="${W - m.r}" y="${f1(above ? yT - 5 : yT + 13)}" text-anchor="end" font-size="11" fill="${PROGRESS_COLORS.met}">${escapeXml(text.targetLabel)}</text>`);
    }
  }
  // axes: value ticks on the left, every year below
  for (const v of t) {
    parts.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${f1(Y(v))}" y2="${f1(Y(v))}" stroke="#e3e6e8"/><text x="${m.l - 5}" y="${f1(Y(v) + 4)}" text-anchor="end" font-size="10" fill="#4a5560">${tickText(v, t)}</text>`);
  }
  for (let y = x0; y <= x1; y++) {
    parts.push(`<text x="${f1(X(y))}" y="${H - 8}" text-anchor="middle" font-size="10" fill="#4a5560">${y}</text>`);
  }
  // the figures, joined by a line where there are several
  if (s.series.length > 1) {
    parts.push(`<polyline fill="none" stroke="#6b7780" stroke-width="1.5" points="${s.series.map((p) => `${f1(X(p.year))},${f1(Y(p.value))}`).join(' ')}"/>`);
  }
  for (const p of s.series) {
    const cx = X(p.year);
    const cy = Y(p.value);
    parts.push(
      `<circle class="pt" data-year="${p.year}" data-status="${p.status}" cx="${f1(cx)}" cy="${f1(cy)}" r="4.5" fill="${PROGRESS_COLORS[p.status]}" stroke="#ffffff" stroke-width="1.5"/>` +
        `<text x="${f1(cx)}" y="${f1(cy - 8)}" text-anchor="middle" font-size="11" font-weight="700" fill="#1a1a1a" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(p.value_text)}</text>`,
    );
  }
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeXml(text.summary)}" font-family="inherit">${parts.join('')}</svg>`;
}
