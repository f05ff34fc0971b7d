/**
 * Build-time words for progress figures (county pages, cards, the home page's table and panels,
 * the presentation): a figure with its unit, a status in words, a division's 2025 target in
 * words, the chart's labels. The figure is always the text as written in the official's file.
 */
import type { AnnexCell, IndicatorMeta, ProgressMapStatus, ProgressPoint, ProgressSeries } from '../domain/contract';
import { progressLook } from '../domain/cellLook';
import { PROGRESS_WORDS, type Lang } from '../domain/vocabulary';
import { t, fill } from '../i18n';
import { cellLabel, unitOf } from './display';
import { progressChartSvg } from './progressChart';

/** "0.96 亿立方米", "16.50%" (a percent sign needs no space), "0.69" (a coefficient has no unit to print) */
export function figureWithUnit(p: Pick<ProgressPoint, 'value_text'>, m: Pick<IndicatorMeta, 'unit_zh' | 'unit_en'>, lang: Lang): string {
  const u = unitOf(m, lang);
  if (m.unit_zh === DIMENSIONLESS) return p.value_text;
  return u === '%' ? `${p.value_text}%` : `${p.value_text} ${u}`;
}
/** the registry's unit of a ratio (irrigation coefficient): said in the heading, not after each figure */
const DIMENSIONLESS = '无量纲';

/** 达标 / 未达标 / 无此项目标 / 暂无数据, with what it means */
export const statusWords = (s: ProgressMapStatus, lang: Lang) => progressLook(s, PROGRESS_WORDS[lang]);

/** A division's 2025 target in words: "不超过 0.9098 亿立方米", "保持2020年水平", "不适用（/）". */
export function targetWords(cell: AnnexCell, m: IndicatorMeta, lang: Lang): string {
  const s = t(lang);
  if (cell.status !== 'value') return cellLabel(cell, lang);
  return `${m.direction === 'at_most' ? s.atMost : s.atLeast} ${figureWithUnit({ value_text: cell.text }, m, lang)}`;
}

/** The county page's chart of one indicator, with its line label and a one-sentence summary. */
export function seriesChart(s: ProgressSeries, m: IndicatorMeta, name: string, lang: Lang): string {
  const P = t(lang).prog;
  const targetLabel =
    s.target.status === 'value'
      ? fill(P.targetLine, { dir: m.direction === 'at_most' ? P.atMostSign : P.atLeastSign, value: s.target.text })
      : s.target.status === 'maintain_2020'
        ? P.targetMaintain
        : null;
  const points = s.series
    .map((p) => fill(P.chartPoint, { year: p.year, value: figureWithUnit(p, m, lang), status: statusWords(p.status, lang).label }))
    .join(t(lang).listSep);
  const summary = fill(P.chartSummary, { name, points, target: targetLabel ?? P.targetNone });
  return progressChartSvg(s, m.direction, { targetLabel, summary, lang });
}
