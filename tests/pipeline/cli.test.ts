import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import iconv from 'iconv-lite';
import { createHash } from 'node:crypto';
import { copyInput, runCli, snapshotDir, tmpDir, builtOutput } from '../helpers/pipeline';

/** Build once into `out`, break one input, run again: exit 1, a located message, output intact. */
async function expectRejected(mutate: (dir: string) => Promise<void>, message: RegExp) {
  const out = await builtOutput();
  const before = await snapshotDir(out);
  const input = await copyInput();
  await mutate(input);
  const r = await runCli(['--input', input, '--out', out]);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(message);
  expect(r.err).toMatch(/Nothing was written/);
  expect(await snapshotDir(out)).toEqual(before);
}

const edit = (file: string, f: (s: string) => string) => async (dir: string) => {
  const p = path.join(dir, file);
  await fs.writeFile(p, f(await fs.readFile(p, 'utf8')));
};

/** A deliberate change of a file whose sha256 SOURCES.md records: the new hash is recorded too. */
const editRecorded = (file: string, f: (s: string) => string) => async (dir: string) => {
  const p = path.join(dir, file);
  const before = createHash('sha256').update(await fs.readFile(p)).digest('hex');
  await edit(file, f)(dir);
  const after = createHash('sha256').update(await fs.readFile(p)).digest('hex');
  await edit('SOURCES.md', (s) => s.replace(before, after))(dir);
};

describe('npm run data (CLI)', () => {
  beforeAll(async () => {
    await builtOutput();
  });

  it('writes every output file', async () => {
    const files = (await fs.readdir(await builtOutput())).sort();
    for (const f of ['counties.geojson', 'counties.topojson', 'context.geojson', 'indicators.csv', 'targets.json', 'projects.geojson', 'progress.json', 'dictionary.json', 'dictionary.csv', 'manifest.json', 'annex.json', 'choropleth-water_use_cap.svg']) {
      expect(files).toContain(f);
    }
  });

  it('gives byte-identical outputs for the same inputs', async () => {
    const second = path.join(await tmpDir('again'), 'data');
    const r = await runCli(['--out', second]);
    expect(r.code).toBe(0);
    expect(await snapshotDir(second)).toEqual(await snapshotDir(await builtOutput()));
  });

  it('accepts the annex saved by Excel as GB18030 with CRLF', async () => {
    const input = await copyInput();
    const p = path.join(input, 'annex.csv');
    const text = (await fs.readFile(p, 'utf8')).replace(/\n/g, '\r\n');
    await fs.writeFile(p, iconv.encode(text, 'gb18030'));
    const out = path.join(await tmpDir('gbk'), 'data');
    const r = await runCli(['--input', input, '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(await fs.readFile(path.join(out, 'indicators.csv'))).toEqual(await fs.readFile(path.join(await builtOutput(), 'indicators.csv')));
  });

  it('rejects a non-numeric annex value and keeps the last good output', async () => {
    await expectRejected(
      edit('annex.csv', (s) => s.replace('1.9224', '1.92x4')),
      /annex\.csv:5 \[用水总量（亿立方米） \/ 巴林右旗\]: not a number.*\(value: "1\.92x4"\)/,
    );
  });

  it('rejects an empty annex file', async () => {
    await expectRejected(edit('annex.csv', () => ''), /annex\.csv: the file is empty/);
  });

  it('rejects a project outside the region', async () => {
    await expectRejected(
      edit('projects.geojson', (s) => {
        const fc = JSON.parse(s);
        fc.features.find((f: { properties: { id: string } }) => f.properties.id === 'yuanbaoshan-power-plant').geometry.coordinates = [116.39, 39.9];
        return JSON.stringify(fc, null, 1);
      }),
      /projects\.geojson:\d+ \[geometry\.coordinates\]: yuanbaoshan-power-plant: coordinate outside the region.*\(value: "\[116\.39,39\.9\]"\)/,
    );
  });

  it('rejects a target whose quote is not in the document', async () => {
    await expectRejected(
      edit('targets.csv', (s) => s.replace('全市用水总量控制在20.23亿立方米以内', '全市用水总量控制在21.23亿立方米以内')),
      /targets\.csv:2 \[quote\]: quote not found in the source document/,
    );
  });

  it('rejects an actual figure without a source', async () => {
    await expectRejected(
      async (dir) => {
        const template = await fs.readFile(path.join(await builtOutput(), 'progress-template.csv'), 'utf8');
        await fs.writeFile(path.join(dir, 'progress/2024.csv'), template.replace(',150402,红山区,', '2024,150402,红山区,0.8'));
      },
      /progress\/2024\.csv › 第3行 J列「来源」：该行有数值，但“来源”为空/,
    );
  });

  it('rejects a target value that only appears inside another number of its quote', async () => {
    // "20" must not be read out of "2020年"
    await expectRejected(
      edit('targets.csv', (s) => s.replace(',20,%,%,reduce_by,', ',202,%,%,reduce_by,')),
      /targets\.csv:3 \[quote\]: the quote does not contain the value 202/,
    );
  });

  it('rejects a city-wide target that disagrees with the annex 全市 row', async () => {
    await expectRejected(
      edit('annex.csv', (s) => s.replace('150400,全市,20.23,', '150400,全市,20.24,')),
      /targets\.csv \[value \/ total_water_use\]: 20\.23 differs from the annex 全市 value 20\.24/,
    );
  });

  it('rejects a county value larger than the whole city (a misplaced decimal point)', async () => {
    await expectRejected(
      edit('annex.csv', (s) => s.replace('3.0047', '30.047')),
      /annex\.csv:8 \[用水总量（亿立方米） \/ 翁牛特旗\]: larger than the 全市 value 20\.23 \(value: "30\.047"\)/,
    );
  });

  it('rejects county values that no longer add up to the 全市 row', async () => {
    await expectRejected(
      edit('annex.csv', (s) => s.replace('1.9674', '19.674')),
      /annex\.csv \[water_use_cap\]: the 12 counties sum to 37\.9351 but 全市 is 20\.23/,
    );
  });

  it('rejects a space inside a number instead of joining the digits', async () => {
    await expectRejected(edit('annex.csv', (s) => s.replace('1.9674', '1.96 74')), /annex\.csv:3 .*a space inside a number/);
  });

  it('rejects a project naming a county code that does not exist', async () => {
    await expectRejected(
      edit('projects.geojson', (s) => s.replace('"150403",', '"150427",')),
      /projects\.geojson:\d+ \[named_adcodes\]: groundwater-yuanbaoshan: not one of the 12 county codes of 赤峰市 \(value: "150427"\)/,
    );
  });

  it('rejects a broken context boundary file with its name', async () => {
    await expectRejected(editRecorded('boundaries/context-chengde.gcj02.geojson', () => '{"type":"FeatureCollection"}'), /context-chengde\.gcj02\.geojson \[features\]: expected a GeoJSON FeatureCollection/);
  });

  it('rejects an unknown option with exit code 2', async () => {
    const r = await runCli(['--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown option --frobnicate/);
  });

  it('marks progress built from the example file as example data', async () => {
    const out = path.join(await tmpDir('example'), 'data');
    const r = await runCli(['--out', out, '--example-progress']);
    expect(r.code).toBe(0);
    const p = JSON.parse(await fs.readFile(path.join(out, 'progress.json'), 'utf8'));
    expect(p.example).toBe(true);
    expect(p.rows.length).toBeGreaterThan(0);
    expect(p.rows.every((x: { example: boolean }) => x.example)).toBe(true);
  });
});
