import iconv from 'iconv-lite';
import { PipelineError } from '../errors';

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
const ascii = (b: Uint8Array, n: number) => String.fromCharCode(...b.subarray(0, Math.min(n, b.length)));

/**
 * What a file that is not text is, from its first bytes (its "magic number"), in the words of
 * the person who saved it; null for text. An .xlsx renamed .csv is a ZIP archive holding xl/…;
 * Excel's "Unicode 文本" is UTF-16 with a byte-order mark; any NUL byte means binary.
 */
export function sniffBinary(b: Uint8Array): { zh: string; en: string; excel: boolean } | null {
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) {
    const head = ascii(b, 4096);
    if (head.includes('xl/') || (head.includes('[Content_Types].xml') && !head.includes('word/') && !head.includes('ppt/'))) {
      return { zh: '这是 Excel 文件（.xlsx）', en: 'an Excel workbook (.xlsx), not a text file', excel: true };
    }
    if (head.includes('word/')) return { zh: '这是 Word 文件（.docx），不是文本文件', en: 'a Word document (.docx), not a text file', excel: false };
    return { zh: '这是 ZIP 压缩包，不是文本文件', en: 'a ZIP archive, not a text file', excel: false };
  }
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { zh: '这是旧版 Excel 文件（.xls）', en: 'an old-format Excel workbook (.xls), not a text file', excel: true };
  }
  if (startsWith(b, [0xff, 0xfe]) || startsWith(b, [0xfe, 0xff])) {
    return { zh: '这是 UTF-16 编码的文本（Excel“Unicode 文本”）', en: 'UTF-16 text (Excel "Unicode text")', excel: true };
  }
  if (ascii(b, 5) === '%PDF-') return { zh: '这是 PDF 文件，不是文本文件', en: 'a PDF file, not a text file', excel: false };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47]) || startsWith(b, [0xff, 0xd8, 0xff])) return { zh: '这是图片文件，不是文本文件', en: 'an image, not a text file', excel: false };
  if (startsWith(b, [0x1f, 0x8b]) || startsWith(b, [0x37, 0x7a, 0xbc, 0xaf]) || ascii(b, 4) === 'Rar!') {
    return { zh: '这是压缩包，不是文本文件', en: 'a compressed archive, not a text file', excel: false };
  }
  if (b.subarray(0, 65536).includes(0)) return { zh: '这是二进制文件，不是文本', en: 'a binary file, not text', excel: false };
  return null;
}

/**
 * Bytes of a CSV as officials save it -> text. UTF-8 with or without BOM; otherwise GB18030
 * (a superset of GBK, what Excel on a Chinese Windows writes for "CSV"). CRLF becomes LF.
 * A spreadsheet, archive or other binary file is named for what it is, never printed (progress
 * workbooks have their own reader, src/domain/progressTable.ts, which names an .xlsx renamed .csv too).
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new PipelineError(file, 'the file is empty');
  const binary = sniffBinary(bytes);
  if (binary) {
    const todo = binary.excel ? '请另存为 CSV（Excel：文件 → 另存为 → “CSV UTF-8（逗号分隔）”）' : '请换成正确的文件';
    throw new PipelineError(file, `${binary.zh}：${todo} / this is ${binary.en}`);
  }
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(3));
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = iconv.decode(Buffer.from(bytes), 'gb18030');
    }
  }
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new PipelineError(file, 'the file is empty');
  return text;
}

/** One cell as typed by a person -> canonical text; shared with the browser (src/domain/text.ts). */
export { normalizeCell } from '../../src/domain/text';
