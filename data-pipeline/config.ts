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
  counties: 'boundaries/chifeng-counties.gcj02.geojson',
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
