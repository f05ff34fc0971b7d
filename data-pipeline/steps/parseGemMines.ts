import Papa from 'papaparse';
import { PipelineError } from '../errors';

/** One row of GEM's Global Coal Mine Tracker, its cells still as published (decimal commas). */
export interface GemRow {
  /** the file as messages show it */
  file: string;
  /** the file relative to the input folder, as outputs cite it */
  path: string;
  /** line of the file where the record starts, as an editor shows it */
  line: number;
  gemId: string;
  /** lower-case GEM status; `closed` for every row of the closed file (it has no status column) */
  status: string;
  statusDetail: string;
  nameEn: string;
  nameZh: string;
  capacity: string;
  mineType: string;
  openingYear: string;
  closingYear: string;
  latitude: string;
  longitude: string;
  accuracy: string;
  prefecture: string;
}

/** GEM's status vocabulary for the non-closed file (its metadata page lists these, plus Closed) */
const STATUSES = ['operating', 'proposed', 'shelved', 'mothballed', 'cancelled'];

/**
 * A GEM number as published: "42,337293" (decimal comma, as in the republished files), "12",
 * or "42.33"; null for an empty cell; NaN for anything else.
 */
export function parseGemNumber(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return NaN;
  return Number(t.replace(',', '.'));
}

/**
 * One of GEM's two tracker files (as republished: comma-separated, quoted cells that may hold
 * newlines, decimal commas) -> its rows, by column name. The closed file's header names its third
 * column "MSHA ID" a second time and has no Status column: its rows are closed mines.
 * The non-closed file, as republished, ends with the closed mines again in the closed file's column
 * order (their Status cell holds a country): those rows are returned apart, as `misfiled`, so the
 * caller can check each is in the closed file rather than read wrong columns.
 */
export function parseGemMines(text: string, file: string, path: string, kind: 'non_closed' | 'closed'): { rows: GemRow[]; misfiled: GemRow[] } {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new PipelineError(file, `malformed CSV: ${fatal.message}`, { line: (fatal.row ?? 0) + 1 });
  const [header, ...records] = parsed.data;
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new PipelineError(file, `missing column "${name}" (not the Global Coal Mine Tracker layout this pipeline reads)`, { line: 1 });
    return i;
  };
  const idx = {
    gemId: col('GEM Mine ID'),
    nameEn: col('Mine Name'),
    nameZh: col('Mine Name (Non-ENG)'),
    capacity: col('Capacity (Mtpa)'),
    mineType: col('Mine Type'),
    openingYear: col('Opening Year'),
    closingYear: col('Closing Year'),
    latitude: col('Latitude'),
    longitude: col('Longitude'),
    accuracy: col('Location Accuracy'),
    prefecture: col('Prefecture, District'),
    status: kind === 'non_closed' ? col('Status') : -1,
    statusDetail: kind === 'non_closed' ? col('Status Detail') : -1,
  };
  const rows: GemRow[] = [];
  const misfiled: GemRow[] = [];
  // a record starts one line after the previous one ended (its quoted cells may hold newlines)
  let line = 1 + header.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
  for (const r of records) {
    line += 1;
    const start = line;
    line += r.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
    if (r.length === 1 && r[0].trim() === '') continue;
    const cell = (i: number) => (i >= 0 ? (r[i] ?? '').trim() : '');
    const status = kind === 'closed' ? 'closed' : cell(idx.status).toLowerCase();
    const row: GemRow = {
      file,
      path,
      line: start,
      gemId: cell(idx.gemId),
      status,
      statusDetail: cell(idx.statusDetail),
      nameEn: cell(idx.nameEn),
      nameZh: cell(idx.nameZh),
      capacity: cell(idx.capacity),
      mineType: cell(idx.mineType),
      openingYear: cell(idx.openingYear),
      closingYear: cell(idx.closingYear),
      latitude: cell(idx.latitude),
      longitude: cell(idx.longitude),
      accuracy: cell(idx.accuracy),
      prefecture: cell(idx.prefecture),
    };
    if (kind === 'non_closed' && !STATUSES.includes(status)) misfiled.push(row);
    else rows.push(row);
  }
  return { rows, misfiled };
}
