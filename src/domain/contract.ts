/**
 * The data contract between data-pipeline/ and the site.
 * The pipeline validates every output against these schemas before writing; the site
 * validates what it reads at build time (src/lib/loadData.ts). Change both sides here.
 */
import { z } from 'zod';
import { INDICATOR_IDS, type IndicatorId } from './indicators';

// the registry's schema has a file of its own, so that the registry and the contract do not import each other
import { IndicatorDef } from './indicatorDef';
export { IndicatorDef };
// the few values the browser's first view needs (no zod there): defined in cells.ts, part of the contract
import { CELL_SUFFIX, cellKey, type CellField, type CellStatus, type CountyCell, countyCell, cellProperties, PROGRESS_FIRST_YEAR } from './cells';
export { CELL_SUFFIX, cellKey, type CellField, type CellStatus, type CountyCell, countyCell, cellProperties, PROGRESS_FIRST_YEAR };

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
// the kinds as cells.ts spells them for the browser: the same three, or this line does not compile
const sameKinds: [CellStatus, AnnexCell['status']] = ['value', 'value'] as [AnnexCell['status'], CellStatus];
void sameKinds;

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
/**
 * Largest |全市 − Σ counties| accepted for an additive indicator, as a share of 全市: the annex's own
 * rounding is 0.007% (caps 20.2285 against 20.23); a larger gap is a typo. The annex check
 * (pipeline) and the progress check (pipeline and browser) both use it.
 */
export const CROSS_CHECK_TOLERANCE = 0.005;

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
    /**
     * where the name goes on whole-city maps when the county is too small to hold it beside its
     * neighbours (红山区 beside 元宝山区): the name sits at `text`, and a leader line runs from it to
     * `point`, inside the county and clear of other names. Placed once by the pipeline
     * (steps/placeLabels.ts) for every whole-city map; null: the name sits at `label`
     */
    callout: z.object({ text: LonLat, point: LonLat }).strict().nullable(),
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
  callout: { text: [number, number]; point: [number, number] } | null;
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
  /**
   * at_most: a cap; at_least: a floor; reduce_by: fall by at least this % vs the baseline; cut_by: an
   * amount to take away (压减 5万亩 of water-hungry crops); exact: to be completed exactly (e.g. 2 projects);
   * stated: a fact the plan states (e.g. an area designated, 4 divisions), not a bound
   */
  direction: z.enum(['at_most', 'at_least', 'reduce_by', 'cut_by', 'exact', 'stated']),
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
 * public (call), the occasions it names (occasion), and the rules it sets (rule: e.g. the metering
 * thresholds of 二（一）2, "5万亩以上的渠首取水实现在线计量", which bind whoever crosses them and are
 * not a quantity to reach, so never shown as targets). Each carries the document's exact words,
 * which the pipeline finds in the source text, and the site's shorter wording of them.
 */
export const Statement = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    kind: z.enum(['call', 'occasion', 'rule']),
    text_zh: z.string().min(1),
    text_en: z.string().min(1),
    /** the exact words of the document */
    quote: z.string().min(4),
    section: z.string().min(1),
    section_en: z.string().min(1),
  })
  .strict();
export type Statement = z.infer<typeof Statement>;

/**
 * A published figure about 赤峰市 that helps a reader place the plan (water per person, the share
 * of farming in water use), from a named press report: never the plan's own words, and always shown
 * with its outlet and date. `quote` holds the report's words as stored; `note` says what other
 * reports give where they differ.
 */
export const BackgroundFact = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    text_zh: z.string().min(1),
    text_en: z.string().min(1),
    /** the report's own words, as stored */
    quote: z.string().min(4),
    outlet_zh: z.string().min(1),
    outlet_en: z.string().min(1),
    title: z.string().min(1),
    url: z.string().regex(/^https?:\/\/[^\s]+$/, 'an http(s) address'),
    /** date of the report, YYYY-MM-DD */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD'),
    note_zh: z.string(),
    note_en: z.string(),
  })
  .strict();
