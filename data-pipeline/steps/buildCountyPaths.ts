import type { CountiesFile, CountyPathsFile } from '../../src/domain/contract';
import { choroplethFrame } from './renderChoroplethSvg';

/**
 * The 12 divisions as SVG paths in the frame of the static choropleths (`width` px wide), with
 * the label point of each: the site draws static progress maps from these (no WebGL, and the
 * update page's preview of a file that never leaves the official's browser) without projecting
 * anything itself.
 */
export function buildCountyPaths(counties: CountiesFile, width: number): CountyPathsFile {
  const { fc, proj, mapH, path } = choroplethFrame(counties, width);
  const r = (v: number) => Math.round(v * 10) / 10;
  return {
    width,
    height: mapH,
    counties: fc.features
      .map((f) => {
        const [x, y] = proj(f.properties.label)!;
        return { adcode: f.properties.adcode, name_zh: f.properties.name_zh, name_en: f.properties.name_en, d: path(f)!, label: [r(x), r(y)] as [number, number] };
      })
      .sort((a, b) => a.adcode.localeCompare(b.adcode)),
  };
}
