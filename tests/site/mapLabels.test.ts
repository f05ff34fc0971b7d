/**
 * County names on the live map (src/map/layers.ts clearOf): where two would meet at a zoom, the
 * larger county keeps its name and the other moves up or down within its own county, or waits for
 * a closer zoom. Decided whole: a name is drawn or not, never half faded (deck.gl's collision
 * filter faded "Harqin Banner" half-way under "Yuanbaoshan District").
 */
import { describe, expect, it } from 'vitest';
import type { CountiesFile } from '../../src/domain/contract';
import { textWidth } from '../../src/domain/format';
import { clearOf, insideArea } from '../../src/map/layers';
import { readOut } from '../helpers/pipeline';

const world = (z: number) => 512 * 2 ** z;
const px = ([lon, lat]: [number, number], z: number) => [((lon + 180) / 360) * world(z), (0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI)) * world(z)];

describe('names on the live map', () => {
  it('leaves out the lesser of two names that meet, and keeps both when they do not', () => {
    const a = { position: [119, 42] as [number, number], text: '翁牛特旗', size: 13, offset: [0, 0] as [number, number], priority: 5 };
    const b = { ...a, text: '红山区', priority: 1 };
    expect(clearOf([b, a], 7).map((x) => x.text)).toEqual(['翁牛特旗']);
    // 0.5° apart at zoom 7 is ≈ 178 px: room for both
    expect(clearOf([b, { ...a, position: [119.5, 42] }], 7).map((x) => x.text).sort()).toEqual(['红山区', '翁牛特旗'].sort());
  });

  it('tells inside from outside a county, holes included', () => {
    const square: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]] };
    expect(insideArea([1, 1], square)).toBe(true);
    expect(insideArea([5, 5], square)).toBe(false);
    expect(insideArea([11, 5], square)).toBe(false);
  });

  it("on the city's real outlines at phone and desktop zooms: no two names meet, and a moved name stays inside its county", async () => {
    const fc: CountiesFile = JSON.parse(await readOut('counties.geojson'));
    let moved = 0;
    for (const zoom of [5.6, 6.2, 6.8, 7.5]) {
      for (const lines of [1, 2, 3]) {
        // as the map does: 红山区's name at its callout (placed first), the others at their label points
        const items = fc.features.map((f) => ({
          position: f.properties.callout?.text ?? f.properties.label,
          // a Chinese name, with one or two lines under it (the progress view's status; English names)
          text: [f.properties.name_zh, '未达标', 'Not met yet'].slice(0, lines).join('\n'),
          size: 13,
          offset: [0, 0] as [number, number],
          priority: f.properties.callout ? 1000 : Math.round(f.properties.area_km2 / 20),
          within: f.properties.callout ? undefined : f.geometry,
          code: f.properties.adcode,
        }));
        const placed = clearOf(items, zoom);
        const boxes = placed.map((it) => {
          const [x, y] = px(it.position, zoom);
          const w = Math.max(...it.text.split('\n').map((l) => textWidth(l, 13))) / 2;
          const h = (lines * 13) / 2;
          return { code: it.code, moved: it.offset[1] !== 0, x0: x - w, x1: x + w, y0: y + it.offset[1] - h, y1: y + it.offset[1] + h };
        });
        for (const [i, p] of boxes.entries())
          for (const q of boxes.slice(i + 1)) expect(p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1, `zoom ${zoom}, ${lines} lines: ${p.code} meets ${q.code}`).toBe(false);
        // a desktop's whole-city view names all twelve
        if (zoom === 7.5 && lines === 1) expect(placed.length).toBe(12);
        for (const b of boxes.filter((x) => x.moved)) {
          const it = placed.find((p) => p.code === b.code)!;
          // the whole name, corners and middle, over its own county
          for (const [x, y] of [[b.x0, b.y0], [b.x1, b.y0], [b.x0, b.y1], [b.x1, b.y1], [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2]]) {
            const lat = (360 / Math.PI) * Math.atan(Math.exp((0.5 - y / world(zoom)) * 2 * Math.PI)) - 90;
            expect(insideArea([(x / world(zoom)) * 360 - 180, lat], it.within!), `${it.code} moved outside at zoom ${zoom}`).toBe(true);
          }
        }
        moved += boxes.filter((x) => x.moved).length;
      }
    }
    // and the moving is exercised: some names do move at these zooms
    expect(moved).toBeGreaterThan(0);
  });
});
