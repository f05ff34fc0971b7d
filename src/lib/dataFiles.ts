/**
 * Content-versioned names of the pipeline's output files, at build time.
 *
 * Every page links its data by a name that carries the file's hash
 * ("counties.topojson" -> "counties.3f9a0c1b2d.topojson"), written next to the plain name by the
 * build (scripts/astroPublish.ts). A page, its map, its table and its downloads therefore always
 * come from one build: a republished page names new files, a cached old page still names the old
 * ones, and no browser, proxy or CDN cache can hand out a stale copy under a new page. The plain
 * names stay for links people keep ("/data/indicators.csv").
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** hex digits of the SHA-256 in a versioned name: 40 bits, no collision among a build's files */
export const DATA_HASH_LENGTH = 10;

/** the folder the pipeline wrote (ATLAS_DATA_DIR lets a test build from another output) */
export const dataDir = (): string => path.resolve(process.env.ATLAS_DATA_DIR ?? 'public/data');

/** "a.en.svg" + hash -> "a.en.<hash>.svg"; a name without an extension gets ".<hash>" */
export function versioned(file: string, hash: string): string {
  const dot = file.lastIndexOf('.');
  // a dot that starts the file's own name (".x") is not an extension
  return dot > file.lastIndexOf('/') + 1 ? `${file.slice(0, dot)}.${hash}${file.slice(dot)}` : `${file}.${hash}`;
}

/** "a.en.<hash>.svg" -> "a.en.svg", or null when the name carries no hash */
export function unversioned(file: string): string | null {
  const re = new RegExp(`^(.*)\\.[0-9a-f]{${DATA_HASH_LENGTH}}(\\.[^./]+)?$`);
  const m = re.exec(file);
  return m ? m[1] + (m[2] ?? '') : null;
}

export const contentHash = (body: Uint8Array): string => createHash('sha256').update(body).digest('hex').slice(0, DATA_HASH_LENGTH);

const cache = new Map<string, string>();

/** The versioned name of a file of the data folder; throws if the pipeline did not write it. */
export function versionedDataName(file: string): string {
  let name = cache.get(file);
  if (!name) {
    const p = path.join(dataDir(), file);
    if (!fs.existsSync(p)) throw new Error(`${p} is missing: a page links to a data file the pipeline did not write`);
    name = versioned(file, contentHash(fs.readFileSync(p)));
    cache.set(file, name);
  }
  return name;
}
