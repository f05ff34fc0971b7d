import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import iconv from 'iconv-lite';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyInput, runCli, snapshotDir, tmpDir, builtOutput, editRecorded as recordEdit } from '../helpers/pipeline';

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
  // one short located line, never a stack trace
  expect(r.err).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(r.err.length).toBeLessThan(1500);
  expect(await snapshotDir(out)).toEqual(before);
  return r;
}

const edit = (file: string, f: (s: string) => string) => async (dir: string) => {
  const p = path.join(dir, file);
  await fs.writeFile(p, f(await fs.readFile(p, 'utf8')));
};

/** A deliberate change of a file whose sha256 SOURCES.md records: the new hash is recorded too. */
const editRecorded = (file: string, f: (s: string) => string) => (dir: string) => recordEdit(dir, file, f);

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
      /annex\.csv:5 \[用水总量（亿立方米） \/ 巴林右旗\]: 不是数字.* \/ not a number.*\(value: "1\.92x4"\)/,
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
      /annex\.csv:8 \[用水总量（亿立方米） \/ 翁牛特旗\]: 比全市数值 20\.23 还大：小数点位置是否有误？ \/ larger than the 全市 value 20\.23 \(value: "30\.047"\)/,
    );
  });

  it('rejects county values that no longer add up to the 全市 row', async () => {
    await expectRejected(
      edit('annex.csv', (s) => s.replace('1.9674', '19.674')),
      /annex\.csv \[water_use_cap\]: 12个旗县区合计 37\.9351，与全市 20\.23 不符.* \/ the 12 counties sum to 37\.9351 but 全市 is 20\.23/,
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

/** A GeoJSON input edited as a structure: parse, change, write back indented. */
const editJson = (file: string, f: (fc: { features: { properties: Record<string, unknown>; geometry: unknown }[] }) => void) =>
  edit(file, (s) => {
    const fc = JSON.parse(s);
    f(fc);
    return JSON.stringify(fc, null, 1);
  });
const feature = (fc: { features: { properties: Record<string, unknown>; geometry: unknown }[] }, id: string) => fc.features.find((x) => x.properties.id === id)!;

describe('hostile inputs (issue #10): a located message, exit 1, the last good output unchanged', () => {
  beforeAll(async () => {
    await builtOutput();
  });

  it('an unclosed polygon ring in projects.geojson', async () => {
    await expectRejected(
      editJson('projects.geojson', (fc) => {
        const f = feature(fc, 'groundwater-yuanbaoshan');
        f.properties.precision = 'schematic';
        f.geometry = { type: 'Polygon', coordinates: [[[119.2, 42.2], [119.3, 42.2], [119.3, 42.3], [119.2, 42.3]]] };
      }),
      /projects\.geojson:\d+ \[geometry\.coordinates\[0\]\]: groundwater-yuanbaoshan: ring not closed: its last position must repeat the first \(value: "\[\[119\.2,42\.2\],\[119\.2,42\.3\]\]"\)/,
    );
  });

  it('string coordinates in projects.geojson', async () => {
    await expectRejected(
      editJson('projects.geojson', (fc) => {
        feature(fc, 'yuanbaoshan-power-plant').geometry = { type: 'Point', coordinates: ['119.3242', '42.3033'] };
      }),
      /projects\.geojson:\d+ \[geometry\.coordinates\]: yuanbaoshan-power-plant: not a position: expected \[longitude, latitude\], two numbers \(not strings\)/,
    );
  });

  it('a polygon that crosses itself, and a line with no positions', async () => {
    await expectRejected(
      editJson('projects.geojson', (fc) => {
        const f = feature(fc, 'groundwater-yuanbaoshan');
        f.properties.precision = 'schematic';
        f.geometry = { type: 'Polygon', coordinates: [[[119.2, 42.2], [119.3, 42.3], [119.3, 42.2], [119.2, 42.3], [119.2, 42.2]]] };
      }),
      /groundwater-yuanbaoshan: polygon crosses itself \(first crossing at the value\) \(value: "\[119\.25,42\.25\]"\)/,
    );
    await expectRejected(
      editJson('projects.geojson', (fc) => {
        (feature(fc, 'derun-to-yuanbaoshan').geometry as { coordinates: unknown }).coordinates = [];
      }),
      /derun-to-yuanbaoshan: needs at least 2 positions, has 0/,
    );
  });

  it('a JSON syntax error, at its line and column', async () => {
    let at = '';
    await expectRejected(async (dir) => {
      const p = path.join(dir, 'projects.geojson');
      const text = await fs.readFile(p, 'utf8');
      const i = text.indexOf('"status": "planned",') + '"status": "planned",'.length;
      const before = text.slice(0, i);
      // the second comma is where a property name should be: its line and column (1-based), as an editor shows them
      const broken = before + ',' + text.slice(i);
      at = `${before.split('\n').length}:${i - before.lastIndexOf('\n')}`;
      await fs.writeFile(p, broken);
    }, /projects\.geojson:\d+:\d+: not valid JSON: Expected double-quoted property name \(found ","\)/).then((r) => {
      expect(r.err).toContain(`projects.geojson:${at}:`);
    });
  });

  it('a 1.5 MB cell with terminal escapes: the value cut short, control characters written out', async () => {
    const r = await expectRejected(
      edit('annex.csv', (s) => s.replace('1.9224', `1.92\u001b[31mRED${'x'.repeat(1_500_000)}`)),
      /annex\.csv:5 \[用水总量（亿立方米） \/ 巴林右旗\]: 不是数字.* \(value: "1\.92\\u001b\[31mREDx+…（共 1,500,012 个字符 \/ 1,500,012 characters）"\)/,
    );
    expect(r.err).not.toContain('\u001b');
  });

  it('an Excel workbook renamed .csv is named, not printed', async () => {
    // the first bytes of an .xlsx: a ZIP archive whose entries live under xl/
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), Buffer.from('\u0000\u0000[Content_Types].xml\u0000\u0001\u0002xl/workbook.xml\u0000\u00ff\u00fe')]);
    const r = await expectRejected(
      async (dir) => fs.writeFile(path.join(dir, 'annex.csv'), xlsx),
      /annex\.csv: 这是 Excel 文件（\.xlsx）：请另存为 CSV（Excel：文件 → 另存为 → “CSV UTF-8（逗号分隔）”） \/ this is an Excel workbook \(\.xlsx\), not a text file/,
    );
    expect(r.err).not.toContain('PK');
    // (a workbook renamed .csv in progress/ is the progress reader's to name: tests/pipeline/progress*.test.ts)
  });

  it('an input over its size limit is refused before it is read (blank lines)', async () => {
    await expectRejected(
      async (dir) => fs.appendFile(path.join(dir, 'annex.csv'), '\n'.repeat(3 * 1024 * 1024)),
      /annex\.csv: 文件过大：3\.0 MB，上限 2\.0 MB。这个文件通常只有几 KB：是否存错了文件，或表格里有大量空行？ \/ file too large: 3,146,\d{3} bytes, the limit is 2,097,152/,
    );
  });

  it('a project line with thousands of positions is over budget (it would go to every visitor)', async () => {
    await expectRejected(
      editJson('projects.geojson', (fc) => {
        const n = 5000;
        (feature(fc, 'derun-to-yuanbaoshan').geometry as { coordinates: unknown }).coordinates = Array.from({ length: n }, (_, i) => [119 + (0.3 * i) / n, 42.25 + (i % 2) * 0.0005]);
      }),
      /projects\.geojson:\d+ \[geometry\.coordinates\[1000\]\]: derun-to-yuanbaoshan: 几何过于复杂：超过 1,000 个坐标点/,
    );
  });

  it('a FIFO in the input folder is refused at once instead of hanging the read', async () => {
    await expectRejected(
      async (dir) => void execFileSync('mkfifo', [path.join(dir, 'notes.csv')]),
      /notes\.csv: 这不是普通文件，而是命名管道（FIFO），无法读取：请把它移出输入目录 \/ not a regular file but a named pipe \(FIFO\): refused/,
    );
  });

  it('the document text is checked against the sha256 in SOURCES.md before any quote is', async () => {
    await expectRejected(
      edit('source/chifeng-water-saving-plan-2025.txt', (s) => s.replace('20.23亿立方米以内', '21.23亿立方米以内')),
      /source\/chifeng-water-saving-plan-2025\.txt: 内容与 SOURCES\.md 第 \d+ 行记录的 sha256 不符：文件被改动过，不能作为依据 \/ does not match the sha256 recorded in SOURCES\.md/,
    );
  });

  it('a header split by full-width commas is shown as it was read', async () => {
    await expectRejected(
      edit('annex.csv', (s) => s.replace(/,/g, '，')),
      /annex\.csv:1: 表头只读出 1 列：列之间要用英文逗号“,”分隔，这里用的是“，”。.* \/ the header was read as 1 column: "行政区划代码，行政区，用水总量（亿立方米），/,
    );
  });

  it('stray files are neither read nor published, and are named', async () => {
    const input = await copyInput();
    await fs.writeFile(path.join(input, '.DS_Store'), Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]));
    await fs.copyFile(path.join(input, 'annex.csv'), path.join(input, 'annex.csv~'));
    await fs.mkdir(path.join(input, '.git/objects'), { recursive: true });
    await fs.writeFile(path.join(input, '.git/HEAD'), 'ref: refs/heads/main\n');
    const out = path.join(await tmpDir('stray'), 'data');
    const r = await runCli(['--input', input, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/not read, not an input of the pipeline: \.DS_Store, \.git\/, annex\.csv~/);
    // the same inputs give the same outputs, manifest included: nothing stray is published
    expect(await snapshotDir(out)).toEqual(await snapshotDir(await builtOutput()));
    const manifest = JSON.parse(await fs.readFile(path.join(out, 'manifest.json'), 'utf8')) as { inputs: { file: string }[] };
    expect(manifest.inputs.map((i) => i.file).filter((f) => /DS_Store|~|\.git/.test(f))).toEqual([]);
  });

  it('"-0" in the annex is published as 0', async () => {
    const input = await copyInput();
    await edit('annex.csv', (s) => s.replace(/^(150430,敖汉旗,2\.8220,0\.0173,20\.58,)2\.20,/m, '$1-0,'))(input);
    const out = path.join(await tmpDir('minus0'), 'data');
    const r = await runCli(['--input', input, '--out', out]);
    expect(r.code).toBe(0);
    const annex = JSON.parse(await fs.readFile(path.join(out, 'annex.json'), 'utf8'));
    const aohan = annex.counties.find((c: { adcode: string }) => c.adcode === '150430');
    expect(aohan.cells.industrial_water_decline).toEqual({ status: 'value', value: 0, text: '0' });
    expect(await fs.readFile(path.join(out, 'indicators.csv'), 'utf8')).toMatch(/^150430,敖汉旗,Aohan Banner,2\.8220,,0\.0173,,20\.58,,0,,/m);
  });
});
