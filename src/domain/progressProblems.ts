/**
 * The words of every problem a progress file can have, in Chinese (the officials who fill the
 * template) and English (the English update page). Kept in the shared module, not in src/i18n,
 * because the pipeline prints them too and imports nothing from the site; like vocabulary.ts,
 * each text is still written once and found by its key (`code`).
 * Pure, browser-safe.
 */
import type { ProgressProblem } from './contract';
import { showValue } from './text';

type Level = ProgressProblem['level'];
type Params = Record<string, string | number>;
interface Words {
  /** what is wrong */
  message: string;
  /** what was expected */
  expected: string;
  /** how to fix it */
  fix: string;
}
interface Entry {
  level: Level;
  zh: (p: Params) => Words;
  en: (p: Params) => Words;
}

const TEMPLATE_HINT_ZH = '从本站下载 progress-template.xlsx（数据更新助手或下载页），按模板填写';
const TEMPLATE_HINT_EN = 'download progress-template.xlsx (update page or downloads page) and fill it in';

export const PROBLEMS = {
  file_empty: {
    level: 'error',
    zh: () => ({ message: '文件是空的', expected: '填好的进展数据表', fix: `${TEMPLATE_HINT_ZH}。` }),
    en: () => ({ message: 'The file is empty', expected: 'a filled progress table', fix: `Please ${TEMPLATE_HINT_EN}.` }),
  },
  file_unreadable: {
    level: 'error',
    zh: (p) => ({ message: `无法作为 Excel 工作簿（.xlsx）打开（${p.detail}）`, expected: '用 Excel 或 WPS 保存的 .xlsx 文件', fix: '在 Excel 中打开该文件，“另存为”Excel 工作簿（.xlsx）后再试。' }),
    en: (p) => ({ message: `Cannot be opened as an Excel workbook (.xlsx) (${p.detail})`, expected: 'an .xlsx file saved by Excel or WPS', fix: 'Open it in Excel, "Save As" Excel Workbook (.xlsx) and try again.' }),
  },
  file_old_xls: {
    level: 'error',
    zh: () => ({ message: '这是旧版 Excel（.xls）文件', expected: '.xlsx 或 .csv 文件', fix: '在 Excel 中“另存为”Excel 工作簿（.xlsx）。' }),
    en: () => ({ message: 'This is an old-format Excel file (.xls)', expected: 'an .xlsx or .csv file', fix: 'In Excel, "Save As" Excel Workbook (.xlsx).' }),
  },
  file_xlsx_as_csv: {
    level: 'error',
    zh: () => ({ message: '扩展名是 .csv，内容却是 Excel 工作簿', expected: '内容与扩展名一致', fix: '把扩展名改为 .xlsx；或在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”。' }),
    en: () => ({ message: 'Named .csv but it is an Excel workbook', expected: 'content that matches the extension', fix: 'Rename it to .xlsx, or in Excel "Save As" CSV UTF-8 (comma delimited).' }),
  },
  file_not_text: {
    level: 'error',
    zh: () => ({ message: '这不是文本格式的 CSV 文件（含二进制内容）', expected: 'CSV 文本文件', fix: '在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”，或直接使用 .xlsx。' }),
    en: () => ({ message: 'Not a text CSV file (binary content)', expected: 'a CSV text file', fix: 'In Excel, "Save As" CSV UTF-8 (comma delimited), or use the .xlsx.' }),
  },
  file_unsupported: {
    level: 'error',
    zh: (p) => ({ message: `不支持 .${p.ext} 文件`, expected: '.xlsx 或 .csv 文件', fix: '另存为 Excel 工作簿（.xlsx）或 CSV。' }),
    en: (p) => ({ message: `.${p.ext} files are not supported`, expected: 'an .xlsx or .csv file', fix: 'Save it as an Excel workbook (.xlsx) or as CSV.' }),
  },
  file_encoding: {
    level: 'error',
    zh: () => ({ message: '无法识别文件的文字编码', expected: 'UTF-8 或 GB18030（GBK）编码的 CSV', fix: '在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”。' }),
    en: () => ({ message: 'The text encoding cannot be recognised', expected: 'CSV in UTF-8 or GB18030 (GBK)', fix: 'In Excel, "Save As" CSV UTF-8 (comma delimited).' }),
  },
  csv_malformed: {
    level: 'error',
    zh: () => ({ message: 'CSV 格式有误：引号不成对', expected: '带引号的单元格以英文双引号开始并结束', fix: '检查该行的引号；或在 Excel 中重新“另存为”CSV。' }),
    en: () => ({ message: 'Malformed CSV: unbalanced quotes', expected: 'a quoted cell starts and ends with a double quote', fix: 'Check the quotes in this row, or save the file again as CSV from Excel.' }),
  },
  no_data_table: {
    level: 'error',
    zh: (p) => ({ message: `没有找到进展数据表（读到的第一行：${p.header}）`, expected: `模板的表头：${p.template}`, fix: `${TEMPLATE_HINT_ZH}，不要删改表头行。` }),
    en: (p) => ({ message: `No progress table found (first row read: ${p.header})`, expected: `the template's header: ${p.template}`, fix: `Please ${TEMPLATE_HINT_EN}; keep its header row as it is.` }),
  },
  sheet_skipped: {
    level: 'warning',
    zh: (p) => ({ message: `工作表“${p.sheet}”不是进展数据表（没有模板表头），已跳过`, expected: '数据工作表的第一行是模板表头', fix: '如果其中有要提交的数据，请把表头改回模板的样子；否则可忽略此提示。' }),
    en: (p) => ({ message: `Sheet "${p.sheet}" is not a progress table (no template header) and was skipped`, expected: 'a data sheet whose first row is the template header', fix: 'If it holds figures to submit, restore the template header; otherwise ignore this.' }),
  },
  header_missing: {
    level: 'error',
    zh: (p) => ({
      message: `缺少“${p.column}”列（读到的表头：${p.header}）`,
      expected: `模板的表头：${p.template}`,
      fix: p.fullwidth ? '表头中有全角逗号“，”：CSV 的各列须用英文逗号“,”分隔；请在 Excel 中另存为 CSV。' : '从模板复制表头行，不要删改列名。',
    }),
    en: (p) => ({
      message: `Column "${p.column}" is missing (header read: ${p.header})`,
      expected: `the template's header: ${p.template}`,
      fix: p.fullwidth ? 'The header contains full-width commas "，": CSV columns must be separated by ASCII commas; save the file as CSV from Excel.' : 'Copy the header row from the template; do not rename columns.',
    }),
  },
  header_duplicate: {
    level: 'error',
    zh: () => ({ message: '这一列在表头中出现了两次', expected: '每列只出现一次', fix: '删除重复的列，或把数据合并到一列。' }),
    en: () => ({ message: 'This column appears twice in the header', expected: 'each column once', fix: 'Delete the duplicate column or merge its figures into one.' }),
  },
  header_unknown: {
    level: 'warning',
    zh: () => ({ message: '模板中没有这一列，其内容不会被读取', expected: '模板中的列', fix: '若是指标数据，请放到模板对应的列；若只是说明，可写在“备注”列。' }),
    en: () => ({ message: 'The template has no such column; its content is not read', expected: 'a column of the template', fix: 'Put figures in the template column they belong to; put remarks in 备注.' }),
  },
  header_wrong_unit: {
    level: 'error',
    zh: (p) => ({ message: '这一列的单位与模板不同', expected: `“${p.expected}”`, fix: '按模板的单位换算后填写，并使用模板的表头。' }),
    en: (p) => ({ message: 'This column has a different unit from the template', expected: `"${p.expected}"`, fix: "Convert the figures to the template's unit and use the template's header." }),
  },
  header_no_indicator: {
    level: 'error',
    zh: (p) => ({ message: '表中没有任何指标列', expected: `至少一列指标，如“${p.example}”`, fix: '从模板复制表头行。' }),
    en: (p) => ({ message: 'The table has no indicator column', expected: `at least one indicator column, e.g. "${p.example}"`, fix: 'Copy the header row from the template.' }),
  },
  header_missing_indicator: {
    level: 'warning',
    zh: (p) => ({ message: `缺少指标列 ${p.columns}：本文件不含这些指标的数据`, expected: '模板的全部指标列', fix: '如有这些指标的数据，请从模板补上相应的列；没有可忽略此提示。' }),
    en: (p) => ({ message: `Indicator column(s) ${p.columnsEn} missing: the file has no figures for them`, expected: "all of the template's indicator columns", fix: 'If you have figures for them, add the columns from the template; otherwise ignore this.' }),
  },
  row_extra_cells: {
    level: 'error',
    zh: (p) => ({ message: `该行有 ${p.cells} 个单元格，比表头多 ${p.extra} 个`, expected: `与表头一样多（${p.header} 个）`, fix: '多半是数字里用了逗号（如“1,2”）把一个单元格分成了两个：小数点请用“.”，不要用千位分隔符。' }),
    en: (p) => ({ message: `This row has ${p.cells} cells, ${p.extra} more than the header`, expected: `as many as the header (${p.header})`, fix: 'Most likely a comma inside a number (e.g. "1,2") split a cell in two: use "." as the decimal point and no thousands separator.' }),
  },
  formula_no_result: {
    level: 'error',
    zh: () => ({ message: '公式没有计算结果', expected: '数值', fix: '在 Excel 中打开并保存一次（让公式算出结果），或把公式改为数值（复制后“选择性粘贴→数值”）。' }),
    en: () => ({ message: 'The formula has no computed result', expected: 'a number', fix: 'Open and save the file in Excel once so formulas are computed, or paste the values instead of formulas.' }),
  },
  year_missing: {
    level: 'error',
    zh: () => ({ message: '该行填了数值，但“年份”为空', expected: '4位年份，如 2024', fix: '填写这些数值所属的年份。' }),
    en: () => ({ message: 'The row has figures but no year', expected: 'a four-digit year, e.g. 2024', fix: 'Enter the year the figures are for.' }),
  },
  year_invalid: {
    level: 'error',
    zh: (p) => ({ message: '年份不是4位数字', expected: `${p.first} 至 ${p.last} 之间的4位年份，如 2024`, fix: '只填写数字年份，如 2024（不要写成日期）。' }),
    en: (p) => ({ message: 'The year is not a four-digit number', expected: `a year from ${p.first} to ${p.last}, e.g. 2024`, fix: 'Enter the year as a number, e.g. 2024 (not a date).' }),
  },
  year_out_of_range: {
    level: 'error',
    zh: (p) => ({ message: '年份超出范围', expected: `${p.first} 至 ${p.last} 年`, fix: `${p.first}年是方案的基准年，更早的年份不收录；不能填写今年（${p.last}年）以后的年份。` }),
    en: (p) => ({ message: 'The year is out of range', expected: `${p.first} to ${p.last}`, fix: `${p.first} is the plan's baseline year and nothing earlier is taken; no year after this one (${p.last}).` }),
  },
  code_missing: {
    level: 'error',
    zh: (p) => ({ message: '行政区划代码为空', expected: p.hint ? `${p.hint}` : '6位代码，如 150402（红山区）', fix: '按模板填写代码，不要删除代码列的内容。' }),
    en: (p) => ({ message: 'The division code is empty', expected: p.hint ? `${p.hint}` : 'a six-digit code, e.g. 150402 (红山区)', fix: 'Fill in the code as in the template.' }),
  },
  code_unknown: {
    level: 'error',
    zh: (p) => ({ message: '不是赤峰市的行政区划代码', expected: p.hint ? `${p.hint}` : '150400（全市）或12个旗县区的 1504xx 代码', fix: '以模板中预填的代码为准。' }),
    en: (p) => ({ message: 'Not a division code of 赤峰市', expected: p.hint ? `${p.hint}` : '150400 (whole city) or one of the 12 county codes 1504xx', fix: 'Use the codes prefilled in the template.' }),
  },
  name_unknown: {
    level: 'error',
    zh: (p) => ({ message: '不认识的行政区名称', expected: `如“${p.nearest}”`, fix: '检查错别字；也可用常见简称，如“阿旗”“克旗”。' }),
    en: (p) => ({ message: 'Unknown division name', expected: `e.g. "${p.nearest}"`, fix: 'Check the spelling; common short forms such as 阿旗 or 克旗 are accepted.' }),
  },
  name_code_mismatch: {
    level: 'error',
    zh: (p) => ({ message: `代码与名称不一致：${p.code} 是${p.codeName}，“${p.name}”的代码是 ${p.nameCode}`, expected: '同一行的代码与名称指同一个行政区', fix: '核对并改正代码或名称（以模板预填的为准）。' }),
    en: (p) => ({ message: `Code and name disagree: ${p.code} is ${p.codeName}, "${p.name}" is ${p.nameCode}`, expected: 'a code and name of the same division', fix: 'Correct the code or the name (the template has both prefilled).' }),
  },
  value_not_number: {
    level: 'error',
    zh: (p) => ({ message: '不是数字', expected: `只填数字，如 ${p.example}（单位：${p.unit}）`, fix: '去掉“约”“左右”、单位等文字，只留数字；没有数据请留空。' }),
    en: (p) => ({ message: 'Not a number', expected: `a number only, e.g. ${p.example} (unit: ${p.unitEn})`, fix: 'Remove words such as 约 (about), 左右 (or so) and units; leave the cell empty if there is no figure.' }),
  },
  value_comma: {
    level: 'error',
    zh: (p) => ({ message: '数字中有逗号', expected: `以“.”作小数点、不带千位分隔符的数字，如 ${p.example}`, fix: '删去逗号；小数点请用“.”（“1,2”不知是 1.2 还是 12）。' }),
    en: (p) => ({ message: 'A comma inside the number', expected: `a number with "." as the decimal point and no thousands separator, e.g. ${p.example}`, fix: 'Remove the comma; use "." as the decimal point ("1,2" could be 1.2 or 12).' }),
  },
  value_exponent: {
    level: 'error',
    zh: (p) => ({ message: '数字写成了科学计数法', expected: `普通小数，如 ${p.example}`, fix: '把单元格格式设为“数值”，按普通小数重新输入。' }),
    en: (p) => ({ message: 'The number is in scientific notation', expected: `a plain decimal, e.g. ${p.example}`, fix: 'Format the cell as "Number" and enter the plain decimal.' }),
  },
  value_too_long: {
    level: 'error',
    zh: (p) => ({ message: `数字位数过多（${p.digits} 位）`, expected: `最多 ${p.max} 位有效数字`, fix: '检查是否误粘贴了内容，按统计数据的实际位数填写。' }),
    en: (p) => ({ message: `Too many digits (${p.digits})`, expected: `at most ${p.max} significant digits`, fix: 'Check for a pasting mistake; enter the figure with the digits it is published with.' }),
  },
  value_percent_not_allowed: {
    level: 'error',
    zh: (p) => ({ message: `这一列的单位是“${p.unit}”，不能带“%”`, expected: `如 ${p.example}`, fix: '去掉“%”，按这一列的单位填写。' }),
    en: (p) => ({ message: `This column's unit is ${p.unitEn}; no "%" here`, expected: `e.g. ${p.example}`, fix: "Remove the % and enter the figure in the column's unit." }),
  },
  value_out_of_range: {
    level: 'error',
    zh: (p) => ({ message: '超出合理范围', expected: `${p.lo} 至 ${p.hi}（单位：${p.unit}）`, fix: '检查单位与小数点位置（亿立方米与万立方米相差一万倍；百分比只填百分数，如 20.5）。' }),
    en: (p) => ({ message: 'Outside the plausible range', expected: `${p.lo} to ${p.hi} (unit: ${p.unitEn})`, fix: 'Check the unit and the decimal point (亿 and 万 m³ differ 10,000-fold; a % column takes 20.5 for 20.5%).' }),
  },
  source_missing: {
    level: 'error',
    zh: () => ({ message: '该行有数值，但“来源”为空', expected: '数据的出处，如“赤峰市水资源公报（2025年）”', fix: '填写公布这些数据的公报或文件名称。' }),
    en: () => ({ message: 'The row has figures but no source', expected: 'where the figures are published, e.g. 赤峰市水资源公报（2025年）', fix: 'Enter the bulletin or document that publishes these figures.' }),
  },
  duplicate_row: {
    level: 'error',
    zh: (p) => ({ message: `${p.name} ${p.year}年的数据出现了两次（另一处：${p.first}）`, expected: '每个行政区每年只有一行', fix: '删除重复的一行，或把两行的数值合并到一行。' }),
    en: (p) => ({ message: `${p.name} ${p.year} appears twice (the other: ${p.first})`, expected: 'one row per division and year', fix: 'Delete one of the rows or merge their figures into one.' }),
  },
  city_sum_mismatch: {
    level: 'error',
    zh: (p) => ({ message: `${p.year}年12个旗县区合计 ${p.sum}，全市为 ${p.city}，相差 ${p.diff}，超过允许的 ${p.tol}%`, expected: `全市等于各旗县区之和（允许 ${p.tol}% 的舍入差）`, fix: '核对全市和各旗县区的数值（单位、小数点位置）。' }),
    en: (p) => ({ message: `In ${p.year} the 12 counties add up to ${p.sum} but 全市 is ${p.city}: a difference of ${p.diff}, more than the ${p.tol}% allowed`, expected: `全市 equal to the sum of the counties (within ${p.tol}% rounding)`, fix: 'Check the whole-city and county figures (unit, decimal point).' }),
  },
  city_sum_differs: {
    level: 'warning',
    zh: (p) => ({ message: `${p.year}年12个旗县区合计 ${p.sum}，全市为 ${p.city}，相差 ${p.diff}（在允许的 ${p.tol}% 以内）`, expected: '全市等于各旗县区之和', fix: '若不只是四舍五入的差别，请核对。' }),
    en: (p) => ({ message: `In ${p.year} the 12 counties add up to ${p.sum}, 全市 is ${p.city}: a difference of ${p.diff} (within the ${p.tol}% allowed)`, expected: '全市 equal to the sum of the counties', fix: 'If this is more than rounding, please check.' }),
  },
  county_exceeds_city: {
    level: 'error',
    zh: (p) => ({ message: `大于同年全市的数值 ${p.city}`, expected: `不大于全市的数值（${p.year}年全市：${p.city}）`, fix: '检查单位与小数点位置。' }),
    en: (p) => ({ message: `Larger than the whole-city figure ${p.city} of the same year`, expected: `no more than the whole city (${p.year}: ${p.city})`, fix: 'Check the unit and the decimal point.' }),
  },
  yearly_change: {
    level: 'warning',
    zh: (p) => ({ message: `与${p.prevYear}年的 ${p.prev} 相比变化了 ${p.change}`, expected: `逐年变化通常不超过 ${p.limit}`, fix: '请核对数值与单位；确认无误可忽略此提示。' }),
    en: (p) => ({ message: `Changed by ${p.changeEn} since ${p.prevYear} (${p.prev})`, expected: `usually less than ${p.limitEn} a year`, fix: 'Please check the figure and its unit; if it is right, ignore this.' }),
  },
  baseline_nonzero: {
    level: 'warning',
    zh: () => ({ message: '2020年是基准年，“较2020年下降率”在2020年应为 0', expected: '0', fix: '核对年份与数值。' }),
    en: () => ({ message: '2020 is the baseline year: a decline "vs 2020" is 0 in 2020', expected: '0', fix: 'Check the year and the figure.' }),
  },
  updated_invalid: {
    level: 'error',
    zh: () => ({ message: '更新日期不是有效的日期', expected: '年-月-日，如 2026-03-22（也可写 2026/3/22 或 2026年3月22日）', fix: '填写该行数值发布或最近更正的日期；不知道时留空。' }),
    en: () => ({ message: 'The date of update is not a valid date', expected: 'year-month-day, e.g. 2026-03-22 (2026/3/22 also works)', fix: "Enter the date the row's figures were published or last corrected; leave it empty if unknown." }),
  },
  updated_out_of_range: {
    level: 'error',
    zh: (p) => ({ message: '更新日期早于数据所属年份，或晚于今天', expected: `${p.first} 至 ${p.last}`, fix: `${p.year}年的数值只能在${p.year}年或之后发布，也不会在今天之后；请核对年份和更新日期。` }),
    en: (p) => ({ message: "The date of update is before the figures' year, or after today", expected: `${p.first} to ${p.last}`, fix: `Figures for ${p.year} can only be published in ${p.year} or later, and not after today: check the year and the date.` }),
  },
  row_no_figures: {
    level: 'warning',
    zh: () => ({ message: '该行填了年份，但没有任何指标数值', expected: '至少一个数值', fix: '没有数据的行可以删除，或把年份留空。' }),
    en: () => ({ message: 'The row has a year but no figure', expected: 'at least one figure', fix: 'Delete rows without figures, or leave their year empty.' }),
  },
  no_figures: {
    level: 'warning',
    zh: () => ({ message: '文件中没有任何数值', expected: '至少一行填好的数据', fix: '填写年份、数值和来源后再提交。' }),
    en: () => ({ message: 'The file holds no figure', expected: 'at least one filled row', fix: 'Enter the year, figures and source, then submit again.' }),
  },
} satisfies Record<string, Entry>;
export type ProblemCode = keyof typeof PROBLEMS;

