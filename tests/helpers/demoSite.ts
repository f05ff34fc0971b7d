/**
 * The published demonstration site: the one build besides dist/ that several test files read, made
 * once per test run (about a minute on two cores) instead of once per file:
 * - the invented progress figures (`--example-progress`, marked 示例数据): progress.test.ts;
 * - hostile text in a project's free-text fields: security.test.ts (it must show inert);
 * - built for a sub-folder of a government host (BASE_PATH, SITE_URL): publish.test.ts (and the
 *   progress views are thereby checked in a sub-folder too).
 * The first file to ask builds it into the run's shared folder (tests/globalSetup.ts); a file
 * asking while it is being built waits for it. publish.test.ts builds its version 2 with
 * `demoVariant` from the same inputs plus one changed figure.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { buildVariant, type Variant } from './variant';

declare module 'vitest' {
  export interface ProvidedContext {
    /** a folder for builds shared by the test files of one run (tests/globalSetup.ts) */
    sharedBuilds: string;
  }
}

export const BASE = '/jieshui/';
export const SITE = 'https://www.example.gov.cn/jieshui/';
export const ENV = { BASE_PATH: BASE, SITE_URL: SITE };
export const PAYLOAD = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>"'&`;
/** the project whose free text carries PAYLOAD */
export const PAYLOAD_PROJECT = 'pipe-renewal-central-city';

/** The demonstration inputs: the real ones with PAYLOAD in a project's description and location source. */
async function editDemoInput(input: string): Promise<void> {
  const p = path.join(input, 'projects.geojson');
  const fc = JSON.parse(await fs.readFile(p, 'utf8')) as { features: { properties: Record<string, unknown> }[] };
  const f = fc.features.find((x) => x.properties.id === PAYLOAD_PROJECT) ?? fc.features[0];
  f.properties.description_zh = `管网改造 ${PAYLOAD}`;
  f.properties.location_source = `示意 ${PAYLOAD}`;
  await fs.writeFile(p, JSON.stringify(fc));
}

/** A build of the demonstration inputs, after `edit` (publish.test.ts's version 2), into its own folder. */
export function demoVariant(name: string, edit?: (inputDir: string) => Promise<void>, dir?: string): Promise<Variant> {
  return buildVariant(
    name,
    ENV,
    async (input) => {
      await editDemoInput(input);
      await edit?.(input);
    },
    { cliArgs: ['--example-progress'], dir },
  );
}

/** how long a file waits for another file's build: less than the hooks' 600 s, so this message is the one shown */
const WAIT_MS = 540_000;

/** The shared demonstration site of this run (built on first use). */
export async function demoSite(): Promise<Variant> {
  const dir = path.join(inject('sharedBuilds'), 'demo');
  const done = path.join(dir, 'done.json');
  const failed = path.join(dir, 'failed.txt');
  try {
    // mkdir is atomic: the file that creates the folder builds, any other waits
    await fs.mkdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    for (const t0 = Date.now(); Date.now() - t0 < WAIT_MS; await new Promise((r) => setTimeout(r, 1000))) {
      const ok = await fs.readFile(done, 'utf8').catch(() => null);
      if (ok) return JSON.parse(ok) as Variant;
      const bad = await fs.readFile(failed, 'utf8').catch(() => null);
      if (bad) throw new Error(`the shared demonstration build failed in another test file: ${bad}`);
    }
    throw new Error(`the shared demonstration build did not finish within ${WAIT_MS / 1000} s`);
  }
  try {
    const v = await demoVariant('demo', undefined, dir);
    // written whole, then renamed: a waiting file never reads half of it
    await fs.writeFile(`${done}.tmp`, JSON.stringify(v));
    await fs.rename(`${done}.tmp`, done);
    return v;
  } catch (err) {
    await fs.writeFile(failed, String((err as Error).stack ?? err));
    throw err;
  }
}
