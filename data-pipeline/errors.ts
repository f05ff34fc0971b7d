import type { ProgressProblem } from '../src/domain/contract';
import { formatProblem } from '../src/domain/progressProblems';

/** Longest value quoted in a message, in characters: a 50 MB cell must not become 50 MB of stderr. */
export const MESSAGE_VALUE_MAX_CHARS = 80;
/** Longest message text (the part after "file:line [field]: "), in characters. */
export const MESSAGE_DETAIL_MAX_CHARS = 600;

/**
 * Control and invisible characters, written out so a message shows what is in the cell and
 * cannot move the terminal's cursor, change its colours (ESC) or reorder the line (bidi controls).
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;
const escapeInvisible = (s: string) =>
  s.replace(INVISIBLE, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

/**
 * Text from an input, made safe and short for a one-line message: control characters escaped,
 * cut to `max` characters (whole code points, never half a Chinese character) with the length said.
 */
export function readable(text: string, max = MESSAGE_VALUE_MAX_CHARS): string {
  const chars = [...text];
  const cut = chars.length > max ? `${chars.slice(0, max).join('')}…（共 ${chars.length.toLocaleString('en-US')} 个字符 / ${chars.length.toLocaleString('en-US')} characters）` : text;
  return escapeInvisible(cut);
}

/**
 * An input the pipeline refuses, located as precisely as it can be:
 * `file:line:column [field]: message (value: "…")`. Values and messages quoted from an input are
 * cut to a readable length with control characters escaped, so a hostile or broken file gives a
 * short, safe line, never a flood or a stack trace.
 */
export class PipelineError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly where: { line?: number; column?: number; field?: string; value?: string } = {},
  ) {
    const line = where.line != null ? `:${where.line}${where.column != null ? `:${where.column}` : ''}` : '';
    const field = where.field ? ` [${readable(where.field)}]` : '';
    const value = where.value != null ? ` (value: "${readable(where.value).replace(/"/g, '\\"')}")` : '';
    super(`${file}${line}${field}: ${readable(detail, MESSAGE_DETAIL_MAX_CHARS)}${value}`);
    this.name = 'PipelineError';
  }
}

/**
 * Progress files with errors: every problem at once (file, sheet, row as Excel shows it, column,
 * value, what was expected, how to fix it), in Chinese for the officials who made the file.
 */
export class ProgressRejected extends PipelineError {
  constructor(
    readonly errors: ProgressProblem[],
    readonly warnings: ProgressProblem[],
  ) {
    const files = [...new Set(errors.map((e) => e.file))];
    const head = `进展数据有 ${errors.length} 处错误${warnings.length ? `、${warnings.length} 处警告` : ''}，未采用（${files.join('、')}）：`;
    super(files.join(', '), [head, ...[...errors, ...warnings].map((p) => formatProblem(p))].join('\n'));
    this.message = this.detail;
    this.name = 'ProgressRejected';
  }
}