export type BackgroundFact = z.infer<typeof BackgroundFact>;

/** GEM's status of a mine (the closed file has no status column: its rows are `closed`). */
export const MineStatus = z.enum(['operating', 'proposed', 'shelved', 'mothballed', 'cancelled', 'closed']);
export type MineStatus = z.infer<typeof MineStatus>;

/**
 * A coal mine from Global Energy Monitor's Global Coal Mine Tracker (CC BY 4.0): where mine water
 * comes from. Not a project of the plan; its position is GEM's (WGS84), so `precision` is
 * `approximate` whatever GEM's own `gem_location_accuracy` says.
 */
export const CoalMineProps = z
  .object({
    gem_id: z.string().regex(/^M\d+$/),
    name_en: z.string().min(1),
    /** GEM's "Mine Name (Non-ENG)", as published (often the operating company's full name) */
    name_zh: z.string(),
    status: MineStatus,
    /** GEM's "Status Detail" as published, e.g. "Test Operation"; empty if none */
    status_detail: z.string(),
    /** GEM's "Capacity (Mtpa)": million tonnes a year; null if GEM gives none */
    capacity_mtpa: z.number().nonnegative().nullable(),
    /** "Surface" / "Underground" as GEM publishes it */
    mine_type: z.string(),
    opening_year: z.number().int().nullable(),
    closing_year: z.number().int().nullable(),
    gem_location_accuracy: z.enum(['exact', 'approximate']),
    precision: z.literal('approximate'),
    /** the county the point falls in (point-in-polygon on the illustrative boundaries) */
    adcode: Adcode,
    /** GEM's "Prefecture, District" as published */
    gem_prefecture: z.string(),
    /** the input file and line (as an editor shows it) the row comes from */
    gem_file: z.string(),
    gem_line: z.number().int().positive(),
    source: z.string().min(1),
    licence: z.literal('CC BY 4.0'),
  })
  .strict();
export type CoalMineProps = z.infer<typeof CoalMineProps>;
export const CoalMinesFile = z.object({
  type: z.literal('FeatureCollection'),
  /** the citation GEM asks for: "Global Energy Monitor, Global Coal Mine Tracker" */
  credit: z.string().min(1),
  /** the whole attribution CC BY 4.0 asks for: credit, licence, where from, what was changed */
  attribution: z.string().min(1),
  licence: z.literal('CC BY 4.0'),
  licence_url: z.string().url(),
  source_url: z.string().url(),
  /** the republished copy the files were taken from: repository @ commit (date) */
  via: z.string().min(1),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: CoalMineProps,
      geometry: z.object({ type: z.literal('Point'), coordinates: LonLat }),
    }),
  ),
});
export type CoalMinesFile = z.infer<typeof CoalMinesFile>;
export type CoalMineFeature = CoalMinesFile['features'][number];

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

// ---------------------------------------------------------------------------------------------
// Progress: actual figures reported by officials (the progress template), and what the site shows
// of them. Built by src/domain/progress.ts (the same code checks a file in the pipeline and on the
// browser's update page); every field the site needs is precomputed here.
// ---------------------------------------------------------------------------------------------


/**
 * Where a figure stands against its division's 2025 target from the annex (附件 目标分解表):
 * - `met`: the figure already meets the target: for a cap (`direction: at_most`) value ≤ target,
 *   for a floor (`at_least`) value ≥ target; where the annex says "保持2020年水平" (hold at the
 *   2020 level, only in decline-rate columns) a decline ≥ 0, i.e. no rise since 2020;
 * - `not_met`: a figure that does not (yet) meet it; a figure of an earlier year is compared with
 *   the same 2025 target, so `not_met` in 2022 says "not there yet", not "failed";
 * - `no_target`: the annex says "/" for this division: there is no target to meet.
 * A division without a figure has no status at all (`no_data` on the map, see ProgressMapStatus).
 */
