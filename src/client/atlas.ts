/**
 * The page controller: owns the view state (indicator, county, layers, camera), keeps the
 * URL, selector, legend, summary, table, panels and map in step, and loads the map chunk
 * only after the page's text has rendered and only where WebGL2 exists. Small on purpose:
 * no map library is imported here.
 */
import { parseState, serializeState, type AtlasState, type LayerId, type View } from '../lib/urlState';
import type { IndicatorMeta, CountyProps, ProjectFeature } from '../contract';
import type { AtlasMap } from '../map/initMap';
import { hasWebGL2 } from '../lib/webgl';

interface Config {
  lang: 'zh' | 'en';
  mode: 'full' | 'embed';
  dataBase: string;
  bbox: [number, number, number, number];
  meta: IndicatorMeta[];
  statusColors: { maintain_2020: string; not_applicable: string };
  schematicLabel: string;
  strings: Record<'maintain' | 'notApplicable' | 'copied' | 'noWebgl' | 'mapFailed' | 'pngSource' | 'siteName' | 'unit', string>;
  pngNotes: string[];
  /** layers that draw schematic geometry (the in-map badge explains the dashes) */
  schematicLayers: string[];
  svg: Record<string, string>;
  names: Record<string, string>;
  bboxes: Record<string, [number, number, number, number]>;
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
  let state: AtlasState = parseState(location.search);
  let map: AtlasMap | null = null;
  let fallbackImg: HTMLImageElement | null = null;

  const metaOf = (id: string) => cfg.meta.find((m) => m.id === id)!;

  function showFallback(message: string) {
    if (!fallbackImg) {
      fallbackImg = document.createElement('img');
      fallbackImg.className = 'fallback';
      mapEl.prepend(fallbackImg);
    }
    fallbackImg.src = cfg.svg[state.indicator];
    fallbackImg.alt = $(`[data-summary="${state.indicator}"]`)?.textContent ?? '';
    statusEl.textContent = message;
    mapEl.dataset.mapState = 'static';
  }

  /** Apply state to every part of the page. `how` decides what the URL does. */
  function apply(next: AtlasState, how: 'push' | 'replace' | 'none') {
    const prev = state;
    state = next;
    select.value = state.indicator;
    for (const el of $$<HTMLElement>('[data-legend]')) el.hidden = el.dataset.legend !== state.indicator;
    for (const el of $$<HTMLElement>('[data-summary]')) el.hidden = el.dataset.summary !== state.indicator;
    for (const cb of $$<HTMLInputElement>('input[name="layer"]')) if (!cb.disabled) cb.checked = state.layers.includes(cb.value as LayerId);
    if (table) {
      for (const tr of $$<HTMLTableRowElement>('tbody tr', table)) tr.setAttribute('aria-selected', String(tr.dataset.adcode === state.county));
      for (const cell of $$<HTMLElement>('[data-col]', table)) cell.classList.toggle('active', cell.dataset.col === state.indicator);
    }
    for (const p of $$<HTMLElement>('[data-panel]')) p.hidden = p.dataset.panel !== state.county;
    if (state.county !== prev.county) {
      const row = state.county ? $<HTMLElement>(`[data-panel="${state.county}"] dd[data-indicator="${state.indicator}"]`) : null;
      live.textContent = state.county ? `${cfg.names[state.county]}${cfg.lang === 'zh' ? '：' : ': '}${row?.textContent?.trim() ?? ''}` : '';
    }
    if (fallbackImg) {
      fallbackImg.src = cfg.svg[state.indicator];
      fallbackImg.alt = $(`[data-summary="${state.indicator}"]`)?.textContent ?? '';
    }
    map?.update(state);
    // the badge shows whenever a layer with schematic geometry is on the map
    const badge = $<HTMLElement>('#schematic-badge');
    if (badge) badge.hidden = !(map && state.layers.some((l) => cfg.schematicLayers.includes(l)));
    const svgLink = $<HTMLAnchorElement>('#download-svg');
    if (svgLink) svgLink.href = cfg.svg[state.indicator];
    const code = $<HTMLTextAreaElement>('#embed-code');
    if (code) code.value = embedSnippet();
    const full = document.getElementById('embed-full') as HTMLAnchorElement | null;
    if (full) full.href = `${cfg.lang === 'zh' ? '/' : '/en/'}${serializeState(state)}`;
    const url = `${location.pathname}${serializeState(state)}${location.hash}`;
    if (how === 'push' && url !== `${location.pathname}${location.search}${location.hash}`) history.pushState(null, '', url);
    if (how === 'replace') history.replaceState(null, '', url);
  }

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

