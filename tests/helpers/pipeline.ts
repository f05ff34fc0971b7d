import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
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

/**
 * Rewrites `file` inside an input copy `dir` and, since SOURCES.md records the sha256 of
 * third-party files, records the new hash too: the test is then about the content, not the
 * tamper check (which has its own test).
 */
export async function editRecorded(dir: string, file: string, f: (s: string) => string): Promise<void> {
  const p = path.join(dir, file);
  const hash = async () => createHash('sha256').update(await fs.readFile(p)).digest('hex');
  const before = await hash();
  await fs.writeFile(p, f(await fs.readFile(p, 'utf8')));
  const after = await hash();
  const md = path.join(dir, 'SOURCES.md');
  await fs.writeFile(md, (await fs.readFile(md, 'utf8')).split(before).join(after));
}
