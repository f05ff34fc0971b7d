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


async function listFiles(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p, base)));
    else out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out;
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
  const files = new Map<string, Uint8Array>();
  try {
    for (const f of await listFiles(args.input)) files.set(f, new Uint8Array(await fs.readFile(path.join(args.input, f))));
  } catch (e) {
    io.error(`data: cannot read input folder ${args.input}: ${(e as Error).message}`);
    return 2;
  }
  // progress files: the demonstration file, the files given, or every .xlsx/.csv of input/progress/
  const displayDir = args.input.replace(/\/$/, '');
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
      try {
        progressFiles.push({ name: p, bytes: new Uint8Array(await fs.readFile(p)) });
      } catch (e) {
        io.error(`data: 无法读取进展数据文件 ${p}（cannot read progress file: ${(e as Error).message}）`);
        return 2;
      }
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
  let outputs: Map<string, string | Uint8Array>;
  try {
    outputs = await runPipeline({
      files,
      progress: { files: progressFiles, example: args.example },
      currentYear: new Date().getFullYear(),
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
    io.error(`data: failed: ${(e as Error).stack ?? e}\nNothing was written.`);
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
