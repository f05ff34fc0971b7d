import { PipelineError } from '../errors';

/** deepest nesting the error locator walks (GeoJSON MultiPolygon coordinates are 4 deep) */
const MAX_JSON_DEPTH = 256;

/**
 * Offset of the first syntax error in JSON text (RFC 8259), for messages when the engine does
 * not give one: V8 says `Unexpected token 'x', "…" is not valid JSON` with no position, and
 * quotes the raw text besides. A small recursive-descent walk over the grammar; -1 if none found.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const lit = (word: string) => {
    for (const c of word) if (text[i++] !== c) (i--, fail());
  };
  const str = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) fail();
      if (c === 0x5c) {
        i++;
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) ((i += k), fail());
          i += 5;
        } else if ('"\\/bfnrt'.includes(text[i] ?? '!')) i++;
        else fail();
      } else i++;
    }
    fail();
  };
  const num = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  let depth = 0;
  const value = (): void => {
    ws();
    const c = text[i];
    // no input of ours nests deeper than a few levels; past this the walk itself would overflow
    if ((c === '{' || c === '[') && ++depth > MAX_JSON_DEPTH) fail();
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void (i++, depth--);
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void (i++, depth--);
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void (i++, depth--);
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void (i++, depth--);
        else fail();
      }
    }
    if (c === '"') return str();
    if (c === 't') return lit('true');
    if (c === 'f') return lit('false');
    if (c === 'n') return lit('null');
    if (c === '-' || (c >= '0' && c <= '9')) return num();
    fail();
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (at) {
    if (typeof at !== 'number') throw at; // e.g. the stack ran out on absurd nesting
    return Math.min(at, text.length);
  }
}

/**
 * JSON text -> value, or a PipelineError at file:line:column naming what is wrong there, never a
 * character offset (an editor shows lines and columns) and never the engine's quote of the raw text.
 * Deep nesting that would overflow the stack is refused the same way.
 */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const engine = (e as Error).message;
    let offset = /Unexpected end of JSON input/.test(engine) ? text.length : Number(/position (\d+)/.exec(engine)?.[1] ?? NaN);
    if (!Number.isFinite(offset)) {
      offset = jsonErrorOffset(text);
    }
    if (offset < 0) throw new PipelineError(file, `not valid JSON: ${engine.slice(0, 80)}`);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
    const found = offset >= text.length ? 'end of file' : `"${text[offset] === '\n' ? '\\n' : [...text.slice(offset)][0]}"`;
    // the engine's wording without its position and without its quote of the input
    const what = /^(Unexpected token|Unexpected non-whitespace|Unexpected end)/.test(engine) || /is not valid JSON/.test(engine)
      ? `unexpected ${found}`
      : `${engine.replace(/ in JSON at position \d+.*$/s, '')} (found ${found})`;
    throw new PipelineError(file, `not valid JSON: ${what}`, { line, column });
  }
}
