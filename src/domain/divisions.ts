/**
 * The 12 county-level divisions of 赤峰市 and the city itself, keyed by GB/T 2260 code.
 * Joins are always by `adcode`; names and aliases are only used to check that a row's
 * name agrees with its code and to suggest the nearest known name on a typo.
 * Codes: GB/T 2260 as published by 民政部 (县级以上行政区划代码), unchanged since 2013 for 1504xx.
 */
import { normalizeCell } from './text';

export interface DivisionDef {
  adcode: string;
  name_zh: string;
  name_en: string;
  /** 区 (district), 旗 (banner), 县 (county), 市 (the prefecture-level city) */
  kind: 'city' | 'district' | 'banner' | 'county';
  /** other spellings seen in officials' tables: short forms, old romanisations */
  aliases: readonly string[];
}

export const CITY = {
  adcode: '150400',
  name_zh: '全市',
  name_en: 'Chifeng (whole city)',
  kind: 'city',
  aliases: ['赤峰市', '赤峰', '合计', '全 市'],
} as const satisfies DivisionDef;

export const COUNTIES = [
  { adcode: '150402', name_zh: '红山区', name_en: 'Hongshan District', kind: 'district', aliases: ['红山'] },
  { adcode: '150403', name_zh: '元宝山区', name_en: 'Yuanbaoshan District', kind: 'district', aliases: ['元宝山'] },
  { adcode: '150404', name_zh: '松山区', name_en: 'Songshan District', kind: 'district', aliases: ['松山'] },
  { adcode: '150421', name_zh: '阿鲁科尔沁旗', name_en: 'Ar Horqin Banner', kind: 'banner', aliases: ['阿鲁旗', '阿旗', '阿鲁科尔沁'] },
  { adcode: '150422', name_zh: '巴林左旗', name_en: 'Bairin Left Banner', kind: 'banner', aliases: ['巴左旗', '巴林左'] },
  { adcode: '150423', name_zh: '巴林右旗', name_en: 'Bairin Right Banner', kind: 'banner', aliases: ['巴右旗', '巴林右'] },
  { adcode: '150424', name_zh: '林西县', name_en: 'Linxi County', kind: 'county', aliases: ['林西'] },
  { adcode: '150425', name_zh: '克什克腾旗', name_en: 'Hexigten Banner', kind: 'banner', aliases: ['克旗', '克什克腾'] },
  { adcode: '150426', name_zh: '翁牛特旗', name_en: 'Ongniud Banner', kind: 'banner', aliases: ['翁旗', '翁牛特'] },
  { adcode: '150428', name_zh: '喀喇沁旗', name_en: 'Harqin Banner', kind: 'banner', aliases: ['喀旗', '喀喇沁'] },
  { adcode: '150429', name_zh: '宁城县', name_en: 'Ningcheng County', kind: 'county', aliases: ['宁城'] },
  { adcode: '150430', name_zh: '敖汉旗', name_en: 'Aohan Banner', kind: 'banner', aliases: ['敖汉'] },
] as const satisfies readonly DivisionDef[];

export const DIVISIONS: readonly DivisionDef[] = [CITY, ...COUNTIES];
export type CountyCode = (typeof COUNTIES)[number]['adcode'];
export const COUNTY_CODES = COUNTIES.map((c) => c.adcode) as readonly string[];

export function divisionByCode(code: string): DivisionDef | undefined {
  return DIVISIONS.find((d) => d.adcode === code);
}

/** Edit distance, for "did you mean" suggestions. */
function levenshtein(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (A[i - 1] === B[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[B.length];
}

/** A name (or documented alias) -> its division; undefined when unknown. */
export function divisionByName(name: string): DivisionDef | undefined {
  const n = normalizeCell(name);
  return DIVISIONS.find((d) => normalizeCell(d.name_zh) === n || d.aliases.some((a) => normalizeCell(a) === n));
}

/** The known division whose name or alias is nearest to `name`, for a "did you mean" hint. */
export function nearestDivision(name: string): DivisionDef {
  const n = normalizeCell(name);
  let best: DivisionDef = DIVISIONS[0];
  let bestD = Infinity;
  for (const d of DIVISIONS) {
    for (const cand of [d.name_zh, ...d.aliases]) {
      const dist = levenshtein(n, normalizeCell(cand));
      if (dist < bestD) {
        bestD = dist;
        best = d;
      }
    }
  }
  return best;
}
