import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import * as turf from '@turf/turf';
import type { CoalMinesFile, CountiesFile, ProjectsFile } from '../../src/domain/contract';
import { escapeXml, textWidth } from '../../src/domain/format';

/**
 * A static map focused on one county, drawn at build time: the county in the accent colour,
 * its neighbours in grey with their names, the projects that touch it (schematic ones
 * dashed) and its coal mines (GEM, approximate points; the attribution CC BY 4.0 asks for is
 * written into the image). Used on the county pages, readable with no script and in print.
 */
export function renderCountySvg(counties: CountiesFile, projects: ProjectsFile, mines: CoalMinesFile, adcode: string, lang: 'zh' | 'en'): string {
  const W = 480;
  const H = 520;
  const { fc, me, proj } = countyFrame(counties, adcode, W, H);
  const path = geoPath(proj).digits(1);
  const shapes = fc.features
    .map((f) => `<path d="${path(f)}" fill="${f === me ? '#0b5394' : '#e4e7ea'}" stroke="#ffffff" stroke-width="1.5"/>`)
    .join('');
  const here = projects.features.filter((p) => p.geometry && p.properties.adcodes.includes(adcode) && !/Polygon/.test(p.geometry.type));
  const projectShapes = here
    .map((p) => {
      const g = p.geometry!;
      const dash = p.properties.precision === 'schematic' ? ' stroke-dasharray="6 4"' : '';
      if (g.type === 'Point') {
        const [x, y] = proj(g.coordinates as [number, number])!;
        return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="6" fill="#ffffff" stroke="#d35400" stroke-width="3"/>`;
      }
      return `<path d="${path(turf.feature(g))}" fill="none" stroke="#d35400" stroke-width="3"${dash}/>`;
    })
    .join('');
  // coal mines: filled = operating, hollow = not operating (GEM status); each with its name as a tooltip
  const coal = mines.features.filter((m) => m.properties.adcode === adcode);
  const mineShapes = coal
    .map((m) => {
      const [x, y] = proj(m.geometry.coordinates as [number, number])!;
      const on = m.properties.status === 'operating';
      const title = escapeXml(`${lang === 'zh' ? m.properties.name_zh || m.properties.name_en : m.properties.name_en} (GEM ${m.properties.gem_id})`);
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="5" fill="${on ? '#3d3d3d' : '#ffffff'}" stroke="${on ? '#ffffff' : '#3d3d3d'}" stroke-width="2"><title>${title}</title></circle>`;
    })
    .join('');
  const hasSchematic = here.some((p) => p.properties.precision === 'schematic');
  const hasApprox = here.some((p) => p.properties.precision === 'approximate');
  // the credit CC BY 4.0 asks for, on two lines so it fits the 480 px image
  const mineLines = coal.length
    ? [lang === 'zh' ? '●○ 煤矿（矿井水来源，近似位置）：' : '●○ Coal mines (sources of mine water, approximate):', `${mines.credit} (${mines.licence})`]
    : [];
  const mineKey = mineLines
    .map((t, i) => `<text x="12" y="${H - 50 + i * 17}" font-size="12" fill="#333333" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(t)}</text>`)
    .join('');
  const key = [
    hasSchematic ? (lang === 'zh' ? '虚线：示意位置' : 'dashed: schematic location') : '',
    hasApprox ? (lang === 'zh' ? '圆点：近似位置' : 'dot: approximate location') : '',
  ].filter(Boolean);
  const keyLine = key.join(lang === 'zh' ? '；' : '; ');
  const keyText = key.length
    ? `<text x="12" y="${H - 12}" font-size="13" fill="#7a3e00" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(keyLine)}</text>`
    : '';
  // names: see placeNames() below
  const taken: Box[] = mineLines.map((t, i) => ({ x0: 9, x1: 15 + textWidth(t, 12), y0: H - 64 + i * 17, y1: H - 44 + i * 17 }));
  if (key.length) taken.push(textBox(12 + textWidth(keyLine, 13) / 2, H - 12, keyLine, 13));
  const labels = placeNames(fc, me, proj, lang, taken)
    .map((l) => {
      const isMe = l.adcode === adcode;
      const style = `text-anchor="middle" font-size="${l.size}" font-weight="${isMe ? 700 : 400}" fill="${isMe ? '#ffffff' : '#333333'}" stroke="${isMe ? '#0b5394' : '#ffffff'}" stroke-width="3" paint-order="stroke"`;
      const text = `<text x="${l.x.toFixed(1)}" y="${l.y.toFixed(1)}" ${style}>${escapeXml(l.text)}</text>`;
      if (!l.leader) return text;
      const { from, to } = l.leader;
      return `<line x1="${from[0].toFixed(1)}" y1="${from[1].toFixed(1)}" x2="${to[0].toFixed(1)}" y2="${to[1].toFixed(1)}" stroke="#333333" stroke-width="1"/><circle cx="${from[0].toFixed(1)}" cy="${from[1].toFixed(1)}" r="2" fill="#333333"/>${text}`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="'Noto Sans CJK SC','Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif">
<rect width="${W}" height="${H}" fill="#f3f4f1"/>${shapes}${projectShapes}${mineShapes}${labels}${mineKey}${keyText}
</svg>
`;
}

/** The county's map frame: every county (wound for d3), the county itself, and the projection that fits it with a third around. */
export function countyFrame(counties: CountiesFile, adcode: string, W = 480, H = 520) {
  const fc = turf.rewind(counties, { reverse: true }) as unknown as CountiesFile;
  const me = fc.features.find((f) => f.properties.adcode === adcode)!;
  const [w, s, e, n] = me.properties.bbox;
  const padX = (e - w) * 0.35;
  const padY = (n - s) * 0.35;
  const frame = turf.bboxPolygon([w - padX, s - padY, e + padX, n + padY]);
  const proj = geoMercator().fitExtent([[8, 8], [W - 8, H - 8]], turf.rewind(frame, { reverse: true }));
  return { fc, me, proj };
}

export interface Box { x0: number; y0: number; x1: number; y1: number }

/** A name as placed on a county map: its text, its baseline centre (px), and a leader line where it was moved away. */
export interface PlacedName {
  adcode: string;
  text: string;
  size: number;
  x: number;
  y: number;
  /** from a point inside the division to the nearest edge of its name */
  leader: { from: [number, number]; to: [number, number] } | null;
}

/**
 * The names on one county's map (480×520). The county's own at its label point. Each neighbour,
 * larger first (so the small one moves), in the first of:
 *  - at its label point (slid inward if it runs off the frame), when clear of every name placed and
 *    of the key, and over its own division;
 *  - the nearest clear spot where the whole name lies over its own division (a neighbour whose label
 *    point is out of frame, or under the mine credit, is still named);
 *  - moved clear with a leader line from a free point of the division near its label point;
 *  - left out.
 * (红山区 beside 元宝山区 read "红元宝山区" on the neighbours' maps, and the mine credit ran over
 * 翁牛特旗.) `taken` holds the key's boxes and receives the names'.
 */
export function placeNames(fc: CountiesFile, me: CountiesFile['features'][number], proj: GeoProjection, lang: 'zh' | 'en', taken: Box[], W = 480, H = 520): PlacedName[] {
  const over = (f: CountiesFile['features'][number], px: number, py: number) => {
    const ll = proj.invert?.([px, py]);
    return !!ll && turf.booleanPointInPolygon(ll, f as never);
  };
  const inFrame = (b: Box) => b.x0 >= 2 && b.x1 <= W - 2 && b.y0 >= 2 && b.y1 <= H - 2;
  const clear = (b: Box) => !taken.some((t) => overlaps(t, b));
  /** the name's own corners and centre, inside its halo, all over the division */
  const wholeOver = (f: CountiesFile['features'][number], b: Box) =>
    [[b.x0 + 3, b.y0 + 2], [b.x1 - 3, b.y0 + 2], [b.x0 + 3, b.y1 - 2], [b.x1 - 3, b.y1 - 2], [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2]].every(([px, py]) => over(f, px, py));
  const order = [me, ...fc.features.filter((f) => f !== me).sort((a, b) => turf.area(b) - turf.area(a))];
  const out: PlacedName[] = [];
  for (const f of order) {
    const isMe = f === me;
    const text = lang === 'zh' ? f.properties.name_zh : f.properties.name_en;
    const size = isMe ? 18 : 13;
    const tw = textWidth(text, size);
    const [x, y] = proj(f.properties.label)!;
    const half = tw / 2 + 5;
    const hx = Math.min(Math.max(x, half), W - half);
    const hy = Math.min(Math.max(y, size + 5), H - size * 0.3 - 5);
    const put = (px: number, py: number, leader: PlacedName['leader'] = null) => {
      taken.push(textBox(px, py, text, size));
      out.push({ adcode: f.properties.adcode, text, size, x: px, y: py, leader });
    };
    const pointInFrame = x >= 0 && x <= W && y >= 0 && y <= H;
    if (isMe) {
      if (pointInFrame) put(hx, hy);
      continue;
    }
    const home = textBox(hx, hy, text, size);
    if (pointInFrame && clear(home) && (hx === x && hy === y ? true : over(f, hx, hy - size * 0.35))) {
      put(hx, hy);
      continue;
    }
    // the nearest clear spot (10 px grid) where the whole name is over the division
    const spots: [number, number][] = [];
    for (let py = size + 6; py < H - 6; py += 10) for (let px = half; px < W - half; px += 10) spots.push([px, py]);
    spots.sort((a, b) => Math.hypot(a[0] - hx, a[1] - hy) - Math.hypot(b[0] - hx, b[1] - hy));
    const spot = spots.find(([px, py]) => {
      const b = textBox(px, py, text, size);
      return inFrame(b) && clear(b) && wholeOver(f, b);
    });
    if (spot) {
      put(spot[0], spot[1]);
      continue;
    }
    if (!pointInFrame) continue;
    // moved clear with a leader from a spot of the division that no name covers
    const free = (px: number, py: number) => !taken.some((t) => px > t.x0 - 2 && px < t.x1 + 2 && py > t.y0 - 2 && py < t.y1 + 2);
    const anchor = free(x, y) ? [x, y] : freeSpotInside(f, proj, x, y, free);
    if (!anchor) continue;
    const [ax, ay] = anchor;
    const moves: [number, number][] = [[0, -24], [0, 26], [tw / 2 + 16, 4], [-tw / 2 - 16, 4], [tw / 2 + 12, -18], [-tw / 2 - 12, -18], [tw / 2 + 12, 24], [-tw / 2 - 12, 24], [0, -42], [0, 44], [tw / 2 + 28, -32], [-tw / 2 - 28, -32], [tw / 2 + 28, 36], [-tw / 2 - 28, 36], [tw / 2 + 34, 4], [-tw / 2 - 34, 4], [0, -60], [0, 62]];
    for (const [dx, dy] of moves) {
      const box = textBox(ax + dx, ay + dy, text, size);
      if (!inFrame(box) || !clear(box)) continue;
      const ex = Math.max(box.x0, Math.min(ax, box.x1));
      const ey = Math.max(box.y0, Math.min(ay, box.y1));
      // nor may the leader cross a name
      const steps = Math.max(1, Math.ceil(Math.hypot(ex - ax, ey - ay)));
      if (Array.from({ length: steps + 1 }, (_, i) => [ax + ((ex - ax) * i) / steps, ay + ((ey - ay) * i) / steps]).some(([px, py]) => !free(px, py))) continue;
      put(ax + dx, ay + dy, { from: [ax, ay], to: [ex, ey] });
      break;
    }
  }
  return out;
}

/** the room a centred label takes around its baseline point, with a little air (its halo) */
function textBox(cx: number, baseline: number, text: string, size: number): Box {
  const w = textWidth(text, size);
  return { x0: cx - w / 2 - 3, x1: cx + w / 2 + 3, y0: baseline - size - 2, y1: baseline + size * 0.3 + 2 };
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** the pixel of the division nearest (x, y) that `free` allows, on a 3 px grid within 60 px; or none */
function freeSpotInside(f: CountiesFile['features'][number], proj: GeoProjection, x: number, y: number, free: (px: number, py: number) => boolean): [number, number] | null {
  let best: [number, number] | null = null;
  let bestD = Infinity;
  for (let dy = -60; dy <= 60; dy += 3) {
    for (let dx = -60; dx <= 60; dx += 3) {
      const d = dx * dx + dy * dy;
      if (d >= bestD || !free(x + dx, y + dy)) continue;
      const ll = proj.invert?.([x + dx, y + dy]);
      if (ll && turf.booleanPointInPolygon(ll, f as never)) {
        best = [x + dx, y + dy];
        bestD = d;
      }
    }
  }
  return best;
}

