/**
 * npm run check:deploy -- URL [--dist DIR] [--all]
 *
 * Walks every file of a deployed copy of the site and says what a visitor's browser would meet:
 * for each page, script, stylesheet, data file, map and card — its HTTP status, its content
 * type (against what browsers need, scripts/mimeTypes.ts), whether it is compressed, and whether
 * its bytes are the build's (SHA-256 against release.json). Also the service worker: found, a
 * JavaScript type, and not cached by the host (or updates reach visitors late).
 *
 *   URL     the address of the site's home page, e.g. https://www.example.gov.cn/jieshui/
 *   --dist  the build to compare with (default ./dist when it exists): its release.json is the
 *           list to walk, and a deployed copy of another build is reported as stale. Without a
 *           local build, the deployed release.json is the list.
 *   --all   print every file, not only the problems
 *
 * Exit code 0: nothing broken (warnings may remain); 1: errors (missing, wrong type where
 * browsers refuse it, stale or changed files); 2: cannot run (bad arguments, no release.json).
 */
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { kindOf } from './mimeTypes';
import type { PrecacheEntry, Release } from './buildServiceWorker';

export type Level = 'ok' | 'warn' | 'error';

export interface FileReport {
  url: string;
  status: number | null;
  type: string | null;
  encoding: string | null;
  level: Level;
  problems: string[];
}

export interface DeployReport {
  site: string;
  release: { deployed: string | null; local: string | null };
  files: FileReport[];
  /** problems not tied to one file (stale release, sw.js caching) */
  general: { level: Level; text: string }[];
  errors: number;
  warnings: number;
}

const worst = (a: Level, b: Level): Level => (a === 'error' || b === 'error' ? 'error' : a === 'warn' || b === 'warn' ? 'warn' : 'ok');
const sha16 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex').slice(0, 16);
/** text files smaller than this are not worth a warning when sent uncompressed */
const COMPRESS_MIN_BYTES = 1024;
/** pages a browser may keep longer than this (seconds) reach returning visitors late */
const PAGE_MAX_AGE_S = 600;

function maxAge(cacheControl: string | null): number | null {
  if (!cacheControl) return null;
  if (/no-cache|no-store|must-revalidate/.test(cacheControl)) return 0;
  const m = /max-age=(\d+)/.exec(cacheControl);
  return m ? Number(m[1]) : null;
}

async function get(url: string): Promise<{ status: number | null; headers: Headers | null; body: Uint8Array; error?: string }> {
  try {
    // fetch decompresses gzip/br itself; content-encoding still says what came over the wire
    const res = await fetch(url, { headers: { 'accept-encoding': 'gzip, br' }, redirect: 'follow', cache: 'no-store' });
    return { status: res.status, headers: res.headers, body: new Uint8Array(await res.arrayBuffer()) };
  } catch (e) {
    return { status: null, headers: null, body: new Uint8Array(), error: (e as Error).message };
  }
}

/** One file: status, type, compression, bytes. */
export async function checkFile(site: string, e: PrecacheEntry): Promise<FileReport> {
  const url = new URL(e.url, site).href;
  const r = await get(url);
  const rep: FileReport = { url: e.url, status: r.status, type: r.headers?.get('content-type') ?? null, encoding: r.headers?.get('content-encoding') ?? null, level: 'ok', problems: [] };
  const add = (level: Level, text: string) => {
    rep.level = worst(rep.level, level);
    rep.problems.push(text);
  };
  if (r.status === null) {
    add('error', `无法连接 cannot fetch: ${r.error}`);
    return rep;
  }
  if (r.status === 404) {
    add('error', '缺失 missing (404)');
    return rep;
  }
  if (r.status !== 200) {
    add('error', `HTTP ${r.status}`);
    return rep;
  }
  const file = e.url === '' || e.url.endsWith('/') ? 'index.html' : e.url;
  const kind = kindOf(file);
  const media = (rep.type ?? '').split(';')[0].trim().toLowerCase();
  if (kind && !kind.accept.includes(media)) {
    add(kind.strict ? 'error' : 'warn', `类型错误 wrong type: ${rep.type ?? '(none)'}, expected ${kind.type}${kind.strict ? ' (browsers refuse it)' : ''}`);
  }
  if (kind?.text && e.bytes >= COMPRESS_MIN_BYTES && !/gzip|br|deflate|zstd/.test(rep.encoding ?? '')) {
    add('warn', `未压缩 not compressed (${(e.bytes / 1024).toFixed(0)} KB)`);
  }
  const got = sha16(r.body);
  if (got !== e.hash) add('error', `过期或不同 stale or changed: content differs from the build (${r.body.length} bytes, expected ${e.bytes})`);
  if (file.endsWith('.html')) {
    const age = maxAge(r.headers!.get('cache-control'));
    if (age !== null && age > PAGE_MAX_AGE_S) add('warn', `页面缓存过久 pages cached ${age} s: returning visitors see updates late (use no-cache or ≤ ${PAGE_MAX_AGE_S} s)`);
  }
  return rep;
}

async function pool<T, R>(items: T[], n: number, f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await f(items[i]);
      }
    }),
  );
  return out;
}

