/**
 * Filled progress files for tests of the update page: a clean workbook (the built template, filled
 * with the demonstration figures of data-pipeline/input/examples/, every row with a source) and a
 * CSV with five errors an official could make, each in a known cell.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { progressHeader } from '../../src/domain/progressTable';

const EXAMPLE = 'data-pipeline/input/examples/progress.example.csv';

/** The template (.xlsx as built into `dataDir`) filled with the example's 2023 and 2024 rows, as numbers. */
export async function goodWorkbook(dataDir: string): Promise<Uint8Array> {
  const rows = readFileSync(EXAMPLE, 'utf8').replace(/^\ufeff/, '').trim().split(/\r?\n/).map((l) => l.split(','));
  const H = progressHeader();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(readFileSync(`${dataDir}/progress-template.xlsx`)).buffer as ArrayBuffer);
  const ws = wb.getWorksheet('进展数据')!;
  rows.slice(1).forEach((row, i) => {
    const r = ws.getRow(i + 2);
    row.forEach((v, c) => {
      const cell = r.getCell(c + 1);
      if (H[c] === '来源') cell.value = `赤峰市水资源公报（${row[0]}年）`;
      else if (H[c] === '备注') cell.value = null;
      // a date typed in Excel is stored as a date (read back as YYYY-MM-DD)
      else if (H[c] === '更新日期') cell.value = v === '' ? null : new Date(`${v}T00:00:00Z`);
      else if (v === '') cell.value = null;
      else cell.value = H[c] === '行政区划代码' || H[c] === '行政区' ? v : Number(v);
    });
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A CSV (UTF-8 with BOM) with five errors: a word in a figure (D2), no source (J3), a coefficient out of range (H4), an unknown code (B6) and name (C6). */
export function badCsv(): Uint8Array {
  const lines = [
    progressHeader().join(','),
    '2024,150400,全市,约20,,,,0.64,,赤峰市水资源公报（2024年）,',
    '2024,150402,红山区,0.96,,,,0.69,,,',
    '2024,150403,元宝山区,0.91,,,,1.7,,赤峰市水资源公报（2024年）,',
    '2024,150404,松山区,2.04,,,,0.67,,赤峰市水资源公报（2024年）,',
    '2024,150499,某某旗,2.01,,,,0.65,,赤峰市水资源公报（2024年）,',
    '2024,150422,巴林左旗,1.42,,,,0.66,,赤峰市水资源公报（2024年）,',
  ];
  return new TextEncoder().encode('\ufeff' + lines.join('\r\n') + '\r\n');
}
export const BAD_CELLS = ['D2', 'J3', 'H4', 'B6', 'C6'];
