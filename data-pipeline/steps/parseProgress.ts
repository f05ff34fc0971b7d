import type { ProgressRow } from '../../src/domain/contract';
import { ADCODE_RE } from '../../src/domain/contract';
import { divisionByCode } from '../../src/domain/divisions';
import { PipelineError } from '../errors';
import { parseCsv, parseDecimal } from './parseCsv';

const COLUMNS = ['indicator', 'adcode', 'year', 'value', 'source'] as const;

/**
 * Actual (measured) values: indicator, division, year, value and a required source.
 * A header-only file is valid and means "no actual figures yet" (the site says 暂无数据).
 * `example` marks rows from the demonstration file so the site labels them 示例数据.
 */
export function parseProgress(text: string, file: string, knownIndicators: readonly string[], example: boolean): ProgressRow[] {
  const { rows } = parseCsv(text, file, COLUMNS, { allowNoRows: true });
  const seen = new Set<string>();
  return rows.map((row) => {
    const at = (field: string, value?: string) => ({ line: row.line, field, value });
    const { indicator, adcode, year, value } = row.cells;
    if (!knownIndicators.includes(indicator)) {
      throw new PipelineError(file, `unknown indicator; known: ${knownIndicators.join(', ')}`, at('indicator', indicator));
    }
    if (!ADCODE_RE.test(adcode) || !divisionByCode(adcode)) throw new PipelineError(file, 'unknown GB/T 2260 code', at('adcode', adcode));
    const y = parseDecimal(year);
    if (y === null || !Number.isInteger(y) || y < 2020 || y > 2030) throw new PipelineError(file, 'year must be 2020–2030', at('year', year));
    const v = parseDecimal(value);
    if (v === null) throw new PipelineError(file, 'not a number', at('value', value));
    const source = row.raw.source.trim();
    if (!source) throw new PipelineError(file, 'every actual figure needs its source', at('source', ''));
    const key = `${indicator}|${adcode}|${y}`;
    if (seen.has(key)) throw new PipelineError(file, 'duplicate indicator/adcode/year', at('indicator', key));
    seen.add(key);
    return { indicator, adcode, year: y, value: v, source, example };
  });
}
