import { existsSync } from 'node:fs';
import { serveStatic, type StaticServer } from '../../scripts/serveStatic';

/** Serve the built dist/ (npm test builds it first). */
export async function serveDist(): Promise<StaticServer> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  return serveStatic('dist');
}
