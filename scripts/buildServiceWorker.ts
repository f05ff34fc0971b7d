/**
 * The last step of every build (run by scripts/astroPublish.ts when `astro build` is done; also
 * `tsx scripts/buildServiceWorker.ts [distDir]` on its own): makes dist/ one release that works
 * offline after one visit and updates whole.
 *
 * 1. Transpiles src/client/registerSw.ts to dist/register-sw.js (loaded by Base.astro with an
 *    is:inline module script; see that file for why it is not an Astro-processed script).
 * 2. Lists every file in dist/ with a SHA-256 content hash, by its path under the site's folder
 *    (pages by their folder: dist/county/150402/index.html -> "county/150402/", the home page "").
 *    Paths are relative, so the same files work under any BASE_PATH.
 * 3. The release is a hash of that list (with each page's own release stamp blanked) and of the
 *    worker's template: the same build gives the same release byte for byte, any changed file a
 *    new one. Every page is stamped with it (<meta name="atlas-release">), so a page can tell
 *    whether the worker now in charge is its own build (src/client/registerSw.ts).
 * 4. Writes dist/sw.js (from scripts/sw.template.js) precaching the files a visitor needs
 *    offline, and dist/release.json listing every file with its hash, for `npm run check:deploy`.
 *
 * Not precached: the link-preview cards (og/, fetched by chat apps, not visitors), sitemap.xml,
 * release.json, and the plain names of data files whose content-versioned twin is precached
 * (the worker answers a plain name from its twin when offline).
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { unversioned } from '../src/lib/dataFiles';

export interface PrecacheEntry {
  /** path under the site's folder, percent-encoded as a browser's URL parser writes it; "" = home page */
  url: string;
  /** first 16 hex digits of the SHA-256 of the file as served */
  hash: string;
  bytes: number;
  /** in the service worker's offline copy */
  offline: boolean;
}

export interface Release {
  release: string;
  /** SITE_URL and BASE_PATH the build was made for (null: SITE_URL unset) */
  site: string | null;
  base: string;
  files: PrecacheEntry[];
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REGISTER_SRC = path.join(ROOT, 'src/client/registerSw.ts');
const TEMPLATE_FILE = path.join(ROOT, 'scripts/sw.template.js');
export const REGISTER_FILE = 'register-sw.js';
export const SW_FILE = 'sw.js';
export const RELEASE_FILE = 'release.json';
/** what Base.astro writes into <meta name="atlas-release">; this step replaces it */
export const RELEASE_PLACEHOLDER = '__ATLAS_RELEASE__';
const RELEASE_META = /(<meta name="atlas-release" content=")([^"]*)(")/g;

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const d of await fs.readdir(dir, { withFileTypes: true })) {
    if (d.name.startsWith('.')) continue;
    const p = path.join(dir, d.name);
    if (d.isDirectory()) out.push(...(await walk(p)));
    else if (d.isFile()) out.push(p);
  }
  return out;
}

