/**
 * The progress template officials fill, derived from the indicator registry: its header, its 13
 * prefilled rows and its 填写说明 (instructions). The pipeline writes it as .xlsx (with the
 * instructions as a second sheet) and as .csv (with the instructions as a .txt beside it); the
 * update page turns a checked file back into the same CSV for the maintainers. Pure, browser-safe.
 */
import type { AnnexRow, ProgressRow } from './contract';
import { CROSS_CHECK_TOLERANCE, PROGRESS_FIRST_YEAR } from './contract';
import { INDICATORS } from './indicators';
import { DIVISIONS } from './divisions';
import { PROGRESS_COLUMNS, progressHeader } from './progressTable';
import { toCsv } from './text';

/** Where 来源 points, as the example in the template's instructions. */
export const SOURCE_EXAMPLE = '赤峰市水资源公报（2025年）';

/** The 13 prefilled rows: 全市, then the 12 divisions in code order; year and figures empty. */
export function templateRows(): string[][] {
  const width = progressHeader().length;
  return DIVISIONS.map((d) => {
    const r = Array<string>(width).fill('');
    r[1] = d.adcode;
    r[2] = d.name_zh;
    return r;
  });
}

/** What a decline-rate column is measured against (the annex's "较2020年下降率"). */
const DECLINE_NOTE =
  '“较2020年下降率”：与本行政区2020年的同一用水强度（每万元GDP或每万元工业增加值的用水量）相比下降的百分比，即（2020年值 − 当年值）÷ 2020年值 × 100；' +
  '用水强度比2020年升高时为负数（如 -3.5）；2020年本身为 0。';

/**
 * The 填写说明: general rules, then one line per column (what it means, its unit, its 2025 target
 * rule). `annexCity` gives the city-wide targets quoted as examples.
 */
export function templateGuide(annexCity: AnnexRow): { title: string; rules: string[]; columns: [string, string][] } {
  const c = PROGRESS_COLUMNS;
  const additive = INDICATORS.filter((i) => i.additive).map((i) => i.name_zh);
  const rules = [
    `每行填写一个行政区、一个年份的实际完成值（不是目标值）。同一文件可以填写多个年份：每个行政区每年一行（复制预填的13行，改年份即可）。`,
    `年份为 ${PROGRESS_FIRST_YEAR} 年（方案的基准年）至今年，只填已公布统计数据的年份。`,
    `不要修改表头；“${c.code}”和“${c.name}”已预填，请勿改动；没有数据的行可以删除或保留空白（年份留空的空白行不会被读取）。`,
    '数值单元格只填数字：可用全角数字；百分比列可带“%”；不要写“约”“左右”、千位分隔符（“1,234”）、单位或科学计数法。没有数据的单元格留空，不要填 0 或“/”。',
    `有数值的行必须填写“${c.source}”，如“${SOURCE_EXAMPLE}”；同一行的数值应出自该来源。`,
    `可相加的指标（${additive.join('、')}）：全市应等于12个旗县区之和，允许 ${CROSS_CHECK_TOLERANCE * 100}% 的舍入差。`,
    '与上一年相比变化很大的数值会得到提示（不会被拒绝），请核对后确认。',
    '保存为 Excel 工作簿（.xlsx），或“CSV UTF-8（逗号分隔）”（GB18030/GBK 编码的 CSV 也可）。可先在网站的“数据更新助手”页面检查；检查通过后交给网站维护人员，放入 data-pipeline/input/progress/ 并重新生成网站。',
  ];
  const dir = (d: 'at_most' | 'at_least') => (d === 'at_most' ? '不超过' : '不低于');
  const columns: [string, string][] = [
    [c.year, `数据所属年份，4位数字（${PROGRESS_FIRST_YEAR}年至今年），如 2024。`],
    [c.code, 'GB/T 2260 六位行政区划代码，已预填，勿改；150400 为全市。'],
    [c.name, '行政区名称，已预填；须与代码一致（可用常见简称，如“阿旗”“克旗”）。'],
    ...INDICATORS.map((ind): [string, string] => {
      const city = annexCity.cells[ind.id];
      const target = city.status === 'value' ? `全市2025年目标：${dir(ind.direction)} ${city.text}（各旗县区目标见方案附件）。` : '';
      const unit = ind.kind === 'percent' ? '%（填百分数，如 20.5 或 20.5%）' : ind.unit_zh;
      const extra =
        ind.kind === 'percent' && /2020/.test(ind.column)
          ? DECLINE_NOTE
          : ind.id === 'agri_saving_capacity'
            ? '方案注明该指标为预估数；请按统计口径填写，并在“备注”中说明是当年新增还是累计。'
            : '';
      // what to fill first (the year's actual figure), then what the target it is measured against means
      return [ind.column, `填写${ind.actual_zh}单位：${unit}。合理范围：${ind.range.actual[0]} 至 ${ind.range.actual[1]}。对照的目标：${ind.meaning_zh}${target}${extra}`];
    }),
    [c.source, `必填（有数值时）：数据出处，如“${SOURCE_EXAMPLE}”“最严格水资源管理制度考核结果（2024年度）”。`],
    [c.note, '选填：口径说明、数据状态（如“初步数”）等。'],
    [c.updated, '选填：该行数值发布或最近更正的日期，如 2026-03-22（也可写 2026/3/22 或 2026年3月22日）；不早于数据所属年份。网站的旗县区页面据此显示“更新日期”；留空时显示“未注明”。'],
  ];
  return { title: '赤峰市节水行动进展数据 · 填写说明', rules, columns };
}

/** The guide as plain text (the CSV template's companion file), UTF-8 with BOM so Notepad opens it. */
export function templateGuideText(annexCity: AnnexRow): string {
  const g = templateGuide(annexCity);
  const lines = [
    g.title,
    '（配合 progress-template.csv 使用；.xlsx 模板的“填写说明”工作表内容相同）',
    '',
    '一、填写规则',
    ...g.rules.map((r, i) => `${i + 1}. ${r}`),
    '',
    '二、各列说明',
    ...g.columns.map(([k, v]) => `【${k}】${v}`),
  ];
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/**
 * The template as CSV: the header and the 13 prefilled rows; or, given checked rows, one filled
 * row per division and year (the file the update page offers back to the maintainers).
 */
export function templateCsv(rows?: ProgressRow[]): string {
  const header = progressHeader();
  if (!rows) return toCsv([header, ...templateRows()]);
  const byKey = new Map<string, ProgressRow[]>();
  for (const r of rows) byKey.set(`${r.year}|${r.adcode}`, [...(byKey.get(`${r.year}|${r.adcode}`) ?? []), r]);
  const out = [...byKey.values()].map((list) => {
    const first = list[0];
    return [
      String(first.year),
      first.adcode,
      first.name_zh,
      ...INDICATORS.map((ind) => list.find((r) => r.indicator === ind.id)?.value_text ?? ''),
      first.source,
      first.note,
      first.updated ?? '',
    ];
  });
  out.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
  return toCsv([header, ...out]);
}
