import * as turf from '@turf/turf';
import polylabel from 'polylabel';
import { INDICATORS } from '../../src/domain/indicators';
import { COUNTIES } from '../../src/domain/divisions';
import { cellProperties, type AnnexRow, type CountiesFile, type CountyFeature, type CountyProps, type IndicatorMeta } from '../../src/domain/contract';
import { PipelineError } from '../errors';
import { classOf, ranks } from './computeClasses';

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

/** A label point well inside the largest part (pole of inaccessibility), WGS84. */
export function labelPoint(g: GeoJSON.Polygon | GeoJSON.MultiPolygon, decimals: number): [number, number] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const largest = polys.reduce((a, b) => (turf.area(turf.polygon(b)) > turf.area(turf.polygon(a)) ? b : a));
  const p = polylabel(largest, 0.001);
  return [round(p[0], decimals), round(p[1], decimals)];
}

/**
 * County polygons (by adcode) + annex rows (by adcode) -> features carrying every indicator,
 * its rank, class and share of the city total. The join is by GB/T 2260 code only; a
 * boundary without an annex row, or a row without a boundary, is an error.
 */
export function joinIndicators(
  geometry: GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, { adcode: string }>,
  city: AnnexRow,
  counties: AnnexRow[],
  meta: IndicatorMeta[],
  decimals: number,
  boundaryFile: string,
): CountiesFile {
  const byCode = new Map(geometry.features.map((f) => [f.properties.adcode, f]));
  for (const c of COUNTIES) {
    if (!byCode.has(c.adcode)) throw new PipelineError(boundaryFile, `no boundary for ${c.name_zh} (${c.adcode})`, { field: 'adcode' });
  }
  for (const code of byCode.keys()) {
    if (!counties.some((c) => c.adcode === code)) {
      throw new PipelineError(boundaryFile, `boundary ${code} is not one of the 12 divisions of 赤峰市`, { field: 'adcode', value: code });
    }
  }
  const rankBy = Object.fromEntries(
    INDICATORS.map((ind) => [ind.id, ranks(counties.map((c) => c.cells[ind.id].value))]),
  ) as Record<string, (number | null)[]>;
  const features: CountyFeature[] = counties.map((row, i) => {
    const def = COUNTIES.find((c) => c.adcode === row.adcode)!;
    const f = byCode.get(row.adcode)!;
    const bb = turf.bbox(f);
    const props: Record<string, unknown> = {
      adcode: row.adcode,
      name_zh: def.name_zh,
      name_en: def.name_en,
      kind: def.kind,
      label: labelPoint(f.geometry, decimals),
      // placed afterwards, for every whole-city map at once (steps/placeLabels.ts)
      callout: null,
      bbox: bb.map((v) => round(v, decimals)),
      area_km2: round(turf.area(f) / 1e6, 1),
    };
    for (const ind of INDICATORS) {
      const cell = row.cells[ind.id];
      const m = meta.find((x) => x.id === ind.id)!;
      const cityCell = city.cells[ind.id];
      Object.assign(
        props,
        cellProperties(ind.id, {
          value: cell.value,
          text: cell.text,
          status: cell.status,
          rank: rankBy[ind.id][i],
          cls: cell.value === null ? null : classOf(cell.value, m.breaks),
          share: ind.additive && cell.value !== null && cityCell.value ? round(cell.value / cityCell.value, 4) : null,
        }),
      );
    }
    return { type: 'Feature', properties: props as CountyProps, geometry: f.geometry };
  });
  return { type: 'FeatureCollection', features };
}