/** dist-relative file path (with /) -> its path under the site's folder, as a browser encodes it. */
export function urlOf(rel: string): string {
  let p = rel;
  if (p === 'index.html') p = '';
  else if (p.endsWith('/index.html')) p = p.slice(0, -'index.html'.length);
  // encode exactly as a browser's URL parser does, so the worker can compare with url.pathname
  return new URL(p.replace(/%/g, '%25').replace(/#/g, '%23').replace(/\?/g, '%3F'), 'http://x/').pathname.slice(1);
}

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** Every file of the build except sw.js and release.json, sorted by URL (code-unit order). */
export async function listEntries(dist: string): Promise<{ entries: PrecacheEntry[]; normalised: string }> {
  const files = await walk(dist);
  const rows: { entry: PrecacheEntry; normHash: string }[] = [];
  const rels = new Set(files.map((f) => path.relative(dist, f).split(path.sep).join('/')));
  for (const f of files) {
    const rel = path.relative(dist, f).split(path.sep).join('/');
    if (rel === SW_FILE || rel === RELEASE_FILE) continue;
    const body = await fs.readFile(f);
    const hash = sha(body).slice(0, 16);
    // the release must not depend on itself: pages count with their stamp blanked
    const normHash = rel.endsWith('.html') ? sha(body.toString('utf8').replace(RELEASE_META, `$1${RELEASE_PLACEHOLDER}$3`)).slice(0, 16) : hash;
    const plainTwin = rel.startsWith('data/') && unversioned(rel) === null && [...rels].some((r) => r !== rel && unversioned(r) === rel);
    const offline = !(rel.startsWith('og/') || rel === 'sitemap.xml' || plainTwin);
    rows.push({ entry: { url: urlOf(rel), hash, bytes: body.length, offline }, normHash });
  }
  rows.sort((a, b) => (a.entry.url < b.entry.url ? -1 : a.entry.url > b.entry.url ? 1 : 0));
  const normalised = rows.map((r) => `${r.entry.url}\t${r.normHash}\t${r.entry.offline ? 1 : 0}`).join('\n');
  return { entries: rows.map((r) => r.entry), normalised };
}

/** sw.js for these entries and this release: a pure function of both and of the template. */
export function renderServiceWorker(template: string, release: string, entries: PrecacheEntry[]): string {
  const list = entries.filter((e) => e.offline).map((e) => `  [${JSON.stringify(e.url)}, ${JSON.stringify(e.hash)}],`).join('\n');
  return template.replace('__VERSION__', () => release).replace('__PRECACHE__', () => list);
}

export const releaseOf = (template: string, normalised: string): string => sha(`${template}\0${normalised}`).slice(0, 12);

/** src/client/registerSw.ts -> plain JavaScript (it has no imports, so no bundling is needed). */
export async function renderRegisterScript(): Promise<string> {
  const src = await fs.readFile(REGISTER_SRC, 'utf8');
  const out = ts.transpileModule(src, {
    fileName: 'registerSw.ts',
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext, removeComments: true, newLine: ts.NewLineKind.LineFeed },
  });
  if (out.diagnostics?.length) {
    throw new Error(`src/client/registerSw.ts: ${out.diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ')}`);
  }
  return `// Generated from src/client/registerSw.ts by scripts/buildServiceWorker.ts — do not edit.\n${out.outputText}`;
}

/** What the files of dist/ say about their release, recomputed from scratch (tests, check:deploy). */
export async function planRelease(dist: string): Promise<{ release: string; entries: PrecacheEntry[]; sw: string }> {
  const template = await fs.readFile(TEMPLATE_FILE, 'utf8');
  const { entries, normalised } = await listEntries(dist);
  const release = releaseOf(template, normalised);
  return { release, entries, sw: renderServiceWorker(template, release, entries) };
}

export async function buildServiceWorker(dist = path.join(ROOT, 'dist'), publish: { site: string | null; base: string } = { site: null, base: '/' }) {
  if (!(await fs.stat(path.join(dist, 'index.html')).catch(() => null))) {
    throw new Error(`${dist}/index.html is missing: run \`astro build\` first.`);
  }
  await fs.writeFile(path.join(dist, REGISTER_FILE), await renderRegisterScript());
  const template = await fs.readFile(TEMPLATE_FILE, 'utf8');
  const { normalised } = await listEntries(dist);
  const release = releaseOf(template, normalised);
  // stamp every page with the release, then list again: the precache holds the stamped pages
  let stamped = 0;
  for (const f of (await walk(dist)).filter((x) => x.endsWith('.html'))) {
    const html = await fs.readFile(f, 'utf8');
    const next = html.replace(RELEASE_META, `$1${release}$3`);
    if (next !== html) await fs.writeFile(f, next);
    if (html.includes('<meta name="atlas-release"')) stamped++;
  }
  if (stamped === 0) throw new Error('no page carries <meta name="atlas-release">: Base.astro must write it');
  const { entries } = await listEntries(dist);
  await fs.writeFile(path.join(dist, SW_FILE), renderServiceWorker(template, release, entries));
  const manifest: Release = { release, site: publish.site, base: publish.base, files: entries };
  await fs.writeFile(path.join(dist, RELEASE_FILE), JSON.stringify(manifest, null, 0).replace(/\},\{/g, '},\n{') + '\n');
  const offline = entries.filter((e) => e.offline);
  return { entries, release, offline, bytes: offline.reduce((n, e) => n + e.bytes, 0) };
}

export function describe(r: Awaited<ReturnType<typeof buildServiceWorker>>): string {
  const pages = r.offline.filter((e) => e.url === '' || e.url.endsWith('/') || e.url.endsWith('.html')).length;
  return `release ${r.release}: sw.js precaches ${r.offline.length} files (${pages} pages), ${(r.bytes / 1024 / 1024).toFixed(2)} MB uncompressed; release.json lists ${r.entries.length} files`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const dist = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
  try {
    const prev = JSON.parse(await fs.readFile(path.join(dist, RELEASE_FILE), 'utf8').catch(() => '{}')) as Partial<Release>;
    console.log(describe(await buildServiceWorker(dist, { site: prev.site ?? null, base: prev.base ?? '/' })));
  } catch (err) {
    console.error(`buildServiceWorker: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
