import { INDICATORS } from '../../src/domain/indicators';
import type { AnnexFile, DictionaryFile, IndicatorMeta } from '../../src/domain/contract';
import { OUTPUT_FILES } from '../../src/domain/contract';

const BOM = '\ufeff';
const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
export const toCsv = (rows: string[][]) => BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

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

const DOC = '赤政发〔2025〕11号 附件';

/** English of the few fixed strings used as units and sources in the dictionary */
function unitEn(unit: string): string {
  const ind = INDICATORS.find((i) => i.unit_zh === unit);
  if (ind) return ind.unit_en;
  return ({ 名: 'rank', '°（WGS84）': '° (WGS84)' } as Record<string, string>)[unit] ?? unit;
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
  };
  return fixed[source] ?? source;
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
      { file: geo, column: 'bbox', name_zh: '范围', name_en: 'Bounding box', unit: '°（WGS84）', meaning_zh: '[西, 南, 东, 北]。', meaning_en: '[west, south, east, north].', source: '由本站根据边界计算' },
      { file: geo, column: 'area_km2', name_zh: '示意面积', name_en: 'Illustrative area', unit: 'km²', meaning_zh: '示意边界的面积，非官方面积。', meaning_en: 'Area of the illustrative boundary, not an official figure.', source: '由本站根据边界计算' },
      ...perIndicator(geo),
      { file: OUTPUT_FILES.projects, column: 'precision', name_zh: '位置精度', name_en: 'Location precision', unit: '', meaning_zh: 'surveyed 实测；approximate 近似（公开资料）；schematic 示意位置；unlocated 位置未公布。', meaning_en: 'surveyed, approximate (public sources), schematic (illustration only) or unlocated (not published).', source: '见每个项目的 location_source' },
      { file: OUTPUT_FILES.projects, column: 'adcodes', name_zh: '涉及旗县区', name_en: 'Counties touched', unit: '', meaning_zh: '项目几何所在或涉及的旗县区代码。', meaning_en: 'Codes of the divisions the project lies in or touches.', source: '由本站计算（点面叠加）' },
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
