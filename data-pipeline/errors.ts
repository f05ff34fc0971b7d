import type { ProgressProblem } from '../src/domain/contract';
import { formatProblem } from '../src/domain/progressProblems';

/** An input the pipeline refuses, located as precisely as it can be: file, line, field, value. */
export class PipelineError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly where: { line?: number; field?: string; value?: string } = {},
  ) {
    const loc = [file, where.line != null ? String(where.line) : null].filter(Boolean).join(':');
    const field = where.field ? ` [${where.field}]` : '';
    const value = where.value != null ? ` (value: ${JSON.stringify(where.value)})` : '';
    super(`${loc}${field}: ${detail}${value}`);
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
