/**
 * The pipeline's only entry and the only code that touches the file system:
 * Load (read every input) -> Process (runPipeline) -> Save (write to a temporary folder,
 * then swap it in, so a failed run leaves the previous output byte-identical).
 *
 *   npm run data                                  defaults
 *   npm run data -- --input DIR --out DIR         read and write elsewhere
 *   npm run data -- --progress FILE [--progress FILE2 …]   actual figures from these files instead of
 *                                                 input/progress/ (paths as given: relative to the working directory)
 *   npm run data -- --example-progress            use the demonstration file (marked 示例数据)
 *
 * Progress figures: every .xlsx and .csv in input/progress/ (see progressFileKind for what is skipped).
 */
import { localDate } from '../src/domain/format';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as C from './config';
import { runPipeline } from './pipeline';
import { PipelineError, ProgressRejected } from './errors';
import { progressFileKind } from '../src/domain/progressTable';

export interface CliIO {
  log: (msg: string) => void;
  error: (msg: string) => void;
}



/** What a directory entry is, in words, for messages about files that are not regular files. */
function specialKind(st: import('node:fs').Stats): { zh: string; en: string } | null {
  if (st.isFIFO()) return { zh: '命名管道（FIFO）', en: 'a named pipe (FIFO)' };
  if (st.isSocket()) return { zh: '套接字（socket）', en: 'a socket' };
  if (st.isCharacterDevice() || st.isBlockDevice()) return { zh: '设备文件', en: 'a device file' };
  return null;
}

/** The files the pipeline reads, relative to the input folder: nothing else is read or published. */
const KNOWN_FILES = new Set(
  (function flat(v: unknown): string[] {
    return typeof v === 'string' ? [v] : Object.values(v as Record<string, unknown>).flatMap(flat);
  })({ ...C.INPUT_FILES, progressDir: [] }),
);
/** a known input file, or any file of the progress folder (which files of it are progress figures is decided below) */
export const isKnownInput = (rel: string) => KNOWN_FILES.has(rel) || rel.startsWith(`${C.INPUT_FILES.progressDir}/`);

