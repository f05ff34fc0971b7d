/**
 * How one cell of a choropleth looks: its fill, whether it is hatched, its label, and the
 * legend that explains them. Decided here once; the pipeline's SVG maps, the deck.gl layers,
 * the tooltip, the HTML legends, the PNG export and the presentation all call this module and
 * none of them rebuilds the decision. Pure and small: it takes the words it needs (CellWords),
 * so a client bundle that imports it does not pull in the site's string tables.
 */
import type { CellStatus, IndicatorMeta, ProgressMap, ProgressMapStatus } from './contract';
import { legendClasses, readFigure, type UnitPair } from './format';
import type { CellWords, Lang, ProgressKey, ProgressWords } from './vocabulary';

/**
 * Colours of the two non-numeric statuses: neutral tones outside every sequential scheme.
 * "/" is a mid grey, not white: white fell within ΔE 5 of YlGn's lightest class under simulated
 * tritanopia (tests/site/palettes.test.ts); "保持2020年水平" is also hatched on every map.
 */
export const STATUS_COLORS = { maintain_2020: '#d9d2c5', not_applicable: '#8c8c8c' } as const;
export type StatusColors = { maintain_2020: string; not_applicable: string };
/** colour of the hatch lines drawn over "保持2020年水平" */
export const HATCH_LINE = '#6b6357';

/** What is needed of a cell to draw it: its status, its printed text and its colour class. */
export interface CellInput {
  status: CellStatus;
  text: string;
  /** class index into meta.colors; null without a number */
  cls: number | null;
}

export interface Look {
  /** #rrggbb fill (for a hatched cell: the colour under the hatch lines) */
  fill: string;
  hatch: boolean;
  /** the cell in words: the document's digits, or the status word */
  label: string;
  /** the same, short enough for a label on a map */
  short: string;
  /** the fill is dark: write on it in white */
  dark: boolean;
}

/** Whether a cell of this status is drawn hatched (the pipeline clips hatch lines for these once). */
export const isHatched = (status: CellStatus): boolean => status === 'maintain_2020';

/**
 * A cell in words: the figure (the document's digits; in English, converted to a unit English
 * readers know, see format.ts readFigure), or the word for its status.
 */
export function cellLabel(cell: Pick<CellInput, 'status' | 'text'>, unit: UnitPair, words: CellWords): string {
  return cell.status === 'maintain_2020' ? words.maintain : cell.status === 'not_applicable' ? words.notApplicable : readFigure(cell.text, unit, words.lang);
}

export function cellLook(cell: CellInput, meta: Pick<IndicatorMeta, 'colors' | 'unit_zh' | 'unit_en'>, words: CellWords): Look {
  if (cell.status === 'maintain_2020') {
    return { fill: STATUS_COLORS.maintain_2020, hatch: isHatched(cell.status), label: words.maintain, short: words.maintainShort, dark: false };
  }
  if (cell.status === 'not_applicable') {
    return { fill: STATUS_COLORS.not_applicable, hatch: false, label: words.notApplicable, short: words.notApplicableShort, dark: false };
  }
  const cls = cell.cls ?? 0;
  const label = readFigure(cell.text, meta, words.lang);
  return { fill: meta.colors[cls], hatch: false, label, short: label, dark: cls >= Math.ceil(meta.colors.length / 2) };
}

/**
 * How the counties look on a map whose subject is not a per-county indicator (a presentation step
 * about the pipe renewal, the coal mines, the over-extraction zone): all alike, a white fill that
 * sets the city apart from its grey neighbours and a dark outline, with no classes and no legend
 * of figures. Colouring them by some indicator would show figures that have nothing to do with
 * what is being said, and a hall reads a coloured map as "this is the figure".
 */
export const NEUTRAL_LOOK = {
  fill: '#ffffff',
  /** county borders: dark enough to read on a washed-out projector, lighter than the data layers drawn over them */
  outline: '#5b6770',
  /** px */
  outlineWidth: 1.5,
} as const;

export interface LegendItem {
  /** a numeric class, one of the annex's non-numeric statuses, or a progress status */
  key: 'class' | 'maintain_2020' | 'not_applicable' | ProgressKey;
  fill: string;
  hatch: boolean;
  /** dotted diagonal lines over the fill: the progress map's "暂无数据" */
  dotted?: boolean;
  label: string;
  /** for a status: what it means, in plain words (shown under the legend, in the PNG's notes) */
  means?: string;
}

/**
 * The legend of one indicator's choropleth: its classes, then an entry for each non-numeric
 * status that occurs among `statuses` (a status no county has is not explained).
 */
export function legendItems(meta: IndicatorMeta, statuses: Iterable<CellStatus>, words: CellWords, lang: Lang): LegendItem[] {
  const present = new Set(statuses);
  const items: LegendItem[] = legendClasses(meta, lang).map((c) => ({ key: 'class', fill: c.color, hatch: false, label: c.label }));
  if (present.has('maintain_2020')) items.push({ key: 'maintain_2020', fill: STATUS_COLORS.maintain_2020, hatch: isHatched('maintain_2020'), label: words.maintain, means: words.maintainMeans });
  if (present.has('not_applicable')) items.push({ key: 'not_applicable', fill: STATUS_COLORS.not_applicable, hatch: false, label: words.notApplicable, means: words.notApplicableMeans });
  return items;
}

