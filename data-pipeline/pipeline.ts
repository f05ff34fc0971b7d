/**
 * Load -> Process -> Save, the process part: raw input bytes in, output file contents out.
 * Pure apart from mapshaper's in-memory work; cli.ts is the only place that touches files.
 * Each numbered stage is a step of its own in steps/; this file only puts them in order.
 */
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import * as turf from '@turf/turf';
import { INDICATOR_IDS } from '../src/domain/indicators';
import { OUTPUT_FILES, choroplethSvgFile, layerSvgFile, countyCell, viewCsvFile, type AnnexFile, type CoalMinesFile, type DictionaryFile, type ProgressReport } from '../src/domain/contract';
import { buildProgressFile, checkProgressFiles } from '../src/domain/progress';
import { formatProblem } from '../src/domain/progressProblems';
import { templateCsv, templateGuideText } from '../src/domain/progressTemplate';
import { COUNTIES } from '../src/domain/divisions';
import { STATUS_COLORS, isHatched } from '../src/domain/cellLook';
import * as C from './config';
import { PipelineError, ProgressRejected } from './errors';
import { checkJsonOutputs, validateOutputs, validateRegistry } from './validate';
import { decodeText } from './steps/decodeText';
import { parseAnnex } from './steps/parseAnnex';
import { crossCheckAnnex } from './steps/crossCheckAnnex';
import { parseTargets } from './steps/parseTargets';
import { parseStatements } from './steps/parseStatements';
import { parseProjects } from './steps/parseProjects';
import { keyBoundaries } from './steps/keyBoundaries';
import { convertCollectionToWgs84 } from './steps/convertDatum';
import { cleanAndSimplify, toTopoJson } from './steps/buildTopology';
import { buildContext } from './steps/buildContext';
import { indicatorMeta } from './steps/computeClasses';
import { joinIndicators } from './steps/joinIndicators';
import { locateProjects } from './steps/locateProjects';
import { placeLabels } from './steps/placeLabels';
import { hatchFeatures } from './steps/buildHatch';
import { renderChoroplethSvg } from './steps/renderChoroplethSvg';
import { LAYER_SVG_KINDS, renderLayerSvg } from './steps/renderLayerSvg';
import { renderCountySvg } from './steps/renderCountySvg';
import { buildCountyPaths } from './steps/buildCountyPaths';
import { buildDictionary, dictionaryCsv, formatIndicatorsCsv, formatIndicatorsExcelCsv, formatProgressCsv, formatViewCsv } from './steps/formatOutputs';
import { buildProgressTemplateXlsx } from './steps/buildProgressTemplate';
import { buildManifest } from './steps/buildManifest';
import { parseTownsVillages } from './steps/parseTownsVillages';
import { buildPlaceIndex } from './steps/buildPlaceIndex';
import { verifySources } from './steps/verifySources';
import { parseBackground } from './steps/parseBackground';
import { parseGemMines } from './steps/parseGemMines';
import { locateMines } from './steps/locateMines';

export { sha256 } from './steps/buildManifest';

export interface PipelineInput {
  /** input files by path relative to the input folder (INPUT_FILES), as raw bytes */
  files: Map<string, Uint8Array>;
  /**
   * the progress files to read (chosen by cli.ts: every .xlsx/.csv of input/progress/, or the files
   * given with --progress, or the demonstration file), each named as messages should show it;
   * `inInput`: the file's key in `files` (it is then listed in the manifest under that path)
   */
  progress: { files: { name: string; bytes: Uint8Array; inInput?: string }[]; example: boolean };
  /** the latest year a progress figure may carry (the build's own year) */
  currentYear: number;
  /** the build's date (YYYY-MM-DD): the latest date of update a progress row may carry */
  today?: string;
  /** how input paths are shown in messages, e.g. "data-pipeline/input" */
  displayDir: string;
  /** where warnings are printed (they never stop the build) */
  log?: (msg: string) => void;
}

const json = (v: unknown) => JSON.stringify(v, null, 1) + '\n';

