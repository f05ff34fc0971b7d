/**
 * The data contract between data-pipeline/ and the site.
 * The pipeline validates every output against these schemas before writing; the site
 * validates what it reads at build time (src/lib/loadData.ts). Change both sides here.
 */
import { z } from 'zod';
import { INDICATOR_IDS, type IndicatorId } from './indicators';

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
    /** plain-language meaning, one sentence */
    meaning_zh: z.string().min(1),
    meaning_en: z.string().min(1),
    /** where in 赤政发〔2025〕11号 the figure comes from */
    section: z.string().min(1),
    section_en: z.string().min(1),
  })
  .strict();
export type IndicatorDef = z.infer<typeof IndicatorDef>;

export const ADCODE_RE = /^1504\d{2}$/;
export const Adcode = z.string().regex(ADCODE_RE, 'a GB/T 2260 code of 赤峰市 (1504xx)');

/** A position in WGS84, [longitude, latitude] (RFC 7946). */
export const LonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
/** [west, south, east, north] in WGS84 degrees */
export const BBox = z.tuple([z.number(), z.number(), z.number(), z.number()]);

/**
 * One cell of the annex. The document's own wording is kept:
 * - `value`: a number, with the text as printed (e.g. "0.5800", so no digit is lost);
 * - `maintain_2020`: "保持2020年水平", a target of no rise, not a number;
 * - `not_applicable`: "/", the indicator does not apply to that division.
 */
export const AnnexCell = z.discriminatedUnion('status', [
  z.object({ status: z.literal('value'), value: z.number(), text: z.string().min(1) }),
  z.object({ status: z.literal('maintain_2020'), value: z.null(), text: z.literal('保持2020年水平') }),
  z.object({ status: z.literal('not_applicable'), value: z.null(), text: z.literal('/') }),
]);
export type AnnexCell = z.infer<typeof AnnexCell>;
export type CellStatus = AnnexCell['status'];

const cellsShape = Object.fromEntries(INDICATOR_IDS.map((id) => [id, AnnexCell])) as Record<IndicatorId, typeof AnnexCell>;
export const AnnexRow = z.object({
  adcode: Adcode,
  name_zh: z.string(),
  name_en: z.string(),
  /** every indicator, by id: no indicator can be missing from a row */
  cells: z.object(cellsShape).strict(),
});
export type AnnexRow = z.infer<typeof AnnexRow>;

/** County sums of additive indicators checked against the 全市 row. */
export const CrossCheck = z.object({
  indicator: z.enum(INDICATOR_IDS),
  county_sum: z.number(),
  city_value: z.number(),
  difference: z.number(),
  /** counties that carry no number for this indicator ("/") */
  counties_without_value: z.array(z.string()),
  exact: z.boolean(),
});
export type CrossCheck = z.infer<typeof CrossCheck>;

export const AnnexFile = z.object({
  source: z.string(),
  city: AnnexRow,
  counties: z.array(AnnexRow).length(12),
  cross_checks: z.array(CrossCheck),
});
export type AnnexFile = z.infer<typeof AnnexFile>;

/**
 * Properties of one county feature in counties.geojson. Flat, so that GIS users and
 * MapLibre expressions can read them directly. For every indicator id X:
 * X (number|null), X_text (as printed), X_status, X_rank (1 = highest, null without a number),
 * X_class (class index into the dictionary's colours, null without a number),
 * X_share (share of the city total, additive indicators only).
 * Code reads and writes them through countyCell() / cellProperties() below, never by name.
 */
const CELL_SUFFIX = { value: '', text: '_text', status: '_status', rank: '_rank', cls: '_class', share: '_share' } as const;
export type CellField = keyof typeof CELL_SUFFIX;
/** The flat property (and CSV column) name of one field of one indicator: ("water_use_cap", "cls") -> "water_use_cap_class". */
export const cellKey = (id: string, field: CellField) => `${id}${CELL_SUFFIX[field]}`;

const cellShape = {
  value: z.number().nullable(),
  text: z.string(),
  status: z.enum(['value', 'maintain_2020', 'not_applicable']),
  rank: z.number().int().min(1).max(12).nullable(),
  cls: z.number().int().min(0).nullable(),
  share: z.number().min(0).max(1).nullable(),
} satisfies Record<CellField, z.ZodTypeAny>;
const indicatorProps = Object.fromEntries(
  INDICATOR_IDS.flatMap((id) => (Object.keys(cellShape) as CellField[]).map((f) => [cellKey(id, f), cellShape[f]])),
) as Record<string, z.ZodTypeAny>;

