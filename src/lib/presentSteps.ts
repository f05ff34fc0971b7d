/**
 * The presentation's steps (/present/), built at build time from the pipeline's outputs:
 * which indicator and layers each step maps, where its camera looks, the QR code that opens the
 * same view on a phone, and the figures and facts its text shows. Presentation.astro only
 * renders what this returns; src/client/present.ts drives it in the hall.
 */
import QRCode from 'qrcode';
import { loadAnnex, loadBackground, loadCoalMines, loadCounties, loadCountyPaths, loadDictionary, loadProgress, loadProjects, loadStatements, loadTargets } from './loadData';
import { cellWithUnit, choroplethSummary, nameOf, sectionLabel, targetParts } from './display';
import { countyCell, choroplethSvgFile, layerSvgFile, type IndicatorMeta, type Target } from '../domain/contract';
import { legendItems, progressLegendItems, type LegendItem } from '../domain/cellLook';
import { CELL_WORDS, PROGRESS_WORDS, type Lang } from '../domain/vocabulary';
import { progressSummary, progressViewConfig } from './progressText';
import { mapKey, mapSources } from './progressView';
import { progressSvg } from './progressSvg';
import type { IndicatorId } from '../domain/indicators';
import { DEFAULT_STATE, serializeState, type AtlasState, type LayerId } from './urlState';
import { fitView, geometryBBox, padBBox, pointBBox, unionBBox, type BBox } from './geometry';
import { absoluteUrl, dataUrl, home } from './paths';
import { tp } from '../i18n/present';
import { fill, t } from '../i18n';

export type StepKey = keyof ReturnType<typeof tp>['steps'];

interface StepDef {
  key: StepKey;
  /** full: text across the screen; map: text beside the shared map */
  layout: 'full' | 'map';
  /** the indicator of the QR code's view on the home page, and the map's colours unless `neutral` */
  indicator: IndicatorId;
  /**
   * the step's subject is not a per-county figure (pipes, an over-extraction zone): the counties are
   * drawn alike (cellLook.ts NEUTRAL_LOOK) under the step's layer, never coloured by an unrelated indicator
   */
  neutral?: boolean;
  layers: LayerId[];
  /** the area the camera frames; null = whole city */
  focus: BBox | null;
  /** where on the home page the QR link lands */
  anchor: string;
  /** ids of the city-wide targets shown as figures */
  figures: string[];
  /** ids of further targets of the same task, listed smaller below the figures */
  more?: string[];
  /** ids of the plan's rules (statements of kind `rule`) that apply here: shown as rules, never as targets */
  rules?: string[];
  /** the progress step: the year its map shows (the others show the 2025 targets) */
  year?: number;
}

/**
 * The phone view behind each QR code: the home page map on a 390 px phone is ≈358×523 CSS px.
 * A camera that fits a box there is computed here, without a map.
 */
const PHONE_MAP = { w: 358, h: 520, padding: 24 };

function lookups(lang: Lang) {
  const targets = loadTargets();
  const annex = loadAnnex();
  const dict = loadDictionary();
  const counties = loadCounties().features.map((f) => f.properties);
  const projects = loadProjects().features;
  const target = (id: string): Target => {
    const x = targets.find((tg) => tg.id === id);
    if (!x) throw new Error(`presentation: target "${id}" is missing from targets.json`);
    return x;
  };
  const metaOf = (id: IndicatorId): IndicatorMeta => {
    const m = dict.indicators.find((x) => x.id === id);
    if (!m) throw new Error(`presentation: indicator "${id}" is missing from dictionary.json`);
    return m;
  };
  const project = (id: string) => {
    const x = projects.find((f) => f.properties.id === id);
    if (!x) throw new Error(`presentation: project "${id}" is missing from projects.geojson`);
    return x;
  };
  const county = (code: string) => {
    const c = counties.find((x) => x.adcode === code);
    if (!c) throw new Error(`presentation: no county ${code} in counties.geojson`);
    return c;
  };
  const projectBBox = (id: string) => {
    const g = project(id).geometry;
    if (!g) throw new Error(`presentation: project "${id}" has no geometry to frame`);
    return geometryBBox(g);
  };
  return { targets, annex, dict, counties, projects, progress: loadProgress(), target, metaOf, project, county, projectBBox, lang };
}

