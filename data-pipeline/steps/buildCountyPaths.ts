import type { CountiesFile, CountyPathsFile } from '../../src/domain/contract';
import { choroplethFrame } from './renderChoroplethSvg';

/**
 * The 12 divisions as SVG paths in the frame of the static choropleths (`width` px wide), with
 * the label point of each (and the callout of a division too small for its name, as the choropleths
 * draw it): the site draws static progress maps from these (no WebGL, and the
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
        const at = (ll: [number, number]) => proj(ll)!.map(r) as [number, number];
        const c = f.properties.callout;
        return {
          adcode: f.properties.adcode,
          name_zh: f.properties.name_zh,
          name_en: f.properties.name_en,
          d: path(f)!,
          label: [r(x), r(y)] as [number, number],
          callout: c ? { text: at(c.text), point: at(c.point) } : null,
        };
      })
      .sort((a, b) => a.adcode.localeCompare(b.adcode)),
  };
}