export const CountyProps = z
  .object({
    adcode: Adcode,
    name_zh: z.string(),
    name_en: z.string(),
    kind: z.enum(['district', 'banner', 'county']),
    /** a point well inside the polygon for the label (pole of inaccessibility) */
    label: LonLat,
    bbox: BBox,
    /** planar area of the simplified polygon on the WGS84 ellipsoid, km² (illustrative) */
    area_km2: z.number().positive(),
  })
  .extend(indicatorProps)
  .strict();
export type CountyProps = {
  adcode: string;
  name_zh: string;
  name_en: string;
  kind: 'district' | 'banner' | 'county';
  label: [number, number];
  bbox: [number, number, number, number];
  area_km2: number;
} & { [K in IndicatorId]: number | null } & { [K in `${IndicatorId}_text`]: string } & {
  [K in `${IndicatorId}_status`]: CellStatus;
} & { [K in `${IndicatorId}_rank` | `${IndicatorId}_class`]: number | null } & {
  [K in `${IndicatorId}_share`]: number | null;
};

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
export function countyCell(p: CountyProps, id: IndicatorId): CountyCell {
  const r = p as unknown as Record<string, unknown>;
  const get = <T>(f: CellField) => r[cellKey(id, f)] as T;
  return { value: get('value'), text: get('text'), status: get('status'), rank: get('rank'), cls: get('cls'), share: get('share') };
}

/** The flat properties that hold one indicator of a county (the writer's side of countyCell). */
export function cellProperties(id: IndicatorId, c: CountyCell): Record<string, unknown> {
  return Object.fromEntries((Object.keys(CELL_SUFFIX) as CellField[]).map((f) => [cellKey(id, f), c[f]]));
}

const Ring = z.array(LonLat).min(4);
export const PolygonGeom = z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) });
export const MultiPolygonGeom = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(Ring).min(1)).min(1),
});
const AreaGeom = z.union([PolygonGeom, MultiPolygonGeom]);

export const CountiesFile = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(z.object({ type: z.literal('Feature'), properties: CountyProps, geometry: AreaGeom }))
    .length(12),
});
export type CountyFeature = GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon, CountyProps>;
export type CountiesFile = GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, CountyProps>;

/** City-wide targets from the document's text. */
export const Target = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  name_zh: z.string(),
  name_en: z.string(),
  /** the number as printed in the document */
  value: z.number(),
  value_text: z.string(),
  unit_zh: z.string(),
  unit_en: z.string(),
  /** at_most: a cap; at_least: a floor; reduce_by: fall by at least this % vs the baseline; exact: to be completed exactly (e.g. 2 projects); stated: a fact the plan states (e.g. an area designated), not a bound */
  direction: z.enum(['at_most', 'at_least', 'reduce_by', 'exact', 'stated']),
  baseline_year: z.number().int().nullable(),
  year: z.number().int(),
  section: z.string(),
  /** the exact words of the document; the pipeline checks they occur in the source text */
  quote: z.string().min(4),
  /** an annex indicator that carries the same target per county, if any */
  indicator: z.enum(INDICATOR_IDS).nullable(),
  meaning_zh: z.string(),
  meaning_en: z.string(),
});
export type Target = z.infer<typeof Target>;

/**
 * A sentence of the document the site quotes besides its targets: what the plan asks of the
 * public (call), the occasions it names (occasion). Each carries the document's exact words,
 * which the pipeline finds in the source text, and the site's shorter wording of them.
 */
export const Statement = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    kind: z.enum(['call', 'occasion']),
    text_zh: z.string().min(1),
    text_en: z.string().min(1),
    /** the exact words of the document */
    quote: z.string().min(4),
    section: z.string().min(1),
    section_en: z.string().min(1),
  })
  .strict();
export type Statement = z.infer<typeof Statement>;

export const ProjectKind = z.enum(['pipe_renewal', 'reclaimed_water_line', 'mine_water', 'groundwater_overextraction']);
export type ProjectKind = z.infer<typeof ProjectKind>;
/** surveyed: measured position; approximate: a published point within ~1 km; schematic: placed for illustration only */
export const Precision = z.enum(['surveyed', 'approximate', 'schematic', 'unlocated']);
export type Precision = z.infer<typeof Precision>;

export const ProjectProps = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    kind: ProjectKind,
    name_zh: z.string().min(1),
    name_en: z.string().min(1),
    description_zh: z.string(),
    description_en: z.string(),
    precision: Precision,
    /** where the geometry comes from, in words */
    location_source: z.string().min(1),
    location_source_en: z.string().min(1),
    /** where the project itself is named */
    source: z.string().min(1),
    section: z.string().min(1),
    status: z.enum(['planned', 'under_construction', 'completed', 'ongoing', 'unknown']),
    /** the counties the geometry touches (point-in-polygon / intersection done in the pipeline) */
    adcodes: z.array(Adcode),
    /** the counties the document names, where it names any */
    named_adcodes: z.array(Adcode),
  })
  .strict();
