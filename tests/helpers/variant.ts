import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { copyInput, runCli, tmpDir } from './pipeline';

export interface Variant {
  /** the built site (what would be copied to the host) */
  out: string;
  /** the pipeline output it was built from */
  data: string;
  /** everything `astro build` printed */
  log: string;
}

/**
 * The environment for a build started from a test. Vitest sets MODE, DEV, PROD, SSR, BASE_URL and
 * NODE_ENV in its workers, and Astro reads process.env into import.meta.env at build time: left
 * in, a child `astro build` would make a dev-flavoured site at "/" (no service worker, plain data
 * names, BASE_PATH ignored). Also without this shell's SITE_URL / BASE_PATH.
 */
export function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'NODE_ENV', 'SITE_URL', 'BASE_PATH', 'ATLAS_DATA_DIR', 'ATLAS_OUT_DIR']) delete env[k];
  return env;
}

/**
 * The whole build (pipeline, then `astro build` with its publish step) into a temporary folder,
 * from a copy of the real inputs that `edit` may change, with extra environment (SITE_URL,
 * BASE_PATH) and pipeline options (`cliArgs`, e.g. --example-progress), into `dir` or a new
 * temporary folder. dist/ and public/data/ are untouched.
 */
export async function buildVariant(
  name: string,
  env: Record<string, string>,
  edit?: (inputDir: string) => Promise<void>,
  o: { cliArgs?: string[]; dir?: string } = {},
): Promise<Variant> {
  const input = await copyInput();
  await edit?.(input);
  const dir = o.dir ?? (await tmpDir(name));
  const data = path.join(dir, 'data');
  const r = await runCli([...(o.cliArgs ?? []), '--input', input, '--out', data]);
  if (r.code !== 0) throw new Error(`pipeline for ${name}: ${r.err}`);
  const out = path.join(dir, 'dist');
  const { stdout, stderr } = await promisify(execFile)(path.resolve('node_modules/.bin/astro'), ['build'], {
    env: { ...buildEnv(), ATLAS_DATA_DIR: data, ATLAS_OUT_DIR: out, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { out, data, log: stdout + stderr };
}
