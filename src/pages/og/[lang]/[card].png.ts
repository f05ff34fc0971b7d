/**
 * Link-preview cards, one PNG per edition and page kind, written at build time:
 *   og/zh/home.png, og/en/home.png        the city map (every page but the county pages)
 *   og/zh/150402.png, og/en/150402.png …  the county on its locator map
 * Base.astro names them in og:image / twitter:image (absolute, from SITE_URL).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { loadCounties, loadDictionary } from '../../../lib/loadData';
import { nameOf } from '../../../lib/display';
import { dataDir } from '../../../lib/dataFiles';
import { renderCard, type CardWords } from '../../../lib/ogCard';
import { choroplethSvgFile } from '../../../domain/contract';
import { t, fill, type Lang } from '../../../i18n';

export const getStaticPaths = (() => {
  const codes = loadCounties().features.map((f) => f.properties.adcode);
  return (['zh', 'en'] as const).flatMap((lang) => ['home', ...codes].map((card) => ({ params: { lang, card } })));
}) satisfies GetStaticPaths;

const readData = (file: string) => fs.readFileSync(path.join(dataDir(), file), 'utf8');

export const GET: APIRoute = async ({ params }) => {
  const lang = params.lang as Lang;
  const s = t(lang);
  const p = s.publish;
  const suffix = lang === 'zh' ? '' : '.en';
  let words: CardWords;
  let map: string;
  if (params.card === 'home') {
    // the first indicator of the registry: the map the home page opens with
    const first = loadDictionary().indicators[0];
    words = { kicker: s.siteName, title: p.cardHome, sub: p.cardHomeSub, doc: p.cardDoc, docNo: p.cardDocNo };
    map = readData(choroplethSvgFile(`${first.id}${suffix}`));
  } else {
    const county = loadCounties().features.find((f) => f.properties.adcode === params.card)!.properties;
    words = { kicker: s.siteName, title: fill(p.cardCounty, { name: nameOf(county, lang) }), sub: p.cardCountySub, doc: p.cardDoc, docNo: p.cardDocNo };
    map = readData(`county-${county.adcode}${suffix}.svg`);
  }
  return new Response(Uint8Array.from(await renderCard(words, map)), { headers: { 'content-type': 'image/png' } });
};
