/**
 * Once per test run: a folder for the builds several test files share (tests/helpers/demoSite.ts),
 * removed at the end (kept with KEEP_BUILDS=1). Nothing is built here: a run of one unrelated file
 * builds nothing extra.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'atlas-shared-'));
  project.provide('sharedBuilds', dir);
  // watch mode: a rerun after an edit builds the shared sites again from the edited sources
  project.onTestsRerun(async () => {
    for (const f of await fs.readdir(dir)) await fs.rm(path.join(dir, f), { recursive: true, force: true });
  });
  return async () => {
    if (!process.env.KEEP_BUILDS) await fs.rm(dir, { recursive: true, force: true });
  };
}