/** Where a problem is, as an official finds it in Excel. */
export interface ProblemPlace {
  file: string;
  sheet?: string | null;
  row?: number | null;
  /** the column header as read */
  column?: string | null;
  /** 0-based column index, for the cell reference ("D5") */
  col?: number | null;
  /** the offending value as read (shown cut and escaped) */
  value?: string | null;
}

/** 0 -> "A", 25 -> "Z", 26 -> "AA": Excel's column letters. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function makeProblem(code: ProblemCode, at: ProblemPlace, params: Params = {}): ProgressProblem {
  const e: Entry = PROBLEMS[code];
  const zh = e.zh(params);
  const en = e.en(params);
  const row = at.row ?? null;
  const col = at.col ?? null;
  return {
    level: e.level,
    code,
    file: at.file,
    sheet: at.sheet ?? null,
    row,
    column: at.column ?? null,
    cell: row !== null && col !== null ? `${columnLetter(col)}${row}` : null,
    value: at.value != null ? showValue(at.value) : null,
    message: { zh: zh.message, en: en.message },
    expected: { zh: zh.expected, en: en.expected },
    fix: { zh: zh.fix, en: en.fix },
  };
}

/**
 * One problem as two lines of text, e.g.
 *   错误  2024.xlsx › 进展数据 › 第5行 D列「用水总量（亿立方米）」：不是数字（值："约0.9"）
 *         应为：只填数字，如 20.23（单位：亿立方米）；改法：去掉“约”“左右”、单位等文字…
 * Used by the pipeline's console output and usable as-is by the update page.
 */
export function formatProblem(p: ProgressProblem, lang: 'zh' | 'en' = 'zh'): string {
  const zh = lang === 'zh';
  const where = [
    p.file,
    p.sheet,
    p.row !== null ? (zh ? `第${p.row}行` : `row ${p.row}`) + (p.cell ? (zh ? ` ${p.cell.replace(/\d+$/, '')}列` : `, column ${p.cell.replace(/\d+$/, '')}`) : '') : null,
  ]
    .filter((x) => x !== null)
    .join(' › ');
  const column = p.column !== null ? (zh ? `「${p.column}」` : ` [${p.column}]`) : '';
  // p.value is already cut and escaped (showValue): quote it, do not escape it twice
  const value = p.value !== null ? (zh ? `（值：“${p.value}”）` : ` (value: "${p.value}")`) : '';
  const level = zh ? (p.level === 'error' ? '错误' : '警告') : p.level === 'error' ? 'error' : 'warning';
  return zh
    ? `${level}  ${where}${column}：${p.message.zh}${value}\n      应为：${p.expected.zh}；改法：${p.fix.zh}`
    : `${level}  ${where}${column}: ${p.message.en}${value}\n      expected: ${p.expected.en}; fix: ${p.fix.en}`;
}