/** An inline SVG swatch for an HTML legend (w×h px): a filled box, hatched or dotted where the item is. */
export function swatchSvg(item: Pick<LegendItem, 'fill' | 'hatch' | 'dotted'>, o: { w?: number; h?: number; stroke?: string } = {}): string {
  const { w = 24, h = 14, stroke } = o;
  const step = Math.round(h * 0.75);
  const lines = item.hatch || item.dotted
    ? Array.from({ length: Math.ceil((w + h) / step) + 1 }, (_, i) => `M${i * step - h} ${h} L${i * step} 0`).join(' ')
    : '';
  // "暂无数据" has no fill of its own: a thin grey edge keeps the white box visible on white
  const edge = stroke ? ` stroke="${stroke}" stroke-width="1"` : item.dotted ? ` stroke="${NO_DATA_LINE}" stroke-width="1"` : '';
  const pattern = item.dotted
    ? `<path d="${lines}" stroke="${NO_DATA_LINE}" stroke-width="1.6" stroke-dasharray="${NO_DATA_DASH.join(' ')}"/>`
    : lines
      ? `<path d="${lines}" stroke="${HATCH_LINE}" stroke-width="1.6"/>`
      : '';
  return `<svg class="sw" viewBox="0 0 ${w} ${h}" aria-hidden="true"><rect width="${w}" height="${h}" fill="${item.fill}"${edge}/>${pattern}</svg>`;
}

// ---------------------------------------------------------------------------------------------
// The progress map: the second scheme. Categorical, not sequential, so a progress map never
// reads as a target map: "达标" a deep green and "未达标" an orange that no class of any target
// palette comes near (ΔE ≥ 20, tests/site/palettes.test.ts), "无此项目标" the same grey as "/" on
// the target maps (it is the same fact: the annex prints "/"), and "暂无数据" no colour at all —
// white with dotted lines, where a near-white fill would read as a target map's lowest class.
// The four stay apart under simulated protanopia, deuteranopia and tritanopia, and every map
// also writes the status in words beside the county's name.
// ---------------------------------------------------------------------------------------------

export const PROGRESS_COLORS: Record<ProgressKey, string> = {
  met: '#0b6e4f',
  not_met: '#e69f00',
  no_target: STATUS_COLORS.not_applicable,
  no_data: '#ffffff',
};
/** the dotted lines over "暂无数据" (colour, and dash and gap in px) */
export const NO_DATA_LINE = '#8c8c8c';
export const NO_DATA_DASH = [2, 3] as const;
/** legend order: the statuses that have a figure first */
export const PROGRESS_KEYS: readonly ProgressKey[] = ['met', 'not_met', 'no_target', 'no_data'];

export interface ProgressLook {
  fill: string;
  /** dotted lines over the fill ("暂无数据") */
  dotted: boolean;
  /** the status in words: 达标 / 未达标 / 无此项目标 / 暂无数据 */
  label: string;
  /** what it means, one clause */
  means: string;
  /** the fill is dark: write on it in white */
  dark: boolean;
}

export function progressLook(status: ProgressMapStatus, words: ProgressWords): ProgressLook {
  return { fill: PROGRESS_COLORS[status], dotted: status === 'no_data', label: words.label[status], means: words.means[status], dark: status === 'met' };
}

/**
 * The legend of a progress map: with `counts` (a ProgressMap's), the statuses that occur, each with
 * its number of divisions ("达标（3个）"); without, all four (the update page explains them all).
 */
export function progressLegendItems(counts: ProgressMap['counts'] | null, words: ProgressWords, lang: Lang): LegendItem[] {
  const keys = counts ? PROGRESS_KEYS.filter((k) => counts[k] > 0) : PROGRESS_KEYS;
  return keys.map((k) => {
    const look = progressLook(k, words);
    const n = counts ? words.count.replace('{n}', String(counts[k])) : null;
    const label = n === null ? look.label : lang === 'zh' ? `${look.label}（${n}）` : `${look.label} (${n})`;
    return { key: k, fill: look.fill, hatch: false, dotted: look.dotted, label };
  });
}

/**
 * How each project layer is drawn: its colour and shape, for the deck.gl layers and the PNG's
 * legend (the layer toggles' CSS swatches use the same colours). Schematic geometry is dashed.
 */
export const PROJECT_LOOK = {
  pipe_renewal: { color: '#0b5394', shape: 'line' },
  reclaimed_water_line: { color: '#00897b', shape: 'line' },
  groundwater_overextraction: { color: '#8e3b12', shape: 'area' },
  // GEM's coal mines (where mine water comes from): charcoal dots, hollow unless operating
  coal_mines: { color: '#3d3d3d', shape: 'point' },
} as const satisfies Record<string, { color: string; shape: 'line' | 'area' | 'point' }>;
