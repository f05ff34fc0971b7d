/**
 * Words that appear both in published files (the pipeline's SVG maps and downloads) and on the
 * site's pages: the names of the annex's non-numeric cells and of location precisions. Kept here,
 * in the shared module, so the pipeline needs no UI strings; src/i18n reads them from here, so
 * each is still written once and found by key.
 */
export type Lang = 'zh' | 'en';

export interface CellWords {
  /** the language these words are in: figures are read in it too (format.ts readFigure) */
  lang: Lang;
  /** "保持2020年水平": a target of no rise, not a number */
  maintain: string;
  /** "/": the indicator does not apply to that division */
  notApplicable: string;
  /** the same, short enough for a label on a map */
  maintainShort: string;
  notApplicableShort: string;
  /** what each non-numeric cell means, in plain words, wherever it appears (legend, table, panel, maps) */
  maintainMeans: string;
  notApplicableMeans: string;
}

export const CELL_WORDS: Record<Lang, CellWords> = {
  zh: {
    lang: 'zh',
    maintain: '保持2020年水平',
    notApplicable: '不适用（/）',
    maintainShort: '保持2020年水平',
    notApplicableShort: '不适用',
    maintainMeans: '“保持2020年水平”：方案没有给这个地区定下降比例，只要求2025年不高于2020年的水平。',
    notApplicableMeans: '“不适用（/）”：方案附件在这一格写的是“/”，没有给这个地区定这项指标；不是0。',
  },
  en: {
    lang: 'en',
    maintain: 'Hold at 2020 level',
    notApplicable: 'Not applicable (/)',
    maintainShort: 'hold at 2020',
    notApplicableShort: 'n/a',
    maintainMeans: '“Hold at 2020 level”: the plan sets this area no rate of decline, only that 2025 must not be above 2020.',
    notApplicableMeans: '“Not applicable (/)”: the plan’s annex prints “/” here and sets this area no such target; it is not zero.',
  },
};

/** How precisely a project is placed (contract `Precision`). */
export const PRECISION_WORDS: Record<Lang, Record<'surveyed' | 'approximate' | 'schematic' | 'unlocated', string>> = {
  zh: { surveyed: '实测位置', approximate: '近似位置', schematic: '示意位置', unlocated: '位置未公布' },
  en: { surveyed: 'Surveyed location', approximate: 'Approximate location', schematic: 'Schematic location', unlocated: 'Location not published' },
};

/**
 * Where a division's figure stands against its 2025 target (contract `ProgressMapStatus`): the
 * progress map's legend, labels and tooltips, the county pages, the update page's preview, the
 * pipeline's progress SVGs. `not_met` of an earlier year means "not there yet" (every year is
 * compared with the same 2025 target), which `means` says.
 */
export type ProgressKey = 'met' | 'not_met' | 'no_target' | 'no_data';
export interface ProgressWords {
  /** the status in one or two words (达标 / 未达标 / 无此项目标 / 暂无数据) */
  label: Record<ProgressKey, string>;
  /** what it means, one short clause, for legends and tooltips */
  means: Record<ProgressKey, string>;
  /** "{n} divisions" after a legend entry */
  count: string;
}

export const PROGRESS_WORDS: Record<Lang, ProgressWords> = {
  zh: {
    label: { met: '达标', not_met: '未达标', no_target: '无此项目标', no_data: '暂无数据' },
    means: {
      met: '已达到本地区2025年目标',
      not_met: '尚未达到本地区2025年目标',
      no_target: '方案附件此格为“/”，没有这项目标',
      no_data: '这一年没有公布的数字',
    },
    count: '{n}个',
  },
  en: {
    label: { met: 'Target met', not_met: 'Not met yet', no_target: 'No target', no_data: 'No data yet' },
    means: {
      met: 'Already meets the area’s 2025 target',
      not_met: 'Does not meet the area’s 2025 target yet',
      no_target: 'The plan’s annex prints “/”: no such target here',
      no_data: 'No published figure for this year',
    },
    count: '{n}',
  },
};
