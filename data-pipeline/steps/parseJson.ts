import { PipelineError } from '../errors';

/**
 * JSON text -> value, or a PipelineError at file:line [line:column] naming what the parser
 * expected, never a character offset: an editor shows lines and columns.
 */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    if (!m) throw new PipelineError(file, `not valid JSON: ${msg}`);
    const before = text.slice(0, Number(m[1]));
    const line = before.split('\n').length;
    const column = Number(m[1]) - before.lastIndexOf('\n');
    throw new PipelineError(file, `not valid JSON at column ${column}: ${msg.replace(/ in JSON at position \d+.*$/, '')}`, { line });
  }
}
