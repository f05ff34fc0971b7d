import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { feature as topoFeature } from 'topojson-client';
import type { CountiesFile } from '../../src/domain/contract';
import { CountiesFile as CountiesSchema } from '../../src/domain/contract';
import { readOut } from '../helpers/pipeline';

const load = async (): Promise<CountiesFile> => JSON.parse(await readOut('counties.geojson'));

describe('county geometry', () => {
  it('matches the data contract: 12 features keyed by GB/T 2260 code', async () => {
    const fc = await load();
    expect(CountiesSchema.safeParse(fc).success).toBe(true);
    expect(new Set(fc.features.map((f) => f.properties.adcode)).size).toBe(12);
  });

  it('has valid polygons only', async () => {
    for (const f of (await load()).features) expect(turf.booleanValid(f), f.properties.adcode).toBe(true);
  });

  it('is WGS84 (longitude/latitude inside Chifeng) and RFC 7946 anticlockwise', async () => {
    for (const f of (await load()).features) {
      const [w, s, e, n] = turf.bbox(f);
      expect(w).toBeGreaterThan(115.5);
      expect(e).toBeLessThan(121.5);
      expect(s).toBeGreaterThan(41);
      expect(n).toBeLessThan(46);
      const outer = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0];
      expect(turf.booleanClockwise(outer)).toBe(false);
    }
  });

  it('was moved from GCJ-02: the 红山区 label sits ~0.5 km south-west of the source centre', async () => {
    const hs = (await load()).features.find((f) => f.properties.adcode === '150402')!;
    // the same ring vertex in GCJ-02 lies ~550 m away; here: the polygon must not contain the source's GCJ label point
    // shifted back, i.e. the bbox moved west by ~0.005-0.007° compared with the source file
    const src = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync('data-pipeline/input/boundaries/chifeng-counties.gcj02.geojson', 'utf8')));
    const srcHs = src.features.find((f: { id: string }) => f.id === '150402');
    const dw = turf.bbox(srcHs)[0] - turf.bbox(hs)[0];
    expect(dw).toBeGreaterThan(0.004);
    expect(dw).toBeLessThan(0.008);
  });

  it('has no overlaps between counties', async () => {
    const fs = (await load()).features;
    for (let i = 0; i < fs.length; i++)
      for (let j = i + 1; j < fs.length; j++) {
        const x = turf.intersect(turf.featureCollection([fs[i], fs[j]]));
        const a = x ? turf.area(x) : 0;
        expect(a, `${fs[i].properties.adcode} × ${fs[j].properties.adcode}`).toBeLessThan(1000); // m², numerical noise only
      }
  });

  it('closes the 林西县 / 巴林右旗 gap: the union has no interior holes', async () => {
    const fc = await load();
    const u = turf.union(fc as unknown as GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon>)!;
    const polys = u.geometry.type === 'Polygon' ? [u.geometry.coordinates] : u.geometry.coordinates;
    const holeArea = polys.flatMap((p) => p.slice(1)).reduce((s, ring) => s + turf.area(turf.polygon([ring])), 0);
    expect(holeArea / 1e6).toBeLessThan(0.05);
  });

  it('the map file (TopoJSON, 300 m) decodes to the same 12 counties with shared borders', async () => {
    const topo = JSON.parse(await readOut('counties.topojson'));
    const fc = topoFeature(topo, topo.objects.counties) as unknown as CountiesFile;
    expect(fc.features.map((f) => f.properties.adcode).sort()).toEqual((await load()).features.map((f) => f.properties.adcode).sort());
    // shared arcs: the number of arcs is well below the number of ring segments counted per county
    const arcRefs = JSON.stringify(topo.objects.counties.geometries.map((g: { arcs: unknown }) => g.arcs)).match(/-?\d+/g)!.length;
    expect(topo.arcs.length).toBeLessThan(arcRefs);
  });
});