  // table: select rows with click / Enter / Space; sort with header buttons
  if (table) {
    table.addEventListener('click', (e) => {
      const target = e.target as HTMLElement;
      if (target.closest('a')) return;
      const sortBtn = target.closest('thead button');
      if (sortBtn) return sortBy(sortBtn.closest('th')!);
      const tr = target.closest<HTMLTableRowElement>('tbody tr[data-adcode]');
      if (tr && tr.dataset.adcode !== '150400') selectCounty(tr.dataset.adcode === state.county ? null : tr.dataset.adcode!, false);
    });
    table.addEventListener('keydown', (e) => {
      const tr = (e.target as HTMLElement).closest<HTMLTableRowElement>('tbody tr[data-adcode]');
      if (tr && (e.key === 'Enter' || e.key === ' ') && e.target === tr) {
        e.preventDefault();
        selectCounty(tr.dataset.adcode!, false);
      }
    });
  }
  function sortBy(th: HTMLTableCellElement) {
    const col = th.dataset.col!;
    const dir = th.getAttribute('aria-sort') === 'descending' ? 'ascending' : 'descending';
    for (const h of $$<HTMLElement>('thead th', table!)) h.setAttribute('aria-sort', 'none');
    th.setAttribute('aria-sort', col === 'code' && dir === 'descending' ? 'ascending' : dir);
    const tbody = table!.tBodies[0];
    const rows = [...tbody.rows].filter((r) => r.dataset.adcode !== '150400');
    const key = (r: HTMLTableRowElement) => {
      if (col === 'code') return Number(r.dataset.sortCode);
      const v = r.querySelector<HTMLElement>(`td[data-col="${col}"]`)!.dataset.sort;
      return v === '' ? null : Number(v);
    };
    const sign = th.getAttribute('aria-sort') === 'ascending' ? 1 : -1;
    rows.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (x === null && y === null) return 0;
      if (x === null) return 1; // non-numbers last, whichever the direction
      if (y === null) return -1;
      return (x - y) * sign;
    });
    for (const r of rows) tbody.append(r);
  }

  function embedSnippet(): string {
    // the address the visitor is on: the snippet works for the public site, previews and mirrors alike
    const url = new URL(`${cfg.lang === 'zh' ? '/' : '/en/'}embed/${serializeState({ ...state, county: null })}`, location.origin);
    return `<iframe src="${url.href}" width="100%" height="520" style="border:0;max-width:100%" title="${cfg.strings.siteName}" loading="lazy"></iframe>`;
  }
  $('#embed-toggle')?.addEventListener('click', (e) => {
    const box = $<HTMLElement>('#embed-box')!;
    box.hidden = !box.hidden;
    (e.currentTarget as HTMLElement).setAttribute('aria-expanded', String(!box.hidden));
    if (!box.hidden) $<HTMLTextAreaElement>('#embed-code')!.select();
  });
  let exporting = false;
  $('#export-png')?.addEventListener('click', async () => {
    if (!map || exporting) return;
    exporting = true;
    const m = metaOf(state.indicator);
    const legend = $$<HTMLLIElement>(`[data-legend="${m.id}"] li`).map((li) => ({
      color: li.querySelector('rect')?.getAttribute('fill') ?? null,
      hatch: !!li.querySelector('.hatch'),
      label: li.textContent!.trim(),
    }));
    const { downloadPng } = await import('./exportPng');
    await downloadPng(
      map,
      {
        title: `${cfg.strings.siteName} · ${cfg.lang === 'zh' ? m.name_zh : m.name_en}`,
        unit: cfg.lang === 'zh' ? `${cfg.strings.unit}：${m.unit_zh}` : `${cfg.strings.unit}: ${m.unit_en}`,
        legend,
        source: cfg.strings.pngSource,
        notes: cfg.pngNotes,
        site: location.href,
      },
      `chifeng-water-${m.id}.png`,
    ).finally(() => (exporting = false));
  });

  // share: copy the link of exactly this view
  $('#share-link')?.addEventListener('click', async () => {
    const url = location.href;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      window.prompt('', url);
    }
    const st = $('#share-status');
    if (st) st.textContent = cfg.strings.copied;
  });

  // tooltip on hover (desktop); on phones a tap selects and opens the panel
  function showTooltip(x: number, y: number, county: CountyProps | null, project: ProjectFeature['properties'] | null) {
    if (!county && !project) {
      tooltip.hidden = true;
      return;
    }
    tooltip.replaceChildren();
    const strong = document.createElement('strong');
    const line = document.createElement('div');
    if (county) {
      const m = metaOf(state.indicator);
      const status = county[`${m.id}_status`];
      strong.textContent = cfg.names[county.adcode];
      const v = status === 'maintain_2020' ? cfg.strings.maintain : status === 'not_applicable' ? cfg.strings.notApplicable : `${county[`${m.id}_text`]} ${cfg.lang === 'zh' ? m.unit_zh : m.unit_en}`;
      line.textContent = `${cfg.lang === 'zh' ? `${m.short_zh}：` : `${m.short_en}: `}${v}`;
      tooltip.dataset.adcode = county.adcode;
    } else if (project) {
      strong.textContent = cfg.lang === 'zh' ? project.name_zh : project.name_en;
      line.textContent = project.precision === 'schematic' ? cfg.schematicLabel : '';
      delete tooltip.dataset.adcode;
    }
    tooltip.append(strong, line);
    tooltip.hidden = false;
    const w = mapEl.clientWidth;
    tooltip.style.left = `${Math.min(x + 12, w - 200)}px`;
    tooltip.style.top = `${y + 12}px`;
  }

  apply(state, 'none');

  if (!hasWebGL2()) {
    showFallback(cfg.strings.noWebgl);
    return;
  }
  const load = () =>
    import('../map/initMap')
      .then(({ initMap }) =>
        initMap(mapEl, cfg, state, {
          onSelectCounty: (code) => selectCounty(code, true),
          onSelectProject: (id) => {
            const li = document.getElementById(`project-${id}`);
            for (const x of $$('[data-project]')) x.removeAttribute('aria-current');
            li?.setAttribute('aria-current', 'true');
            li?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
          },
          onHover: ({ x, y, county, project }) => showTooltip(x, y, county, project),
          onView: (v: View) => apply({ ...state, view: v }, 'replace'),
          onReady: () => undefined,
          onContextLost: () => {
            map = null;
            showFallback(cfg.strings.mapFailed);
          },
        }),
      )
      .then((m) => {
        map = m;
        (window as unknown as { __atlasMap: AtlasMap }).__atlasMap = m;
        const png = $<HTMLButtonElement>('#export-png');
        if (png) png.disabled = false;
        apply(state, 'none');
      })
      .catch((err) => {
        console.warn('map failed to load', err);
        showFallback(cfg.strings.mapFailed);
      });
  // after the text has rendered, and only once the map comes near the viewport: a visitor
  // who reads the targets and the table never pays for the map libraries
  let started = false;
  const go = () => {
    if (started) return;
    started = true;
    const idle = (window as unknown as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
    if (idle) idle(load, { timeout: 1000 });
    else setTimeout(load, 50);
  };
  const whenLoaded = (f: () => void) => (document.readyState === 'complete' ? f() : window.addEventListener('load', f, { once: true }));
  whenLoaded(() => {
    // a shared link is about the map: bring it into view
    if (location.search && cfg.mode === 'full') mapEl.scrollIntoView({ block: 'center' });
    if (!('IntersectionObserver' in window)) return go();
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        io.disconnect();
        go();
      }
    }, { rootMargin: '200px' });
    io.observe(mapEl);
  });
}
