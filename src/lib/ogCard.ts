/**
 * Link-preview cards (Open Graph / Twitter, 1200×630 PNG), rendered at build time: the words of
 * the page on the left, the pipeline's own static map on the right (the city choropleth for the
 * home page, the county's locator map for a county page). One SVG, rasterised by sharp (librsvg):
 * no browser, no network, the system's fonts (Noto Sans CJK from Debian's fonts-noto-cjk, as for
 * the SVG maps). Build time only.
 */
import sharp from 'sharp';

export const CARD = { width: 1200, height: 630 } as const;

export interface CardWords {
  /** the site's name, small, in the brand colour */
  kicker: string;
  title: string;
  sub: string;
  /** the document, and its number on a line of its own */
  doc: string;
  docNo: string;
}

const FONT = "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif";
const INK = '#1a1a1a';
const MUTED = '#4a5560';
const ACCENT = '#0b5394';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Width of a line in em, near enough to fit text without a layout engine (CJK glyphs are 1 em). */
export function emWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x2e80 || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) w += 1;
    else if (ch === ' ') w += 0.28;
    else if (/[A-Z0-9]/.test(ch)) w += 0.64;
    else if (/[mw]/.test(ch)) w += 0.82;
    else if (/[iljt.,:;'’·!|()]/.test(ch)) w += 0.3;
    else w += 0.55;
  }
  return w;
}

/** Lines of at most `maxEm` em: break at spaces (English) or anywhere (Chinese), at most `maxLines`. */
export function wrap(s: string, maxEm: number, maxLines: number): string[] | null {
  const words = /\s/.test(s) ? s.split(/(?<=\s)/) : [...s];
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && emWidth((line + w).trimEnd()) > maxEm) {
      lines.push(line.trimEnd());
      line = w.trimStart();
    } else line += w;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.length <= maxLines && lines.every((l) => emWidth(l) <= maxEm) ? lines : null;
}

/**
 * The largest size from `sizes` (px) at which `s` fits `width` px on one line, else in up to
 * `maxLines` lines (a title broken in two reads worse than a slightly smaller one).
 */
function fit(s: string, width: number, sizes: number[], maxLines: number): { size: number; lines: string[] } {
  for (const n of [1, maxLines]) {
    for (const size of n === 1 ? sizes.slice(0, -1) : sizes) {
      const lines = wrap(s, width / size, n);
      if (lines) return { size, lines };
    }
  }
  const size = sizes[sizes.length - 1];
  return { size, lines: wrap(s, width / size, 99) ?? [s] };
}

/** The card as SVG: `mapSvg` is a whole SVG document drawn into the right-hand panel. */
export function cardSvg(words: CardWords, mapSvg: string): string {
  const vb = /viewBox="([\d.\s-]+)"/.exec(mapSvg)?.[1].trim().split(/\s+/).map(Number) ?? [0, 0, 480, 520];
  const [, , mw, mh] = vb;
  // the map fills the panel's height, keeping its proportions
  const panelH = CARD.height - 48;
  const mapW = Math.round((mw / mh) * panelH);
  const mapX = CARD.width - 24 - mapW;
  const textX = 72;
  const textW = mapX - textX - 40;
  const sub = fit(words.sub, textW, [30, 27, 24], 2);
  const doc = fit(words.doc, textW, [26, 23, 20], 2);
  const docTop = CARD.height - 116 - (doc.lines.length - 1) * Math.round(doc.size * 1.35) - doc.size;
  // the title as large as it can be without pushing the subtitle into the document lines
  const titleSizes = [72, 64, 56, 48, 42];
  const bottomOf = (tt: { size: number; lines: string[] }) => 128 + 40 + tt.size + tt.lines.length * Math.round(tt.size * 1.2) + 8 + (sub.lines.length - 1) * Math.round(sub.size * 1.4);
  let title = fit(words.title, textW, titleSizes, 2);
  for (let i = titleSizes.indexOf(title.size) + 1; i < titleSizes.length && bottomOf(title) > docTop - 24; i++) {
    title = fit(words.title, textW, titleSizes.slice(i), 2);
  }
  const lines: string[] = [];
  let y = 128;
  lines.push(`<text x="${textX}" y="${y}" font-size="34" font-weight="700" fill="${ACCENT}">${esc(words.kicker)}</text>`);
  y += 40 + title.size;
  for (const l of title.lines) {
    lines.push(`<text x="${textX}" y="${y}" font-size="${title.size}" font-weight="700" fill="${INK}">${esc(l)}</text>`);
    y += Math.round(title.size * 1.2);
  }
  y += 8;
  for (const l of sub.lines) {
    lines.push(`<text x="${textX}" y="${y}" font-size="${sub.size}" fill="${MUTED}">${esc(l)}</text>`);
    y += Math.round(sub.size * 1.4);
  }
  // the document at the foot of the text column
  let fy = docTop + doc.size;
  for (const l of doc.lines) {
    lines.push(`<text x="${textX}" y="${fy}" font-size="${doc.size}" fill="${MUTED}">${esc(l)}</text>`);
    fy += Math.round(doc.size * 1.35);
  }
  lines.push(`<text x="${textX}" y="${fy + 14}" font-size="32" font-weight="700" fill="${INK}">${esc(words.docNo)}</text>`);
  const inner = 'data:image/svg+xml;base64,' + Buffer.from(mapSvg).toString('base64');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}" font-family="${esc(FONT)}">` +
    `<rect width="${CARD.width}" height="${CARD.height}" fill="#ffffff"/>` +
    `<rect x="0" y="0" width="16" height="${CARD.height}" fill="${ACCENT}"/>` +
    `<rect x="${mapX - 1}" y="23" width="${mapW + 2}" height="${panelH + 2}" fill="#f3f4f1" stroke="#d5dadf"/>` +
    `<image href="${inner}" x="${mapX}" y="24" width="${mapW}" height="${panelH}" preserveAspectRatio="xMidYMid meet"/>` +
    lines.join('') +
    '</svg>'
  );
}

/** The card as a PNG (palette: a quarter of the bytes of full colour, no visible loss on flat maps). */
export async function renderCard(words: CardWords, mapSvg: string): Promise<Buffer> {
  return sharp(Buffer.from(cardSvg(words, mapSvg)), { density: 72 }).png({ palette: true, quality: 90, compressionLevel: 9, effort: 8 }).toBuffer();
}
