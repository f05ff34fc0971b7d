import { Statement } from '../../src/domain/contract';
import { PipelineError } from '../errors';
import { parseCsv } from './parseCsv';
import { normalizeCell } from './decodeText';

const COLUMNS = ['id', 'kind', 'text_zh', 'text_en', 'quote', 'section', 'section_en'] as const;

/**
 * statements.csv -> the document's sentences the site quotes besides its targets. Like a target,
 * each quote must occur in the document text (whitespace ignored), so nothing is put in the
 * plan's mouth that it does not say.
 */
export function parseStatements(text: string, file: string, documentText: string): Statement[] {
  const { rows } = parseCsv(text, file, COLUMNS);
  const doc = normalizeCell(documentText);
  const ids = new Set<string>();
  return rows.map((row) => {
    const candidate = Object.fromEntries(COLUMNS.map((k) => [k, row.raw[k].trim()]));
    const at = (field: string, value?: string) => ({ line: row.line, field, value });
    if (!doc.includes(normalizeCell(candidate.quote))) throw new PipelineError(file, 'quote not found in the source document', at('quote', candidate.quote));
    // the site's wording may shorten the quote but never carry a number the quote does not
    const quoteDigits: string[] = normalizeCell(candidate.quote).match(/\d+(\.\d+)?/g) ?? [];
    const stray = (normalizeCell(candidate.text_zh).match(/\d+(\.\d+)?/g) ?? []).find((n) => !quoteDigits.includes(n));
    if (stray) throw new PipelineError(file, `the number ${stray} is not in the quote`, at('text_zh', candidate.text_zh));
    if (ids.has(candidate.id)) throw new PipelineError(file, 'duplicate id', at('id', candidate.id));
    ids.add(candidate.id);
    const r = Statement.safeParse(candidate);
    if (!r.success) {
      const field = String(r.error.issues[0].path[0]);
      throw new PipelineError(file, r.error.issues[0].message, at(field, candidate[field]));
    }
    return r.data;
  });
}
