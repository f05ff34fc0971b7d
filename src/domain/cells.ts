/**
 * The parts of the data contract the browser's first view needs, free of zod (contract.ts, which
 * re-exports all of this, pulls in zod and every schema; a page script importing a value from it
 * ships them all): the flat property names of a county's indicator cells, reading and writing a
 * cell, and the first year a progress figure may carry.
 */
import type { IndicatorId } from './indicators';

/** The annex cell's kinds (contract.ts AnnexCell: a number, "保持2020年水平", "/"); contract.ts checks they agree. */
export type CellStatus = 'value' | 'maintain_2020' | 'not_applicable';

/**
 * The flat property (and CSV column) names of a county's indicator cells: X (number|null),
 * X_text, X_status, X_rank, X_class, X_share; see CountyProps in contract.ts.
 */
export const CELL_SUFFIX = { value: '', text: '_text', status: '_status', rank: '_rank', cls: '_class', share: '_share' } as const;
export type CellField = keyof typeof CELL_SUFFIX;
/** The flat property (and CSV column) name of one field of one indicator: ("water_use_cap", "cls") -> "water_use_cap_class". */
export const cellKey = (id: string, field: CellField) => `${id}${CELL_SUFFIX[field]}`;

/** One indicator of one county, as the flat properties hold it. */
export interface CountyCell {
  value: number | null;
  /** as printed in the document */
  text: string;
  status: CellStatus;
  /** 1 = highest among the counties with a number */
  rank: number | null;
  /** colour class; null without a number */
  cls: number | null;
  /** share of the city total (additive indicators only) */
  share: number | null;
}

/** Read one indicator of a county feature's properties. */
export function countyCell(p: object, id: IndicatorId): CountyCell {
  const r = p as unknown as Record<string, unknown>;
  const get = <T>(f: CellField) => r[cellKey(id, f)] as T;
  return { value: get('value'), text: get('text'), status: get('status'), rank: get('rank'), cls: get('cls'), share: get('share') };
}

/** The flat properties that hold one indicator of a county (the writer's side of countyCell). */
export function cellProperties(id: IndicatorId, c: CountyCell): Record<string, unknown> {
  return Object.fromEntries((Object.keys(CELL_SUFFIX) as CellField[]).map((f) => [cellKey(id, f), c[f]]));
}

/** The first year a progress figure may carry: the plan's baseline year. The last is the build's own year. */
export const PROGRESS_FIRST_YEAR = 2020;
