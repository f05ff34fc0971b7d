/**
 * npm run bench [-- --skip-build] [-- --route=/embed/] — how heavy and how fast the built site is
 * (--route, repeatable: only these routes, e.g. while working on one page; the full run is long).
 *
 * 1. wall-clock time of the data pipeline and of the full build;
 * 2. per route, in headless Chromium at 390×844: bytes by type (raw and gzip) and
 *    navigation start → the map's first painted frame;
 * 3. per route, Lighthouse (mobile, performance only): score, LCP, TBT, CLS.
 *
 * Prints a table and writes bench-results/bench.json. Times are reported, never asserted.
 * Everything stays on 127.0.0.1: both browsers get a dead proxy for any other host.
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveStatic, type StaticServer } from './serveStatic';
import { measurePage, BYTE_KINDS, type ByteKind, type ByteTotals, type PageMeasure } from './measurePage';
import { launch, chromiumPath } from '../tests/helpers/browser';

const ROUTES = ['/', '/county/150402/', '/present/', '/embed/'] as const;
const DIST = 'dist';
const OUT_FILE = path.join('bench-results', 'bench.json');
// Lighthouse's Chrome: headless, and no background traffic of its own. The proxy is a port nothing
// listens on, so a request for any host but 127.0.0.1 fails instead of leaving the machine.
const LH_CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=127.0.0.1',
];

interface StepTime {
  command: string;
  ms: number;
}

interface LighthouseFigures {
  /** 0-100, null when Lighthouse could not compute it */
  score: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  warnings: string[];
  offOrigin: string[];
  version: string;
}

interface RouteResult {
  route: string;
  skipped?: string;
  page?: PageMeasure;
  pageError?: string;
  lighthouse?: LighthouseFigures;
  lighthouseError?: string;
}

/** Runs a command, output captured (shown only if it fails), and returns its wall-clock time. */
async function timeCommand(cmd: string, args: string[]): Promise<StepTime> {
  const command = [cmd, ...args].join(' ');
  const t0 = performance.now();
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const ms = Math.round(performance.now() - t0);
  if (code !== 0) {
    console.error(output.split('\n').slice(-40).join('\n'));
    throw new Error(`\`${command}\` exited with ${code}`);
  }
  console.log(`  ${command}: ${ms} ms`);
  return { command, ms };
}

function pageFileFor(root: string, route: string): string {
  return path.join(root, route, 'index.html');
}

/** Only loopback URLs may appear; anything else is listed so a leak is visible. */
function isOffOrigin(url: string): boolean {
  if (/^(data|blob):/.test(url)) return false;
  try {
    return new URL(url).hostname !== '127.0.0.1';
  } catch {
    return true;
  }
}

function numericAudit(lhr: { audits: Record<string, { numericValue?: number }> }, id: string): number | null {
  const v = lhr.audits[id]?.numericValue;
  return typeof v === 'number' ? v : null;
}

async function runLighthouse(url: string): Promise<LighthouseFigures> {
  // a fresh Chrome per route, so no run inherits another's cache or compiled code
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: LH_CHROME_FLAGS, logLevel: 'silent' });
  try {
    // no config: the default is mobile (emulated phone, simulated slow 4G and 4× CPU throttling)
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const score = lhr.categories.performance?.score;
    const requests = lhr.audits['network-requests']?.details;
    const urls =
      requests && requests.type === 'table' ? requests.items.map((i) => i.url).filter((u): u is string => typeof u === 'string') : [];
    const lcp = numericAudit(lhr, 'largest-contentful-paint');
    const tbt = numericAudit(lhr, 'total-blocking-time');
    return {
      score: typeof score === 'number' ? Math.round(score * 100) : null,
      lcpMs: lcp === null ? null : Math.round(lcp),
      tbtMs: tbt === null ? null : Math.round(tbt),
      cls: numericAudit(lhr, 'cumulative-layout-shift'),
      warnings: lhr.runWarnings.map(String),
      offOrigin: urls.filter(isOffOrigin),
      version: lhr.lighthouseVersion,
    };
  } finally {
    chrome.kill();
  }
}

// ---- printing -------------------------------------------------------------------------------