/**
 * The progress step's map, once actual figures exist: the newest year of 用水总量 (the plan's
 * first target), else the newest map of any indicator. null while there are none.
 */
function progressMapOf(d: ReturnType<typeof lookups>) {
  const maps = d.progress.maps;
  if (!maps.length) return null;
  const newest = (xs: typeof maps) => xs.reduce((a, b) => (b.year > a.year ? b : a));
  const caps = maps.filter((m) => m.indicator === 'water_use_cap');
  return newest(caps.length ? caps : maps);
}

function stepDefs(d: ReturnType<typeof lookups>): StepDef[] {
  const reclaimed = d.projects.filter((f) => f.properties.kind === 'reclaimed_water_line' && f.geometry).map((f) => geometryBBox(f.geometry!));
  return [
    {
      key: 'targets', layout: 'full', indicator: 'water_use_cap', layers: [...DEFAULT_STATE.layers], focus: null, anchor: '#targets',
      figures: ['total_water_use', 'gdp_water_intensity', 'agri_saving_capacity', 'irrigation_coefficient', 'industrial_water_intensity', 'pipe_leakage_rate', 'reclaimed_water_rate', 'nonconventional_water'],
    },
    { key: 'caps', layout: 'map', indicator: 'water_use_cap', layers: [], focus: null, anchor: '#map-heading', figures: ['total_water_use'] },
    ...(() => {
      const pm = progressMapOf(d);
      return pm ? [{ key: 'progress' as const, layout: 'map' as const, indicator: pm.indicator, layers: [], focus: null, anchor: '#map-heading', figures: [], year: pm.year }] : [];
    })(),
    {
      key: 'agri', layout: 'map', indicator: 'agri_saving_capacity', layers: [], focus: null, anchor: '#map-heading',
      figures: ['irrigation_coefficient', 'agri_saving_capacity', 'high_standard_farmland'],
      // crops and water pricing (二（二）1–2) one line each, and the metering threshold for irrigation
      // districts (二（一）2): the text column has to hold all of it on a 16:9 projector
      more: ['grain_soybean_area', 'thirsty_crops_cut', 'water_price_review', 'water_price_reform_new'],
      rules: ['metering_canal_heads'],
    },
    {
      key: 'industry', layout: 'map', indicator: 'industrial_water_decline', layers: [], focus: null, anchor: '#map-heading',
      figures: ['industrial_water_intensity', 'industrial_reuse_rate', 'industrial_retrofits'],
      rules: ['metering_non_agri'],
    },
    {
      key: 'leakage', layout: 'map', indicator: 'water_use_cap', neutral: true, layers: ['pipe_renewal'],
      // the schematic lines large enough to see from the back of a hall, with 红山区's name in view
      // (the whole district around them left the lines small at its top edge)
      focus: padBBox(unionBBox([d.projectBBox('pipe-renewal-central-city'), pointBBox(d.county('150402').label)]), 0.3),
      anchor: '#map-heading', figures: ['pipe_leakage_rate', 'pipe_renewal_km'],
    },
    {
      key: 'reclaimed', layout: 'map', indicator: 'nonconventional_min', neutral: true, layers: ['reclaimed_water_line'],
      focus: padBBox(unionBBox([...reclaimed, pointBBox(d.county('150402').label), pointBBox(d.county('150403').label)]), 0.5),
      anchor: '#map-heading', figures: ['reclaimed_water_rate', 'nonconventional_water'],
    },
    // the map shows where mine water comes from (GEM's coal mines); the reuse projects stay unlocated
    { key: 'mine', layout: 'map', indicator: 'nonconventional_min', neutral: true, layers: ['coal_mines'], focus: null, anchor: '#map-heading', figures: ['mine_water_use_rate'] },
    {
      key: 'groundwater', layout: 'map', indicator: 'water_use_cap', neutral: true, layers: ['groundwater_overextraction'],
      focus: unionBBox(d.project('groundwater-yuanbaoshan').properties.named_adcodes.map((c) => d.county(c).bbox)),
      anchor: '#map-heading', figures: ['groundwater_overdraft_area', 'groundwater_overdraft_counties'],
    },
    { key: 'citizen', layout: 'full', indicator: 'water_use_cap', layers: [...DEFAULT_STATE.layers], focus: null, anchor: '', figures: [] },
  ];
}

