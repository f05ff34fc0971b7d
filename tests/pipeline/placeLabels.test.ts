/**
 * 红山区, the central district, is named on every whole-city map (issue 11): at the whole-city
 * scale its label point lies under 元宝山区's name, so the pipeline gives it a callout (the name
 * moved to a clear spot, a leader line into the county), once, for the WebGL map, the PNG export
 * and the static SVGs alike.
 */
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { CountiesFile } from '../../src/domain/contract';
import { textWidth } from '../../src/domain/format';
import { LABEL_LAYOUTS } from '../../data-pipeline/config';
import { readOut } from '../helpers/pipeline';
import { countyFrame, placeNames } from '../../data-pipeline/steps/renderCountySvg';

const load = async (): Promise<CountiesFile> => JSON.parse(await readOut('counties.geojson'));
const mercX = (lon: number) => (lon * Math.PI) / 180;
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

describe('label placement for whole-city maps', () => {
  it('gives 红山区 a callout whose name is clear of every other Chinese name at every reference size', async () => {
    const fc = await load();
    const props = fc.features.map((f) => f.properties);
    const hs = props.find((p) => p.adcode === '150402')!;
    expect(hs.callout).not.toBeNull();
    // the names that do not collide keep their label point
    expect(props.filter((p) => p.callout).map((p) => p.adcode)).toEqual(['150402']);
    const bbox = [Math.min(...props.map((p) => p.bbox[0])), Math.min(...props.map((p) => p.bbox[1])), Math.max(...props.map((p) => p.bbox[2])), Math.max(...props.map((p) => p.bbox[3]))];
    for (const l of LABEL_LAYOUTS) {
      // an independent projection of the same frame: Web Mercator fitted to the city
      const k = Math.min(l.fit[0] / (mercX(bbox[2]) - mercX(bbox[0])), l.fit[1] / (mercY(bbox[3]) - mercY(bbox[1])));
      const px = ([lon, lat]: [number, number]) => [mercX(lon) * k, -mercY(lat) * k];
      const box = (p: (typeof props)[number], at: [number, number]) => {
        const [x, y] = px(at);
        const w = textWidth(p.name_zh, l.fontPx) / 2;
        return { x0: x - w, x1: x + w, y0: y + l.box[0], y1: y + l.box[1] };
      };
      const me = box(hs, hs.callout!.text);
      for (const p of props.filter((x) => x.adcode !== hs.adcode)) {
        const o = box(p, p.label);
        const overlaps = me.x0 < o.x1 && o.x0 < me.x1 && me.y0 < o.y1 && o.y0 < me.y1;
        expect(overlaps, `${l.name}: 红山区 over ${p.name_zh}`).toBe(false);
      }
    }
    // needed: at their own points the two names are closer than half their widths on the phone map
    const ybs = props.find((p) => p.adcode === '150403')!;
    const [x1, y1] = [mercX(hs.label[0]), mercY(hs.label[1])];
    const [x2, y2] = [mercX(ybs.label[0]), mercY(ybs.label[1])];
    const kPhone = Math.min(LABEL_LAYOUTS[0].fit[0] / (mercX(bbox[2]) - mercX(bbox[0])), LABEL_LAYOUTS[0].fit[1] / (mercY(bbox[3]) - mercY(bbox[1])));
    expect(Math.hypot(x1 - x2, y1 - y2) * kPhone).toBeLessThan((textWidth('红山区', 13) + textWidth('元宝山区', 13)) / 2);
  });

  it('ends the leader line inside 红山区, and keeps the callout near it', async () => {
    const fc = await load();
    const hs = fc.features.find((f) => f.properties.adcode === '150402')!;
    expect(turf.booleanPointInPolygon(hs.properties.callout!.point, hs)).toBe(true);
    // within ~70 km: close enough to read as belonging to the district
    expect(turf.distance(hs.properties.callout!.point, hs.properties.callout!.text)).toBeLessThan(70);
  });

  it('draws the callout in the static SVG maps, with the leader line and the value, in both languages', async () => {
    for (const [file, name, value] of [
      ['choropleth-water_use_cap.svg', '红山区', '0.9098'],
      ['choropleth-water_use_cap.en.svg', 'Hongshan District', '90.98'],
      ['choropleth-agri_saving_capacity.svg', '红山区', '不适用'],
    ]) {
      const svg = await readOut(file);
      const g = /<g data-callout="150402">([\s\S]*?)<\/g>/.exec(svg)?.[1];
      expect(g, file).toBeDefined();
      expect(g).toMatch(/<line [^>]*x1=/);
      expect(g).toContain(`>${name}<tspan`);
      expect(g).toContain(`>${value}</tspan>`);
      // and nowhere else: one name per county
      expect(svg.split(`>${name}<tspan`).length - 1).toBe(1);
    }
  });
});