const kib = (b: number): string => (b / 1024).toFixed(1);
const orNa = (v: number | null | undefined, unit = ''): string => (v === null || v === undefined ? 'n/a' : `${v}${unit}`);
const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function printReport(build: { pipeline: StepTime | null; build: StepTime | null }, results: RouteResult[]): void {
  console.log('\n== Build (wall clock)');
  console.log(
    table(
      ['step', 'time'],
      [
        ['pipeline', build.pipeline ? `${(build.pipeline.ms / 1000).toFixed(1)} s` : 'skipped'],
        ['full build', build.build ? `${(build.build.ms / 1000).toFixed(1)} s` : 'skipped'],
      ],
    ),
  );

  const measured = results.filter((r): r is RouteResult & { page: PageMeasure } => r.page !== undefined);
  const cell = (t: ByteTotals) => `${kib(t.raw)} / ${kib(t.gzip)}`;
  console.log('\n== Transferred per route, KiB raw / gzip (fresh cache, 390×844)');
  console.log(
    table(
      ['route', ...BYTE_KINDS.map((k: ByteKind) => k.toUpperCase()), 'TOTAL', 'requests'],
      measured.map((r) => [r.route, ...BYTE_KINDS.map((k) => cell(r.page.bytes[k])), cell(r.page.bytes.total), String(r.page.bytes.total.requests)]),
    ),
  );

  console.log('\n== Speed (Chromium software WebGL; Lighthouse mobile, simulated throttling)');
  console.log(
    table(
      ['route', 'map 1st frame (from in view)', 'load', 'LH perf', 'LCP', 'TBT', 'CLS'],
      results
        .filter((r) => !r.skipped)
        .map((r) => {
          const p = r.page;
          const lh = r.lighthouse;
          const map = !p ? 'error' : p.mapState === null ? 'n/a' : p.mapFirstFrameMs !== null ? `${p.mapFirstFrameMs} ms` : `n/a (${p.mapState})`;
          return [
            r.route,
            map,
            orNa(p?.loadMs, ' ms'),
            lh ? orNa(lh.score) : 'error',
            lh ? orNa(lh.lcpMs, ' ms') : '',
            lh ? orNa(lh.tbtMs, ' ms') : '',
            lh ? orNa(lh.cls === null ? null : Number(lh.cls.toFixed(3))) : '',
          ];
        }),
    ),
  );

  for (const r of results) {
    const notes = [
      r.skipped && `skipped: ${r.skipped}`,
      r.pageError && `page measure failed: ${r.pageError}`,
      r.lighthouseError && `Lighthouse failed: ${r.lighthouseError}`,
      r.page?.offOrigin.length && `blocked off-origin requests: ${r.page.offOrigin.join(', ')}`,
      r.lighthouse?.offOrigin.length && `Lighthouse saw off-origin requests: ${r.lighthouse.offOrigin.join(', ')}`,
      r.page && r.page.documentStatus !== 200 && `page answered HTTP ${r.page.documentStatus}`,
      r.page?.failed.length && `failed requests: ${r.page.failed.join(', ')}`,
      r.page?.responses.some((x) => x.status >= 400) &&
        `error responses: ${r.page.responses.filter((x) => x.status >= 400).map((x) => `${x.status} ${x.url}`).join(', ')}`,
      r.page?.errors.length && `console errors: ${r.page.errors.join(' | ')}`,
      ...(r.lighthouse?.warnings ?? []).map((w) => `Lighthouse warning: ${w}`),
    ].filter((n): n is string => typeof n === 'string');
    for (const n of notes) console.log(`note ${r.route}: ${n}`);
  }
}

// ---- main -----------------------------------------------------------------------------------

async function main(): Promise<number> {
  const skipBuild = process.argv.includes('--skip-build');
  let exitCode = 0;

  console.log('== Building');
  const build = { pipeline: null as StepTime | null, build: null as StepTime | null };
  if (skipBuild) {
    console.log('  --skip-build: measuring the existing dist/');
  } else {
    build.pipeline = await timeCommand('npx', ['tsx', 'data-pipeline/cli.ts']);
    build.build = await timeCommand('npm', ['run', 'build']);
  }

  // Measure a snapshot of dist/: the runs take minutes, and another build may rewrite dist/ meanwhile.
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-dist-'));
  await fs.cp(DIST, root, { recursive: true });

  const only = process.argv.filter((a) => a.startsWith('--route=')).map((a) => a.slice('--route='.length));
  const routes = only.length ? ROUTES.filter((r) => only.includes(r)) : ROUTES;
  const results: RouteResult[] = routes.map((route) =>
    existsSync(pageFileFor(root, route)) ? { route } : { route, skipped: `${pageFileFor(DIST, route)} not built yet` },
  );
  for (const r of results) if (r.skipped) console.log(`  skipping ${r.route}: ${r.skipped}`);
  const live = results.filter((r) => !r.skipped);

  let server: StaticServer | null = null;
  let chromiumVersion = '';
  try {
    server = await serveStatic(root);
    const origin = server.url;

    console.log(`\n== Measuring pages on ${origin}`);
    const browser = await launch();
    chromiumVersion = browser.version();
    try {
      for (const r of live) {
        try {
          r.page = await measurePage(browser, origin, r.route);
          console.log(`  ${r.route}: ${r.page.responses.length} responses, map ${r.page.mapState ?? 'absent'}`);
        } catch (e) {
          r.pageError = errText(e);
          console.error(`  ${r.route}: page measure failed: ${r.pageError}`);
          exitCode = 1;
        }
      }
    } finally {
      await browser.close();
    }

    console.log('\n== Lighthouse (mobile, performance)');
    for (const r of live) {
      try {
        r.lighthouse = await runLighthouse(origin + r.route);
        console.log(`  ${r.route}: score ${orNa(r.lighthouse.score)}`);
      } catch (e) {
        // a Lighthouse failure is reported, not fatal: the other figures still stand
        r.lighthouseError = errText(e);
        console.error(`  ${r.route}: Lighthouse failed: ${r.lighthouseError}`);
      }
    }
  } finally {
    await server?.close();
    await fs.rm(root, { recursive: true, force: true });
  }

  printReport(build, results);

  await fs.mkdir(path.dirname(OUT_FILE), { recursive: true });
  const report = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    chromium: chromiumVersion,
    lighthouse: results.find((r) => r.lighthouse)?.lighthouse?.version ?? null,
    build: { pipelineMs: build.pipeline?.ms ?? null, buildMs: build.build?.ms ?? null },
    routes: results,
  };
  await fs.writeFile(OUT_FILE, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nwrote ${OUT_FILE}`);
  return exitCode;
}

process.exitCode = await main().catch((e: unknown) => {
  console.error(`bench failed: ${errText(e)}`);
  return 1;
});
