import type { AnnexCell, AnnexRow } from '../../src/domain/contract';
import { INDICATORS, type IndicatorId } from '../../src/domain/indicators';
import { CITY, COUNTIES, divisionByCode } from '../../src/domain/divisions';
import { PipelineError } from '../errors';
import { parseCsv, parseDecimal, unsignedZero } from './parseCsv';
import { normalizeCell } from './decodeText';
import { divisionByName, nearestDivisionName } from './matchDivision';

export const ANNEX_CODE_COLUMN = '行政区划代码';
export const ANNEX_NAME_COLUMN = '行政区';
const MAINTAIN = '保持2020年水平';

/** One annex cell as written -> its meaning; throws with file, line and field on anything else. */
export function parseAnnexCell(text: string, ind: (typeof INDICATORS)[number], file: string, line: number, who: string): AnnexCell {
  const field = `${ind.column} / ${who}`;
  if (text === '') throw new PipelineError(file, '空格：请填写数字、“保持2020年水平”或“/” / empty cell: write the number, "保持2020年水平" or "/"', { line, field });
  if (text === MAINTAIN) return { status: 'maintain_2020', value: null, text: MAINTAIN };
  if (text === '/') return { status: 'not_applicable', value: null, text: '/' };
  let v = parseDecimal(text);
  // "-0" and "-0.00" are zero: published and ranked as 0, with the digits as written minus the sign
  if (v !== null && Object.is(v, -0)) {
    v = 0;
    text = text.slice(1);
  }
  if (v === null) {
    throw new PipelineError(file, '不是数字：请填写小数（如 1.9674）、“保持2020年水平”或“/” / not a number (expected a decimal like 1.9674, "保持2020年水平" or "/")', { line, field, value: text });
  }
  // the registry's plausible range: a value outside is a typo, not a target
  const [lo, hi] = ind.range.target;
  if (v < lo || v > hi) {
    throw new PipelineError(file, `超出合理范围：应在 ${lo} 到 ${hi} 之间，是否多打或少打了位数？ / out of range: a ${ind.kind} must lie between ${lo} and ${hi}`, { line, field, value: text });
  }
  return { status: 'value', value: v, text: unsignedZero(text) };
}

/**
 * The annex CSV (one row per division plus 全市) -> rows keyed by GB/T 2260 code.
 * The code column is authoritative; the name must agree with it (or be a documented alias).
 */
export function parseAnnex(text: string, file: string): { city: AnnexRow; counties: AnnexRow[] } {
  const { rows } = parseCsv(text, file, [ANNEX_CODE_COLUMN, ANNEX_NAME_COLUMN, ...INDICATORS.map((i) => i.column)]);
  const seen = new Map<string, number>();
  const out: AnnexRow[] = [];
  for (const row of rows) {
    const code = row.cells[ANNEX_CODE_COLUMN];
    const name = row.cells[ANNEX_NAME_COLUMN];
    const byName = divisionByName(name);
    const byCode = divisionByCode(code);
    if (!byCode) {
      const hint = byName ? ` ${name} is ${byName.adcode}` : '';
      throw new PipelineError(file, `不是赤峰市的行政区划代码${byName ? `：${name} 的代码是 ${byName.adcode}` : ''} / unknown GB/T 2260 code for 赤峰市;${hint}`, { line: row.line, field: ANNEX_CODE_COLUMN, value: code });
    }
    if (!byName) {
      throw new PipelineError(file, `不认识这个行政区名称，是否为 ${nearestDivisionName(name)}？ / unknown division name; did you mean ${nearestDivisionName(name)}?`, {
        line: row.line,
        field: ANNEX_NAME_COLUMN,
        value: name,
      });
    }
    if (byName.adcode !== byCode.adcode) {
      throw new PipelineError(
        file,
        `名称与代码不一致：${code} 是${byCode.name_zh}，${name} 的代码是 ${byName.adcode} / name and code disagree: ${code} is ${byCode.name_zh}, ${name} is ${byName.adcode}`,
        { line: row.line, field: ANNEX_CODE_COLUMN, value: code },
      );
    }
    if (seen.has(code)) {
      throw new PipelineError(file, `${byCode.name_zh}（${code}）出现了两次（第一次在第 ${seen.get(code)} 行） / ${byCode.name_zh} (${code}) appears twice (first on line ${seen.get(code)})`, {
        line: row.line,
        field: ANNEX_NAME_COLUMN,
        value: name,
      });
    }
    seen.set(code, row.line);
    const cells = {} as Record<IndicatorId, AnnexCell>;
    for (const ind of INDICATORS) {
      // "1 9674" is a typo, not 19674: never join digits across a space
      const raw = row.raw[normalizeCell(ind.column)] ?? '';
      if (/[\d.]\s+[\d.]/.test(raw.trim())) {
        throw new PipelineError(file, '数字中间有空格：请删去空格或检查是否打错 / a space inside a number', { line: row.line, field: `${ind.column} / ${byCode.name_zh}`, value: raw });
      }
      cells[ind.id] = parseAnnexCell(row.cells[normalizeCell(ind.column)], ind, file, row.line, byCode.name_zh);
    }
    out.push({ adcode: code, name_zh: byCode.name_zh, name_en: byCode.name_en, cells });
  }
  const missing = [CITY, ...COUNTIES].filter((d) => !seen.has(d.adcode));
  if (missing.length) {
    throw new PipelineError(file, `缺少行政区：${missing.map((d) => `${d.name_zh}（${d.adcode}）`).join('、')} / missing division(s): ${missing.map((d) => `${d.name_zh} (${d.adcode})`).join(', ')}`, {
      field: ANNEX_NAME_COLUMN,
    });
  }
  const city = out.find((r) => r.adcode === CITY.adcode)!;
  // a county cannot hold more of an additive amount than the whole city (catches 19.674 for 1.9674)
  for (const ind of INDICATORS.filter((i) => i.additive)) {
    const cityValue = city.cells[ind.id].value;
    for (const r of out) {
      const v = r.cells[ind.id].value;
      if (r !== city && v !== null && cityValue !== null && v > cityValue) {
        throw new PipelineError(file, `比全市数值 ${city.cells[ind.id].text} 还大：小数点位置是否有误？ / larger than the 全市 value ${city.cells[ind.id].text}`, {
          line: seen.get(r.adcode),
          field: `${ind.column} / ${r.name_zh}`,
          value: r.cells[ind.id].text,
        });
      }
    }
  }
  // county order: GB/T 2260 code order, the order of the national list
  const counties = out.filter((r) => r.adcode !== CITY.adcode).sort((a, b) => a.adcode.localeCompare(b.adcode));
  return { city, counties };
}
