/**
 * The indicator registry: the six columns of the annex (附件：赤峰市2025年节水行动目标分解表).
 * Declared once; the pipeline (parsing, classes, dictionary, CSV) and the site (legend, table,
 * tooltips, downloads) both read it. Adding an indicator means editing this list and the annex CSV.
 */

export type Direction = 'at_most' | 'at_least';
export type ValueKind = 'amount' | 'percent' | 'coefficient';

export interface IndicatorDef {
  /** stable id, used as the CSV column name and GeoJSON property name */
  id: string;
  /** the annex CSV header, as officials write it (matched after whitespace/full-width normalisation) */
  column: string;
  name_zh: string;
  name_en: string;
  /** short label for selectors and table headers */
  short_zh: string;
  short_en: string;
  unit_zh: string;
  unit_en: string;
  kind: ValueKind;
  /** how the target binds: a cap (at most) or a floor (at least) */
  direction: Direction;
  /** digits the document prints; used for display only, values are never rounded */
  decimals: number;
  /** county values add up to the city value, so a county's share of the city is meaningful */
  additive: boolean;
  /**
   * d3-scale-chromatic sequential scheme; checked by tests/site/palettes.test.ts under simulated
   * protanopia, deuteranopia and tritanopia (BuGn and YlGnBu failed there and were replaced)
   */
  scheme: 'Blues' | 'Greens' | 'Purples' | 'Oranges' | 'PuBuGn' | 'YlGn' | 'BuPu';
  /** plain-language meaning, one sentence */
  meaning_zh: string;
  meaning_en: string;
  /** where in 赤政发〔2025〕11号 the figure comes from */
  section: string;
  section_en: string;
}

export const INDICATORS = [
  {
    id: 'water_use_cap',
    column: '用水总量（亿立方米）',
    name_zh: '用水总量控制指标',
    name_en: 'Total water-use cap',
    short_zh: '用水总量上限',
    short_en: 'Water-use cap',
    unit_zh: '亿立方米',
    unit_en: '100 million m³',
    kind: 'amount',
    direction: 'at_most',
    decimals: 4,
    additive: true,
    scheme: 'Blues',
    meaning_zh: '2025年本地区一年内各行各业用水加起来不能超过的数量。',
    meaning_en: 'The most water all users in the area may use in 2025, added together.',
    section: '附件 目标分解表 “用水总量”列',
    section_en: 'Annex table, column “total water use”',
  },
  {
    id: 'nonconventional_min',
    column: '非常规水源利用量下限值（亿立方米）',
    name_zh: '非常规水源利用量下限值',
    name_en: 'Non-conventional water use, lower bound',
    short_zh: '非常规水利用量',
    short_en: 'Non-conventional water',
    unit_zh: '亿立方米',
    unit_en: '100 million m³',
    kind: 'amount',
    direction: 'at_least',
    decimals: 4,
    additive: true,
    scheme: 'Greens',
    meaning_zh: '再生水、矿井水、雨水等“非常规水”一年至少要用到的数量，用得越多越能替代新鲜水。',
    meaning_en: 'The least reclaimed, mine and rain water the area must use in 2025, replacing fresh water.',
    section: '附件 目标分解表 “非常规水源利用量下限值”列',
    section_en: 'Annex table, column “non-conventional water, lower bound”',
  },
  {
    id: 'gdp_water_decline',
    column: '万元GDP用水量较2020年下降率（%）',
    name_zh: '万元GDP用水量较2020年下降率',
    name_en: 'Decline in water use per 10,000 yuan of GDP vs 2020',
    short_zh: '万元GDP用水量降幅',
    short_en: 'Water per GDP, decline',
    unit_zh: '%',
    unit_en: '%',
    kind: 'percent',
    direction: 'at_least',
    decimals: 2,
    additive: false,
    scheme: 'Purples',
    meaning_zh: '每创造一万元GDP所用的水，2025年要比2020年少用的比例。',
    meaning_en: 'How much less water each 10,000 yuan of GDP must take in 2025 than in 2020.',
    section: '附件 目标分解表 “万元GDP用水量较2020年下降率”列',
    section_en: 'Annex table, column “decline in water use per 10,000 yuan of GDP”',
  },
  {
    id: 'industrial_water_decline',
    column: '万元工业增加值用水量较2020年下降率（%）',
    name_zh: '万元工业增加值用水量较2020年下降率',
    name_en: 'Decline in water use per 10,000 yuan of industrial value added vs 2020',
    short_zh: '万元工业增加值用水量降幅',
    short_en: 'Industrial water intensity, decline',
    unit_zh: '%',
    unit_en: '%',
    kind: 'percent',
    direction: 'at_least',
    decimals: 2,
    additive: false,
    scheme: 'Oranges',
    meaning_zh: '工业每创造一万元增加值所用的水，2025年要比2020年少用的比例；“保持2020年水平”表示不升高即可。',
    meaning_en: 'How much less water industry may use per 10,000 yuan of value added in 2025 than in 2020; “hold at 2020 level” means it must not rise.',
    section: '附件 目标分解表 “万元工业增加值用水量较2020年下降率”列',
    section_en: 'Annex table, column “decline in water use per 10,000 yuan of industrial value added”',
  },
  {
    id: 'irrigation_coefficient',
    column: '农田灌溉水有效利用系数',
    name_zh: '农田灌溉水有效利用系数',
    name_en: 'Effective irrigation water-use coefficient',
    short_zh: '灌溉水利用系数',
    short_en: 'Irrigation coefficient',
    unit_zh: '无量纲',
    unit_en: 'ratio',
    kind: 'coefficient',
    direction: 'at_least',
    decimals: 2,
    additive: false,
    scheme: 'PuBuGn',
    meaning_zh: '从水源引出的灌溉水中，真正被庄稼用上的比例；越接近1，渠道和田间浪费越少。',
    meaning_en: 'The share of irrigation water taken from a source that actually reaches the crops; closer to 1 means less waste.',
    section: '附件 目标分解表 “农田灌溉水有效利用系数”列',
    section_en: 'Annex table, column “irrigation coefficient”',
  },
  {
    id: 'agri_saving_capacity',
    column: '新增农业节水能力（万立方米）',
    name_zh: '新增农业节水能力',
    name_en: 'New agricultural water-saving capacity',
    short_zh: '新增农业节水能力',
    short_en: 'New farm water saving',
    unit_zh: '万立方米',
    unit_en: '10,000 m³',
    kind: 'amount',
    direction: 'at_least',
    decimals: 0,
    additive: true,
    scheme: 'YlGn',
    meaning_zh: '通过滴灌、高标准农田等新增的、每年能省下的农业用水量（预估数，随高标准农田建设任务调整）；“/”表示该区不适用。',
    meaning_en: 'Farm water saved each year by new drip irrigation, upgraded farmland and the like (an estimate, adjusted with the farmland programme); “/” means not applicable.',
    section: '附件 目标分解表 “新增农业节水能力”列及表注',
    section_en: 'Annex table, column “new agricultural saving capacity” and its note',
  },
] as const satisfies readonly IndicatorDef[];

export type IndicatorId = (typeof INDICATORS)[number]['id'];
export const INDICATOR_IDS = INDICATORS.map((d) => d.id) as unknown as readonly [IndicatorId, ...IndicatorId[]];

export function getIndicator(id: string): (typeof INDICATORS)[number] | undefined {
  return INDICATORS.find((d) => d.id === id);
}
