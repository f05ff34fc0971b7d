/**
 * The map's progress view, as the client sees it: which years each indicator has, each
 * division's status in each (indicator, year) and its figure in words, all precomputed at build
 * time from progress.json (src/lib/progressText.ts progressViewConfig). Pure and small: the home
 * page, the embed and the presentation import it without any string table.
 */
import type { ProgressMapStatus } from '../domain/contract';
import type { IndicatorId } from '../domain/indicators';
import type { AtlasState } from './urlState';

export interface ProgressViewConfig {
  /** built from the invented demonstration file: every view says 示例数据 */
  example: boolean;
  /** per indicator, the years with at least one figure, ascending (the year selector's choices) */
  years: Partial<Record<IndicatorId, number[]>>;
  /** mapKey(indicator, year) -> each county's status (the pipeline's ProgressMap) */
  maps: Record<string, Record<string, ProgressMapStatus>>;
  /** mapKey(indicator, year) -> each division's figure as written, with its unit ("0.96 亿立方米") */
  figures: Record<string, Record<string, string>>;
  /**
   * the distinct (source, date of update) pairs the rows name, the date as the words that follow the
   * source in the page's language ("；更新日期：2025年8月15日"; "" where the file gives none); mapKey(indicator, year) -> each division's pair as an
   * index into it
   */
  sourceList: [string, string][];
  sources: Record<string, Record<string, number>>;
}

/** What the page shows of one division in the progress map on show (null: no figure). */
export function progressFigure(p: ProgressViewConfig, key: string, adcode: string): { figure: string; source: string; updated: string } | null {
  const figure = p.figures[key]?.[adcode];
  const i = p.sources[key]?.[adcode];
  return figure === undefined || i === undefined ? null : { figure, source: p.sourceList[i][0], updated: p.sourceList[i][1] };
}

/** The distinct sources of one progress map's figures, in the order of the list. */
export const mapSources = (p: ProgressViewConfig, key: string): string[] => [
  ...new Set(
    [...new Set(Object.values(p.sources[key] ?? {}))].sort((a, b) => a - b).map((i) => p.sourceList[i][0]),
  ),
];

export const mapKey = (indicator: string, year: number) => `${indicator}|${year}`;

/** The year the progress view shows: the asked one if the indicator has it, else its newest; null if it has none. */
export function resolveYear(s: Pick<AtlasState, 'indicator' | 'year'>, p: Pick<ProgressViewConfig, 'years'>): number | null {
  const years = p.years[s.indicator] ?? [];
  if (!years.length) return null;
  return s.year !== null && years.includes(s.year) ? s.year : years[years.length - 1];
}

/** The statuses the map paints in this state, or null (the target view, or no figure for this indicator). */
export function progressStatuses(s: Pick<AtlasState, 'indicator' | 'year' | 'mode'>, p: Pick<ProgressViewConfig, 'years' | 'maps'> | undefined): Record<string, ProgressMapStatus> | null {
  if (!p || s.mode !== 'progress') return null;
  const y = resolveYear(s, p);
  return y === null ? null : (p.maps[mapKey(s.indicator, y)] ?? null);
}
