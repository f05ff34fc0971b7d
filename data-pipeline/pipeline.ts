/**
 * Load -> Process -> Save, the process part: raw input bytes in, output file contents out.
 * Pure apart from mapshaper's in-memory work; cli.ts is the only place that touches files.
 * Each numbered stage is a step of its own in steps/; this file only puts them in order.
 */
import iconv from 'iconv-lite';
import * as turf from '@turf/turf';
import { INDICATOR_IDS } from '../src/domain/indicators';
import { OUTPUT_FILES, choroplethSvgFile, countyCell, type AnnexFile, type DictionaryFile, type ProgressFile } from '../src/domain/contract';
import { STATUS_COLORS, isHatched } from '../src/domain/cellLook';
import * as C from './config';
import { PipelineError } from './errors';
import { validateOutputs, validateRegistry } from './validate';
import { decodeText } from './steps/decodeText';
import { parseAnnex } from './steps/parseAnnex';
import { crossCheckAnnex } from './steps/crossCheckAnnex';
import { parseTargets } from './steps/parseTargets';
import { parseStatements } from './steps/parseStatements';
import { parseProjects } from './steps/parseProjects';
import { parseProgress } from './steps/parseProgress';
import { keyBoundaries } from './steps/keyBoundaries';
import { convertCollectionToWgs84 } from './steps/convertDatum';
import { cleanAndSimplify, toTopoJson } from './steps/buildTopology';
import { buildContext } from './steps/buildContext';
import { indicatorMeta } from './steps/computeClasses';
import { joinIndicators } from './steps/joinIndicators';
import { locateProjects } from './steps/locateProjects';
import { hatchFeatures } from './steps/buildHatch';
import { renderChoroplethSvg } from './steps/renderChoroplethSvg';
import { renderCountySvg } from './steps/renderCountySvg';
import { buildDictionary, dictionaryCsv, formatIndicatorsCsv } from './steps/formatOutputs';
import { buildManifest } from './steps/buildManifest';

export { sha256 } from './steps/buildManifest';

export interface PipelineInput {
  /** input files by path relative to the input folder (INPUT_FILES), as raw bytes */
  files: Map<string, Uint8Array>;
  /** the progress file to use (relative path) and whether it is the demonstration file */
  progress: { path: string; example: boolean };
  /** how input paths are shown in messages, e.g. "data-pipeline/input" */
  displayDir: string;
}

const json = (v: unknown) => JSON.stringify(v, null, 1) + '\n';