/** County extremes and non-numeric cells of one annex column, for a step's facts. */
function column(d: ReturnType<typeof lookups>, id: IndicatorId) {
  const rows = d.annex.counties;
  const nums = rows.filter((r) => r.cells[id].status === 'value');
  const max = Math.max(...nums.map((r) => r.cells[id].value as number));
  const min = Math.min(...nums.map((r) => r.cells[id].value as number));
  const names = (rs: typeof rows) => rs.map((r) => nameOf(r, d.lang));
  return {
    // the figure with its unit, in the reader's unit (format.ts)
    top: { names: names(nums.filter((r) => r.cells[id].value === max)), text: cellWithUnit(nums.find((r) => r.cells[id].value === max)!.cells[id], d.metaOf(id), d.lang) },
    bottom: { names: names(nums.filter((r) => r.cells[id].value === min)), text: cellWithUnit(nums.find((r) => r.cells[id].value === min)!.cells[id], d.metaOf(id), d.lang) },
    maintain: names(rows.filter((r) => r.cells[id].status === 'maintain_2020')),
    na: names(rows.filter((r) => r.cells[id].status === 'not_applicable')),
  };
}

/**
 * The steps of one edition. QR codes need the public address (SITE_URL, keeping its path); built
 * without it, each step's `qr` is null and its `url` stays a link within the site, so the
 * presentation can tell the presenter instead of sending phones to a placeholder host.
 */
