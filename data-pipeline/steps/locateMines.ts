import * as turf from '@turf/turf';
import type { CoalMineFeature, CountiesFile, MineStatus } from '../../src/domain/contract';
import { PipelineError } from '../errors';
import { parseGemNumber, type GemRow } from './parseGemMines';

export interface MinesResult {
  features: CoalMineFeature[];
  /** rows whose position cannot be read (none labelled as ours: those are refused) */
  unreadable: number;
}

/**
 * GEM rows -> the coal mines of 赤峰市, each with its county. A row is ours when its point (WGS84,
 * as GEM publishes it; the county boundaries are WGS84 too) falls inside one of the 12 counties by
 * point-in-polygon, or when GEM's "Prefecture, District" names the city; a row labelled as ours whose
 * point falls outside every county, or cannot be read, is refused rather than dropped or guessed.
 * Precision is `approximate` for all: the point is GEM's, not surveyed by anyone here.
 */
export function locateMines(rows: GemRow[], counties: CountiesFile, o: { prefecture: string; source: string }): MinesResult {
  const bbox = turf.bbox(counties);
  const ours = (r: GemRow) => r.prefecture.toLowerCase() === o.prefecture.toLowerCase();
  let unreadable = 0;
  const features: CoalMineFeature[] = [];
  for (const r of rows) {
    const lat = parseGemNumber(r.latitude);
    const lon = parseGemNumber(r.longitude);
    if (lat === null || lon === null || Number.isNaN(lat) || Number.isNaN(lon)) {
      if (ours(r)) throw new PipelineError(r.file, `${r.gemId}: position cannot be read`, { line: r.line, field: 'Latitude, Longitude', value: `${r.latitude}; ${r.longitude}` });
      unreadable++;
      continue;
    }
    const inBox = lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
    const county = inBox ? counties.features.find((c) => turf.booleanPointInPolygon([lon, lat], c)) : undefined;
    if (!county) {
      if (ours(r)) {
        throw new PipelineError(r.file, `${r.gemId} (${r.nameEn}) is labelled ${o.prefecture} but its point falls in none of the 12 counties`, {
          line: r.line,
          field: 'Latitude, Longitude',
          value: `${r.latitude}; ${r.longitude}`,
        });
      }
      continue;
    }
    const num = (field: string, text: string, integer: boolean) => {
      const v = parseGemNumber(text);
      if (v !== null && (Number.isNaN(v) || (integer && !Number.isInteger(v)))) throw new PipelineError(r.file, `${r.gemId}: not a number`, { line: r.line, field, value: text });
      return v;
    };
    // the tracker has rows with no id ("#N/A", a Colombian project); one of ours must have one
    if (!/^M\d+$/.test(r.gemId)) throw new PipelineError(r.file, 'not a GEM mine id (M followed by digits)', { line: r.line, field: 'GEM Mine ID', value: r.gemId });
    const accuracy = r.accuracy.toLowerCase();
    if (accuracy !== 'exact' && accuracy !== 'approximate') throw new PipelineError(r.file, `${r.gemId}: Location Accuracy must be Exact or Approximate`, { line: r.line, field: 'Location Accuracy', value: r.accuracy });
    features.push({
      type: 'Feature',
      properties: {
        gem_id: r.gemId,
        name_en: r.nameEn,
        name_zh: r.nameZh,
        status: r.status as MineStatus,
        status_detail: r.statusDetail,
        capacity_mtpa: num('Capacity (Mtpa)', r.capacity, false),
        mine_type: r.mineType,
        opening_year: num('Opening Year', r.openingYear, true),
        closing_year: num('Closing Year', r.closingYear, true),
        gem_location_accuracy: accuracy,
        precision: 'approximate',
        adcode: county.properties.adcode,
        gem_prefecture: r.prefecture,
        gem_file: r.path,
        gem_line: r.line,
        source: o.source,
        licence: 'CC BY 4.0',
      },
      geometry: { type: 'Point', coordinates: [lon, lat] },
    });
  }
  features.sort((a, b) => a.properties.adcode.localeCompare(b.properties.adcode) || a.properties.gem_id.localeCompare(b.properties.gem_id, 'en', { numeric: true }));
  return { features, unreadable };
}
