/** npm run bench:data — pipeline time and output sizes (raw and gzipped). Prints; asserts nothing. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { main } from './cli';

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
