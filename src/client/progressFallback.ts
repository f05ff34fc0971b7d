/**
 * The progress view without WebGL: a static map drawn from the pipeline's projected county paths
 * (county-paths.json) and the page's precomputed statuses, as an SVG image (a data: URL the page's
 * <img> shows). Loaded only when needed.
 */
import type { CountyPathsFile } from '../domain/contract';
import type { LegendItem } from '../domain/cellLook';
import type { ProgressWords } from '../domain/vocabulary';
import type { AtlasState } from '../lib/urlState';
import { mapKey, type ProgressViewConfig } from '../lib/progressView';
import { progressSvg } from '../lib/progressSvg';

export interface FallbackConfig {
  lang: 'zh' | 'en';
  pathsUrl: string;
  progress: ProgressViewConfig;
  progressWords: ProgressWords;
  progressLegends: Record<string, LegendItem[]>;
  /** the map's title and notes per progress map, as rendered on the page at build time */
  progressTitles: Record<string, string>;
  progressNotes: string[];
}

let paths: Promise<CountyPathsFile> | null = null;

/** The progress map of the state's indicator and year as SVG text (the embed puts it into the page as it does the target map). */
export async function progressSvgText(cfg: FallbackConfig, s: AtlasState): Promise<string> {
  paths ??= fetch(cfg.pathsUrl).then((r) => {
    if (!r.ok) throw new Error(`${cfg.pathsUrl}: HTTP ${r.status}`);
    return r.json();
  });
  const key = mapKey(s.indicator, s.year!);
  return progressSvg({
    paths: await paths,
    statuses: cfg.progress.maps[key],
    title: cfg.progressTitles[key],
    legend: cfg.progressLegends[key],
    notes: cfg.progressNotes.map((n) => n.replace('{year}', String(s.year))),
    words: cfg.progressWords,
    lang: cfg.lang,
  });
}

/** The same as an image's src: a data: URL (not blob:), the image is its own text, readable and nothing to revoke. */
export async function staticProgressMap(cfg: FallbackConfig, s: AtlasState): Promise<string> {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(await progressSvgText(cfg, s))}`;
}
