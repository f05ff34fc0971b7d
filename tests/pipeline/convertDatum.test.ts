import { describe, expect, it } from 'vitest';
import gcoord from 'gcoord';
import * as turf from '@turf/turf';
import { gcj02ToWgs84, wgs84ToGcj02 } from '../../data-pipeline/steps/convertDatum';

// points across Chifeng (GCJ-02, as in the boundary source)
const SAMPLES: [number, number][] = [
  [118.953854, 42.296588], // 红山区 label
  [120.0657, 43.872298], // 阿鲁科尔沁旗
  [117.545797, 43.264988], // 克什克腾旗
  [119.318876, 41.601375], // 宁城县
];

describe('GCJ-02 -> WGS84', () => {
  it('agrees with an independent implementation (gcoord) to within 0.5 m', () => {
    for (const p of SAMPLES) {
      const ours = gcj02ToWgs84(p);
      const theirs = gcoord.transform(p, gcoord.GCJ02, gcoord.WGS84) as [number, number];
      expect(turf.distance(ours, theirs, { units: 'meters' })).toBeLessThan(0.5);
    }
  });
  it('inverts the forward transform to below a millimetre', () => {
    for (const p of SAMPLES) {
      const back = wgs84ToGcj02(gcj02ToWgs84(p));
      expect(turf.distance(back, p, { units: 'meters' })).toBeLessThan(0.001);
    }
  });
  it('moves points by the known offset in Chifeng (about 550 m, to the south-west)', () => {
    for (const p of SAMPLES) {
      const w = gcj02ToWgs84(p);
      const d = turf.distance(p, w, { units: 'meters' });
      expect(d).toBeGreaterThan(400);
      expect(d).toBeLessThan(700);
      expect(w[0]).toBeLessThan(p[0]);
    }
  });
});
