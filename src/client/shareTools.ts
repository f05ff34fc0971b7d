/**
 * The map's share tools: copy the link of this exact view, the embed code, and the PNG export
 * (loaded only when asked for). The PNG's legend is the same list of items the page's legend
 * was rendered from (cellLook's legendItems, in the page config), never read back from the DOM.
 */
import type { IndicatorMeta } from '../domain/contract';
import type { LegendItem } from '../domain/cellLook';
import type { AtlasMap } from '../map/initMap';
import { serializeState, type AtlasState } from '../lib/urlState';

export interface ShareConfig {
  lang: 'zh' | 'en';
  /** the embed page of this edition, with the base path: "/en/embed/" */
  embedPath: string;
  strings: { copied: string; siteName: string; unit: string; pngSource: string };
  pngNotes: string[];
  /** GEM's credit and licence, added to the PNG when the coal mines are on it (CC BY 4.0) */
  pngMinesNote?: string;
  legends: Record<string, LegendItem[]>;
}

export function embedSnippet(cfg: ShareConfig, state: AtlasState): string {
  // the address the visitor is on: the snippet works for the public site, previews and mirrors alike
  const url = new URL(`${cfg.embedPath}${serializeState({ ...state, county: null })}`, location.origin);
  return `<iframe src="${url.href}" width="100%" height="520" style="border:0;max-width:100%" title="${cfg.strings.siteName}" loading="lazy"></iframe>`;
}

export function wireShareTools(cfg: ShareConfig, view: { state: () => AtlasState; map: () => AtlasMap | null; meta: (id: string) => IndicatorMeta }): void {
  const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel);
  $('#embed-toggle')?.addEventListener('click', (e) => {
    const box = $('#embed-box')!;
    box.hidden = !box.hidden;
    (e.currentTarget as HTMLElement).setAttribute('aria-expanded', String(!box.hidden));
    if (!box.hidden) $<HTMLTextAreaElement>('#embed-code')!.select();
  });

  let exporting = false;
  $('#export-png')?.addEventListener('click', async () => {
    const map = view.map();
    if (!map || exporting) return;
    exporting = true;
    const m = view.meta(view.state().indicator);
    const zh = cfg.lang === 'zh';
    const { downloadPng } = await import('./exportPng');
    await downloadPng(
      map,
      {
        title: `${cfg.strings.siteName} · ${zh ? m.name_zh : m.name_en}`,
        unit: zh ? `${cfg.strings.unit}：${m.unit_zh}` : `${cfg.strings.unit}: ${m.unit_en}`,
        legend: cfg.legends[m.id],
        source: cfg.strings.pngSource,
        notes: [...cfg.pngNotes, ...(cfg.pngMinesNote && view.state().layers.includes('coal_mines') ? [cfg.pngMinesNote] : [])],
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
}