export const ProgressStatus = z.enum(['met', 'not_met', 'no_target']);
export type ProgressStatus = z.infer<typeof ProgressStatus>;
/** A cell of the progress map: a status, or `no_data` where the division has no figure that year (暂无数据). */
export const ProgressMapStatus = z.enum(['met', 'not_met', 'no_target', 'no_data']);
export type ProgressMapStatus = z.infer<typeof ProgressMapStatus>;

/** The annex's 2025 target of one division for one indicator, as the progress rows carry it. */
const TargetNote = z.enum(['', '保持2020年水平', '/']);

/** Where a row came from: the file's name (no folder), the sheet (null for CSV) and the row number as Excel shows it. */
export const ProgressOrigin = z.object({ file: z.string().min(1), sheet: z.string().nullable(), row: z.number().int().positive() }).strict();
export type ProgressOrigin = z.infer<typeof ProgressOrigin>;

/** A calendar date written YYYY-MM-DD. */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');

/** A decimal as written, in ASCII, never an exponent: "0.66", "19.1", "0.5800", "-2.5". */
const DecimalText = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal number as written, e.g. 0.66');

/**
 * One actual figure, in the long format of progress.csv: one row per year, division and indicator
 * that has a figure (an empty cell makes no row; nothing is ever 0 for "no figure").
 */
export const ProgressRow = z
  .object({
    year: z.number().int().min(PROGRESS_FIRST_YEAR).max(2100),
    /** GB/T 2260 code; 150400 is 全市 */
    adcode: Adcode,
    /** the official name (an alias in the file is replaced by it) */
    name_zh: z.string().min(1),
    indicator: z.enum(INDICATOR_IDS),
    /** the figure in the indicator's unit (a % column holds 20.5 for 20.5%); finite, "-0" is 0 */
    value: z.number().finite(),
    /** the figure as typed, normalised only in form: full-width digits to ASCII, a trailing % dropped, "-0" to "0"; digits kept ("0.5800") */
    value_text: DecimalText,
    /** the indicator's unit (unit_zh of the registry) */
    unit: z.string(),
    /** the division's 2025 target from the annex; null where the annex has no number */
    target: z.number().finite().nullable(),
    /** the annex's wording where it has no number: "保持2020年水平" or "/"; "" where `target` is a number */
    target_note: TargetNote,
    status: ProgressStatus,
    /** where the figure is published, as the file says (required), e.g. "赤峰市水资源公报（2025年）" */
    source: z.string().min(1),
    /** the file's 备注, or "" */
    note: z.string(),
    /** the file's 更新日期 (YYYY-MM-DD): when the figures were published or last corrected; null where the file does not say */
    updated: IsoDate.nullable(),
    /** true for the demonstration file: everything built from it is marked 示例数据 */
    example: z.boolean(),
    origin: ProgressOrigin,
  })
  .strict();
export type ProgressRow = z.infer<typeof ProgressRow>;

/** One figure of a division's series (a ProgressRow without what the series already says). */
export const ProgressPoint = z
  .object({
    year: z.number().int(),
    value: z.number().finite(),
    value_text: DecimalText,
    status: ProgressStatus,
    source: z.string().min(1),
    note: z.string(),
    updated: IsoDate.nullable(),
    example: z.boolean(),
  })
  .strict();
export type ProgressPoint = z.infer<typeof ProgressPoint>;

/** One indicator of one division: its 2025 target and its figures by year. */
export const ProgressSeries = z
  .object({
    indicator: z.enum(INDICATOR_IDS),
    /** the annex cell: the 2025 target as printed, "保持2020年水平" or "/" */
    target: AnnexCell,
    /** figures, oldest year first; empty where the division has none (暂无数据) */
    series: z.array(ProgressPoint),
    /** the newest figure (the last of `series`), or null */
    latest: ProgressPoint.nullable(),
  })
  .strict();
