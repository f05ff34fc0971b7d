/**
 * PNG of the current view at twice the screen resolution, with title, the selected county, legend
 * (the choropleth's classes and the project lines drawn on the map), source line (document number
 * and date), the notes that apply and the view's address burned in: usable as is in a newspaper
 * or on a slide. Loaded only when asked for.
 */
import type { AtlasMap } from '../map/initMap';
import type { IndicatorMeta } from '../domain/contract';
import { unitLabel } from '../domain/format';
import { progressLook } from '../domain/cellLook';
import { mapSources, progressFigure } from '../lib/progressView';
import { viewUrl, type AtlasState } from '../lib/urlState';
import type { LayerLegendItem, ShareConfig } from './shareConfig';
import { HATCH_LINE, NO_DATA_DASH, NO_DATA_LINE, type LegendItem } from '../domain/cellLook';

export interface PngText {
  title: string;
  /** the selected county and its figure; empty when none is selected */
  subtitle: string;
  unit: string;
  legend: Pick<LegendItem, 'fill' | 'hatch' | 'dotted' | 'label'>[];
  layers: LayerLegendItem[];
  source: string;
  notes: string[];
  site: string;
}

const FONT = '"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif';

/** Lines of `text` no wider than `width` px in the context's current font: break between words, or anywhere in Chinese. */
export function wrapText(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const tokens = text.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [text];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    if (line && ctx.measureText(line + tok).width > width) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line += tok;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

export async function renderPng(map: AtlasMap, text: PngText, scale = 2): Promise<HTMLCanvasElement> {
  const mapCanvas = await map.toCanvas(scale);
  const pad = 16 * scale;
  const rowH = 22 * scale;
  const lineH = 18 * scale;
  const out = document.createElement('canvas');
  out.width = mapCanvas.width + pad * 2;
  const textW = out.width - pad * 2;
  // measure every wrapped line before sizing the canvas (a phone's map is narrow)
  const m = out.getContext('2d')!;
  m.font = `700 ${22 * scale}px ${FONT}`;
  const titleLines = wrapText(m, text.title, textW);
  m.font = `700 ${15 * scale}px ${FONT}`;
  const subLines = text.subtitle ? wrapText(m, text.subtitle, textW) : [];
  m.font = `${11 * scale}px ${FONT}`;
  const footLines = [text.source, ...text.notes, text.site].flatMap((l) => wrapText(m, l, textW));
  const items = [...text.legend.map((it) => ({ kind: 'cell' as const, it })), ...text.layers.map((it) => ({ kind: 'layer' as const, it }))];
  m.font = `${13 * scale}px ${FONT}`;
  const sw = 24 * scale;
  const sh = 14 * scale;
  // two legend columns where every label fits in half the width, else one
  const cols = items.every((e) => 32 * scale + m.measureText(e.it.label).width <= out.width / 2 - pad) ? 2 : 1;
  const legendRows = Math.ceil(items.length / cols);
  const titleH = pad + titleLines.length * 28 * scale + subLines.length * 21 * scale + 24 * scale;
  const footH = legendRows * rowH + 8 * scale + footLines.length * lineH + pad;
  out.height = titleH + mapCanvas.height + footH + pad;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#1a1a1a';
  let ty = pad + 22 * scale;
  ctx.font = `700 ${22 * scale}px ${FONT}`;
  for (const l of titleLines) {
    ctx.fillText(l, pad, ty);
    ty += 28 * scale;
  }
  ctx.font = `700 ${15 * scale}px ${FONT}`;
  ty -= 6 * scale;
  for (const l of subLines) {
    ctx.fillText(l, pad, ty);
    ty += 21 * scale;
  }
  ctx.font = `${13 * scale}px ${FONT}`;
  ctx.fillStyle = '#4a5560';
  ctx.fillText(text.unit, pad, ty);
  ctx.drawImage(mapCanvas, pad, titleH);
  let y = titleH + mapCanvas.height + pad;
  items.forEach((entry, i) => {
    const x = pad + (i % cols) * (out.width / 2);
    const yy = y + Math.floor(i / cols) * rowH;
    if (entry.kind === 'cell') {
      const item = entry.it;
      ctx.fillStyle = item.fill;
      ctx.fillRect(x, yy, sw, sh);
      if (item.hatch || item.dotted) {
        ctx.save();
        ctx.beginPath();
        ctx.rect(x, yy, sw, sh);
        ctx.clip();
        // hatching: 保持2020年水平 on a target map; dotted: 暂无数据 on a progress map (as on the map itself)
        ctx.strokeStyle = item.dotted ? NO_DATA_LINE : HATCH_LINE;
        ctx.setLineDash(item.dotted ? NO_DATA_DASH.map((v) => v * scale) : []);
        ctx.lineWidth = 1.5 * scale;
        for (let k = -14; k < 24; k += 5) {
          ctx.beginPath();
          ctx.moveTo(x + k * scale, yy + sh);
          ctx.lineTo(x + (k + 14) * scale, yy);
          ctx.stroke();
        }
        ctx.restore();
      }
      ctx.strokeStyle = '#888888';
      ctx.lineWidth = scale;
      ctx.strokeRect(x, yy, sw, sh);
    } else {
      // a project layer: its line (or an area's outline) in its colour, dashed where schematic, as on the map
      const l = entry.it;
      ctx.save();
      ctx.strokeStyle = l.color;
      ctx.setLineDash(l.dashed ? [5 * scale, 3 * scale] : []);
      if (l.shape === 'area') {
        ctx.fillStyle = `${l.color}33`;
        ctx.fillRect(x, yy, sw, sh);
        ctx.lineWidth = 2 * scale;
        ctx.strokeRect(x, yy, sw, sh);
      } else if (l.shape === 'point') {
        ctx.fillStyle = l.color;
        ctx.beginPath();
        ctx.arc(x + sw / 2, yy + sh / 2, 5 * scale, 0, 2 * Math.PI);
        ctx.fill();
      } else {
        ctx.lineWidth = 4 * scale;
        ctx.beginPath();
        ctx.moveTo(x, yy + sh / 2);
        ctx.lineTo(x + sw, yy + sh / 2);
        ctx.stroke();
      }
      ctx.restore();
    }
    ctx.fillStyle = '#1a1a1a';
    ctx.font = `${13 * scale}px ${FONT}`;
    ctx.fillText(entry.it.label, x + 32 * scale, yy + 12 * scale);
  });
  y += legendRows * rowH + 8 * scale;
  ctx.font = `${11 * scale}px ${FONT}`;
  ctx.fillStyle = '#333333';
  for (const line of footLines) {
    ctx.fillText(line, pad, y + 11 * scale);
    y += lineH;
  }
  return out;
}

export async function downloadPng(map: AtlasMap, text: PngText, filename: string): Promise<void> {
  const canvas = await renderPng(map, text);
  // what the image says, for tests and for anyone inspecting the download (no effect on the file)
  (window as unknown as { __lastPng?: PngText }).__lastPng = text;
  const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/**
 * What the PNG says for a view: title (the progress view: its year), the selected county with its
 * figure, legend, the source line (the progress view: the sources its figures name), only the notes
 * that apply, the view's address; and its file name.
 */
export function pngTextOf(cfg: ShareConfig, state: AtlasState, m: IndicatorMeta): { text: PngText; file: string } {
  const zh = cfg.lang === 'zh';
  // the progress view: its year in the title, its status legend, the figures' sources
  const key = state.mode === 'progress' && state.year !== null ? `${state.indicator}|${state.year}` : null;
  const legend = key ? cfg.progressLegends[key] : cfg.legends[m.id];
  const layers = state.layers.map((k) => cfg.layerLegend[k]).filter(Boolean);
  // the selected county, with the mapped figure and its unit as its panel prints them (in the
  // progress view: the year's figure and its status in words)
  const fig = key && state.county ? progressFigure(cfg.progress, key, state.county) : null;
  const value = !state.county
    ? ''
    : key
      ? `${fig ? `${fig.figure} · ` : ''}${progressLook(cfg.progress.maps[key]?.[state.county] ?? 'no_data', cfg.progressWords).label}`
      : document.querySelector<HTMLElement>(`[data-panel="${state.county}"] [data-fact="${m.id}"] .fact-value`)?.dataset.withUnit ?? '';
  const selected = state.county ? cfg.strings.pngSelected.replace('{name}', cfg.names[state.county]).replace('{value}', value) : '';
  const text: PngText = {
    title: `${cfg.strings.siteName} · ${key ? cfg.progressTitles[key] : zh ? m.name_zh : m.name_en}`,
    subtitle: selected,
    unit: `${cfg.strings.unit}${zh ? '：' : ': '}${unitLabel(m, cfg.lang)}`,
    legend,
    layers,
    source: key ? cfg.progressStrings.pngSources.replace('{sources}', mapSources(cfg.progress, key).join(cfg.progressStrings.listSep)) : cfg.strings.pngSource,
    // only what applies: what a progress map measures (and 示例数据), the non-numeric cells this
    // map has, dashes if a schematic layer is on
    notes: [
      ...(key ? cfg.progressNotes.map((n) => n.replace('{year}', String(state.year))) : []),
      ...legend.flatMap((it) => (it.means ? [it.means] : [])),
      ...(layers.some((l) => l.dashed) ? [cfg.strings.pngSchematic] : []),
      cfg.strings.pngBoundary,
      ...(cfg.pngMinesNote && state.layers.includes('coal_mines') ? [cfg.pngMinesNote] : []),
    ],
    site: viewUrl(location, state),
  };
  const file = key ? `chifeng-water-${m.id}-${state.year}-progress${state.county ? `-${state.county}` : ''}.png` : `chifeng-water-${m.id}${state.county ? `-${state.county}` : ''}.png`;
  return { text, file };
}
