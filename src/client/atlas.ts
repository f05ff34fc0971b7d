/**
 * The page controller of the home page map and the embed: owns the view state (indicator,
 * county, layers, camera) and keeps the URL, selector, legend, summary, table, panels and map in
 * step. Small on purpose: the table, tooltip and share tools are modules of their own, and the
 * map libraries arrive through src/map/loadMap.ts only when the map is needed.
 */
import { parseEmbedOptions, parseState, serializeEmbed, serializeState, type AtlasState, type LayerId, type View } from '../lib/urlState';
import type { IndicatorMeta } from '../domain/contract';
import type { CellWords } from '../domain/vocabulary';
import type { AtlasMap, MapConfig } from '../map/initMap';
import type { MapDataUrls } from '../lib/paths';
import { loadMap, type LoadOptions } from '../map/loadMap';
import { markAnnexTable, wireAnnexTable } from './annexTable';
import { showTooltip } from './tooltip';
import { wireShareTools, type ShareConfig } from './shareTools';
import { staticMap, type StaticMap } from './staticMap';
import { postHeight, whenWanted } from './embedFrame';
import { SELECT_COUNTY_EVENT, type SelectCountyDetail } from '../lib/atlasEvents';
import { clearProgressFacts, normalizeProgress, shownMap, syncProgressControls, wireProgressControls, type ProgressPageConfig } from './progressControls';
import type { FallbackConfig } from './progressFallback';

interface Config extends ShareConfig, MapConfig, ProgressPageConfig, FallbackConfig {
  mode: 'full' | 'embed';
  /** this edition's home page, with the base path */
  home: string;
  data: MapDataUrls;
  bbox: [number, number, number, number];
  meta: IndicatorMeta[];
  words: CellWords;
  schematicLabel: string;
  strings: ShareConfig['strings'] & LoadOptions['strings'];
  /** the rows behind each indicator's view, as CSV (pipeline: view-<id>.csv) */
  viewCsv: Record<string, string>;
  /** layers that draw schematic geometry (the in-map badge explains the dashes) */
  schematicLayers: string[];
  mineText: Record<string, { name: string; line: string; note: string }>;
  svg: Record<string, string>;
  names: Record<string, string>;
  bboxes: Record<string, [number, number, number, number]>;
  /** embed only: each county's figure with its unit, by indicator, as its panel prints it */
  countyText: Record<string, Record<string, string>>;
}

const cfgEl = document.getElementById('atlas-config');
if (cfgEl) start(JSON.parse(cfgEl.textContent!) as Config);

