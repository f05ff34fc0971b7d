/**
 * Build-time words for progress figures (county pages, cards, the home page's table and panels,
 * the presentation): a figure with its unit, a status in words, a division's 2025 target in
 * words, the chart's labels. The figure is always the text as written in the official's file.
 */
import type { AnnexCell, IndicatorMeta, ProgressFile, ProgressMapStatus, ProgressPoint, ProgressSeries } from '../domain/contract';
import { progressLook } from '../domain/cellLook';
import { figureShift, figureWithUnit as formatFigureWithUnit, formatDate, shiftDecimal, type UnitPair } from '../domain/format';
import { PROGRESS_WORDS, type Lang } from '../domain/vocabulary';
import { t, fill } from '../i18n';
import { cellLabel, unitOf } from './display';
import { progressChartSvg } from './progressChart';
import { mapKey, type ProgressViewConfig } from './progressView';

/** "0.96亿立方米", "16.50%", "0.69" (a ratio has no unit to print); in English the exact conversion ("96 million m³"), as every other figure on the site (format.ts) */
export function figureWithUnit(p: Pick<ProgressPoint, 'value_text'>, m: UnitPair, lang: Lang): string {
  return formatFigureWithUnit(p.value_text, m, lang);
}
/** the registry's unit of a ratio (irrigation coefficient): said in the heading, not after each figure */
const DIMENSIONLESS = '无量纲';

/** 达标 / 未达标 / 无此项目标 / 暂无数据, with what it means */
export const statusWords = (s: ProgressMapStatus, lang: Lang) => progressLook(s, PROGRESS_WORDS[lang]);

/** A division's 2025 target in words: "不超过 0.9098 亿立方米", "保持2020年水平", "不适用（/）". */
export function targetWords(cell: AnnexCell, m: IndicatorMeta, lang: Lang): string {
  const s = t(lang);
  if (cell.status !== 'value') return cellLabel(cell, m, lang);
  // "不超过{v}" / "at most {v}": the direction's words around the figure
  return fill(m.direction === 'at_most' ? s.atMost : s.atLeast, { v: figureWithUnit({ value_text: cell.text }, m, lang) });
}

/** A series with its figures and target moved `pow10` decimal places (a unit the reader knows); unchanged for 0. */
function inReadersUnit(s: ProgressSeries, pow10: number): ProgressSeries {
  if (pow10 === 0) return s;
  const point = (p: ProgressPoint): ProgressPoint => {
    const value_text = shiftDecimal(p.value_text, pow10);
    return { ...p, value_text, value: Number(value_text) };
  };
  const target = s.target.status === 'value' ? { ...s.target, text: shiftDecimal(s.target.text, pow10), value: Number(shiftDecimal(s.target.text, pow10)) } : s.target;
  return { ...s, target, series: s.series.map(point), latest: s.latest && point(s.latest) };
}

/** The county page's chart of one indicator, with its line label and a one-sentence summary. */
export function seriesChart(series: ProgressSeries, m: IndicatorMeta, name: string, lang: Lang): string {
  const P = t(lang).prog;
  // the axis, the points' labels and the target line in the unit the page states (English: million m³),
  // converted exactly on the printed digits as every other figure (format.ts readFigure)
  const s = inReadersUnit(series, figureShift(m, lang));
  const targetLabel =
    s.target.status === 'value'
      ? fill(P.targetLine, { dir: m.direction === 'at_most' ? P.atMostSign : P.atLeastSign, value: s.target.text })
      : s.target.status === 'maintain_2020'
        ? P.targetMaintain
        : null;
  // the sentence reads the figures as written (figureWithUnit converts them itself)
  const points = series.series
    .map((p) => fill(P.chartPoint, { year: p.year, value: figureWithUnit(p, m, lang), status: statusWords(p.status, lang).label }))
    .join(t(lang).listSep);
  const summary = fill(P.chartSummary, { name, points, target: targetLabel ?? P.targetNone });
  return progressChartSvg(s, m.direction, { targetLabel, summary, lang });
}

/**
 * A figure's source as the reader's page names it: the file's own words (a publication's title
 * stays as published), except that the example file's Chinese note reads in English on English pages.
 */
export function sourceText(r: { source: string; example?: boolean }, lang: Lang): string {
  return r.example && lang === 'en' ? t(lang).prog.exampleSource : r.source;
}

/** "；更新日期：2025年8月15日" / "; Updated: 15 August 2025": what follows a figure's source where the file dates it */
export function updatedAfterSource(iso: string, lang: Lang): string {
  return t(lang).clauseSep + fill(t(lang).prog.updated, { date: formatDate(iso, lang) });
}

/** What the map's progress view needs on the client, from progress.json: years, statuses, figures in words. */
export function progressViewConfig(p: ProgressFile, meta: IndicatorMeta[], lang: Lang): ProgressViewConfig {
  const unitOfId = new Map(meta.map((m) => [m.id, m]));
  const figures: ProgressViewConfig['figures'] = {};
  const sources: ProgressViewConfig['sources'] = {};
  const sourceList: ProgressViewConfig['sourceList'] = [];
  const pairIndex = new Map<string, number>();
  for (const r of p.rows) {
    const key = mapKey(r.indicator, r.year);
    (figures[key] ??= {})[r.adcode] = figureWithUnit(r, unitOfId.get(r.indicator)!, lang);
    const pair: [string, string] = [sourceText(r, lang), r.updated ? updatedAfterSource(r.updated, lang) : ''];
    const id = JSON.stringify(pair);
    if (!pairIndex.has(id)) pairIndex.set(id, sourceList.push(pair) - 1);
    (sources[key] ??= {})[r.adcode] = pairIndex.get(id)!;
  }
  return {
    example: p.example,
    sourceList,
    sources,
    years: Object.fromEntries(p.indicators.filter((x) => x.years.length).map((x) => [x.id, x.years])),
    maps: Object.fromEntries(p.maps.map((m) => [mapKey(m.indicator, m.year), m.statuses])),
    figures,
  };
}

/** One sentence saying what a progress map shows, for its text alternative: "…：达标8个、未达标4个。" */
export function progressSummary(m: ProgressFile['maps'][number], meta: IndicatorMeta, lang: Lang): string {
  const P = t(lang).prog;
  const words = PROGRESS_WORDS[lang];
  const counts = (['met', 'not_met', 'no_target', 'no_data'] as const)
    .filter((k) => m.counts[k] > 0)
    .map((k) => fill(P.summaryCount, { label: words.label[k], n: m.counts[k] }))
    .join(t(lang).listSep);
  return fill(P.summary, { year: m.year, name: lang === 'zh' ? meta.name_zh : meta.name_en, counts });
}
