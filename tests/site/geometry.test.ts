import { describe, expect, it } from 'vitest';
import { fitView, geometryBBox, padBBox, pointBBox, unionBBox } from '../../src/lib/geometry';

describe('geometry helpers', () => {
  it('unions and pads boxes', () => {
    expect(unionBBox([[1, 2, 3, 4], [0, 3, 2, 5]])).toEqual([0, 2, 3, 5]);
    expect(unionBBox([[1, 2, 3, 4], pointBBox([5, 1])])).toEqual([1, 1, 5, 4]);
    expect(padBBox([0, 0, 10, 20], 0.1)).toEqual([-1, -2, 11, 22]);
    expect(() => unionBBox([])).toThrow();
  });

  it('finds the box of any geometry', () => {
    expect(geometryBBox({ type: 'Point', coordinates: [118.9, 42.3] })).toEqual([118.9, 42.3, 118.9, 42.3]);
    expect(geometryBBox({ type: 'MultiLineString', coordinates: [[[1, 5], [2, 6]], [[0, 7], [3, 4]]] })).toEqual([0, 4, 3, 7]);
    expect(() => geometryBBox({ type: 'MultiPoint', coordinates: [] })).toThrow(/no positions/);
  });

  it('fits a box: one degree of longitude across 512 px is zoom 8.49 (360/512·512/…)', () => {
    // at zoom z the world is 512·2^z px wide: 1° of 470 px (512 - 2·21) -> 2^z = 470·360/512
    const v = fitView([118, 42, 119, 42.1], 512, 2000, 21);
    expect(v.zoom).toBeCloseTo(Math.log2((470 * 360) / 512), 6);
    expect(v.lon).toBe(118.5);
    expect(v.lat).toBeGreaterThan(42.04);
    expect(v.lat).toBeLessThan(42.06);
  });

  it('keeps the zoom within bounds and survives a zero-size box', () => {
    expect(fitView([100, 20, 140, 50], 300, 300, 10).zoom).toBe(4);
    expect(fitView(pointBBox([118.9, 42.3]), 300, 300, 10).zoom).toBe(11.5);
  });
});

describe('countyFrame', () => {
  it('pads a county, and grows a small one to a share of the city about its centre', async () => {
    const { countyFrame, COUNTY_FRAME_MIN } = await import('../../src/lib/geometry');
    const city: [number, number, number, number] = [116, 41, 121, 45];
    // a large county: its own box, 35% more each way
    expect(countyFrame([117, 42, 119, 44], city)).toEqual([116.3, 41.3, 119.7, 44.7]);
    // a district a tenth of a degree wide: at least COUNTY_FRAME_MIN of the city, centred on it
    const [w, s, e, n] = countyFrame([118.9, 42.2, 119.0, 42.3], city);
    expect(e - w).toBeCloseTo(5 * COUNTY_FRAME_MIN);
    expect(n - s).toBeCloseTo(4 * COUNTY_FRAME_MIN);
    expect((w + e) / 2).toBeCloseTo(118.95);
    expect((s + n) / 2).toBeCloseTo(42.25);
  });
});
