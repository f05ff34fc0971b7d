/**
 * The Astro integration that makes a build publishable (astro.config.mjs):
 *
 *  - at the start of `astro build`: says loudly what SITE_URL / BASE_PATH mean for this build
 *    (an unset SITE_URL turns QR codes, canonical links, previews and the sitemap off);
 *  - when the pages are written: the data folder goes into dist/data/ under its plain names (from
 *    ATLAS_DATA_DIR when a test builds from another pipeline output) and under content-versioned
 *    names (src/lib/dataFiles.ts), which every page links; sitemap.xml (when SITE_URL is set);
 *    then the release, the service worker and release.json (scripts/buildServiceWorker.ts); and
 *    the SITE_URL warning again, last, where the person building will see it.
 */
import type { AstroIntegration } from 'astro';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash, dataDir, versioned } from '../src/lib/dataFiles';
import { publicUrl, type PublishSettings } from '../src/lib/publish';
import { buildServiceWorker, describe } from './buildServiceWorker';

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const d of await fs.readdir(dir, { withFileTypes: true })) {
    if (d.name.startsWith('.')) continue;
    if (d.isDirectory()) out.push(...(await listFiles(path.join(dir, d.name), `${prefix}${d.name}/`)));
    else if (d.isFile()) out.push(prefix + d.name);
  }
  return out;
}

/** dist/data: the pipeline's files under their plain and their content-versioned names. */
async function writeData(out: string): Promise<number> {
  const src = dataDir();
  const dest = path.join(out, 'data');
  await fs.mkdir(dest, { recursive: true });
  const files = await listFiles(src);
  for (const f of files) {
    const body = await fs.readFile(path.join(src, f));
    await fs.mkdir(path.dirname(path.join(dest, f)), { recursive: true });
    // public/data was copied by Astro already; another data folder replaces it
    if (process.env.ATLAS_DATA_DIR) await fs.writeFile(path.join(dest, f), body);
    await fs.writeFile(path.join(dest, versioned(f, contentHash(body))), body);
  }
  return files.length;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * sitemap.xml: every HTML page but the embeds (a map for other sites' iframes), absolute
 * (SITE_URL), with its counterpart in the other language.
 */
export function renderSitemap(pathnames: string[], settings: { base: string; site: string }): string {
  const pages = [...new Set(pathnames.map((p) => p.replace(/^\/+/, '')))]
    .filter((p) => (p === '' || p.endsWith('/')) && !/(^|\/)embed\/$/.test(p))
    .sort();
  const set = new Set(pages);
  const abs = (p: string) => xmlEscape(publicUrl(settings.base + p, settings));
  const rows = pages.map((p) => {
    const zh = p.startsWith('en/') ? p.slice(3) : p;
    const en = `en/${zh}`;
    const alts = set.has(zh) && set.has(en)
      ? `\n    <xhtml:link rel="alternate" hreflang="zh-CN" href="${abs(zh)}"/>\n    <xhtml:link rel="alternate" hreflang="en" href="${abs(en)}"/>`
      : '';
    return `  <url>\n    <loc>${abs(p)}</loc>${alts}\n  </url>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
    rows.join('\n') +
    '\n</urlset>\n'
  );
}

export default function atlasPublish(settings: PublishSettings): AstroIntegration {
  const warn = (logger: { warn: (m: string) => void }) => {
    for (const w of settings.warnings) for (const line of w.split('\n')) logger.warn(line);
  };
  return {
    name: 'atlas-publish',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        logger.info(`SITE_URL=${settings.site ?? '(unset)'} BASE_PATH=${settings.base}`);
        warn(logger);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const out = fileURLToPath(dir);
        // Astro leaves these server-side modules behind when outDir lies outside the project
        // (ATLAS_OUT_DIR in tests); no page uses them and they must not be published or precached
        for (const f of ['content-assets.mjs', 'content-modules.mjs']) await fs.rm(path.join(out, f), { force: true });
        const n = await writeData(out);
        logger.info(`data: ${n} files under their plain and content-versioned names`);
        if (settings.site) {
          await fs.writeFile(path.join(out, 'sitemap.xml'), renderSitemap(pages.map((p) => p.pathname), { base: settings.base, site: settings.site }));
        }
        const r = await buildServiceWorker(out, { site: settings.site ?? null, base: settings.base });
        logger.info(describe(r));
        logger.info(settings.site ? `published for ${settings.site} (files under ${settings.base})` : `files under ${settings.base}`);
        warn(logger);
      },
    },
  };
}