export type ProjectProps = z.infer<typeof ProjectProps>;

export const ProjectsFile = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: ProjectProps,
      geometry: z
        .object({ type: z.enum(['Point', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']), coordinates: z.array(z.any()) })
        .nullable(),
    }),
  ),
});
export type ProjectFeature = GeoJSON.Feature<GeoJSON.Geometry | null, ProjectProps>;
export type ProjectsFile = GeoJSON.FeatureCollection<GeoJSON.Geometry | null, ProjectProps>;

/** An actual (measured) value. Never shipped as official unless a source says so. */
export const ProgressRow = z.object({
  indicator: z.string(),
  adcode: Adcode,
  year: z.number().int().min(2020).max(2030),
  value: z.number(),
  source: z.string().min(1),
  /** true for the demonstration file: the site marks everything built from it as 示例数据 */
  example: z.boolean(),
});
export type ProgressRow = z.infer<typeof ProgressRow>;
export const ProgressFile = z.object({ example: z.boolean(), rows: z.array(ProgressRow) });
export type ProgressFile = z.infer<typeof ProgressFile>;

/**
 * What dictionary.json publishes about an indicator: its registry entry without the parsing
 * details (annex header, value kind, colour scheme, ranges), plus the classes computed once in
 * the pipeline.
 */
export const IndicatorMeta = IndicatorDef.omit({ column: true, kind: true, scheme: true, range: true }).extend({
  id: z.enum(INDICATOR_IDS),
  /** upper-exclusive thresholds between classes: class i holds values in [breaks[i-1], breaks[i]) */
  breaks: z.array(z.number()),
  colors: z.array(z.string().regex(/^#[0-9a-f]{6}$/)),
  /** [min, max] of the county values */
  domain: z.tuple([z.number(), z.number()]),
  /** how many counties carry a number (ranks run 1..ranked) */
  ranked: z.number().int(),
}).strip();
export type IndicatorMeta = z.infer<typeof IndicatorMeta>;

export const DictionaryColumn = z.object({
  file: z.string(),
  column: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
  unit: z.string(),
  unit_en: z.string(),
  meaning_zh: z.string(),
  meaning_en: z.string(),
  source: z.string(),
  source_en: z.string(),
});
export const DictionaryFile = z.object({
  indicators: z.array(IndicatorMeta),
  columns: z.array(DictionaryColumn),
  /** colours for the two non-numeric statuses, drawn apart from every numeric class */
  status_colors: z.object({ maintain_2020: z.string(), not_applicable: z.string() }),
});
export type DictionaryFile = z.infer<typeof DictionaryFile>;

export const ManifestFile = z.object({
  generator: z.string(),
  notice: z.string(),
  document: z.object({ title: z.string(), number: z.string(), date: z.string(), file: z.string(), sha256: z.string() }),
  inputs: z.array(z.object({ file: z.string(), sha256: z.string(), bytes: z.number(), origin: z.string(), licence: z.string() })),
  outputs: z.array(z.object({ file: z.string(), sha256: z.string(), bytes: z.number() })),
  geometry: z.object({
    datum_in: z.literal('GCJ-02'),
    datum_out: z.literal('WGS84'),
    simplify_interval_m: z.number(),
    coordinate_precision_deg: z.number(),
    total_area_km2: z.number(),
    official_area_km2: z.number(),
    /** area of the converted source before repair (overlaps counted twice), km² */
    source_area_km2: z.number(),
  }),
  cross_checks: z.array(CrossCheck),
  progress_example: z.boolean(),
});
export type ManifestFile = z.infer<typeof ManifestFile>;

/** Files the pipeline writes into public/data/ (and so dist/data/). */
export const OUTPUT_FILES = {
  counties: 'counties.geojson',
  countiesDetail: 'counties-detail.geojson',
  context: 'context.geojson',
  /** diagonal hatch lines per county (for non-numeric cells) and per schematic project area */
  hatch: 'hatch.geojson',
  /** the whole-city map geometry (300 m, TopoJSON) with all county properties */
  countiesTopo: 'counties.topojson',
  annex: 'annex.json',
  indicatorsCsv: 'indicators.csv',
  indicatorsCsvGb: 'indicators-gb18030.csv',
  targets: 'targets.json',
  statements: 'statements.json',
  projects: 'projects.geojson',
  progress: 'progress.json',
  dictionary: 'dictionary.json',
  dictionaryCsv: 'dictionary.csv',
  manifest: 'manifest.json',
} as const;
export const choroplethSvgFile = (id: string) => `choropleth-${id}.svg`;