export type ProgressSeries = z.infer<typeof ProgressSeries>;

/** 全市 or a county, with every indicator of the registry in registry order. */
export const ProgressDivision = z
  .object({ adcode: Adcode, name_zh: z.string(), name_en: z.string(), indicators: z.array(ProgressSeries) })
  .strict();
export type ProgressDivision = z.infer<typeof ProgressDivision>;

/**
 * One progress map: an indicator in a year, the status of each of the 12 counties (by code),
 * and how many counties have each status (for the legend). Only years in which at least one
 * division (全市 included) has a figure for the indicator get a map.
 */
export const ProgressMap = z
  .object({
    indicator: z.enum(INDICATOR_IDS),
    year: z.number().int(),
    statuses: z.record(Adcode, ProgressMapStatus),
    counts: z.object({ met: z.number().int(), not_met: z.number().int(), no_target: z.number().int(), no_data: z.number().int() }).strict(),
  })
  .strict();
export type ProgressMap = z.infer<typeof ProgressMap>;

/**
 * The newest city-wide (全市) figure for a city-wide target of targets.json: through the annex
 * indicator the target carries (`Target.indicator`); null where the target has no annex indicator
 * (the template has no column for it) or no figure has been reported.
 */
export const ProgressHeadline = z
  .object({ target: z.string(), indicator: z.enum(INDICATOR_IDS).nullable(), latest: ProgressPoint.nullable() })
  .strict();
export type ProgressHeadline = z.infer<typeof ProgressHeadline>;

/** 全市 against the sum of the 12 counties, for an additive indicator in a year where 全市 has a figure. */
export const ProgressCrossCheck = z
  .object({
    year: z.number().int(),
    indicator: z.enum(INDICATOR_IDS),
    city_value: z.number(),
    /** the sum of the counties that have a figure */
    county_sum: z.number(),
    /** city_value − county_sum (computed at the finest printed precision, so no 0.1+0.2 noise) */
    difference: z.number(),
    /** every county whose annex target is a number has a figure: only then is the sum compared */
    complete: z.boolean(),
    counties_without_value: z.array(Adcode),
  })
  .strict();
export type ProgressCrossCheck = z.infer<typeof ProgressCrossCheck>;

/** progress.json: everything the site shows of progress, precomputed. */
export const ProgressFile = z
  .object({
    /** built from the invented demonstration file: the site marks all of it 示例数据 */
    example: z.boolean(),
    /** years with at least one figure, ascending */
    years: z.array(z.number().int()),
    /** per indicator (registry order), the years with at least one figure for it: the year selector's choices */
    indicators: z.array(z.object({ id: z.enum(INDICATOR_IDS), years: z.array(z.number().int()) }).strict()),
    /** every figure, as in progress.csv, sorted by year, code, indicator */
    rows: z.array(ProgressRow),
    /** one per indicator and year present */
    maps: z.array(ProgressMap),
    /** 全市 first, then the 12 counties in code order */
    divisions: z.array(ProgressDivision).length(13),
    /** one per target of targets.json, in its order */
    headlines: z.array(ProgressHeadline),
    cross_checks: z.array(ProgressCrossCheck),
  })
  .strict();
export type ProgressFile = z.infer<typeof ProgressFile>;

/**
 * The 12 divisions as SVG paths, projected once by the pipeline (the same frame as the static
 * choropleths): what the site draws a static map from where no image can be precomputed for it
 * (the progress map of any indicator and year without WebGL, the update page's preview of a file
 * that only exists in the official's browser). Screen units, y down.
 */
