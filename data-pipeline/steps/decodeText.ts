import iconv from 'iconv-lite';
import { PipelineError } from '../errors';

/**
 * Bytes of a CSV as officials save it -> text. UTF-8 with or without BOM; otherwise GB18030
 * (a superset of GBK, what Excel on a Chinese Windows writes for "CSV"). CRLF becomes LF.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new PipelineError(file, 'the file is empty');
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
