/**
 * The map's share tools: copy the link of this exact view, the embed code, and the PNG export
 * (loaded only when asked for). The PNG's legend is the same list of items the page's legend
 * was rendered from (cellLook's legendItems, in the page config), never read back from the DOM;
 * its notes are only those that apply to what it shows. Links and the image carry the view's
 * normalised address (urlState.ts viewUrl): known parameters only, in a fixed order.
 */
import type { IndicatorMeta } from '../domain/contract';
import type { AtlasMap } from '../map/initMap';
import { serializeEmbed, viewUrl, type AtlasState } from '../lib/urlState';
import { HEIGHT_MESSAGE, autoHeightScript } from './embedFrame';
import type { ShareConfig } from './shareConfig';
export type { ShareConfig };
import { copyText, flash } from './copy';

/** What the editor chose in the embed dialog */
export interface EmbedChoice {
  /** the frame's height, CSS px (the first height with auto-height) */
  height: number;
  /** the indicator choice in the frame (off: only this indicator's name) */
  controls: boolean;
  /** add the few lines that let the frame take the height its width suits */
  autoHeight: boolean;
  /** carry the map's camera (v=); off by default, so a desktop zoom never lands in a phone's frame */
  keepView: boolean;
}

const escapeAttr = (x: string) => x.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The embed's address for a view and the editor's choices (with the base path; the site's own origin). */
export function embedSrc(cfg: ShareConfig, state: AtlasState, o: Pick<EmbedChoice, 'controls' | 'keepView'>): string {
  // the address the visitor is on: the snippet works for the public site, previews and mirrors alike
  return new URL(`${cfg.embedPath}${serializeEmbed({ ...state, view: o.keepView ? state.view : null }, { controls: o.controls })}`, location.origin).href;
}

export function embedSnippet(cfg: ShareConfig, state: AtlasState, o: EmbedChoice, title: string): string {
  const frame = `<iframe src="${escapeAttr(embedSrc(cfg, state, o))}" width="100%" height="${o.height}" style="border:0;max-width:100%" title="${escapeAttr(title)}" loading="lazy"></iframe>`;
  // the script resizes only frames whose address starts with this site's (base path included)
  return o.autoHeight ? `${frame}\n${autoHeightScript(location.origin, new URL(cfg.siteRoot, location.origin).href)}` : frame;
}

/** heights an editor may choose, px: below, the controls leave no room for a map; above, a page of its own */
const HEIGHT_RANGE = [300, 1200] as const;

export function wireShareTools(cfg: ShareConfig, view: { state: () => AtlasState; map: () => AtlasMap | null; meta: (id: string) => IndicatorMeta }): void {
  const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel);
  const status = $('#share-status');
  const clearStatus = () => {
    if (status) status.textContent = '';
  };
  wireEmbedDialog(cfg, view, clearStatus);

  let exporting = false;
  $('#export-png')?.addEventListener('click', async () => {
    clearStatus();
    const map = view.map();
    if (!map || exporting) return;
    exporting = true;
    // what the image says is worked out with the image, loaded only when asked for (exportPng.ts)
    const { downloadPng, pngTextOf } = await import('./exportPng');
    const state = view.state();
    const { text, file } = pngTextOf(cfg, state, view.meta(state.indicator));
    await downloadPng(map, text, file).finally(() => (exporting = false));
  });

  // share: copy the link of exactly this view, normalised
  $('#share-link')?.addEventListener('click', async () => {
    await copyText(viewUrl(location, view.state()));
    flash(status, cfg.strings.copied);
  });
}

/**
 * The embed dialog: the editor picks indicator, county, height, controls, auto-height and
 * whether to keep the camera; the code and a live preview (an iframe of exactly that code's
 * address) follow every change; one button copies it and says so in words.
 */
function wireEmbedDialog(cfg: ShareConfig, view: { state: () => AtlasState; meta: (id: string) => IndicatorMeta }, clearStatus: () => void): void {
  const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel);
  const toggle = $('#embed-toggle');
  const box = $('#embed-box');
  if (!toggle || !box) return;
  const ind = $<HTMLSelectElement>('#embed-i')!;
  const county = $<HTMLSelectElement>('#embed-c')!;
  const height = $<HTMLInputElement>('#embed-h')!;
  const controls = $<HTMLInputElement>('#embed-ctl')!;
  const auto = $<HTMLInputElement>('#embed-auto')!;
  const keepView = $<HTMLInputElement>('#embed-v')!;
  const noView = $<HTMLElement>('#embed-v-none')!;
  const code = $<HTMLTextAreaElement>('#embed-code')!;
  const preview = $<HTMLIFrameElement>('#embed-preview')!;
  const status = $<HTMLElement>('#embed-status')!;

  const choice = (): EmbedChoice => {
    const h = Math.round(Number(height.value));
    return {
      height: Number.isFinite(h) && h > 0 ? Math.min(Math.max(h, HEIGHT_RANGE[0]), HEIGHT_RANGE[1]) : 480,
      controls: controls.checked,
      autoHeight: auto.checked,
      keepView: keepView.checked && !keepView.disabled,
    };
  };
  const chosenState = (): AtlasState => ({ ...view.state(), indicator: ind.value as AtlasState['indicator'], county: county.value || null });

  let timer = 0;
  const sync = () => {
    clearTimeout(timer);
    const o = choice();
    const state = chosenState();
    const m = view.meta(state.indicator);
    code.value = embedSnippet(cfg, state, o, `${cfg.strings.siteName} · ${cfg.lang === 'zh' ? m.name_zh : m.name_en}`);
    // the preview is the very address in the code; a new address reloads it
    const src = embedSrc(cfg, state, o);
    if (preview.getAttribute('src') !== src) preview.src = src;
    preview.style.height = `${o.height}px`;
    status.textContent = '';
  };
  // typing a height: follow once the editor pauses, not at every digit
  const later = () => {
    clearTimeout(timer);
    timer = window.setTimeout(sync, 400);
  };
  for (const el of [ind, county, controls, auto, keepView]) el.addEventListener('change', sync);
  height.addEventListener('input', later);
  height.addEventListener('change', sync);

  // with auto-height, the preview takes the height its embed asks for, as the editor's page will
  window.addEventListener('message', (e) => {
    const d = e.data as { type?: string; height?: number } | null;
    if (e.origin !== location.origin || e.source !== preview.contentWindow || d?.type !== HEIGHT_MESSAGE || !auto.checked) return;
    if (typeof d.height === 'number' && d.height > 0) preview.style.height = `${Math.min(d.height, 2000)}px`;
  });

  toggle.addEventListener('click', () => {
    clearStatus();
    box.hidden = !box.hidden;
    toggle.setAttribute('aria-expanded', String(!box.hidden));
    if (box.hidden) {
      // closed: the preview goes (with its map and WebGL context, if it turned live); opening loads it again
      preview.src = 'about:blank';
      return;
    }
    // start from what is on the map now; the camera only when asked for
    const now = view.state();
    ind.value = now.indicator;
    county.value = now.county ?? '';
    keepView.checked = false;
    keepView.disabled = !now.view;
    noView.hidden = !!now.view;
    sync();
    ind.focus();
  });

  $('#embed-copy')?.addEventListener('click', async () => {
    sync();
    await copyText(code.value);
    flash(status, cfg.embedCopied, 4000);
  });
  code.addEventListener('focus', () => code.select());
}
