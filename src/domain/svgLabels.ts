/**
 * How a division is named on a static SVG map, decided once for the pipeline's choropleths
 * (renderChoroplethSvg.ts) and the site's static progress maps (src/lib/progressSvg.ts): its name
 * and, below it, a short status, with a halo; or, for a division too small for its name beside its
 * neighbours (红山区), the same two lines on a white box at its callout with a leader line into it.
 * Pure text in, SVG text out; the caller escapes nothing (done here).
 */
import { escapeXml, textWidth } from './format';

const f1 = (v: number) => v.toFixed(1);

/** `name` above `status` at (x, y), dark text on a white halo or, on a dark fill, the reverse. */
export function labelSvg(x: number, y: number, name: string, status: string, dark: boolean): string {
  const [color, halo] = dark ? ['#ffffff', '#1a1a1a'] : ['#1a1a1a', '#ffffff'];
  return (
    `<text x="${f1(x)}" y="${f1(y)}" text-anchor="middle" font-size="13" fill="${color}" stroke="${halo}" stroke-width="3" paint-order="stroke" stroke-opacity="0.6">${escapeXml(name)}` +
    `<tspan x="${f1(x)}" dy="15" font-weight="700">${escapeXml(status)}</tspan></text>`
  );
}

/** The two lines on a white box at `text`, a leader line and a dot at `point` (inside the division). */
export function calloutSvg(adcode: string, text: [number, number], point: [number, number], name: string, status: string): string {
  const [x, y] = text;
  const [ax, ay] = point;
  const w = Math.max(textWidth(name, 13), textWidth(status, 13)) + 10;
  return (
    `<g data-callout="${adcode}"><line x1="${f1(ax)}" y1="${f1(ay)}" x2="${f1(x)}" y2="${f1(y + 4)}" stroke="#1a1a1a" stroke-width="1.2"/>` +
    `<circle cx="${f1(ax)}" cy="${f1(ay)}" r="2.5" fill="#1a1a1a" stroke="#ffffff" stroke-width="1"/>` +
    `<rect x="${f1(x - w / 2)}" y="${f1(y - 14)}" width="${f1(w)}" height="36" rx="3" fill="#ffffff" fill-opacity="0.92" stroke="#1a1a1a" stroke-width="0.8"/>` +
    `${labelSvg(x, y, name, status, false)}</g>`
  );
}
