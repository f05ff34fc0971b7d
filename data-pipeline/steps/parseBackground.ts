import { BackgroundFact } from '../../src/domain/contract';
import { PipelineError } from '../errors';
import { parseCsv } from './parseCsv';
import { normalizeCell } from './decodeText';

const COLUMNS = ['id', 'text_zh', 'text_en', 'quote', 'outlet_zh', 'outlet_en', 'title', 'url', 'date', 'note_zh', 'note_en'] as const;

/**
 * background.csv -> context figures from named press reports (not the plan). The report itself is
 * not stored here, so its quote cannot be checked against a text as the plan's are; what is
 * checked: every number of the site's wording occurs in the report's quote, and each row names
 * its outlet, title, address and date.
 */
export function parseBackground(text: string, file: string): BackgroundFact[] {
  const { rows } = parseCsv(text, file, COLUMNS);
  const ids = new Set<string>();
  return rows.map((row) => {
    const candidate = Object.fromEntries(COLUMNS.map((k) => [k, row.raw[k].trim()]));
    const at = (field: string, value?: string) => ({ line: row.line, field, value });
    if (ids.has(candidate.id)) throw new PipelineError(file, '编号重复 / duplicate id', at('id', candidate.id));
    ids.add(candidate.id);
    const quoteNumbers: string[] = normalizeCell(candidate.quote).match(/\d+(\.\d+)?/g) ?? [];
    const stray = (normalizeCell(candidate.text_zh).match(/\d+(\.\d+)?/g) ?? []).find((n) => !quoteNumbers.includes(n));
    if (stray) throw new PipelineError(file, `数字 ${stray} 不在报道原文（quote 列）中 / the number ${stray} is not in the quote`, at('text_zh', candidate.text_zh));
    const r = BackgroundFact.safeParse(candidate);
    if (!r.success) {
      const field = String(r.error.issues[0].path[0]);
      throw new PipelineError(file, r.error.issues[0].message, at(field, candidate[field]));
    }
    const d = new Date(`${r.data.date}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== r.data.date) throw new PipelineError(file, '不是有效日期 / not a calendar date', at('date', r.data.date));
    return r.data;
  });
}