function start(cfg: Config) {
  const $ = <T extends Element>(sel: string, root: ParentNode = document) => root.querySelector<T>(sel);
  const $$ = <T extends Element>(sel: string, root: ParentNode = document) => [...root.querySelectorAll<T>(sel)];
  const mapEl = $<HTMLElement>('#map')!;
  const statusEl = $<HTMLElement>('#map-status')!;
  const tooltip = $<HTMLElement>('#map-tooltip')!;
  const live = $<HTMLElement>('#map-live')!;
  const select = $<HTMLSelectElement>('#indicator-select')!;
  const table = $<HTMLTableElement>('#annex-table');
  let state: AtlasState = normalizeProgress(parseState(location.search), cfg);
  let map: AtlasMap | null = null;
  let fallbackImg: HTMLImageElement | null = null;
  const embed = cfg.mode === 'embed';
  // the embed's own options (controls=0) stay in its address through every update
  const embedOpts = parseEmbedOptions(location.search);
  const embedRoot = $<HTMLElement>('#embed');
  if (embedRoot) embedRoot.dataset.controls = embedOpts.controls ? 'on' : 'off';
  const staticEl = $<HTMLElement>('#static-map');
  const still: StaticMap | null = staticEl ? staticMap(staticEl, cfg.names) : null;
  // the embed opens on the county its address names (and its neighbours), static and live alike; a county
  // tapped later is outlined and named, but the camera stays where the reader is looking
  if (embed) cfg.frameCounty = state.county;

  const metaOf = (id: string) => cfg.meta.find((m) => m.id === id)!;

  function showFallback(message: string) {
    map = null;
    // the embed already shows the static map, framed to fit; elsewhere the whole SVG comes in as an image
    if (!fallbackImg && !still) {
      fallbackImg = document.createElement('img');
      fallbackImg.className = 'fallback';
      mapEl.prepend(fallbackImg);
    }
    // why the map is static, in words, above the map: never over the static map's own title
    statusEl.hidden = true;
    const note = $<HTMLElement>('#map-static-note');
    if (note) {
      note.textContent = message;
      note.hidden = false;
    }
    mapEl.dataset.mapState = 'static';
    const png = $<HTMLButtonElement>('#export-png');
    if (png) png.disabled = true;
    const why = $<HTMLElement>('#export-png-why');
    if (why) why.textContent = cfg.strings.pngNeedsMap;
    syncFallback();
    apply(state, 'none');
    syncSheet();
  }
  async function syncFallback() {
    if (!fallbackImg) return;
    const key = shownMap(state);
    if (!key) {
      // the target view: the pipeline's static choropleth (the progress view without figures shows its message instead)
      fallbackImg.hidden = state.mode === 'progress';
      fallbackImg.src = cfg.svg[state.indicator];
      fallbackImg.alt = $(`[data-summary="${state.indicator}"]`)?.textContent ?? '';
      return;
    }
    // the progress view: drawn here from the pipeline's projected paths (no image per indicator and year is shipped)
    const img = fallbackImg;
    const { staticProgressMap } = await import('./progressFallback');
    const url = await staticProgressMap(cfg, state);
    if (shownMap(state) !== key) return;
    img.hidden = false;
    img.src = url;
    img.alt = $(`[data-progress-summary="${key}"]`)?.textContent ?? '';
  }

  /** Apply state to every part of the page. `how` decides what the URL does. */
  function apply(next: AtlasState, how: 'push' | 'replace' | 'none') {
    const prev = state;
    state = normalizeProgress(next, cfg);
    select.value = state.indicator;
    // legends, summaries, the view switch and the year selector
    syncProgressControls(cfg, state);
    // the embed's title line: the indicator, or in the progress view the progress map's own title (indicator and year)
    for (const el of $$<HTMLElement>('[data-title]')) el.hidden = el.dataset.title !== state.indicator || shownMap(state) !== null;
    for (const el of $$<HTMLElement>('[data-progress-title]')) el.hidden = el.dataset.progressTitle !== shownMap(state);
    for (const cb of $$<HTMLInputElement>('input[name="layer"]')) if (!cb.disabled) cb.checked = state.layers.includes(cb.value as LayerId);
    if (table) markAnnexTable(table, state.indicator, state.county);
    // the table's mapped column and the county panels: the year's figure, status and source
    clearProgressFacts(table);
    if (shownMap(state)) {
      const shown = state;
      void import('./progressFacts').then(({ syncProgressFacts }) => {
        // a later apply may have moved on while the module loaded
        if (shown !== state) return;
        syncProgressFacts(cfg, state, table);
        syncSheet();
      });
    }
    for (const p of $$<HTMLElement>('[data-panel]')) p.hidden = p.dataset.panel !== state.county;
    if (state.county !== prev.county) {
      const fact = state.county ? $<HTMLElement>(`[data-panel="${state.county}"] [data-fact="${state.indicator}"]`) : null;
      const said = fact ? `${fact.querySelector('dt')?.textContent ?? ''} ${fact.querySelector('dd')?.textContent?.trim() ?? ''}` : '';
      live.textContent = state.county ? `${cfg.names[state.county]}${cfg.lang === 'zh' ? '：' : ': '}${said}` : '';
    }
    void syncFallback();
    syncSheet();
    syncEmbed();
    map?.update(state);
    // the badge shows whenever a layer with schematic geometry is on the map
    const badge = $<HTMLElement>('#schematic-badge');
    if (badge) badge.hidden = !(map && state.layers.some((l) => cfg.schematicLayers.includes(l)));
    // the coal mines carry GEM's attribution (CC BY 4.0) whenever they are on; the static map
    // does not draw them and says where they are instead
    const minesOn = state.layers.includes('coal_mines');
    const isStatic = mapEl.dataset.mapState === 'static';
    const attribution = $<HTMLElement>('#mines-attribution');
    if (attribution) attribution.hidden = !minesOn || isStatic;
    const staticNote = $<HTMLElement>('#mines-static-note');
    if (staticNote) staticNote.hidden = !(minesOn && isStatic);
    const svgLink = $<HTMLAnchorElement>('#download-svg');
    // the static SVG and the view's CSV are the target map's: not offered for the progress view
    // (its figures are in progress.csv on the downloads page)
    if (svgLink) {
      svgLink.href = cfg.svg[state.indicator];
      svgLink.hidden = state.mode === 'progress';
      // saved under the plain name, without the content version (src/lib/dataFiles.ts)
      svgLink.download = (svgLink.pathname.split('/').pop() ?? '').replace(/\.[0-9a-f]{10}(\.svg)$/, '$1');
    }
    const csvLink = $<HTMLAnchorElement>('#download-view');
    if (csvLink) {
      csvLink.href = cfg.viewCsv[state.indicator];
      csvLink.download = (csvLink.pathname.split('/').pop() ?? '').replace(/\.[0-9a-f]{10}(\.csv)$/, '$1');
      csvLink.hidden = state.mode === 'progress';
    }
    const png = $<HTMLButtonElement>('#export-png');
    if (png) png.disabled = !map || (state.mode === 'progress' && !shownMap(state));
    const full = $<HTMLAnchorElement>('#embed-full');
    if (full) full.href = `${cfg.home}${serializeState(state)}`;
    const url = `${location.pathname}${embed ? serializeEmbed(state, embedOpts) : serializeState(state)}${location.hash}`;
    // a frame's history is the host page's: the embed never adds entries to its back button
    if (how === 'push' && !embed && url !== `${location.pathname}${location.search}${location.hash}`) history.pushState(null, '', url);
    if (how === 'replace' || (how === 'push' && embed)) history.replaceState(null, '', url);
  }

  /** the embed: the chosen county named with its figure, and the static map until the live one is up */
  function syncEmbed() {
    const line = $<HTMLElement>('#embed-county');
    if (line) {
      // the target view: the county's 2025 target; the progress view: its figure that year and its status
      const key = shownMap(state);
      const c = state.county;
      const progressText = (k: string, code: string) => {
        const status = cfg.progressWords.label[cfg.progress.maps[k]?.[code] ?? 'no_data'];
        const figure = cfg.progress.figures[k]?.[code];
        const year = String(state.year);
        // "2023年 0.64（未达标）" / "2023: 0.64 (not met)", as the county page's chart says it
        const shown = figure ? cfg.progressStrings.point.replace('{year}', year).replace('{value}', figure).replace('{status}', status) : `${cfg.progressStrings.yearOption.replace('{year}', year)} ${status}`;
        // and what it is measured against: the county's 2025 target
        const target = cfg.countyText[code]?.[state.indicator];
        return target ? `${shown}${cfg.progressStrings.clauseSep}${cfg.progressStrings.target2025}${cfg.progressStrings.colon}${target}` : shown;
      };
      const text = c ? (key ? progressText(key, c) : cfg.countyText[c]?.[state.indicator]) : undefined;
      line.hidden = !text;
      line.textContent = text ? `${cfg.names[state.county!]}${cfg.lang === 'zh' ? '：' : ': '}${text}` : '';
    }
    if (still && mapEl.dataset.mapState !== 'ready') {
      // the progress view: its statuses drawn here from the projected paths (loaded only then), as without WebGL
      const key = shownMap(state);
      const shown = state;
      const source = key
        ? { key: `progress|${key}`, text: () => import('./progressFallback').then(({ progressSvgText }) => progressSvgText(cfg, shown)) }
        : cfg.svg[state.indicator];
      still.show(source, cfg.frameCounty ?? null, state.county).catch((err) => console.warn('static map', err));
    }
  }

  /**
   * The summary sheet over the map: the selected county's name and the mapped indicator's block,
   * copied from its pre-rendered panel (so it says exactly what the panel says), with a button to
   * the full panel below. A tap on a phone opens it where the eye is, not below the fold.
   */
  function syncSheet() {
    const sheet = $<HTMLElement>('#map-sheet');
    if (!sheet) return;
    const fact = state.county ? $<HTMLElement>(`[data-panel="${state.county}"] [data-fact="${state.indicator}"]`) : null;
    sheet.hidden = !(map && fact);
    mapEl.classList.toggle('has-sheet', !sheet.hidden);
    if (sheet.hidden || !fact || !state.county || !map) return;
    // on the side of the map away from the county, so the sheet never hides what was tapped
    const [w, s, e, n] = cfg.bboxes[state.county];
    const at = map.map.project([(w + e) / 2, (s + n) / 2]);
    sheet.classList.toggle('sheet-top', at.y > mapEl.clientHeight / 2);
    sheet.classList.toggle('sheet-right', at.x < mapEl.clientWidth / 2);
    $<HTMLElement>('#map-sheet-title')!.textContent = cfg.names[state.county];
    $<HTMLElement>('#map-sheet-fact')!.replaceChildren(fact.cloneNode(true));
    // the progress view: the year's figure, status and source under it, as the panel says them
    const prog = $<HTMLElement>(`[data-panel-progress="${state.county}"]`);
    // in the progress view the year's figure is the news: on a phone the target's rank line gives way
    sheet.classList.toggle('sheet-progress', !!prog && !prog.hidden);
    if (prog && !prog.hidden) {
      const box = document.createElement('div');
      const copy = prog.cloneNode(true) as HTMLElement;
      // a copy, not a second panel line (syncProgressFacts fills only the panel's)
      copy.removeAttribute('data-panel-progress');
      box.append(copy);
      $<HTMLElement>('#map-sheet-fact')!.append(box);
    }
  }
  $<HTMLButtonElement>('#map-sheet-close')?.addEventListener('click', () => selectCounty(null, false));
  $<HTMLButtonElement>('#map-sheet-all')?.addEventListener('click', () => {
    const panel = state.county ? $<HTMLElement>(`[data-panel="${state.county}"]`) : null;
    if (!panel) return;
    panel.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    panel.focus({ preventScroll: true });
  });

  function selectCounty(adcode: string | null, fromMap: boolean) {
    apply({ ...state, county: adcode }, 'push');
    if (adcode && !fromMap) map?.flyTo({ bbox: cfg.bboxes[adcode] }, true);
  }

  select.addEventListener('change', () => apply({ ...state, indicator: select.value as AtlasState['indicator'] }, 'push'));
  for (const cb of $$<HTMLInputElement>('input[name="layer"]')) {
    cb.addEventListener('change', () => {
      const layers = $$<HTMLInputElement>('input[name="layer"]').filter((x) => x.checked && !x.disabled).map((x) => x.value as LayerId);
      apply({ ...state, layers }, 'push');
    });
  }
  for (const b of $$<HTMLButtonElement>('[data-close-panel]')) b.addEventListener('click', () => selectCounty(null, false));
  window.addEventListener('popstate', () => {
    const next = parseState(location.search);
    apply(next, 'none');
    // the camera follows history too: the saved view, else the county, else the whole city
    if (next.view) map?.flyTo(next.view, false);
    else map?.flyTo({ bbox: next.county ? cfg.bboxes[next.county] : cfg.bbox }, false);
  });
  // the place search box (src/client/placeSearch.ts) selects a county as a click on the map would
  window.addEventListener(SELECT_COUNTY_EVENT, (e) => {
    const { adcode } = (e as CustomEvent<SelectCountyDetail>).detail;
    if (cfg.names[adcode]) selectCounty(adcode, false);
  });
  if (table) wireAnnexTable(table, (code, toggle) => selectCounty(toggle && code === state.county ? null : code, false));
  wireShareTools(cfg, { state: () => state, map: () => map, meta: metaOf });
  wireProgressControls(cfg, () => state, (n) => apply(n, 'push'));

  // the address bar holds only known parameters, in their fixed order (a pasted link's junk is dropped)
  apply(state, serializeState(state) === location.search ? 'none' : 'replace');

  // a shared link is about the map: bring it into view, with the indicator choice and legend above it
  if (location.search && cfg.mode === 'full') {
    const toMap = () => (mapEl.closest('.atlas') ?? mapEl).scrollIntoView({ block: 'start' });
    if (document.readyState === 'complete') toMap();
    else window.addEventListener('load', toMap, { once: true });
  }
  // a tap on a county of the static map chooses it at once, while the live map loads
  staticEl?.addEventListener('click', (e) => {
    const code = still?.countyAt(e.target);
    if (code) selectCounty(code, true);
  });
  if (embedRoot) postHeight(embedRoot, mapEl);

  let pointerType = '';
  mapEl.addEventListener('pointerdown', (e) => (pointerType = e.pointerType), { capture: true });
  mapEl.addEventListener('pointermove', (e) => (pointerType = e.pointerType), { capture: true, passive: true });
  // after the text has rendered, and only once the map comes near the viewport: a visitor
  // who reads the targets and the table never pays for the map libraries
  loadMap(
    mapEl,
    cfg,
    () => state,
    {
      onSelectCounty: (code) => {
        // the sheet now says what the tooltip said; on a touch screen the tooltip would sit on it
        tooltip.hidden = true;
        selectCounty(code, true);
      },
      onSelectProject: (id) => {
        const li = document.getElementById(`project-${id}`);
        for (const x of $$('[data-project]')) x.removeAttribute('aria-current');
        li?.setAttribute('aria-current', 'true');
        li?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      },
      onHover: ({ x, y, county, project, mine }) => {
        // a tap is not a hover: on a touch screen the sheet says it, and a tooltip would sit on the
        // map; a coal mine is not in the sheet, so a tapped mine keeps its tooltip
        if (pointerType === 'touch' && !mine) tooltip.hidden = true;
        else {
          // in the progress view: the county's figure in the year shown and its status
          const key = shownMap(state);
          const progress = key && county ? { status: cfg.progress.maps[key]?.[county.adcode] ?? 'no_data', figure: cfg.progress.figures[key]?.[county.adcode] ?? null, year: state.year! } : null;
          showTooltip(tooltip, { x, y, width: mapEl.clientWidth }, { county, project, mine, progress }, metaOf(state.indicator), cfg);
        }
      },
      onView: (v: View) => apply({ ...state, view: v }, 'replace'),
      onReady: () => undefined,
    },
    {
      ...(embed
        ? {
            trigger: (start: () => void) =>
              whenWanted(mapEl, $<HTMLElement>('#map-activate'), () => {
                mapEl.dataset.mapState = 'loading';
                // one message while it loads: the button says so (and keeps a keyboard reader's focus), the status line steps aside
                const button = $<HTMLElement>('#map-activate');
                if (button) {
                  button.textContent = statusEl.textContent;
                  button.setAttribute('aria-disabled', 'true');
                }
                start();
              }),
          }
        : { whenNear: mapEl }),
      strings: cfg.strings,
      fallback: showFallback,
      onLoaded: (m) => {
        // a keyboard reader who asked for the live map with the embed's button lands on the map itself
        if (embed && document.activeElement === $('#map-activate')) m.map.getCanvas().focus();
        map = m;
        (window as unknown as { __atlasMap: AtlasMap }).__atlasMap = m;
        const png = $<HTMLButtonElement>('#export-png');
        if (png) png.disabled = false;
        const why = $<HTMLElement>('#export-png-why');
        if (why) why.textContent = '';
        apply(state, 'none');
      },
    },
  );
}
