import Papa from 'papaparse';
import { PipelineError, readable } from '../errors';
import { normalizeCell } from './decodeText';

/** The header as it was read, cell by cell, for a message: a joined list would hide a wrong delimiter. */
const headerAsRead = (cells: string[]) =>
  `${cells.length} ${cells.length === 1 ? 'column' : 'columns'}: ${cells.slice(0, 20).map((c) => `"${readable(c, 40)}"`).join(', ')}${cells.length > 20 ? ', …' : ''}`;
/** delimiters people type by mistake: full-width comma, ideographic comma, semicolon, tab */
const WRONG_DELIMITER = /[，、;\t；]/;

export interface CsvRow {
  /** 1-based line number in the file, as an editor shows it */
  line: number;
  /** normalised cells by normalised header name */
  cells: Record<string, string>;
  /** the raw cells as read, for messages */
  raw: Record<string, string>;
}

/**
 * Text -> rows keyed by header. Rejects a file with no data rows, a header that lacks a
 * required column, and a row with fewer or more cells than the header (truncated rows).
 * Blank lines are skipped; every other line becomes a row, none is dropped.
 */
export function parseCsv(
  text: string,
  file: string,
  required: readonly string[],
  opts: { allowNoRows?: boolean } = {},
): { header: string[]; rows: CsvRow[] } {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new PipelineError(file, `malformed CSV: ${fatal.message}`, { line: (fatal.row ?? 0) + 1 });
  const lines = parsed.data;
  const headerIdx = lines.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIdx < 0) throw new PipelineError(file, 'the file is empty');
  const rawHeader = lines[headerIdx];
  const header = rawHeader.map(normalizeCell);
  const requiredNorm = required.map(normalizeCell);
  for (const col of requiredNorm) {
    if (!header.includes(col)) {
      // NFKC folds "，" into ",", so a header split by full-width commas looks right once normalised:
      // say what was read, and name the delimiter
      const wrong = rawHeader.length < requiredNorm.length ? WRONG_DELIMITER.exec(rawHeader.join(''))?.[0] : undefined;
      if (wrong) {
        const name = wrong === '\t' ? '制表符 (tab)' : `“${wrong}”`;
        throw new PipelineError(
          file,
          `表头只读出 ${rawHeader.length} 列：列之间要用英文逗号“,”分隔，这里用的是${name}。请在 Excel 中另存为“CSV UTF-8（逗号分隔）” / the header was read as ${headerAsRead(rawHeader)}; columns must be separated by "," not ${JSON.stringify(wrong)}`,
          { line: headerIdx + 1 },
        );
      }
      throw new PipelineError(file, `缺少列“${col}” / missing column "${col}"; the header as read has ${headerAsRead(rawHeader)}`, { line: headerIdx + 1 });
    }
  }
  const dup = header.find((h, i) => h !== '' && header.indexOf(h) !== i);
  if (dup) throw new PipelineError(file, `column "${dup}" appears twice in the header`, { line: headerIdx + 1 });
  const rows: CsvRow[] = [];
  // Papa splits on newlines outside quotes, so the i-th record starts on line i+1 unless
  // a quoted cell holds a newline; we count those to keep line numbers exact.
  let line = headerIdx + 1;
  for (let i = headerIdx + 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    line += 1 + prev.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
    const r = lines[i];
    if (r.every((c) => c.trim() === '')) continue;
    if (r.length !== header.length) {
      const hint = r.length < header.length && WRONG_DELIMITER.test(r.join('')) ? '；这一行是否用了中文逗号“，”？' : '';
      throw new PipelineError(
        file,
        `这一行有 ${r.length} 格，表头有 ${header.length} 列${hint} / row has ${r.length} cells but the header has ${header.length} (truncated or extra cells?)`,
        { line, value: r.join(',') },
      );
    }
    const cells: Record<string, string> = {};
    const raw: Record<string, string> = {};
    header.forEach((h, j) => {
      cells[h] = normalizeCell(r[j]);
      raw[h] = r[j];
    });
    rows.push({ line, cells, raw });
  }
  if (rows.length === 0 && !opts.allowNoRows) throw new PipelineError(file, 'the file has a header but no data rows');
  return { header, rows };
}

/** A strict decimal number: "1.9674", "-3", "20.00". Not "1,5", "abc", "", "1e3". */
export function parseDecimal(text: string): number | null {
  // "-0" is 0: a sign on nothing is never published (it would read as a decline in a spreadsheet)
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) + 0 : null;
}

/** The printed form of a number without the sign of a zero: "-0.00" -> "0.00"; anything else as is. */
export const unsignedZero = (text: string): string => (/^-0(\.0+)?$/.test(text) ? text.slice(1) : text);
