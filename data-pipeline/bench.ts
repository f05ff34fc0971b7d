/**
 * npm run bench:data — pipeline time and output sizes (raw and gzipped), and the time to read and
 * check a progress workbook of 13 divisions × 6 years (generated here from the template). Prints;
 * asserts nothing.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { main } from './cli';
import { parseAnnex } from './steps/parseAnnex';
import { checkProgressFiles } from '../src/domain/progress';
import { DIVISIONS } from '../src/domain/divisions';
import { INDICATORS } from '../src/domain/indicators';
import { progressHeader } from '../src/domain/progressTable';

const out = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'bench-data-')), 'data');
const runs: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const code = await main(['--out', out], { log: () => {}, error: console.error });
  if (code !== 0) process.exit(code);
  runs.push(performance.now() - t0);
}
runs.sort((a, b) => a - b);
console.log(`pipeline: median ${runs[1].toFixed(0)} ms (3 runs: ${runs.map((r) => r.toFixed(0)).join(', ')} ms)`);
console.log('file'.padEnd(44), 'raw B'.padStart(9), 'gzip B'.padStart(9));
let raw = 0;
let gz = 0;
for (const f of (await fs.readdir(out)).sort()) {
  const b = await fs.readFile(path.join(out, f));
  const g = gzipSync(b, { level: 9 }).length;
  raw += b.length;
  gz += g;
  console.log(f.padEnd(44), String(b.length).padStart(9), String(g).padStart(9));
}
console.log('total'.padEnd(44), String(raw).padStart(9), String(gz).padStart(9));

// a progress workbook as an official would send it: 13 divisions × 6 years (2020–2025), every indicator
// filled with a plausible figure (the annex target, or 0 for "保持2020年水平"/"/"), each row sourced
const annex = parseAnnex(await fs.readFile(path.join('data-pipeline/input', 'annex.csv'), 'utf8'), 'annex.csv');
const header = progressHeader();
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('进展数据');
ws.addRow(header);
for (let year = 2020; year <= 2025; year++) {
  for (const d of DIVISIONS) {
    const a = [annex.city, ...annex.counties].find((r) => r.adcode === d.adcode)!;
    const figures = INDICATORS.map((i) => {
      const c = a.cells[i.id];
      // decline rates are 0 in the baseline year; amounts and coefficients the annex's figure
      return c.status === 'value' && !(i.kind === 'percent' && year === 2020) ? c.value : 0;
    });
    ws.addRow([year, d.adcode, d.name_zh, ...figures, `赤峰市水资源公报（${year}年）`, '']);
  }
}
const workbook = new Uint8Array(await wb.xlsx.writeBuffer());
const times: number[] = [];
let result: Awaited<ReturnType<typeof checkProgressFiles>> | undefined;
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  result = await checkProgressFiles([{ name: 'bench.xlsx', bytes: workbook }], { annex, currentYear: new Date().getFullYear() }, async () => ExcelJS);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const errors = result!.problems.filter((p) => p.level === 'error').length;
console.log(
  `progress workbook (13 divisions × 6 years, ${(workbook.length / 1024).toFixed(1)} KB, ${result!.rows.length} figures, ${errors} errors, ${result!.problems.length - errors} warnings): ` +
    `read + check median ${times[2].toFixed(0)} ms (5 runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`,
);
