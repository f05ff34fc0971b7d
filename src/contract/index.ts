/**
 * The data contract between data-pipeline/ and the site.
 * The pipeline validates every output against these schemas before writing; the site
 * validates what it reads at build time (src/lib/loadData.ts). Change both sides here.
 */
import { z } from 'zod';
import { INDICATOR_IDS, type IndicatorId } from '../config/indicators';

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
 */
const indicatorProps = Object.fromEntries(
  INDICATOR_IDS.flatMap((id) => [
    [id, z.number().nullable()],
    [`${id}_text`, z.string()],
    [`${id}_status`, z.enum(['value', 'maintain_2020', 'not_applicable'])],
    [`${id}_rank`, z.number().int().min(1).max(12).nullable()],
    [`${id}_class`, z.number().int().min(0).nullable()],
    [`${id}_share`, z.number().min(0).max(1).nullable()],
  ]),
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

/** Class breaks and colours per indicator, computed once in the pipeline. */
export const IndicatorMeta = z.object({
  id: z.enum(INDICATOR_IDS),
  name_zh: z.string(),
  name_en: z.string(),
  short_zh: z.string(),
  short_en: z.string(),
  unit_zh: z.string(),
  unit_en: z.string(),
  direction: z.enum(['at_most', 'at_least']),
  decimals: z.number().int(),
  additive: z.boolean(),
  meaning_zh: z.string(),
  meaning_en: z.string(),
  section: z.string(),
  section_en: z.string(),
  /** upper-exclusive thresholds between classes: class i holds values in [breaks[i-1], breaks[i]) */
  breaks: z.array(z.number()),
  colors: z.array(z.string().regex(/^#[0-9a-f]{6}$/)),
  /** [min, max] of the county values */
  domain: z.tuple([z.number(), z.number()]),
  /** how many counties carry a number (ranks run 1..ranked) */
  ranked: z.number().int(),
});
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
  projects: 'projects.geojson',
  progress: 'progress.json',
  dictionary: 'dictionary.json',
  dictionaryCsv: 'dictionary.csv',
  manifest: 'manifest.json',
} as const;
export const choroplethSvgFile = (id: string) => `choropleth-${id}.svg`;
