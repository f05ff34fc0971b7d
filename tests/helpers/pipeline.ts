import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../data-pipeline/cli';

export const INPUT = 'data-pipeline/input';

/** Run the CLI with fake IO; returns exit code and what it printed. */
export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { log: (m) => (out += m + '\n'), error: (m) => (err += m + '\n') });
  return { code, out, err };
}

export async function tmpDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `atlas-${prefix}-`));
}

/** A copy of the real input folder, to break one file at a time. */
export async function copyInput(): Promise<string> {
  const dir = await tmpDir('input');
  await fs.cp(INPUT, dir, { recursive: true });
  return dir;
}

/** Build the real inputs once into a temporary folder and read outputs from there. */
let built: Promise<string> | null = null;
export function builtOutput(): Promise<string> {
  built ??= (async () => {
    const out = path.join(await tmpDir('out'), 'data');
    const r = await runCli(['--out', out]);
    if (r.code !== 0) throw new Error(r.err);
    return out;
  })();
  return built;
}

export async function readOut(name: string): Promise<string> {
  return fs.readFile(path.join(await builtOutput(), name), 'utf8');
}

export async function snapshotDir(dir: string): Promise<Record<string, string>> {
  const files = await fs.readdir(dir);
  const out: Record<string, string> = {};
  for (const f of files.sort()) out[f] = (await fs.readFile(path.join(dir, f))).toString('base64');
  return out;
}
