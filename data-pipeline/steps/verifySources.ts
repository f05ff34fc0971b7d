import { PipelineError } from '../errors';
import { sha256 } from './buildManifest';

/**
 * SOURCES.md -> the sha256 it records for each input, from its table rows
 * "| `file` | origin | licence | taken | <64 hex digits> |". Rows that say "see manifest" record none.
 */
export function recordedHashes(sourcesMd: string): Map<string, { sha256: string; line: number }> {
  const out = new Map<string, { sha256: string; line: number }>();
  sourcesMd.split('\n').forEach((l, i) => {
    const m = /^\|\s*`([^`]+)`\s*\|.*\|\s*([0-9a-f]{64})\s*\|\s*$/.exec(l.trim());
    if (m) out.set(m[1], { sha256: m[2], line: i + 1 });
  });
  return out;
}

/**
 * Every input whose sha256 SOURCES.md records must have exactly those bytes, checked before
 * anything is read from it: above all the document's text copy, against which the targets' quotes
 * are checked; a quote "found" in an edited copy would prove nothing. `required` inputs must have
 * a recorded hash at all.
 */
export function verifySources(
  sourcesMd: string,
  sourcesFile: string,
  files: Map<string, Uint8Array>,
  show: (p: string) => string,
  required: readonly string[],
): void {
  const recorded = recordedHashes(sourcesMd);
  for (const r of required) {
    if (!recorded.has(r)) throw new PipelineError(sourcesFile, `没有记录 ${r} 的 sha256 / records no sha256 for ${r}`, { field: r });
  }
  for (const [p, { sha256: want, line }] of recorded) {
    const b = files.get(p);
    if (!b) throw new PipelineError(show(p), `SOURCES.md 第 ${line} 行记录了这个文件，但找不到它 / listed in SOURCES.md (line ${line}) but not found`);
    const got = sha256(b);
    if (got !== want) {
      throw new PipelineError(
        show(p),
        `内容与 SOURCES.md 第 ${line} 行记录的 sha256 不符：文件被改动过，不能作为依据 / does not match the sha256 recorded in SOURCES.md line ${line} (recorded ${want.slice(0, 12)}…, file ${got.slice(0, 12)}…): an edited copy cannot be checked against`,
      );
    }
  }
}