export async function buildPresentation(lang: Lang) {
  const p = tp(lang);
  const d = lookups(lang);
  const cityBBox = unionBBox(d.counties.map((c) => c.bbox));
  const defs = stepDefs(d);
  const legend = (m: IndicatorMeta): LegendItem[] => legendItems(m, d.counties.map((c) => countyCell(c, m.id).status), CELL_WORDS[lang], lang);
  const fig = (id: string) => {
    const tg = d.target(id);
    const v = targetParts(tg, lang);
    return { id, name: nameOf(tg, lang), dir: v.before.trim(), value: v.figure, unit: v.unit, after: v.after.trim(), section: sectionLabel(tg.section, lang) };
  };
  const statements = loadStatements();
  const rule = (id: string) => {
    const x = statements.find((st) => st.id === id && st.kind === 'rule');
    if (!x) throw new Error(`presentation: rule "${id}" is missing from statements.json`);
    return x;
  };
  const steps = await Promise.all(
    defs.map(async (def, i) => {
      const state: AtlasState = {
        indicator: def.indicator,
        mode: def.year === undefined ? 'targets' : 'progress',
        year: def.year ?? null,
        county: null,
        layers: def.layers,
        view: def.focus ? fitView(def.focus, PHONE_MAP.w, PHONE_MAP.h, PHONE_MAP.padding) : null,
      };
      const local = `${home(lang)}${serializeState(def.layout === 'full' ? DEFAULT_STATE : state)}${def.anchor}`;
      const url = absoluteUrl(local);
      const qr = url
        ? (await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'L', margin: 2, color: { dark: '#000000', light: '#ffffff' } }))
            .replace('<svg ', '<svg class="qr-svg" aria-hidden="true" focusable="false" ')
        : null;
      const meta = d.metaOf(def.indicator);
      const neutral = def.neutral === true;
      // the static map (no WebGL): the indicator's choropleth, or for a neutral step its layer over plain counties
      const fallbackSvg = neutral
        ? dataUrl(layerSvgFile(def.layers[0], lang))
        : dataUrl(choroplethSvgFile(lang === 'zh' ? meta.id : `${meta.id}.en`));
      const pm = def.year === undefined ? null : d.progress.maps.find((x) => x.indicator === def.indicator && x.year === def.year)!;
      const pLegend = pm ? progressLegendItems(pm.counts, PROGRESS_WORDS[lang], lang) : null;
      const pTitle = pm ? fill(t(lang).prog.mapTitle, { name: lang === 'zh' ? meta.name_zh : meta.name_en, year: pm.year }) : '';
      const pSources = pm ? mapSources(progressViewConfig(d.progress, d.dict.indicators, lang), mapKey(pm.indicator, pm.year)) : [];
      return {
        ...def,
        neutral,
        n: i + 1,
        title: p.steps[def.key].title,
        lede: fill(p.steps[def.key].lede, { n: d.annex.counties.length, year: def.year ?? '', name: lang === 'zh' ? meta.short_zh : meta.short_en }),
        meta,
        legend: neutral ? [] : (pLegend ?? legend(meta)),
        /** the progress step: its map's title, counts, the figures' sources, whether they are the example */
        progress: pm ? { title: pTitle, counts: pm.counts, year: pm.year, sources: pSources, example: d.progress.example } : null,
        figures: def.figures.map(fig),
        more: (def.more ?? []).map(fig),
        rules: (def.rules ?? []).map(rule),
        // the map is hidden on text-only steps: nothing to draw (and no flow animation to run)
        state: { ...state, layers: def.layout === 'full' ? [] : state.layers, view: null, ...(neutral ? { neutral: true } : {}) },
        focus: def.focus ?? cityBBox,
        url: url ?? local,
        qr,
        // no static image per progress map is shipped: the step's is drawn here, as on the home page without WebGL
        fallbackSvg: pm
          ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(progressSvg({ paths: loadCountyPaths(), statuses: pm.statuses, title: pTitle, legend: pLegend!, notes: pSources, words: PROGRESS_WORDS[lang], lang, idPrefix: 'present' }))}`
          : fallbackSvg,
        summary: neutral ? fill(p.neutralSummary, { title: p.steps[def.key].title }) : pm ? progressSummary(pm, meta, lang) : choroplethSummary(meta, d.counties, lang),
      };
    }),
  );
  const gwOld = d.project('groundwater-yuanbaoshan').properties;
  const gwNew = d.project('groundwater-new-round');
  const coal = loadCoalMines();
  return {
    steps,
    cityBBox,
    meta: d.dict.indicators,
    column: (id: IndicatorId) => column(d, id),
    projects: {
      pipe: d.project('pipe-renewal-central-city').properties,
      derun: d.project('derun-to-yuanbaoshan').properties,
      plant: d.project('yuanbaoshan-power-plant').properties,
      mine: d.project('mine-water-reuse'),
      gwOld,
      gwOldNames: gwOld.named_adcodes.map((c) => nameOf(d.county(c), lang)),
      gwNew,
      // the document gives the number of divisions of the new round, not their names (二（六）3): a target of its own
      newRoundCount: d.target('groundwater_overdraft_counties').value,
      dueYear: d.target('groundwater_overdraft_area').year,
    },
    /** GEM's coal mines (for the mine-water step's legend and attribution) */
    coal: { credit: coal.credit, licence: coal.licence, licenceUrl: coal.licence_url, sourceUrl: coal.source_url, count: coal.features.length },
    /** published context from press reports, for the first step: never the plan's words */
    background: loadBackground(),
    calls: statements.filter((x) => x.kind === 'call'),
    /** the shared map's progress statuses (the progress step), as the home page's map has them */
    progressView: progressViewConfig(d.progress, d.dict.indicators, lang),
    occasions: statements.filter((x) => x.kind === 'occasion'),
  };
}