/** the size limit of one input file, bytes */
const limitOf = (p: string) => Object.entries(C.MAX_INPUT_BYTES_BY_PREFIX).find(([prefix]) => p.startsWith(prefix))?.[1] ?? C.MAX_INPUT_BYTES;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(b < 1024 * 1024 ? 2 : 1)} MB`;

/** Refuse a file over its size limit, before a byte of it is read. */
function checkSize(rel: string, shown: string, size: number, limit = limitOf(rel)): void {
  if (size <= limit) return;
  const hint = /\.csv$/i.test(rel)
    ? '这个文件通常只有几 KB：是否存错了文件，或表格里有大量空行？'
    : /json$/i.test(rel) ? '几何是否过于详细？请先简化（例如 mapshaper -simplify）。' : '是否存错了文件？';
  throw new PipelineError(
    shown,
    `文件过大：${mb(size)}，上限 ${mb(limit)}。${hint} / file too large: ${size.toLocaleString('en-US')} bytes, the limit is ${limit.toLocaleString('en-US')}`,
  );
}

/** One file given on the command line, with the same checks as the input folder's: no special file, size limit. */
async function readChecked(p: string, shown: string, limit: number): Promise<Uint8Array> {
  const st = await fs.stat(p);
  const special = specialKind(st);
  if (special) throw new PipelineError(shown, `这不是普通文件，而是${special.zh}，无法读取 / not a regular file but ${special.en}: refused`);
  checkSize(p, shown, st.size, limit);
  return new Uint8Array(await fs.readFile(p));
}

/**
 * Load: look through the input folder without reading anything (no hidden folder is entered), refuse
 * special files (a FIFO would hang the read), then read only the inputs the pipeline knows, each
 * checked against its size limit before a byte is read. Returns the files and what was skipped.
 */
export async function loadInputs(dir: string, isKnown: (rel: string) => boolean, show: (p: string) => string): Promise<{ files: Map<string, Uint8Array>; skipped: string[] }> {
  const entries = new Map<string, import('node:fs').Stats>();
  const skipped: string[] = [];
  const walk = async (sub: string, depth: number): Promise<void> => {
    for (const e of (await fs.readdir(path.join(dir, sub), { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      const st = await fs.stat(path.join(dir, rel)).catch(() => null); // follows links; null when broken
      if (!st) {
        if (isKnown(rel)) throw new PipelineError(show(rel), '链接指向的文件不存在 / a link to a file that does not exist');
        skipped.push(rel);
        continue;
      }
      const special = specialKind(st);
      // reading a FIFO would wait for a writer for ever: refuse it before any read
      if (special) throw new PipelineError(show(rel), `这不是普通文件，而是${special.zh}，无法读取：请把它移出输入目录 / not a regular file but ${special.en}: refused`);
      if (st.isDirectory()) {
        // hidden folders (.git/) and links to folders are never entered; the inputs sit two levels deep at most
        if (e.name.startsWith('.') || e.isSymbolicLink() || depth >= 3) skipped.push(`${rel}/`);
        else await walk(rel, depth + 1);
        continue;
      }
      entries.set(rel, st);
    }
  };
  await walk('', 0);
  const files = new Map<string, Uint8Array>();
  for (const [rel, st] of entries) {
    if (!isKnown(rel)) continue;
    checkSize(rel, show(rel), st.size);
    files.set(rel, new Uint8Array(await fs.readFile(path.join(dir, rel))));
  }
  for (const rel of entries.keys()) if (!isKnown(rel)) skipped.push(rel);
  return { files, skipped: skipped.sort() };
}

export function parseArgs(argv: string[]): { input: string; out: string; progress: string[]; example: boolean } {
  const a: { input: string; out: string; progress: string[]; example: boolean } = {
    input: C.DEFAULT_INPUT_DIR,
    out: C.DEFAULT_OUT_DIR,
    progress: [],
    example: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const next = () => {
      const v = argv[++i];
      if (!v) throw new Error(`${k} needs a value`);
      return v;
    };
    if (k === '--input') a.input = next();
    else if (k === '--out') a.out = next();
    else if (k === '--progress') a.progress.push(next());
    else if (k === '--example-progress') a.example = true;
    else throw new Error(`unknown option ${k} (known: --input DIR, --out DIR, --progress FILE, --example-progress)`);
  }
  if (a.example && a.progress.length) throw new Error('--progress and --example-progress exclude each other');
  return a;
}

/** Returns the exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const t0 = performance.now();
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.error(`data: ${(e as Error).message}`);
    return 2;
  }
  const displayDir = args.input.replace(/\/$/, '');
  let outputs: Map<string, string | Uint8Array>;
  try {
    let loaded: Awaited<ReturnType<typeof loadInputs>>;
    try {
      loaded = await loadInputs(args.input, isKnownInput, (p) => `${displayDir}/${p}`);
    } catch (e) {
      if (e instanceof PipelineError) throw e;
      io.error(`data: cannot read input folder ${args.input}: ${(e as Error).message}`);
      return 2;
    }
    if (loaded.skipped.length) {
      const names = loaded.skipped.slice(0, 12).join(', ') + (loaded.skipped.length > 12 ? `, … (${loaded.skipped.length} in all)` : '');
      io.log(`data: 未读取（不是本管道的输入）/ not read, not an input of the pipeline: ${names}`);
    }
    const files = loaded.files;
    // progress files: the demonstration file, the files given, or every .xlsx/.csv of input/progress/
    const progressFiles: { name: string; bytes: Uint8Array; inInput?: string }[] = [];
    if (args.example) {
      const bytes = files.get(C.INPUT_FILES.exampleProgress);
      if (!bytes) {
        io.error(`data: the demonstration file ${displayDir}/${C.INPUT_FILES.exampleProgress} is missing`);
        return 2;
      }
      progressFiles.push({ name: `${displayDir}/${C.INPUT_FILES.exampleProgress}`, bytes, inInput: C.INPUT_FILES.exampleProgress });
    } else if (args.progress.length) {
      for (const p of args.progress) {
        let bytes: Uint8Array;
        try {
          bytes = await readChecked(p, p, limitOf(`${C.INPUT_FILES.progressDir}/`));
        } catch (e) {
          if (e instanceof PipelineError) throw e;
          io.error(`data: 无法读取进展数据文件 ${p}（cannot read progress file: ${(e as Error).message}）`);
          return 2;
        }
        progressFiles.push({ name: p, bytes });
      }
    } else {
      const skipped: string[] = [];
      for (const [f, bytes] of [...files].filter(([f]) => f.startsWith(`${C.INPUT_FILES.progressDir}/`)).sort(([a], [b]) => a.localeCompare(b))) {
        if (progressFileKind(f) === 'skip') skipped.push(f);
        else progressFiles.push({ name: `${displayDir}/${f}`, bytes, inInput: f });
      }
      const named = skipped.filter((f) => !/(^|\/)readme[^/]*$/i.test(f));
      if (named.length) io.log(`data: 进展数据目录中未读取（不是 .xlsx 或 .csv）：${named.join(', ')}`);
    }
    outputs = await runPipeline({
      files,
      progress: { files: progressFiles, example: args.example },
      currentYear: new Date().getFullYear(),
      today: localDate(new Date()),
      displayDir,
      log: io.log,
    });
  } catch (e) {
    if (e instanceof PipelineError) {
      const had = await fs.stat(args.out).then(() => true, () => false);
      const kept = had ? `${args.out}/ still holds the last good output.` : `${args.out}/ was not created.`;
      // a refused progress file is read by the official who made it: say it in Chinese too
      const keptZh =
        e instanceof ProgressRejected
          ? `\n未写入任何文件${had ? `；${args.out}/ 仍是上一次的正确输出` : ''}。请按上面的说明改正后重新提交。`
          : '';
      io.error(`data: rejected input\n  ${e.message.replace(/\n/g, '\n  ')}${keptZh}\nNothing was written; ${kept}`);
      return 1;
    }
    // not an input error but a fault of the pipeline itself: say so first, details for developers after
    io.error(`data: failed: the pipeline hit an error it does not know how to explain (a bug, please report it): ${(e as Error).message}\nNothing was written.\n--- for developers ---\n${(e as Error).stack ?? e}`);
    return 1;
  }
  // Save: a sibling temp folder, then two renames, so readers never see half an output
  const out = path.resolve(args.out);
  const tmp = `${out}.tmp-${process.pid}`;
  const old = `${out}.old-${process.pid}`;
  const existed = await fs.stat(out).then(() => true, () => false);
  let moved = false;
  try {
    await fs.rm(tmp, { recursive: true, force: true });
    await fs.mkdir(tmp, { recursive: true });
    for (const [name, content] of outputs) await fs.writeFile(path.join(tmp, name), content);
    if (existed) {
      await fs.rename(out, old);
      moved = true;
    }
    await fs.rename(tmp, out);
    if (existed) await fs.rm(old, { recursive: true, force: true });
  } catch (e) {
    // put the last good output back and leave no debris
    if (moved) await fs.rename(old, out).catch(() => {});
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => {});
    io.error(`data: could not write ${args.out}/: ${(e as Error).message}\nThe previous output was kept.`);
    return 1;
  }
  const ms = Math.round(performance.now() - t0);
  io.log(`data: wrote ${outputs.size} files to ${args.out}/ in ${ms} ms${args.example ? ' (progress: EXAMPLE data)' : ''}`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2), { log: console.log, error: console.error }).then((code) => process.exit(code));
}