export async function runPipeline(input: PipelineInput): Promise<Map<string, string | Uint8Array>> {
  validateRegistry();
  const show = (p: string) => `${input.displayDir}/${p}`;
  const read = (p: string) => {
    const b = input.files.get(p);
    if (!b) throw new PipelineError(show(p), '找不到这个文件 / file not found');
    return decodeText(b, show(p));
  };
  // 0. every input whose sha256 SOURCES.md records is that exact file, the document's text above all:
  // the quotes below are only proven to be the plan's words if the text is the official one
  verifySources(read(C.INPUT_FILES.sources), show(C.INPUT_FILES.sources), input.files, show, [C.INPUT_FILES.document, C.INPUT_FILES.gem.nonClosed, C.INPUT_FILES.gem.closed]);
  const documentText = read(C.INPUT_FILES.document);

  // 1. the annex: 13 rows x every indicator, joined by code, cross-checked
  const { city, counties: annexRows } = parseAnnex(read(C.INPUT_FILES.annex), show(C.INPUT_FILES.annex));
  const cross = crossCheckAnnex(city, annexRows);
  // the document's own sums differ by rounding (caps: 20.2285 vs 20.23); a larger gap is a typo
  for (const c of cross) {
    if (Math.abs(c.difference) > C.CROSS_CHECK_TOLERANCE * Math.abs(c.city_value)) {
      throw new PipelineError(show(C.INPUT_FILES.annex), `12个旗县区合计 ${c.county_sum}，与全市 ${c.city_value} 不符：是否有格子打错？ / the 12 counties sum to ${c.county_sum} but 全市 is ${c.city_value}`, { field: c.indicator });
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
  // context figures from press reports, each with its outlet and date (not the plan's words)
  const background = parseBackground(read(C.INPUT_FILES.background), show(C.INPUT_FILES.background));

  // 3. progress (actual figures), each row with its own source: the same check as the browser's update page;
  //    early, so an official's file is answered in a second, before the geometry work
  const progressCheck = await checkProgressFiles(
    input.progress.files,
    { annex: { city, counties: annexRows }, currentYear: input.currentYear, today: input.today, example: input.progress.example },
    async () => ExcelJS,
  );
  const errors = progressCheck.problems.filter((p) => p.level === 'error');
  const warnings = progressCheck.problems.filter((p) => p.level === 'warning');
  if (errors.length) throw new ProgressRejected(errors, warnings);
  if (warnings.length && input.log) {
    input.log(`data: 进展数据有 ${warnings.length} 处警告（不影响生成，已记入 ${OUTPUT_FILES.progressReport}）：\n${warnings.map((w) => formatProblem(w)).join('\n')}`);
  }
  const progress = buildProgressFile(progressCheck.rows, { city, counties: annexRows }, targets, progressCheck.crossChecks, input.progress.example);
  const progressReport: ProgressReport = {
    example: input.progress.example,
    files: progressCheck.files,
    warnings,
    cross_checks: progressCheck.crossChecks,
  };

  // 4. boundaries: GCJ-02 -> WGS84, then topology, repair, simplification, and the indicators joined by code
  const boundaryPath = show(C.INPUT_FILES.counties);
  const wgs = convertCollectionToWgs84(keyBoundaries(read(C.INPUT_FILES.counties), boundaryPath));
  const areaBefore = wgs.features.reduce((s, f) => s + turf.area(f), 0) / 1e6;
  const cityGeom = await cleanAndSimplify(wgs, { simplifyM: C.SIMPLIFY_CITY_M, gapFillKm2: C.GAP_FILL_KM2, decimals: C.COORD_DECIMALS_CITY });
  const detailGeom = await cleanAndSimplify(wgs, { simplifyM: C.SIMPLIFY_DETAIL_M, gapFillKm2: C.GAP_FILL_KM2, decimals: C.COORD_DECIMALS_DETAIL });
  const cityCounties = joinIndicators(cityGeom, city, annexRows, meta, C.COORD_DECIMALS_CITY, boundaryPath);
  const detailCounties = joinIndicators(detailGeom, city, annexRows, meta, C.COORD_DECIMALS_DETAIL, boundaryPath);
  const totalArea = detailCounties.features.reduce((s, f) => s + turf.area(f), 0) / 1e6;
  // names that would collide on a whole-city map get a callout, the same in both geometries
  const callouts = placeLabels(cityCounties, C.LABEL_LAYOUTS.map((l) => ({ ...l, fit: [...l.fit], box: [...l.box] })), C.COORD_DECIMALS_CITY);
  for (const fc of [cityCounties, detailCounties]) for (const f of fc.features) f.properties.callout = callouts.get(f.properties.adcode) ?? null;

  // 5. the offline base map: neighbouring prefectures and the city outline
  const context = await buildContext(
    Object.entries(C.INPUT_FILES.context).map(([key, p]) => ({ key, file: show(p), text: read(p) })),
    cityGeom,
    { bbox: C.CONTEXT_BBOX, simplifyM: C.SIMPLIFY_CONTEXT_M, decimals: C.COORD_DECIMALS_CITY },
  );

  // 6. projects: checked, located in counties; hatching for hatched cells and schematic areas
  const projects = locateProjects(
    parseProjects(read(C.INPUT_FILES.projects), show(C.INPUT_FILES.projects), {
      regionBbox: C.REGION_BBOX,
      maxPositionsPerFeature: C.MAX_PROJECT_POSITIONS_PER_FEATURE,
      maxPositions: C.MAX_PROJECT_POSITIONS,
    }),
    cityCounties,
  );

  // 6b. the coal mines (GEM Global Coal Mine Tracker): the whole published files, filtered here
  const gemOpen = parseGemMines(read(C.INPUT_FILES.gem.nonClosed), show(C.INPUT_FILES.gem.nonClosed), C.INPUT_FILES.gem.nonClosed, 'non_closed');
  const gemClosed = parseGemMines(read(C.INPUT_FILES.gem.closed), show(C.INPUT_FILES.gem.closed), C.INPUT_FILES.gem.closed, 'closed');
  const closedIds = new Set(gemClosed.rows.map((r) => r.gemId));
  const lost = gemOpen.misfiled.find((r) => !closedIds.has(r.gemId));
  if (lost) {
    throw new PipelineError(lost.file, `${lost.gemId}: a row in another column order (its Status cell reads "${lost.status}") that is not in ${C.INPUT_FILES.gem.closed} either`, { line: lost.line, field: 'Status' });
  }
  const gemSource = `${C.GEM.attribution}（${C.GEM.licence}）, via ${C.GEM.via}`;
  // the finer 100 m boundaries decide which county a point falls in
  const mines = locateMines([...gemOpen.rows, ...gemClosed.rows], detailCounties, { prefecture: C.GEM.prefecture, source: gemSource });
  const coalMines: CoalMinesFile = {
    type: 'FeatureCollection',
    credit: C.GEM.attribution,
    attribution: `${C.GEM.attribution} (${C.GEM.licence}, ${C.GEM.licenceUrl}), via ${C.GEM.via}; filtered to 赤峰市 and reformatted (decimal commas, counties) by this project`,
    licence: C.GEM.licence,
    licence_url: C.GEM.licenceUrl,
    source_url: C.GEM.url,
    via: C.GEM.via,
    features: mines.features,
  };
  const byCode = new Map(cityCounties.features.map((f) => [f.properties.adcode, f.properties]));
  const hatch = hatchFeatures(
    cityCounties.features,
    // every county that cellLook hatches in some indicator, and every county with a progress map:
    // the progress map dots any county that has no figure in the chosen year (暂无数据)
    (code) => progress.maps.length > 0 || INDICATOR_IDS.some((id) => isHatched(countyCell(byCode.get(code)!, id).status)),
    projects.features,
    C.HATCH_SPACING_DEG,
    C.COORD_DECIMALS_CITY,
  );

  // 7. the "my town" search index: towns and villages of the 统计用区划代码, joined to the counties by code
  const { towns, villages } = parseTownsVillages(
    { text: read(C.INPUT_FILES.towns), file: show(C.INPUT_FILES.towns) },
    { text: read(C.INPUT_FILES.villages), file: show(C.INPUT_FILES.villages) },
  );
  const places = buildPlaceIndex(COUNTIES, towns, villages, { source: C.PLACE_SOURCE, placeholder: C.PLACEHOLDER_NAME_RE, file: show(C.INPUT_FILES.towns) });

  // 8. outputs, each checked against the contract before anything is written
  const annex: AnnexFile = { source: `${C.DOCUMENT.number} 附件：赤峰市2025年节水行动目标分解表`, city, counties: annexRows, cross_checks: cross };
  const dictionary: DictionaryFile = buildDictionary(meta, STATUS_COLORS);
  validateOutputs({ counties: detailCounties, cityCounties, annex, targets, statements, background, projects, coalMines, progress, progressReport, dictionary, places });

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
  out.set(OUTPUT_FILES.indicatorsExcel, formatIndicatorsExcelCsv(annex));
  out.set(OUTPUT_FILES.targets, json(targets));
  out.set(OUTPUT_FILES.statements, json(statements));
  out.set(OUTPUT_FILES.projects, json(projects));
  out.set(OUTPUT_FILES.background, json(background));
  out.set(OUTPUT_FILES.coalMines, json(coalMines));
  out.set(OUTPUT_FILES.progress, json(progress));
  out.set(OUTPUT_FILES.progressCsv, formatProgressCsv(progress));
  out.set(OUTPUT_FILES.progressReport, json(progressReport));
  // the template officials fill, from the registry; stamped with the document's date so it is byte-identical
  out.set(OUTPUT_FILES.progressTemplateXlsx, await buildProgressTemplateXlsx(city, new Date(`${C.DOCUMENT.date}T00:00:00Z`)));
  out.set(OUTPUT_FILES.progressTemplateCsv, templateCsv());
  out.set(OUTPUT_FILES.progressTemplateGuide, templateGuideText(city));
  out.set(OUTPUT_FILES.countyPaths, JSON.stringify(buildCountyPaths(cityCounties, C.STATIC_MAP_WIDTH_PX)) + '\n');
  out.set(OUTPUT_FILES.dictionary, json(dictionary));
  out.set(OUTPUT_FILES.dictionaryCsv, dictionaryCsv(dictionary));
  // compact, not indented: the search box fetches it on first use (≈200 KB raw, ≈31 KB gzipped)
  out.set(OUTPUT_FILES.places, JSON.stringify(places) + '\n');
  for (const m of meta) {
    out.set(choroplethSvgFile(m.id), renderChoroplethSvg(cityCounties, m, { width: C.STATIC_MAP_WIDTH_PX, sourceLine, lang: 'zh' }));
    out.set(choroplethSvgFile(`${m.id}.en`), renderChoroplethSvg(cityCounties, m, { width: C.STATIC_MAP_WIDTH_PX, sourceLine: sourceLineEn, lang: 'en' }));
    out.set(viewCsvFile(m.id, 'zh'), formatViewCsv(annex, cityCounties, m, 'zh'));
    out.set(viewCsvFile(m.id, 'en'), formatViewCsv(annex, cityCounties, m, 'en'));
  }
  // a project layer (or GEM's coal mines) over neutral counties: the presentation's static map for the steps about
  // the pipes, the reclaimed-water line, the mines and the over-extraction zone (their subject is not a per-county figure)
  const layerSource = `数据来源：${C.DOCUMENT.number}《${C.DOCUMENT.title}》；位置见图例，边界为示意，非权威地图`;
  const layerSourceEn = `Source: ${C.DOCUMENT.number}, Chifeng Water-Saving Action Plan; positions as the legend says; boundaries are illustrative, not an authoritative map`;
  for (const kind of LAYER_SVG_KINDS) {
    out.set(layerSvgFile(kind, 'zh'), renderLayerSvg(cityCounties, projects, kind, { width: 720, sourceLine: layerSource, lang: 'zh', mines: coalMines }));
    out.set(layerSvgFile(kind, 'en'), renderLayerSvg(cityCounties, projects, kind, { width: 720, sourceLine: layerSourceEn, lang: 'en', mines: coalMines }));
  }
  // locator maps: the 300 m geometry is plenty for a 480 px image
  for (const f of cityCounties.features) {
    out.set(`county-${f.properties.adcode}.svg`, renderCountySvg(cityCounties, projects, coalMines, f.properties.adcode, 'zh'));
    out.set(`county-${f.properties.adcode}.en.svg`, renderCountySvg(cityCounties, projects, coalMines, f.properties.adcode, 'en'));
  }
  out.set('README.txt', 'Generated by `npm run data` from data-pipeline/input/. Do not edit: edit the inputs and rebuild.\n由 npm run data 生成，请勿手工修改。\n');

  // the manifest lists what was read: progress and example files only when they were used
  const usedProgress = new Set(input.progress.files.map((f) => f.inInput).filter(Boolean));
  const inputsRead = new Map([...input.files].filter(([p]) => !/^(progress|examples)\//.test(p) || usedProgress.has(p)));
  for (const f of input.progress.files) if (!f.inInput) inputsRead.set(f.name.replace(/^.*[/\\]/, ''), f.bytes);
  const manifest = buildManifest({
    document: { title: C.DOCUMENT.title, number: C.DOCUMENT.number, date: C.DOCUMENT.date, file: C.INPUT_FILES.document },
    inputs: inputsRead,
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
    coalMines: {
      rows_read: gemOpen.rows.length + gemOpen.misfiled.length + gemClosed.rows.length,
      selected: mines.features.length,
      misfiled_rows: gemOpen.misfiled.length,
      unreadable_position_rows: mines.unreadable,
      rule: `point (WGS84, as published) inside one of the 12 counties, or "Prefecture, District" = ${C.GEM.prefecture}; ${gemOpen.misfiled.length} rows of ${C.INPUT_FILES.gem.nonClosed} are closed mines in ${C.INPUT_FILES.gem.closed}'s column order and are read from that file`,
    },
  });
  out.set(OUTPUT_FILES.manifest, json(manifest));
  // what the site will read is the text: parse it back and check it against the contract again
  checkJsonOutputs(out);
  return out;
}