export async function checkDeploy(siteArg: string, distDir: string | null): Promise<DeployReport> {
  const site = siteArg.endsWith('/') ? siteArg : `${siteArg}/`;
  const general: DeployReport['general'] = [];
  const local: Release | null = distDir && existsSync(path.join(distDir, 'release.json')) ? JSON.parse(await fs.readFile(path.join(distDir, 'release.json'), 'utf8')) : null;
  const dep = await get(new URL('release.json', site).href);
  let deployed: Release | null = null;
  if (dep.status === 200) {
    try {
      deployed = JSON.parse(new TextDecoder().decode(dep.body)) as Release;
    } catch {
      general.push({ level: 'error', text: 'release.json 无法解析 is not valid JSON' });
    }
  } else {
    general.push({ level: 'error', text: `release.json: ${dep.status ?? dep.error} — 不是本站的文件夹，或 dist/ 没有整体复制 · not the site's folder, or dist/ was not copied whole` });
  }
  const list = local ?? deployed;
  if (!list) throw new Error(`no list of files: ${new URL('release.json', site).href} answered ${dep.status ?? dep.error}, and there is no local build (--dist)`);
  if (local && deployed && local.release !== deployed.release) {
    general.push({ level: 'error', text: `版本不同 stale deployment: the server has release ${deployed.release}, this build is ${local.release}` });
  }
  if (list.site && new URL(list.site).href !== new URL(site).href) {
    general.push({ level: 'warn', text: `构建地址不同 built for SITE_URL=${list.site}, checked at ${site}: QR codes and canonical links point there` });
  }
  if (!list.site) general.push({ level: 'warn', text: '构建时未设置 SITE_URL · built without SITE_URL: no QR codes, canonical links or link previews' });

  // the service worker: not in the list (it lists the others), checked on its own
  const sw = await get(new URL('sw.js', site).href);
  if (sw.status !== 200) general.push({ level: 'error', text: `sw.js: ${sw.status ?? sw.error} — 无离线副本 no offline copy` });
  else {
    const media = (sw.headers!.get('content-type') ?? '').split(';')[0].trim();
    if (!kindOf('sw.js')!.accept.includes(media)) general.push({ level: 'error', text: `sw.js 类型错误 wrong type ${media}: the browser refuses to install it` });
    const age = maxAge(sw.headers!.get('cache-control'));
    if (age === null || age > 0) general.push({ level: 'warn', text: `sw.js cache-control "${sw.headers!.get('cache-control') ?? '(none)'}": 建议 no-cache · serve sw.js with Cache-Control: no-cache` });
    if (distDir && existsSync(path.join(distDir, 'sw.js')) && sha16(sw.body) !== sha16(await fs.readFile(path.join(distDir, 'sw.js')))) {
      general.push({ level: 'error', text: 'sw.js 与本地构建不同 differs from the local build (stale?)' });
    }
  }
  const files = await pool(list.files, 6, (e) => checkFile(site, e));
  const levels = [...files.map((f) => f.level), ...general.map((g) => g.level)];
  return {
    site,
    release: { deployed: deployed?.release ?? null, local: local?.release ?? null },
    files,
    general,
    errors: levels.filter((l) => l === 'error').length,
    warnings: levels.filter((l) => l === 'warn').length,
  };
}

export function formatReport(r: DeployReport, all = false): string {
  const out: string[] = [];
  out.push(`check:deploy ${r.site}`);
  out.push(`  release: server ${r.release.deployed ?? '—'}, local build ${r.release.local ?? '—'}`);
  // by kind: how many, which types came back, how many compressed
  const groups = new Map<string, FileReport[]>();
  for (const f of r.files) {
    const g = f.url === '' || f.url.endsWith('/') ? 'pages' : f.url.startsWith('_astro/') ? '_astro' : f.url.split('/')[0].includes('.') ? 'root' : f.url.split('/')[0];
    groups.set(g, [...(groups.get(g) ?? []), f]);
  }
  out.push('');
  out.push('  files      count  ok  problems  types                                 compressed');
  for (const [g, fs_] of groups) {
    const types = [...new Set(fs_.map((f) => (f.type ?? '—').split(';')[0]))].join(', ');
    const comp = fs_.filter((f) => f.encoding).length;
    const bad = fs_.filter((f) => f.level !== 'ok').length;
    out.push(`  ${g.padEnd(10)} ${String(fs_.length).padStart(5)} ${String(fs_.length - bad).padStart(3)} ${String(bad).padStart(9)}  ${types.slice(0, 36).padEnd(36)}  ${comp}/${fs_.length}`);
  }
  const shown = all ? r.files : r.files.filter((f) => f.level !== 'ok');
  if (r.general.length || shown.length) out.push('');
  for (const g of r.general) out.push(`  ${g.level === 'error' ? 'ERROR' : 'warn '} ${g.text}`);
  for (const f of shown) {
    const head = `/${f.url}  ${f.status ?? '—'}  ${f.type ?? '—'}${f.encoding ? `  ${f.encoding}` : ''}`;
    out.push(`  ${f.level === 'error' ? 'ERROR' : f.level === 'warn' ? 'warn ' : 'ok   '} ${head}`);
    for (const p of f.problems) out.push(`          ${p}`);
  }
  out.push('');
  out.push(`  ${r.files.length} files + sw.js: ${r.errors} errors, ${r.warnings} warnings${r.errors ? '' : ' — 可以发布 ready'}`);
  return out.join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const all = args.includes('--all');
  const di = args.indexOf('--dist');
  const dist = di >= 0 ? args[di + 1] : existsSync('dist/release.json') ? 'dist' : null;
  const url = args.find((a, i) => !a.startsWith('--') && (di < 0 || i !== di + 1));
  if (!url || !/^https?:\/\//.test(url)) {
    console.error('usage: npm run check:deploy -- https://www.example.gov.cn/jieshui/ [--dist DIR] [--all]');
    process.exit(2);
  }
  try {
    const r = await checkDeploy(url, dist);
    console.log(formatReport(r, all));
    process.exit(r.errors ? 1 : 0);
  } catch (e) {
    console.error(`check:deploy: ${(e as Error).message}`);
    process.exit(2);
  }
}

if (process.argv[1] && /checkDeploy\.ts$/.test(process.argv[1])) void main();
