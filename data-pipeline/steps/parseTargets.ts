import type { Target } from '../../src/domain/contract';
import { Target as TargetSchema } from '../../src/domain/contract';
import { INDICATOR_IDS } from '../../src/domain/indicators';
import { PipelineError } from '../errors';
import { parseCsv, parseDecimal, unsignedZero } from './parseCsv';
import { normalizeCell } from './decodeText';

const COLUMNS = ['id', 'name_zh', 'name_en', 'value', 'unit_zh', 'unit_en', 'direction', 'baseline_year', 'year', 'section', 'quote', 'indicator', 'meaning_zh', 'meaning_en'] as const;

/**
 * targets.csv -> city-wide targets. Each row quotes the document; the quote must occur in the
 * document text (whitespace ignored) and contain the number, so no figure enters unsourced.
 */
export function parseTargets(text: string, file: string, documentText: string): Target[] {
  const { rows } = parseCsv(text, file, COLUMNS);
  const doc = normalizeCell(documentText);
  const ids = new Set<string>();
  return rows.map((row) => {
    const get = (k: (typeof COLUMNS)[number]) => row.raw[k].trim();
    const at = (field: string, value?: string) => ({ line: row.line, field, value });
    const valueText = unsignedZero(row.cells.value);
    const value = parseDecimal(valueText);
    if (value === null) throw new PipelineError(file, 'not a number', at('value', valueText));
    const quote = get('quote');
    if (!doc.includes(normalizeCell(quote))) {
      throw new PipelineError(file, 'quote not found in the source document', at('quote', quote));
    }
    // the number must stand on its own in the quote: "20" matches "下降20%", not "2020年"
    const escaped = valueText.replace(/\./g, '\\.');
    if (!new RegExp(`(?<![\\d.])${escaped}(?![\\d]|\\.\\d)`).test(normalizeCell(quote))) {
      throw new PipelineError(file, `the quote does not contain the value ${valueText}`, at('quote', quote));
    }
    const id = row.cells.id;
    if (ids.has(id)) throw new PipelineError(file, 'duplicate id', at('id', id));
    ids.add(id);
    const indicator = row.cells.indicator;
    if (indicator && !(INDICATOR_IDS as readonly string[]).includes(indicator)) {
      throw new PipelineError(file, `unknown indicator; known: ${INDICATOR_IDS.join(', ')}`, at('indicator', indicator));
    }
    const yearOf = (k: 'baseline_year' | 'year') => {
      const t = row.cells[k];
      if (t === '') return null;
      const y = parseDecimal(t);
      if (y === null || !Number.isInteger(y) || y < 2000 || y > 2035) throw new PipelineError(file, 'not a year', at(k, t));
      return y;
    };
    const candidate = {
      id,
      name_zh: get('name_zh'),
      name_en: get('name_en'),
      value,
      value_text: valueText,
      unit_zh: get('unit_zh'),
      unit_en: get('unit_en'),
      direction: row.cells.direction,
      baseline_year: yearOf('baseline_year'),
      year: yearOf('year'),
      section: get('section'),
      quote,
      indicator: indicator || null,
      meaning_zh: get('meaning_zh'),
      meaning_en: get('meaning_en'),
    };
    const r = TargetSchema.safeParse(candidate);
    if (!r.success) {
      const issue = r.error.issues[0];
      const field = String(issue.path[0]);
      throw new PipelineError(file, issue.message, at(field, String((candidate as Record<string, unknown>)[field])));
    }
    return r.data;
  });
}
