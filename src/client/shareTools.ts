/**
 * The map's share tools: copy the link of this exact view, the embed code, and the PNG export
 * (loaded only when asked for). The PNG's legend is the same list of items the page's legend
 * was rendered from (cellLook's legendItems, in the page config), never read back from the DOM;
 * its notes are only those that apply to what it shows. Links and the image carry the view's
 * normalised address (urlState.ts viewUrl): known parameters only, in a fixed order.
 */
import type { IndicatorMeta } from '../domain/contract';
import type { LegendItem } from '../domain/cellLook';
import { unitLabel } from '../domain/format';
import type { AtlasMap } from '../map/initMap';
import { serializeState, viewUrl, type AtlasState } from '../lib/urlState';
import type { LayerLegendItem } from './exportPng';
import { copyText, flash } from './copy';

export interface ShareConfig {
  lang: 'zh' | 'en';
  /** the embed page of this edition, with the base path: "/en/embed/" */
  embedPath: string;
  strings: {
    copied: string;
    siteName: string;
    unit: string;
    pngSource: string;
    pngBoundary: string;
    pngSchematic: string;
    pngSelected: string;
    pngNeedsMap: string;
  };
  /** GEM's credit and licence, added to the PNG when the coal mines are on it (CC BY 4.0) */
  pngMinesNote?: string;
  legends: Record<string, LegendItem[]>;
  /** the project layers as the PNG legend draws them, by layer id */
  layerLegend: Record<string, LayerLegendItem>;
  names: Record<string, string>;
}

export function embedSnippet(cfg: ShareConfig, state: AtlasState): string {
  // the address the visitor is on: the snippet works for the public site, previews and mirrors alike
  const url = new URL(`${cfg.embedPath}${serializeState({ ...state, county: null })}`, location.origin);
  return `<iframe src="${url.href}" width="100%" height="520" style="border:0;max-width:100%" title="${cfg.strings.siteName}" loading="lazy"></iframe>`;
}

export function wireShareTools(cfg: ShareConfig, view: { state: () => AtlasState; map: () => AtlasMap | null; meta: (id: string) => IndicatorMeta }): void {
  const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel);
  const status = $('#share-status');
  const clearStatus = () => {
    if (status) status.textContent = '';
  };
  $('#embed-toggle')?.addEventListener('click', (e) => {
    clearStatus();
    const box = $('#embed-box')!;
    box.hidden = !box.hidden;
    (e.currentTarget as HTMLElement).setAttribute('aria-expanded', String(!box.hidden));
    if (!box.hidden) $<HTMLTextAreaElement>('#embed-code')!.select();
  });

  let exporting = false;
  $('#export-png')?.addEventListener('click', async () => {
    clearStatus();
    const map = view.map();
    if (!map || exporting) return;
    exporting = true;
    const state = view.state();
    const m = view.meta(state.indicator);
    const zh = cfg.lang === 'zh';
    const legend = cfg.legends[m.id];
    const layers = state.layers.map((k) => cfg.layerLegend[k]).filter(Boolean);
    // the selected county, with the mapped figure and its unit as its panel prints them
    const value = state.county ? document.querySelector<HTMLElement>(`[data-panel="${state.county}"] [data-fact="${m.id}"] .fact-value`)?.dataset.withUnit ?? '' : '';
    const selected = state.county ? cfg.strings.pngSelected.replace('{name}', cfg.names[state.county]).replace('{value}', value) : '';
    const { downloadPng } = await import('./exportPng');
    await downloadPng(
      map,
      {
        title: `${cfg.strings.siteName} · ${zh ? m.name_zh : m.name_en}`,
        subtitle: selected,
        unit: `${cfg.strings.unit}${zh ? '：' : ': '}${unitLabel(m, cfg.lang)}`,
        legend,
        layers,
        source: cfg.strings.pngSource,
        // only what applies: the non-numeric cells this map has, dashes if a schematic layer is on
        notes: [...legend.flatMap((it) => (it.means ? [it.means] : [])), ...(layers.some((l) => l.dashed) ? [cfg.strings.pngSchematic] : []), cfg.strings.pngBoundary, ...(cfg.pngMinesNote && state.layers.includes('coal_mines') ? [cfg.pngMinesNote] : [])],
        site: viewUrl(location, state),
      },
      `chifeng-water-${m.id}${state.county ? `-${state.county}` : ''}.png`,
    ).finally(() => (exporting = false));
  });

  // share: copy the link of exactly this view, normalised
  $('#share-link')?.addEventListener('click', async () => {
    await copyText(viewUrl(location, view.state()));
    flash(status, cfg.strings.copied);
  });
}