export const CountyPathsFile = z
  .object({
    width: z.number().positive(),
    height: z.number().positive(),
    counties: z
      .array(
        z
          .object({
            adcode: Adcode,
            name_zh: z.string(),
            name_en: z.string(),
            /** SVG path data, one decimal */
            d: z.string().regex(/^M[-\d.,MLZ ]+$/),
            /** where the name goes: the pole of inaccessibility, projected */
            label: z.tuple([z.number(), z.number()]),
            /** too small for its name beside its neighbours (红山区): the name at `text` on a box, a leader line to `point`, projected */
            callout: z.object({ text: z.tuple([z.number(), z.number()]), point: z.tuple([z.number(), z.number()]) }).strict().nullable(),
          })
          .strict(),
      )
      .length(12),
  })
  .strict();
export type CountyPathsFile = z.infer<typeof CountyPathsFile>;

const Bilingual = z.object({ zh: z.string(), en: z.string() }).strict();
/**
 * A problem found in a progress file, located as an official finds it in Excel. Errors refuse the
 * whole build (exit 1, nothing written); warnings are printed, kept in progress-report.json and
 * do not stop the build.
 */
export const ProgressProblem = z
  .object({
    level: z.enum(['error', 'warning']),
    /** stable identifier of the rule, e.g. "value_not_number" (tests and the update page key on it) */
    code: z.string(),
    /** the file's name as given (no folder when read from input/progress/) */
    file: z.string(),
    /** the sheet's name; null for a CSV file */
    sheet: z.string().nullable(),
    /** the row number as Excel shows it; null for a problem of the whole file or sheet */
    row: z.number().int().positive().nullable(),
    /** the column header as read; null where no column is concerned */
    column: z.string().nullable(),
    /** the cell reference, e.g. "D5", when row and column are known */
    cell: z.string().nullable(),
    /** the offending value, cut to a readable length with control characters escaped; null if none */
    value: z.string().nullable(),
    /** what is wrong, what was expected, how to fix it: Chinese (officials) and English */
    message: Bilingual,
    expected: Bilingual,
    fix: Bilingual,
  })
  .strict();
export type ProgressProblem = z.infer<typeof ProgressProblem>;

/** progress-report.json: what was read and what deserves a look (the warnings of the last good build). */
export const ProgressReport = z
  .object({
    example: z.boolean(),
    files: z.array(z.object({ file: z.string(), sheets: z.array(z.string()), rows: z.number().int(), figures: z.number().int() }).strict()),
    warnings: z.array(ProgressProblem),
    cross_checks: z.array(ProgressCrossCheck),
  })
  .strict();
export type ProgressReport = z.infer<typeof ProgressReport>;

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
  inputs: z.array(
    z.object({ file: z.string(), sha256: z.string(), bytes: z.number(), origin: z.string(), licence: z.string(), origin_en: z.string(), licence_en: z.string() }),
  ),
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
  /** how the coal mines were taken from GEM's files: rows read, rows taken, rows set aside and why */
  coal_mines: z.object({
    rows_read: z.number().int(),
    selected: z.number().int(),
    /** rows of the non-closed file that are closed mines in the closed file's column order (read from that file instead) */
    misfiled_rows: z.number().int(),
    /** rows anywhere in the world whose position cannot be read (none of them labelled Chifeng) */
    unreadable_position_rows: z.number().int(),
    rule: z.string(),
  }),
});
export type ManifestFile = z.infer<typeof ManifestFile>;

/** 统计用区划代码 of a 乡级 unit (乡镇、苏木、街道 and a few parks) of 赤峰市: 9 digits, the county's 6 first */
export const TownCode = z.string().regex(/^1504\d{5}$/, 'a 9-digit 统计用区划代码 of 赤峰市 (1504xxxxx)');
/** 统计用区划代码 of a 村级 unit (村委会、嘎查、社区): 12 digits, the town's 9 first */
export const VillageCode = z.string().regex(/^1504\d{8}$/, 'a 12-digit 统计用区划代码 of 赤峰市 (1504xxxxxxxx)');
/** search keys: normalised forms (src/domain/placeNames.ts) other than the name itself */
const PlaceKeys = z.array(z.string().min(1));

