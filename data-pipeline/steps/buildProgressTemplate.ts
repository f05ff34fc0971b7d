/**
 * progress-template.xlsx: the sheet officials fill (header and 13 prefilled rows from the registry,
 * src/domain/progressTemplate.ts) and its 填写说明 sheet, written with exceljs. Byte-identical on every
 * run: the workbook's created/modified dates are fixed and the zip entries' timestamps (which
 * JSZip, under exceljs, sets to "now") are rewritten to the same fixed date.
 */
import ExcelJS from 'exceljs';
import type { AnnexRow } from '../../src/domain/contract';
import { INDICATORS } from '../../src/domain/indicators';
import { PROGRESS_FIRST_YEAR } from '../../src/domain/contract';
import { GUIDE_SHEET, PROGRESS_COLUMNS, TEMPLATE_SHEET, progressHeader } from '../../src/domain/progressTable';
import { templateGuide, templateRows } from '../../src/domain/progressTemplate';

/** rows below the header that carry Excel's own input checks: 13 divisions × 8 years */
const VALIDATED_ROWS = 13 * 8;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } } as const;
const PREFILLED_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F3F3' } } as const;
const THIN = { style: 'thin', color: { argb: 'FFB0B7BF' } } as const;
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** A4, one page wide: officials print the template to fill or check it on paper */
const PAGE = { paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const;

/**
 * Sets every entry's DOS time and date in a zip (local headers and central directory) to `date`,
 * so the same content gives the same bytes. Walks the central directory from the end record.
 */
export function fixZipTimestamps(zip: Uint8Array, date: Date): Uint8Array {
  const out = zip.slice();
  const v = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 65535); i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  for (let n = 0; n < count; n++) {
    if (v.getUint32(p, true) !== 0x02014b50) throw new Error(`zip central directory entry ${n} is malformed`);
    v.setUint16(p + 12, dosTime, true);
    v.setUint16(p + 14, dosDate, true);
    const local = v.getUint32(p + 42, true);
    if (v.getUint32(local, true) !== 0x04034b50) throw new Error(`zip local header ${n} is malformed`);
    v.setUint16(local + 10, dosTime, true);
    v.setUint16(local + 12, dosDate, true);
    p += 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return out;
}

/**
 * Height of a row of wrapped text, points: spreadsheet programs do not grow a row to fit wrapped
 * text that was written by a library, so the lines are estimated (a CJK character is two width units).
 */
function wrappedHeight(texts: [string, number][]): number {
  const lines = Math.max(
    1,
    ...texts.map(([t, width]) => Math.ceil([...t].reduce((n, c) => n + (c.codePointAt(0)! > 0x2e80 ? 2 : 1), 0) / Math.max(1, width - 2))),
  );
  return lines * 16 + 4;
}

/** The template workbook. `stamp` is the fixed date written into it (the document's date). */
export async function buildProgressTemplateXlsx(annexCity: AnnexRow, stamp: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '赤峰节水地图（npm run data）';
  wb.lastModifiedBy = '赤峰节水地图（npm run data）';
  wb.created = stamp;
  wb.modified = stamp;
  wb.title = '赤峰市节水行动进展数据模板';

  const header = progressHeader();
  const ws = wb.addWorksheet(TEMPLATE_SHEET, {
    views: [{ state: 'frozen', xSplit: 3, ySplit: 1, activeCell: 'A2' }],
    pageSetup: { ...PAGE, orientation: 'landscape', printTitlesRow: '1:1' },
  });
  ws.columns = header.map((h) => ({
    header: h,
    width: h === PROGRESS_COLUMNS.year ? 9 : h === PROGRESS_COLUMNS.code ? 14 : h === PROGRESS_COLUMNS.name ? 14 : h === PROGRESS_COLUMNS.source ? 34 : h === PROGRESS_COLUMNS.note ? 26 : h === PROGRESS_COLUMNS.updated ? 13 : 20,
  }));
  const head = ws.getRow(1);
  head.height = 48;
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = HEADER_FILL;
    cell.border = BOX;
  });
  for (const r of templateRows()) {
    const row = ws.addRow(r.map((x) => (x === '' ? null : x)));
    for (let c = 1; c <= header.length; c++) row.getCell(c).border = BOX;
    for (const c of [2, 3]) row.getCell(c).fill = PREFILLED_FILL;
  }
  // Excel's own input checks, as a first line of defence while typing (the pipeline checks again)
  const col = (name: string) => header.indexOf(name) + 1;
  for (let r = 2; r <= 1 + VALIDATED_ROWS; r++) {
    ws.getRow(r).getCell(col(PROGRESS_COLUMNS.code)).numFmt = '@';
    // a date typed here shows as 2026-03-22 and is read back as such
    ws.getRow(r).getCell(col(PROGRESS_COLUMNS.updated)).numFmt = 'yyyy-mm-dd';
    ws.getRow(r).getCell(col(PROGRESS_COLUMNS.year)).dataValidation = {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [PROGRESS_FIRST_YEAR, 2100],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '年份',
      error: `请填写4位年份，如 2024（${PROGRESS_FIRST_YEAR}年起）。`,
    };
    for (const ind of INDICATORS) {
      const [lo, hi] = ind.range.actual;
      ws.getRow(r).getCell(col(ind.column)).dataValidation = {
        type: 'decimal',
        operator: 'between',
        allowBlank: true,
        // a % column takes 20.5 as typed and 20.5% (stored 0.205): both lie within the range as written
        formulae: [lo, hi],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: ind.name_zh,
        error: `只填数字（单位：${ind.unit_zh}），范围 ${lo} 至 ${hi}；不要写“约”“左右”或单位，没有数据请留空。`,
      };
    }
  }

  const g = templateGuide(annexCity);
  const gs = wb.addWorksheet(GUIDE_SHEET, { pageSetup: { ...PAGE, orientation: 'portrait' } });
  gs.columns = [{ width: 30 }, { width: 96 }]; // as [wA, wB] below
  const title = gs.addRow([g.title]);
  title.font = { bold: true, size: 14 };
  gs.addRow([]);
  gs.addRow(['一、填写规则']).font = { bold: true };
  const [wA, wB] = [30, 96];
  g.rules.forEach((text, i) => {
    const row = gs.addRow([`${i + 1}.`, text]);
    row.height = wrappedHeight([[text, wB]]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).alignment = { vertical: 'top', horizontal: 'right' };
  });
  gs.addRow([]);
  gs.addRow(['二、各列说明']).font = { bold: true };
  const colHead = gs.addRow(['列', '说明']);
  colHead.eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
  });
  for (const [k, v] of g.columns) {
    const row = gs.addRow([k, v]);
    row.height = wrappedHeight([[k, wA], [v, wB]]);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }

  const buf = await wb.xlsx.writeBuffer();
  return fixZipTimestamps(new Uint8Array(buf as ArrayBuffer), stamp);
}
