/**
 * The site built from the invented demonstration progress file (`npm run data -- --example-progress`)
 * into a folder of its own (ATLAS_DATA_DIR, ATLAS_OUT_DIR), so that tests can see progress views
 * with figures while dist/ stays the real build (which has none). Built once per test file that
 * asks for it (about a minute and a half on two cores).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { runCli, tmpDir } from './pipeline';

export async function buildExampleSite(): Promise<{ dist: string; data: string }> {
  const dir = await tmpDir('example-site');
  const data = path.join(dir, 'data');
  const r = await runCli(['--example-progress', '--out', data]);
  if (r.code !== 0) throw new Error(r.err);
  const dist = path.join(dir, 'dist');
  execFileSync('npx', ['astro', 'build', '--silent'], { env: { ...process.env, ATLAS_DATA_DIR: data, ATLAS_OUT_DIR: dist }, stdio: 'pipe' });
  // the build itself writes dist/data from ATLAS_DATA_DIR, under plain and content-versioned names (scripts/astroPublish.ts)
  return { dist, data };
}