/**
 * places.json: the "my town" search index. Every county by its names and aliases, and every
 * 乡级 and 村级 unit under 1504 by its name, each with its path up to the county as codes
 * (村 -> 乡镇 -> 旗县区), joined to the counties by GB/T 2260 code. Rows are tuples to keep
 * the file small; the name itself is always a search key (the pipeline checks it is already
 * in normal form) and `keys` adds the other forms (without 村委会/镇…, aliases, English).
 */
export const PlacesFile = z
  .object({
    notice: z.string(),
    source: z
      .object({
        /** the statistical code list the names come from, its edition and cut-off date */
        name_zh: z.string().min(1),
        name_en: z.string().min(1),
        edition: z.string().regex(/^\d{4}$/),
        cutoff: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        /** the package the copy was taken from, and its files */
        package: z.string().min(1),
        package_url: z.string().url(),
        files: z.array(z.string()),
        licence_zh: z.string().min(1),
        licence_en: z.string().min(1),
      })
      .strict(),
    counts: z.object({ counties: z.number().int(), towns: z.number().int(), villages: z.number().int(), placeholders_left_out: z.number().int() }).strict(),
    /** "虚拟社区 / 虚拟生活区": statistical placeholders for parks and farms, nobody's address; listed, not searchable */
    placeholders_left_out: z.array(z.tuple([VillageCode, z.string().min(1)])),
    /** [adcode, name_zh, name_en, keys] */
    counties: z.array(z.tuple([Adcode, z.string().min(1), z.string().min(1), PlaceKeys])),
    /** [code, name, keys, [county adcode]] */
    towns: z.array(z.tuple([TownCode, z.string().min(1), PlaceKeys, z.tuple([Adcode])])),
    /** [code, name, keys, [town code, county adcode]] */
    villages: z.array(z.tuple([VillageCode, z.string().min(1), PlaceKeys, z.tuple([TownCode, Adcode])])),
  })
  .strict();
export type PlacesFile = z.infer<typeof PlacesFile>;

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
  /** the same table for people in Excel: Chinese headers with units, the document's wording in the cells */
  indicatorsExcel: 'indicators-excel.csv',
  targets: 'targets.json',
  statements: 'statements.json',
  projects: 'projects.geojson',
  progress: 'progress.json',
  /** the progress figures in long format, UTF-8 with BOM */
  progressCsv: 'progress.csv',
  /** what the last good build read from the progress files, and its warnings */
  progressReport: 'progress-report.json',
  /** the template officials fill (generated from the indicator registry) */
  progressTemplateXlsx: 'progress-template.xlsx',
  progressTemplateCsv: 'progress-template.csv',
  /** the template's 填写说明 for CSV users (the .xlsx carries it as a sheet) */
  progressTemplateGuide: 'progress-template-guide.txt',
  /** published context figures from press reports, each with outlet and date */
  background: 'background.json',
  /** coal mines (GEM Global Coal Mine Tracker, CC BY 4.0): where mine water comes from */
  coalMines: 'coal-mines.geojson',
  /** the 12 divisions as projected SVG paths (static progress maps drawn in the browser) */
  countyPaths: 'county-paths.json',
  dictionary: 'dictionary.json',
  dictionaryCsv: 'dictionary.csv',
  manifest: 'manifest.json',
  /** the "my town" search index (loaded by the search box only when it is used) */
  places: 'places.json',
} as const;
export const choroplethSvgFile = (id: string) => `choropleth-${id}.svg`;
/** one project layer over the counties drawn alike (no indicator's colours): `layer-pipe_renewal.svg`, `layer-pipe_renewal.en.svg` */
export const layerSvgFile = (kind: string, lang: 'zh' | 'en') => `layer-${kind}${lang === 'zh' ? '' : '.en'}.svg`;
/** the rows behind one map view (an indicator, every division), for the map's "download this view" */
export const viewCsvFile = (id: string, lang: 'zh' | 'en') => `view-${id}${lang === 'zh' ? '' : '.en'}.csv`;
