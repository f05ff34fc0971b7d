/**
 * How a cell typed by a person is read, shared by the pipeline and the browser (no Node APIs).
 */

/**
 * One cell as typed by a person -> canonical text: full-width forms to ASCII (NFKC:
 * "１．２" -> "1.2", "（" -> "("), non-breaking and ideographic spaces removed at the ends,
 * inner runs of spaces removed (Chinese names and numbers carry none).
 */
export function normalizeCell(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\ufeff]+/g, '')
    .trim();
}

/** longest value quoted in a message, in characters (a 50 MB cell must not become 50 MB of output) */
export const MAX_SHOWN_VALUE = 60;

/**
 * A value as it may be shown in a message: control characters escaped ("\n", "\u0007"), cut to
 * MAX_SHOWN_VALUE characters with "…（共 N 个字符）" / "… (N characters)" saying how long it was.
 */
export function showValue(raw: string, lang: 'zh' | 'en' = 'zh'): string {
  // only the head is split into characters: a 50 MB cell costs no more than a short one
  const cut = [...raw.slice(0, MAX_SHOWN_VALUE * 2)].slice(0, MAX_SHOWN_VALUE);
  const whole = cut.join('').length === raw.length;
  const escaped = cut
    .map((c) => {
      const code = c.codePointAt(0)!;
      if (c === '\n') return '\\n';
      if (c === '\r') return '\\r';
      if (c === '\t') return '\\t';
      if (code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 || code === 0x2029) return `\\u${code.toString(16).padStart(4, '0')}`;
      return c;
    })
    .join('');
  if (whole) return escaped;
  return lang === 'zh' ? `${escaped}…（共 ${raw.length} 个字符）` : `${escaped}… (${raw.length} characters)`;
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
/** Rows -> CSV as Excel on a Chinese Windows opens it: UTF-8 with BOM, CRLF, quotes only where needed. */
export const toCsv = (rows: string[][]) => '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
