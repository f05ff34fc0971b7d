/**
 * What the share tools (shareTools.ts) and the PNG export (exportPng.ts, loaded only when asked for)
 * read from the page config: types only, in a file of their own so that neither imports the other.
 */
import type { LegendItem } from '../domain/cellLook';
import type { ProgressViewConfig } from '../lib/progressView';
import type { ProgressWords } from '../domain/vocabulary';
import type { ProgressPageConfig } from './progressControls';

/** A project layer in the PNG's legend: drawn as a line or an area in its colour, dashed if schematic. */
export interface LayerLegendItem {
  label: string;
  color: string;
  shape: 'line' | 'area' | 'point';
  dashed: boolean;
}

export interface ShareConfig {
  lang: 'zh' | 'en';
  /** the embed page of this edition, with the base path: "/en/embed/" */
  embedPath: string;
  strings: {
    copied: string;
    siteName: string;
    unit: string;
    pngSource: string;
    pngBoundary: string;
    pngSchematic: string;
    pngSelected: string;
    pngNeedsMap: string;
  };
  /** the embed dialog's feedback words */
  embedCopied: string;
  /** the site's root with the base path ("/" or "/jieshui/"): the auto-height lines resize only frames under it */
  siteRoot: string;
  /** GEM's credit and licence, added to the PNG when the coal mines are on it (CC BY 4.0) */
  pngMinesNote?: string;
  legends: Record<string, LegendItem[]>;
  /** the project layers as the PNG legend draws them, by layer id */
  layerLegend: Record<string, LayerLegendItem>;
  names: Record<string, string>;
  /** the progress view: per map key (indicator|year) its legend and title, and the notes ("{year}" filled here) */
  progressLegends: Record<string, LegendItem[]>;
  progressTitles: Record<string, string>;
  progressNotes: string[];
  progress: ProgressViewConfig;
  progressWords: ProgressWords;
  progressStrings: ProgressPageConfig['progressStrings'];
}