export async function runPipeline(input: PipelineInput): Promise<Map<string, string | Uint8Array>> {
  validateRegistry();
  const show = (p: string) => `${input.displayDir}/${p}`;
  const read = (p: string) => {
    const b = input.files.get(p);
    if (!b) throw new PipelineError(show(p), 'file not found');
    return decodeText(b, show(p));
  };
  const documentText = read(C.INPUT_FILES.document);

  // 1. the annex: 13 rows x every indicator, joined by code, cross-checked
  const { city, counties: annexRows } = parseAnnex(read(C.INPUT_FILES.annex), show(C.INPUT_FILES.annex));
  const cross = crossCheckAnnex(city, annexRows);
  // the document's own sums differ by rounding (caps: 20.2285 vs 20.23); a larger gap is a typo
  for (const c of cross) {
    if (Math.abs(c.difference) > C.CROSS_CHECK_TOLERANCE * Math.abs(c.city_value)) {
      throw new PipelineError(show(C.INPUT_FILES.annex), `the 12 counties sum to ${c.county_sum} but 全市 is ${c.city_value}`, { field: c.indicator });
    }
  }
  const meta = indicatorMeta(annexRows, C.CLASS_COUNT);

  // 2. targets and statements, each quoted from the document
  const targets = parseTargets(read(C.INPUT_FILES.targets), show(C.INPUT_FILES.targets), documentText);
  // a city-wide target that the annex also carries must say the same number
  for (const tg of targets) {
    const cell = tg.indicator ? city.cells[tg.indicator] : null;
    if (cell && cell.value !== tg.value) {
      throw new PipelineError(show(C.INPUT_FILES.targets), `${tg.value_text} differs from the annex 全市 value ${cell.text}`, { field: `value / ${tg.id}`, value: tg.value_text });
    }
  }
  const statements = parseStatements(read(C.INPUT_FILES.statements), show(C.INPUT_FILES.statements), documentText);

  // 3. boundaries: GCJ-02 -> WGS84, then topology, repair, simplification, and the indicators joined by code
  const boundaryPath = show(C.INPUT_FILES.counties);
  const wgs = convertCollectionToWgs84(keyBoundaries(read(C.INPUT_FILES.counties), boundaryPath));
  const areaBefore = wgs.features.reduce((s, f) => s + turf.area(f), 0) / 1e6;
  const cityGeom = await cleanAndSimplify(wgs, { simplifyM: C.SIMPLIFY_CITY_M, gapFillKm2: C.GAP_FILL_KM2, decimals: C.COORD_DECIMALS_CITY });
  const detailGeom = await cleanAndSimplify(wgs, { simplifyM: C.SIMPLIFY_DETAIL_M, gapFillKm2: C.GAP_FILL_KM2, decimals: C.COORD_DECIMALS_DETAIL });
  const cityCounties = joinIndicators(cityGeom, city, annexRows, meta, C.COORD_DECIMALS_CITY, boundaryPath);
  const detailCounties = joinIndicators(detailGeom, city, annexRows, meta, C.COORD_DECIMALS_DETAIL, boundaryPath);
  const totalArea = detailCounties.features.reduce((s, f) => s + turf.area(f), 0) / 1e6;

  // 4. the offline base map: neighbouring prefectures and the city outline
  const context = await buildContext(
    Object.entries(C.INPUT_FILES.context).map(([key, p]) => ({ key, file: show(p), text: read(p) })),
    cityGeom,
    { bbox: C.CONTEXT_BBOX, simplifyM: C.SIMPLIFY_CONTEXT_M, decimals: C.COORD_DECIMALS_CITY },
  );

  // 5. projects: checked, located in counties; hatching for hatched cells and schematic areas
  const projects = locateProjects(parseProjects(read(C.INPUT_FILES.projects), show(C.INPUT_FILES.projects), C.REGION_BBOX), cityCounties);
  const byCode = new Map(cityCounties.features.map((f) => [f.properties.adcode, f.properties]));
  const hatch = hatchFeatures(
    cityCounties.features,
    (code) => INDICATOR_IDS.some((id) => isHatched(countyCell(byCode.get(code)!, id).status)),
    projects.features,
    C.HATCH_SPACING_DEG,
    C.COORD_DECIMALS_CITY,
  );

  // 6. progress (actual figures), with their own sources
  const progressRows = parseProgress(
    read(input.progress.path),
    show(input.progress.path),
    [...INDICATOR_IDS, ...targets.map((t) => t.id)],
    input.progress.example,
  );
  const progress: ProgressFile = { example: input.progress.example, rows: progressRows };

  // 7. outputs, each checked against the contract before anything is written
  const annex: AnnexFile = { source: `${C.DOCUMENT.number} 附件：赤峰市2025年节水行动目标分解表`, city, counties: annexRows, cross_checks: cross };
  const dictionary: DictionaryFile = buildDictionary(meta, STATUS_COLORS);
  validateOutputs({ counties: detailCounties, cityCounties, annex, targets, statements, projects, progress, dictionary });

  const sourceLine = `数据来源：${C.DOCUMENT.number}《${C.DOCUMENT.title}》附件目标分解表（${C.DOCUMENT.date}）；边界为示意，非权威地图`;
  const sourceLineEn = `Source: ${C.DOCUMENT.number}, Chifeng Water-Saving Action Plan, annex (${C.DOCUMENT.date}); boundaries are illustrative, not an authoritative map`;
  const out = new Map<string, string | Uint8Array>();
  out.set(OUTPUT_FILES.counties, json(detailCounties));
  out.set(OUTPUT_FILES.countiesTopo, await toTopoJson(cityCounties, 'counties'));
  out.set(OUTPUT_FILES.context, json(context));
  out.set(OUTPUT_FILES.hatch, JSON.stringify(hatch) + '\n');
  out.set(OUTPUT_FILES.annex, json(annex));
  out.set(OUTPUT_FILES.indicatorsCsv, formatIndicatorsCsv(annex));
  // a GB18030 copy for old Excel versions that ignore the UTF-8 BOM
  out.set(OUTPUT_FILES.indicatorsCsvGb, new Uint8Array(iconv.encode(formatIndicatorsCsv(annex).replace(/^\ufeff/, ''), 'gb18030')));
  out.set(OUTPUT_FILES.targets, json(targets));
  out.set(OUTPUT_FILES.statements, json(statements));
  out.set(OUTPUT_FILES.projects, json(projects));
  out.set(OUTPUT_FILES.progress, json(progress));
  out.set(OUTPUT_FILES.dictionary, json(dictionary));
  out.set(OUTPUT_FILES.dictionaryCsv, dictionaryCsv(dictionary));
  for (const m of meta) {
    out.set(choroplethSvgFile(m.id), renderChoroplethSvg(cityCounties, m, { width: 720, sourceLine, lang: 'zh' }));
    out.set(choroplethSvgFile(`${m.id}.en`), renderChoroplethSvg(cityCounties, m, { width: 720, sourceLine: sourceLineEn, lang: 'en' }));
  }
  // locator maps: the 300 m geometry is plenty for a 480 px image
  for (const f of cityCounties.features) {
    out.set(`county-${f.properties.adcode}.svg`, renderCountySvg(cityCounties, projects, f.properties.adcode, 'zh'));
    out.set(`county-${f.properties.adcode}.en.svg`, renderCountySvg(cityCounties, projects, f.properties.adcode, 'en'));
  }
  out.set('README.txt', 'Generated by `npm run data` from data-pipeline/input/. Do not edit: edit the inputs and rebuild.\n由 npm run data 生成，请勿手工修改。\n');

  const manifest = buildManifest({
    document: { title: C.DOCUMENT.title, number: C.DOCUMENT.number, date: C.DOCUMENT.date, file: C.INPUT_FILES.document },
    inputs: input.files,
    outputs: out,
    geometry: {
      datum_in: 'GCJ-02',
      datum_out: 'WGS84',
      simplify_interval_m: C.SIMPLIFY_CITY_M,
      coordinate_precision_deg: Number((10 ** -C.COORD_DECIMALS_CITY).toFixed(C.COORD_DECIMALS_CITY)),
      total_area_km2: Math.round(totalArea),
      official_area_km2: C.OFFICIAL_AREA_KM2,
      source_area_km2: Math.round(areaBefore),
    },
    crossChecks: cross,
    progressExample: input.progress.example,
  });
  out.set(OUTPUT_FILES.manifest, json(manifest));
  return out;
}
