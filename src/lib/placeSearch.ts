/**
 * The "my town" matching, pure: places.json (built by the pipeline, keys already normalised)
 * and what a visitor typed -> ranked places. No DOM; the search box (src/client/placeSearch.ts)
 * and tests/site/placeSearch.test.ts both call it.
 *
 * Ranking, best first:
 *   0 exact     a key equals the query ("三道沟" -> 三道沟村委会, whose keys are 三道沟村委会 and 三道沟)
 *   1 prefix    a key starts with it ("乌敦" -> 乌敦套海镇)
 *   2 contains  a key holds it, 2 characters or more ("铁西" -> 宁城县铁西街道)
 *   3 one edit  one character wrong, missing or extra ("乌墩套海镇" -> 乌敦套海镇), queries of
 *               3 characters or more (2 for the 12 counties: "宁成" -> 宁城县)
 *   4 one edit in a beginning  ("乌墩套" -> 乌敦套海镇), queries of 3 characters or more
 * Each tier is tried with the query as typed, then without its ending ("三道沟村" -> 三道沟);
 * a match as typed ranks first; in tier 3 a character left out ranks before a wrong one
 * ("三沟村委会" -> 三道沟村委会 before 三家村委会). Then counties before towns before villages,
 * shorter names first, then by code.
 * The tolerant tiers (3, 4) are dropped when something matches the query as typed: "三道沟"
 * then finds 三道沟村委会 alone, not also 四道沟 and 二道沟. When only the query without its ending
 * matched, the names one character from the whole query stay: "乌套海镇" shows 乌套海嘎查 and
 * also 乌敦套海镇.
 * Tolerance is kept to one edit, and off for short queries: on 2,600 names of two to four
 * characters, one edit in two characters matches hundreds of unrelated places.
 */
import type { PlacesFile } from '../domain/contract';
import { normalizePlaceName, placeStem } from '../domain/placeNames';

export type PlaceLevel = 'county' | 'town' | 'village';

export interface Place {
  code: string;
  level: PlaceLevel;
  /** the name as listed (统计用区划代码, or the division registry for counties) */
  name: string;
  /** the county's English name (counties only) */
  nameEn?: string;
  /** every normalised form it is found by, the name's own form first */
  keys: string[];
  /** codes above it, nearest first: [town, county] for a village, [county] for a town, [] for a county */
  path: string[];
  /** the county it lies in (its own code for a county) */
  county: string;
}

export interface PlaceIndex {
  places: Place[];
  byCode: Map<string, Place>;
}

/** places.json -> searchable places (kept in file order, which is by code). */
export function indexPlaces(file: PlacesFile): PlaceIndex {
  const places: Place[] = [
    ...file.counties.map(([code, name, nameEn, keys]): Place => ({ code, level: 'county', name, nameEn, keys: [normalizePlaceName(name), ...keys], path: [], county: code })),
    ...file.towns.map(([code, name, keys, path]): Place => ({ code, level: 'town', name, keys: [normalizePlaceName(name), ...keys], path, county: path[path.length - 1] })),
    ...file.villages.map(([code, name, keys, path]): Place => ({ code, level: 'village', name, keys: [normalizePlaceName(name), ...keys], path, county: path[path.length - 1] })),
  ];
  return { places, byCode: new Map(places.map((p) => [p.code, p])) };
}

/**
 * Edit distance between `q` and `key` (whole), and between `q` and the closest beginning of
 * `key`, in characters (code points), stopping early once both exceed `max`.
 */
export function editDistances(q: string, key: string, max = 1): { whole: number; prefix: number } {
  const A = [...q];
  const B = [...key];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= B.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (A[i - 1] === B[j - 1] ? 0 : 1));
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return { whole: max + 1, prefix: max + 1 };
    prev = cur;
  }
  return { whole: prev[B.length], prefix: Math.min(...prev) };
}

const LEVEL_RANK: Record<PlaceLevel, number> = { county: 0, town: 1, village: 2 };
/** queries shorter than this (in characters) are matched exactly or as a beginning only */
export const MIN_CONTAINS_CHARS = 2;
export const MIN_FUZZY_CHARS = 3;
export const MIN_FUZZY_CHARS_COUNTY = 2;

