/**
 * PNG of the current view at twice the screen resolution, with title, legend, source line
 * (document number and date), data date and the 示意 notes burned in: usable as is in a
 * newspaper or on a slide. Loaded only when asked for.
 */
import type { AtlasMap } from '../map/initMap';
import { HATCH_LINE, type LegendItem } from '../domain/cellLook';

export interface PngText {
  title: string;
  unit: string;
  legend: Pick<LegendItem, 'fill' | 'hatch' | 'label'>[];
  source: string;
  notes: string[];
  site: string;
}

const FONT = '"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif';

export async function renderPng(map: AtlasMap, text: PngText, scale = 2): Promise<HTMLCanvasElement> {
  const mapCanvas = await map.toCanvas(scale);
  const pad = 16 * scale;
  const titleH = 70 * scale;
  const rowH = 22 * scale;
  const legendRows = Math.ceil(text.legend.length / 2);
  const footH = (legendRows * rowH) + (text.notes.length + 2) * 18 * scale + pad;
  const out = document.createElement('canvas');
  out.width = mapCanvas.width + pad * 2;
  out.height = titleH + mapCanvas.height + footH + pad;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#1a1a1a';
  ctx.font = `700 ${22 * scale}px ${FONT}`;
  ctx.fillText(text.title, pad, pad + 22 * scale);
  ctx.font = `${13 * scale}px ${FONT}`;
  ctx.fillStyle = '#4a5560';
  ctx.fillText(text.unit, pad, pad + 42 * scale);
  ctx.drawImage(mapCanvas, pad, titleH);
  let y = titleH + mapCanvas.height + pad;
  text.legend.forEach((item, i) => {
    const x = pad + (i % 2) * (out.width / 2);
    const yy = y + Math.floor(i / 2) * rowH;
    ctx.fillStyle = item.fill;
    ctx.fillRect(x, yy, 24 * scale, 14 * scale);
    if (item.hatch) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(x, yy, 24 * scale, 14 * scale);
      ctx.clip();
      ctx.strokeStyle = HATCH_LINE;
      ctx.lineWidth = 1.5 * scale;
      for (let k = -14; k < 24; k += 5) {
        ctx.beginPath();
        ctx.moveTo(x + k * scale, yy + 14 * scale);
        ctx.lineTo(x + (k + 14) * scale, yy);
        ctx.stroke();
      }
      ctx.restore();
    }
    ctx.strokeStyle = '#888888';
    ctx.lineWidth = scale;
    ctx.strokeRect(x, yy, 24 * scale, 14 * scale);
    ctx.fillStyle = '#1a1a1a';
    ctx.font = `${13 * scale}px ${FONT}`;
    ctx.fillText(item.label, x + 32 * scale, yy + 12 * scale);
  });
  y += legendRows * rowH + 8 * scale;
  ctx.font = `${11 * scale}px ${FONT}`;
  ctx.fillStyle = '#333333';
  for (const line of [text.source, ...text.notes, text.site]) {
    ctx.fillText(line, pad, y + 11 * scale);
    y += 18 * scale;
  }
  return out;
}

export async function downloadPng(map: AtlasMap, text: PngText, filename: string): Promise<void> {
  const canvas = await renderPng(map, text);
  const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
