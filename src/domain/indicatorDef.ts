/**
 * The schema of one entry of the indicator registry (src/domain/indicators.ts). Apart from the
 * contract (which re-exports it and derives the published `IndicatorMeta` from it) so that the
 * registry can be checked against it without the contract and the registry importing each other.
 */
import { z } from 'zod';

const Range = z.tuple([z.number(), z.number()]).refine(([lo, hi]) => lo < hi, 'range: lower bound first');

/**
 * One indicator of the annex, as the registry (src/domain/indicators.ts) declares it: the single
 * description every part reads. The published metadata (`IndicatorMeta` below) is derived from it.
 */
export const IndicatorDef = z
  .object({
    /** stable id, used as the CSV column name and GeoJSON property name */
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    /** the annex CSV header, as officials write it (matched after whitespace/full-width normalisation) */
    column: z.string().min(1),
    name_zh: z.string().min(1),
    name_en: z.string().min(1),
    /** short label for selectors and table headers */
    short_zh: z.string().min(1),
    short_en: z.string().min(1),
    unit_zh: z.string().min(1),
    unit_en: z.string().min(1),
    kind: z.enum(['amount', 'percent', 'coefficient']),
    /** how the target binds: a cap (at most) or a floor (at least) */
    direction: z.enum(['at_most', 'at_least']),
    /** digits the document prints; used for display only, values are never rounded */
    decimals: z.number().int().min(0).max(6),
    /** county values add up to the city value, so a county's share of the city is meaningful */
    additive: z.boolean(),
    /**
     * d3-scale-chromatic sequential scheme; checked by tests/site/palettes.test.ts under simulated
     * protanopia, deuteranopia and tritanopia (BuGn and YlGnBu failed there and were replaced)
     */
    scheme: z.enum(['Blues', 'Greens', 'Purples', 'Oranges', 'PuBuGn', 'YlGn', 'BuPu']),
    /**
     * plausible values, [min, max] inclusive, in the indicator's unit: a value outside is a typo.
     * `target` for the annex; `actual` for reported figures (a decline rate can be negative:
     * water use per unit rose since 2020)
     */
    range: z.object({ target: Range, actual: Range }).strict(),
    /** plain-language meaning, one sentence (the data dictionary's description of the column) */
    meaning_zh: z.string().min(1),
    meaning_en: z.string().min(1),
    /** what the yearly actual figure is (the progress template's guide: officials fill this, not the target) */
    actual_zh: z.string().min(1),
    /**
     * what a reader beside the figure needs: one plain sentence saying what it means and which way
     * is good (county pages, the map's panel and summary sheet)
     */
    plain_zh: z.string().min(1),
    plain_en: z.string().min(1),
    /**
     * how a county's rank reads, with {rank} and {of}: in words that say what is ordered and in which
     * direction, never as merit ("第1位" on a cap read as "best"; it is the largest allowance)
     */
    rank_zh: z.string().includes('{rank}').includes('{of}'),
    rank_en: z.string().includes('{rank}').includes('{of}'),
    /** where in 赤政发〔2025〕11号 the figure comes from */
    section: z.string().min(1),
    section_en: z.string().min(1),
  })
  .strict();
export type IndicatorDef = z.infer<typeof IndicatorDef>;