export interface PlaceHit {
  place: Place;
  /** 0 exact, 1 prefix, 2 contains, 3 one edit, 4 one edit in a beginning */
  tier: number;
  /** matched only by the query without its generic ending */
  byStem: boolean;
  /** one edit that is a character left out: every typed character is in the key, in order */
  leftOut: boolean;
}
type Rank = Pick<PlaceHit, 'tier' | 'byStem' | 'leftOut'>;

const better = (a: Rank, b: Rank) => a.tier - b.tier || Number(a.byStem) - Number(b.byStem) || Number(b.leftOut) - Number(a.leftOut);

/** `q` can be read out of `key` by skipping characters ("三沟" in "三道沟") */
function isSubsequence(q: string, key: string): boolean {
  const K = [...key];
  let j = 0;
  for (const ch of q) {
    while (j < K.length && K[j] !== ch) j++;
    if (j++ >= K.length) return false;
  }
  return true;
}

/** How well the query (and its stem, if any) matches one place: its best tier, or null. */
function matchPlace(place: Place, q: string, stem: string | null): PlaceHit | null {
  let best: PlaceHit | null = null;
  for (const [f, byStem] of stem ? ([[q, false], [stem, true]] as const) : ([[q, false]] as const)) {
    const len = [...f].length;
    const fuzzyMin = place.level === 'county' ? MIN_FUZZY_CHARS_COUNTY : MIN_FUZZY_CHARS;
    for (const k of place.keys) {
      let tier: number | null = null;
      if (k === f) tier = 0;
      else if (k.startsWith(f)) tier = 1;
      else if (len >= MIN_CONTAINS_CHARS && k.includes(f)) tier = 2;
      else if (len >= fuzzyMin && Math.abs([...k].length - len) <= 1 && editDistances(f, k).whole <= 1) tier = 3;
      else if (len >= MIN_FUZZY_CHARS && editDistances(f, k).prefix <= 1) tier = 4;
      if (tier === null) continue;
      const r: Rank = { tier, byStem, leftOut: tier === 3 && isSubsequence(f, k) };
      if (best === null || better(r, best) < 0) best = { place, ...r };
    }
    if (best && best.tier === 0 && !best.byStem) return best;
  }
  return best;
}

export interface SearchResult {
  /** the best `limit` places, ranked */
  hits: PlaceHit[];
  /** how many places matched in all */
  total: number;
  /** nothing matched as typed: these are names one character away */
  similar: boolean;
}

/** the first tier of the tolerant matches */
const FIRST_SIMILAR_TIER = 3;

/** What a visitor typed -> ranked places (see the top of this file). */
export function searchPlaces(index: PlaceIndex, query: string, limit = 8): SearchResult {
  const q = normalizePlaceName(query);
  if (q === '') return { hits: [], total: 0, similar: false };
  const s = placeStem(q);
  const stem = s && s !== q ? s : null;
  let found: PlaceHit[] = [];
  for (const place of index.places) {
    const hit = matchPlace(place, q, stem);
    if (hit) found.push(hit);
  }
  // as typed beats similar; a match only without the ending keeps the similar names of the whole query
  if (found.some((h) => h.tier < FIRST_SIMILAR_TIER && !h.byStem)) found = found.filter((h) => h.tier < FIRST_SIMILAR_TIER);
  else if (found.some((h) => h.tier < FIRST_SIMILAR_TIER)) found = found.filter((h) => h.tier < FIRST_SIMILAR_TIER || !h.byStem);
  const similar = found.length > 0 && found.every((h) => h.tier >= FIRST_SIMILAR_TIER);
  found.sort(
    (a, b) =>
      better(a, b) ||
      LEVEL_RANK[a.place.level] - LEVEL_RANK[b.place.level] ||
      [...a.place.name].length - [...b.place.name].length ||
      (a.place.code < b.place.code ? -1 : a.place.code > b.place.code ? 1 : 0),
  );
  return { hits: found.slice(0, limit), total: found.length, similar };
}

/** A place and the places above it, nearest first: 三道沟村委会, 乌敦套海镇, 翁牛特旗. */
export function placePath(index: PlaceIndex, place: Place): Place[] {
  return [place, ...place.path.map((c) => index.byCode.get(c)!).filter(Boolean)];
}
