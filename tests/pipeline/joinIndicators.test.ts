import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { joinIndicators } from '../../data-pipeline/steps/joinIndicators';
import { indicatorMeta } from '../../data-pipeline/steps/computeClasses';
import { parseAnnex } from '../../data-pipeline/steps/parseAnnex';
import { COUNTIES } from '../../src/domain/divisions';
import { CountiesFile, countyCell } from '../../src/domain/contract';

const { city, counties } = parseAnnex(readFileSync('data-pipeline/input/annex.csv', 'utf8'), 'annex.csv');
const meta = indicatorMeta(counties, 4);
/** a 0.5° square per county, side by side: enough geometry to join on */
const square = (i: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [[[117 + i * 0.5, 42], [117.5 + i * 0.5, 42], [117.5 + i * 0.5, 42.5], [117 + i * 0.5, 42.5], [117 + i * 0.5, 42]]],
});
const geometry = (codes: string[]) => ({
  type: 'FeatureCollection' as const,
  features: codes.map((adcode, i) => ({ type: 'Feature' as const, properties: { adcode }, geometry: square(i) })),
});

describe('joinIndicators', () => {
  it('joins by GB/T 2260 code and writes value, text, status, rank, class and share for each indicator', () => {
    // boundaries in reverse order: the join must not depend on order
    const fc = joinIndicators(geometry([...COUNTIES.map((c) => c.adcode)].reverse()), city, counties, meta, 4, 'b.geojson');
    expect(CountiesFile.safeParse(fc).success).toBe(true);
    const wengniute = fc.features.find((f) => f.properties.adcode === '150426')!.properties;
    const cap = countyCell(wengniute, 'water_use_cap');
    expect(cap).toMatchObject({ value: 3.0047, text: '3.0047', status: 'value', rank: 1 });
    expect(cap.share).toBeCloseTo(3.0047 / 20.23, 4);
    expect(cap.cls).toBe(meta[0].colors.length - 1);
    const hongshan = fc.features.find((f) => f.properties.adcode === '150402')!.properties;
    // "/" is kept as a status, never a 0: no rank, class or share
    expect(countyCell(hongshan, 'agri_saving_capacity')).toEqual({ value: null, text: '/', status: 'not_applicable', rank: null, cls: null, share: null });
    // a non-additive indicator has no share
    expect(countyCell(hongshan, 'irrigation_coefficient').share).toBeNull();
    expect(wengniute.name_zh).toBe('翁牛特旗');
    expect(wengniute.label[0]).toBeGreaterThan(117);
  });

  it('refuses a missing boundary and a boundary that is not one of the 12', () => {
    const codes = COUNTIES.map((c) => c.adcode);
    expect(() => joinIndicators(geometry(codes.slice(1)), city, counties, meta, 4, 'b.geojson')).toThrow(/b\.geojson \[adcode\]: no boundary for 红山区 \(150402\)/);
    expect(() => joinIndicators(geometry([...codes, '150499']), city, counties, meta, 4, 'b.geojson')).toThrow(/boundary 150499 is not one of the 12/);
  });
});
