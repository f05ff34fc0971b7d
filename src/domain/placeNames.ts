/**
 * How a place name becomes a search key, shared by the pipeline (which stores the keys of every
 * 乡镇 and 村 in places.json) and the site's search box (which turns what a visitor typed into
 * the same form). Both sides must agree, so the rules live here, once.
 */

/**
 * A name or a query -> its comparable form: NFKC (full-width letters and digits to ASCII),
 * lower case (English county names), no spaces, punctuation or symbols ("·", "-", "（）").
 */
export function normalizePlaceName(raw: string): string {
  return raw.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * Generic endings that people leave out when they name their place: "三道沟" for 三道沟村委会,
 * "乌敦套海" for 乌敦套海镇. Longest first; only one is removed. Seen in the 统计用区划代码 names of
 * 赤峰市 (2023): 村委会 952, 村民委员会 712, 社区居委会 274, 嘎查 219, 村 172, 社区 41, 居民委员会 40,
 * 居委会 21, 社区委员会 4, 社区筹备处 2; towns end in 镇, 乡, 满族乡, 苏木, 街道, 街道筹备处.
 * The English endings serve the English county names ("Ongniud Banner" -> "ongniud").
 */
export const PLACE_SUFFIXES: readonly string[] = [
  '社区居民委员会',
  '社区居委会',
  '社区委员会',
  '社区筹备处',
  '村民委员会',
  '居民委员会',
  '街道办事处',
  '街道筹备处',
  '村委会',
  '居委会',
  '满族乡',
  '社区',
  '嘎查',
  '苏木',
  '街道',
  '村',
  '镇',
  '乡',
  'district',
  'banner',
  'county',
].sort((a, b) => b.length - a.length);

/** a stem shorter than this is too vague to search by ("新村" stays "新村", not "新") */
export const MIN_STEM_CHARS = 2;

/** A normalised name without its generic ending, or null when it has none (or too little would remain). */
export function placeStem(normalized: string): string | null {
  for (const s of PLACE_SUFFIXES) {
    if (normalized.endsWith(s)) {
      const stem = normalized.slice(0, -s.length);
      return [...stem].length >= MIN_STEM_CHARS ? stem : null;
    }
  }
  return null;
}

/** Every form a name can be found by: the normalised name and its stem, without repeats. */
export function placeKeys(name: string): string[] {
  const n = normalizePlaceName(name);
  const stem = placeStem(n);
  return stem && stem !== n ? [n, stem] : [n];
}
