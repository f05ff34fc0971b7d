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
