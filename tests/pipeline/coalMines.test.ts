import { describe, expect, it } from 'vitest';
import { readOut } from '../helpers/pipeline';
import { parseGemMines, parseGemNumber } from '../../data-pipeline/steps/parseGemMines';
import { locateMines } from '../../data-pipeline/steps/locateMines';
import type { CoalMinesFile, CountiesFile, ManifestFile } from '../../src/domain/contract';

/**
 * The 9 coal mines of 赤峰市 in GEM's Global Coal Mine Tracker, as issue #10 lists them (typed from
 * the issue, independently of the pipeline): id, status, capacity Mt/a, [lat, lon], GEM accuracy.
 * Point in polygon puts M2575 and M0163 in 阿鲁科尔沁旗, the others in 元宝山区.
 */
const ISSUE: Record<string, [string, number, [number, number], string, string]> = {
  M0415: ['operating', 12, [42.337293, 119.313046], 'exact', '150403'],
  M2360: ['operating', 1.2, [42.000041, 119.215836], 'exact', '150403'],
  M1900: ['operating', 2.1, [42.375707, 119.364939], 'exact', '150403'],
  M2016: ['operating', 1.8, [42.372657, 119.347942], 'exact', '150403'],
  M2028: ['operating', 1.8, [42.069895, 119.319702], 'exact', '150403'],
  M4939: ['proposed', 0.6, [42.087097, 119.294471], 'exact', '150403'],
  M5592: ['closed', 0.7, [42.2072656, 119.2384243], 'approximate', '150403'],
  M0163: ['mothballed', 1.2, [43.7025, 120.771111], 'exact', '150421'],
  M2575: ['shelved', 1.8, [43.648574, 120.805416], 'approximate', '150421'],
};

describe('golden: coal-mines.geojson holds the 9 mines of issue #10', () => {
  it('with status, capacity, position (WGS84, [lon, lat]), GEM accuracy, county, precision, source and licence', async () => {
    const fc = JSON.parse(await readOut('coal-mines.geojson')) as CoalMinesFile;
    const got = Object.fromEntries(
      fc.features.map((f) => [f.properties.gem_id, [f.properties.status, f.properties.capacity_mtpa, [f.geometry.coordinates[1], f.geometry.coordinates[0]], f.properties.gem_location_accuracy, f.properties.adcode]]),
    );
    expect(got).toEqual(ISSUE);
    for (const f of fc.features) {
      expect(f.properties.precision).toBe('approximate');
      expect(f.properties.licence).toBe('CC BY 4.0');
      expect(f.properties.source).toContain('Global Energy Monitor, Global Coal Mine Tracker');
    }
    expect(fc.features.find((f) => f.properties.gem_id === 'M5592')!.properties.closing_year).toBe(2020);
    expect(fc.features.find((f) => f.properties.gem_id === 'M4939')!.properties.status_detail).toBe('Test Operation');
    // what CC BY 4.0 asks for travels with the file
    expect(fc.credit).toBe('Global Energy Monitor, Global Coal Mine Tracker');
    expect(fc.attribution).toMatch(/CC BY 4\.0, https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/.*filtered to 赤峰市 and reformatted/);
  });

  it('the manifest says how the rows were chosen', async () => {
    const m = JSON.parse(await readOut('manifest.json')) as ManifestFile;
    expect(m.coal_mines).toMatchObject({ rows_read: 8890, selected: 9, misfiled_rows: 1754 });
    expect(m.inputs.find((i) => i.file === 'gem/non_closed_mines.csv')).toMatchObject({ sha256: 'cf1525cb0d1e18e5fa3fd39b44eb5dce05a50ccf8aaf34826eba15a418a0523d', licence: expect.stringContaining('CC BY 4.0') });
  });
});

describe('parseGemMines / locateMines', () => {
  const HEADER_CLOSED = 'GEM Mine ID,MSHA ID,MSHA ID,Mine Name,Mine Name (Non-ENG),Capacity (Mtpa),Mine Type,"Mine Size\n(Km2)",Opening Year,Closing Year,"Prefecture, District",Latitude,Longitude,Location Accuracy';
  const HEADER_OPEN = 'GEM Mine ID,Mine Name,Mine Name (Non-ENG),Status,Status Detail,Capacity (Mtpa),Mine Type,Opening Year,Closing Year,"Prefecture, District",Latitude,Longitude,Location Accuracy';
  // one square county around (119.3, 42.3), WGS84
  const counties = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { adcode: '150403' }, geometry: { type: 'Polygon', coordinates: [[[119, 42], [119.6, 42], [119.6, 42.6], [119, 42.6], [119, 42]]] } }],
  } as unknown as CountiesFile;

  it('reads decimal commas and counts lines across a header that spans three', () => {
    expect(parseGemNumber('42,337293')).toBe(42.337293);
    expect(parseGemNumber('12')).toBe(12);
    expect(parseGemNumber('')).toBeNull();
    expect(parseGemNumber('40.85820686573206,')).toBeNaN();
    const text = `${HEADER_CLOSED}\nM5592,,China,Gushan Coal Mine,平庄煤业古山煤矿,"0,7",Underground,,2008,2020,,"42,2072656","119,2384243",Approximate`;
    const { rows } = parseGemMines(text, 'in/gem/closed.csv', 'gem/closed.csv', 'closed');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ gemId: 'M5592', line: 3, status: 'closed', capacity: '0,7', latitude: '42,2072656' });
  });

  it('sets apart rows in another column order (their Status cell is not a status)', () => {
    const text = `${HEADER_OPEN}\nM0415,Yuanbaoshan,元宝山露天煤矿,Operating,,12,Surface,2005,,Chifeng,"42,337293","119,313046",Exact\nM5592,China,Gushan,Underground,,,,,,,,,`;
    const { rows, misfiled } = parseGemMines(text, 'f', 'gem/f.csv', 'non_closed');
    expect(rows.map((r) => r.gemId)).toEqual(['M0415']);
    expect(misfiled.map((r) => r.gemId)).toEqual(['M5592']);
  });

  it('keeps the mines inside a county or labelled Chifeng, and refuses a Chifeng mine that falls outside', () => {
    const text = `${HEADER_OPEN}\nM1,Inside,,Operating,,"1,5",Underground,,,,"42,3","119,3",Exact\nM2,Elsewhere,,Operating,,1,Surface,,,Xilin Gol,"44,0","116,2",Exact\nM3,No position,,Operating,,1,Surface,,,Bowen,"40.85,",,Exact`;
    const { rows } = parseGemMines(text, 'f', 'gem/f.csv', 'non_closed');
    const r = locateMines(rows, counties, { prefecture: 'Chifeng', source: 'GEM' });
    expect(r.features.map((f) => [f.properties.gem_id, f.properties.adcode, f.properties.capacity_mtpa])).toEqual([['M1', '150403', 1.5]]);
    expect(r.unreadable).toBe(1);
    const outside = `${HEADER_OPEN}\nM9,Lost,,Operating,,1,Surface,,,Chifeng,"44,0","116,2",Exact`;
    expect(() => locateMines(parseGemMines(outside, 'in/f.csv', 'gem/f.csv', 'non_closed').rows, counties, { prefecture: 'Chifeng', source: 'GEM' })).toThrow(
      /in\/f\.csv:2 \[Latitude, Longitude\]: M9 \(Lost\) is labelled Chifeng but its point falls in none of the 12 counties \(value: "44,0; 116,2"\)/,
    );
  });
});