describe("labels on a county page's map", () => {
  /** every name on the map as drawn: its text and the room it takes (centred at x, baseline y) */
  const names = (svg: string) =>
    [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" text-anchor="middle" font-size="(\d+)"[^>]*>([^<]+)<\/text>/g)].map((m) => {
      const [x, y, size] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const w = textWidth(m[4], size) / 2;
      return { text: m[4], x0: x - w, x1: x + w, y0: y - size, y1: y + size * 0.3 };
    });
  const keyLines = (svg: string) =>
    [...svg.matchAll(/<text x="12" y="([\d.]+)" font-size="(\d+)"[^>]*>([^<]+)<\/text>/g)].map((m) => {
      const [y, size] = [Number(m[1]), Number(m[2])];
      return { text: m[3], x0: 12, x1: 12 + textWidth(m[3], size), y0: y - size, y1: y + size * 0.3 };
    });

  it('names 红山区 and 元宝山区 apart on their neighbours\' maps, and no name runs into another or into the credit line', async () => {
    for (const code of ['150404', '150426', '150428', '150429', '150430', '150421', '150403']) {
      const svg = await readOut(`county-${code}.svg`);
      const drawn = names(svg);
      const all = [...drawn, ...keyLines(svg)];
      for (const [i, a] of all.entries())
        for (const b of all.slice(i + 1)) {
          const overlaps = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
          expect(overlaps, `county-${code}.svg: ${a.text} over ${b.text}`).toBe(false);
        }
      // both central districts are named (once each) where they are in the frame
      if (code !== '150421') for (const n of ['红山区', '元宝山区']) expect(drawn.filter((d) => d.text === n).length, `${code} ${n}`).toBe(1);
      // 阿鲁科尔沁旗's map: 翁牛特旗's label point lies under the mine credit; it is named elsewhere over it
      else expect(drawn.map((d) => d.text)).toContain('翁牛特旗');
    }
    // a moved name is tied to its division by a leader line (翁牛特旗's map: 红山区 under 元宝山区's name)
    expect(await readOut('county-150426.svg')).toMatch(/<line [^>]*\/><circle [^>]*r="2" fill="#333333"\/><text [^>]*>红山区<\/text>/);
  });

  it('puts every name over its own division (or ties it there with a leader), and names a neighbour whose label point is out of frame', async () => {
    const counties: CountiesFile = JSON.parse(await readOut('counties.geojson'));
    let named = 0;
    for (const code of counties.features.map((f) => f.properties.adcode)) {
      for (const lang of ['zh', 'en'] as const) {
        const { fc, me, proj } = countyFrame(counties, code);
        const placed = placeNames(fc, me, proj, lang, []);
        named += placed.length;
        for (const p of placed) {
          const f = fc.features.find((x) => x.properties.adcode === p.adcode)!;
          // the leader's start, or the middle of the name itself (the baseline is below it)
          const at = p.leader ? p.leader.from : [p.x, p.y - p.size * 0.35];
          expect(turf.booleanPointInPolygon(proj.invert!(at as [number, number])!, f as never), `${code} ${lang}: ${p.text} over another division`).toBe(true);
        }
      }
    }
    // 12 maps × 2 languages: the county and, on average, more than five neighbours named (165 today)
    expect(named).toBeGreaterThan(24 * 6);
    // 红山区's own map names 松山区 and 喀喇沁旗, whose label points lie outside its frame
    const { fc, me, proj } = countyFrame(counties, '150402');
    expect(placeNames(fc, me, proj, 'zh', []).map((p) => p.text)).toEqual(expect.arrayContaining(['红山区', '松山区', '喀喇沁旗', '元宝山区']));
  });
});

