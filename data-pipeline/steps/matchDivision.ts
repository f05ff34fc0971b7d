import { DIVISIONS, type DivisionDef } from '../../src/domain/divisions';
import { normalizeCell } from './decodeText';

/** Edit distance, for "did you mean" suggestions. */
function levenshtein(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (A[i - 1] === B[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[B.length];
}

/** A name (or documented alias) -> its division; undefined when unknown. */
export function divisionByName(name: string): DivisionDef | undefined {
  const n = normalizeCell(name);
  return DIVISIONS.find((d) => normalizeCell(d.name_zh) === n || d.aliases.some((a) => normalizeCell(a) === n));
}

/** The nearest known official name, for an error message. */
export function nearestDivisionName(name: string): string {
  const n = normalizeCell(name);
  let best = DIVISIONS[0];
  let bestD = Infinity;
  for (const d of DIVISIONS) {
    for (const cand of [d.name_zh, ...d.aliases]) {
      const dist = levenshtein(n, normalizeCell(cand));
      if (dist < bestD) {
        bestD = dist;
        best = d;
      }
    }
  }
  return `${best.name_zh} (${best.adcode})`;
}
