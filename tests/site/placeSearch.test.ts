/**
 * The "my town" matching (src/lib/placeSearch.ts) as a pure function, on the real index the
 * pipeline built (dist/data/places.json): exact, prefix, one wrong or missing character, names
 * without their generic ending, county aliases and English names, and the ranking.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editDistances, indexPlaces, placePath, searchPlaces } from '../../src/lib/placeSearch';
import { normalizePlaceName, placeStem } from '../../src/domain/placeNames';
import type { PlacesFile } from '../../src/domain/contract';

const index = indexPlaces(JSON.parse(readFileSync('dist/data/places.json', 'utf8')) as PlacesFile);
const top = (q: string) => searchPlaces(index, q).hits[0]?.place;
const names = (q: string, limit = 8) => searchPlaces(index, q, limit).hits.map((h) => h.place.name);
const pathOf = (q: string) => placePath(index, top(q)!).map((p) => `${p.name} ${p.code}`);

describe('place names as search keys', () => {
  it('normalise full-width forms, case, spaces and punctuation', () => {
    expect(normalizePlaceName(' ＡＯＨＡＮ  Banner ')).toBe('aohanbanner');
    expect(normalizePlaceName('乌敦·套海镇（')).toBe('乌敦套海镇');
  });
  it('lose one generic ending, never down to a single character', () => {
    expect(placeStem('三道沟村委会')).toBe('三道沟');
    expect(placeStem('富河社区居民委员会')).toBe('富河');
    expect(placeStem('罕苏木苏木')).toBe('罕苏木');
    expect(placeStem('平庄村村民委员会')).toBe('平庄村');
    expect(placeStem('新村')).toBeNull();
    expect(placeStem('玉龙工业园区')).toBeNull();
  });
  it('count edits by character, for the whole key and for its best beginning', () => {
    expect(editDistances('乌墩套海镇', '乌敦套海镇')).toEqual({ whole: 1, prefix: 1 });
    expect(editDistances('乌墩套', '乌敦套海镇').prefix).toBe(1);
    expect(editDistances('三道沟', '乌敦套海镇').whole).toBeGreaterThan(1);
  });
});

describe('searchPlaces', () => {
  it('finds a village by its exact name and gives its path 村 → 乡镇 → 旗县区', () => {
    expect(names('三道沟村委会')).toEqual(['三道沟村委会']);
    expect(pathOf('三道沟村委会')).toEqual(['三道沟村委会 150426101202', '乌敦套海镇 150426101', '翁牛特旗 150426']);
    expect(top('三道沟村委会')!.county).toBe('150426');
  });

  it('finds names without their generic ending: 三道沟 → 三道沟村委会, 乌敦套海 → 乌敦套海镇', () => {
    expect(names('三道沟')).toEqual(['三道沟村委会']);
    expect(names('三道沟村')).toEqual(['三道沟村委会']);
    expect(names('乌敦套海')).toEqual(['乌敦套海镇']);
  });

  it('finds by a beginning, exact matches first', () => {
    expect(names('乌敦')[0]).toBe('乌敦套海镇');
    const hits = searchPlaces(index, '乌丹').hits;
    expect(hits[0].place.name).toBe('乌丹镇');
    expect(hits[0].tier).toBe(0);
    expect(hits.slice(1).every((h) => h.tier >= 1)).toBe(true);
  });

  it('finds a name inside a longer one: 铁西 → 宁城县铁西街道', () => {
    expect(names('铁西')).toContain('宁城县铁西街道');
  });

  it('tolerates one wrong character: 乌墩套海镇 → 乌敦套海镇, first, marked as similar', () => {
    const r = searchPlaces(index, '乌墩套海镇');
    expect(r.hits[0].place.name).toBe('乌敦套海镇');
    expect(r.similar).toBe(true);
    expect(names('三道构')[0]).toBe('三道沟村委会');
  });

  it('tolerates one missing or extra character', () => {
    expect(names('乌套海镇')).toContain('乌敦套海镇');
    expect(names('三沟村委会')[0]).toBe('三道沟村委会');
    expect(names('三道道沟村委会')[0]).toBe('三道沟村委会');
  });

  it('tolerates a wrong character while the name is still being typed: 乌墩套 → 乌敦套海镇', () => {
    expect(names('乌墩套')[0]).toBe('乌敦套海镇');
  });

  it('does not bury an exact match under names one character away', () => {
    // 四道沟村委会 and 二道沟村民委员会 are one character from 三道沟; they are not what was typed
    expect(names('三道沟')).not.toContain('四道沟村委会');
    expect(searchPlaces(index, '三道沟').similar).toBe(false);
  });

  it('finds counties by alias, short form and English name', () => {
    expect(top('克旗')).toMatchObject({ code: '150425', name: '克什克腾旗', level: 'county' });
    expect(top('翁旗')!.code).toBe('150426');
    expect(top('巴林左')!.code).toBe('150422');
    expect(top('Ongniud')!.code).toBe('150426');
    expect(top('hexigten banner')!.code).toBe('150425');
    expect(top('ＡＯＨＡＮ')!.code).toBe('150430');
    expect(top('宁成')!.code).toBe('150429'); // one wrong character in a two-character county name
  });

  it('ranks counties before towns before villages for the same match', () => {
    const hits = searchPlaces(index, '红山').hits;
    expect(hits[0].place).toMatchObject({ code: '150402', level: 'county' });
    const levels = hits.filter((h) => h.tier === 0).map((h) => h.place.level);
    expect(levels).toEqual([...levels].sort((a, b) => ['county', 'town', 'village'].indexOf(a) - ['county', 'town', 'village'].indexOf(b)));
  });

  it('shows both places of the same name, each with its county', () => {
    const hits = searchPlaces(index, '全宁街道').hits;
    expect(hits.slice(0, 2).map((h) => `${h.place.name} ${h.place.county}`)).toEqual(['全宁街道 150404', '全宁街道 150426']);
  });

  it('limits the list but counts every match', () => {
    const r = searchPlaces(index, '嘎查', 8);
    expect(r.hits).toHaveLength(8);
    expect(r.total).toBeGreaterThan(200);
  });

  it('finds nothing for an empty query, a placeholder or a name that is not there', () => {
    expect(searchPlaces(index, '  ').total).toBe(0);
    expect(searchPlaces(index, '虚拟社区').total).toBe(0);
    expect(searchPlaces(index, '北京').total).toBe(0);
  });
});
