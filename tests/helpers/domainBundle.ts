/**
 * The shared progress modules bundled for a browser, as the update page will ship them: esbuild with
 * platform "browser" fails on any Node built-in (fs, buffer, node:*), and the bundle's inputs are
 * returned so a test can list them. The bundle sets globalThis.progressDomain.
 */
import { build } from 'esbuild';

export const BROWSER_ENTRY = `
  export { checkProgressFiles, validateProgress, buildProgressFile, progressStatus } from './src/domain/progress';
  export { readProgressFile, csvToTable, workbookToTables, progressHeader } from './src/domain/progressTable';
  export { formatProblem } from './src/domain/progressProblems';
  export { templateCsv } from './src/domain/progressTemplate';
`;

export async function bundleProgressDomain(): Promise<{ code: string; inputs: string[] }> {
  const r = await build({
    stdin: { contents: BROWSER_ENTRY, resolveDir: process.cwd(), loader: 'ts', sourcefile: 'progress-entry.ts' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'progressDomain',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { code: r.outputFiles[0].text, inputs: Object.keys(r.metafile.inputs) };
}
