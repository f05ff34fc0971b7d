import { geoMercator, geoPath } from 'd3-geo';
import * as turf from '@turf/turf';
import type { CoalMinesFile, CountiesFile, ProjectsFile } from '../../src/domain/contract';
import { escapeXml } from '../../src/domain/format';

/**
 * A static map focused on one county, drawn at build time: the county in the accent colour,
 * its neighbours in grey with their names, the projects that touch it (schematic ones
 * dashed) and its coal mines (GEM, approximate points; the attribution CC BY 4.0 asks for is
 * written into the image). Used on the county pages, readable with no script and in print.
 */
export function renderCountySvg(counties: CountiesFile, projects: ProjectsFile, mines: CoalMinesFile, adcode: string, lang: 'zh' | 'en'): string {
  const W = 480;
  const H = 520;
  const fc = turf.rewind(counties, { reverse: true }) as unknown as CountiesFile;
  const me = fc.features.find((f) => f.properties.adcode === adcode)!;
  const [w, s, e, n] = me.properties.bbox;
  const padX = (e - w) * 0.35;
  const padY = (n - s) * 0.35;
  const frame = turf.bboxPolygon([w - padX, s - padY, e + padX, n + padY]);
  const proj = geoMercator().fitExtent([[8, 8], [W - 8, H - 8]], turf.rewind(frame, { reverse: true }));
  const path = geoPath(proj).digits(1);
  const name = (p: { name_zh: string; name_en: string }) => escapeXml(lang === 'zh' ? p.name_zh : p.name_en);
  const shapes = fc.features
    .map((f) => `<path d="${path(f)}" fill="${f === me ? '#0b5394' : '#e4e7ea'}" stroke="#ffffff" stroke-width="1.5"/>`)
    .join('');
  const here = projects.features.filter((p) => p.geometry && p.properties.adcodes.includes(adcode) && !/Polygon/.test(p.geometry.type));
  const projectShapes = here
    .map((p) => {
      const g = p.geometry!;
      const dash = p.properties.precision === 'schematic' ? ' stroke-dasharray="6 4"' : '';
      if (g.type === 'Point') {
        const [x, y] = proj(g.coordinates as [number, number])!;
        return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="6" fill="#ffffff" stroke="#d35400" stroke-width="3"/>`;
      }
      return `<path d="${path(turf.feature(g))}" fill="none" stroke="#d35400" stroke-width="3"${dash}/>`;
    })
    .join('');
  const labels = fc.features
    .map((f) => {
      const [x, y] = proj(f.properties.label)!;
      if (x < 0 || x > W || y < 0 || y > H) return '';
      const isMe = f === me;
      return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="middle" font-size="${isMe ? 18 : 13}" font-weight="${isMe ? 700 : 400}" fill="${isMe ? '#ffffff' : '#333333'}" stroke="${isMe ? '#0b5394' : '#ffffff'}" stroke-width="3" paint-order="stroke">${name(f.properties)}</text>`;
    })
    .join('');
  // coal mines: filled = operating, hollow = not operating (GEM status); each with its name as a tooltip
  const coal = mines.features.filter((m) => m.properties.adcode === adcode);
  const mineShapes = coal
    .map((m) => {
      const [x, y] = proj(m.geometry.coordinates as [number, number])!;
      const on = m.properties.status === 'operating';
      const title = escapeXml(`${lang === 'zh' ? m.properties.name_zh || m.properties.name_en : m.properties.name_en} (GEM ${m.properties.gem_id})`);
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="5" fill="${on ? '#3d3d3d' : '#ffffff'}" stroke="${on ? '#ffffff' : '#3d3d3d'}" stroke-width="2"><title>${title}</title></circle>`;
    })
    .join('');
  const hasSchematic = here.some((p) => p.properties.precision === 'schematic');
  const hasApprox = here.some((p) => p.properties.precision === 'approximate');
  // the credit CC BY 4.0 asks for, on two lines so it fits the 480 px image
  const mineKey = coal.length
    ? [
        lang === 'zh' ? '●○ 煤矿（矿井水来源，近似位置）：' : '●○ Coal mines (sources of mine water, approximate):',
        `${mines.credit} (${mines.licence})`,
      ]
        .map((t, i) => `<text x="12" y="${H - 50 + i * 17}" font-size="12" fill="#333333" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(t)}</text>`)
        .join('')
    : '';
  const key = [
    hasSchematic ? (lang === 'zh' ? '虚线：示意位置' : 'dashed: schematic location') : '',
    hasApprox ? (lang === 'zh' ? '圆点：近似位置' : 'dot: approximate location') : '',
  ].filter(Boolean);
  const keyText = key.length
    ? `<text x="12" y="${H - 12}" font-size="13" fill="#7a3e00" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(key.join(lang === 'zh' ? '；' : '; '))}</text>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="'Noto Sans CJK SC','Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif">
<rect width="${W}" height="${H}" fill="#f3f4f1"/>${shapes}${projectShapes}${mineShapes}${labels}${mineKey}${keyText}
</svg>
`;
}
