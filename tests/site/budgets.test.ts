/**
 * Byte budgets (deterministic, so asserted here; times are only reported by `npm run bench`),
 * and static checks of the built pages: CSP, no inline script, no third-party URL to load.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist';
const gz = (file: string) => gzipSync(readFileSync(path.join(DIST, file)), { level: 9 }).length;
const html = (route: string) => readFileSync(path.join(DIST, route, 'index.html'), 'utf8');
const KB = 1024;

/** files a page needs before any dynamic import: its HTML, stylesheets, module scripts and their static imports */
function firstViewFiles(route: string): string[] {
  const h = html(route);
  const files = new Set<string>([path.join(route, 'index.html')]);
  for (const m of h.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)) files.add(m[1]);
  const queue = [...h.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  while (queue.length) {
    const f = queue.shift()!;
    if (files.has(f)) continue;
    files.add(f);
    const js = readFileSync(path.join(DIST, f), 'utf8');
    // static imports only: `import{..}from"./x.js"` / `import"./x.js"`; dynamic `import("./x.js")` is excluded
    for (const m of js.matchAll(/(?:^|[;\s])import\s*(?:[\w{}*\s,$]+from\s*)?["']([^"']+)["']/g)) {
      queue.push(path.posix.join(path.posix.dirname(f), m[1]));
    }
  }
  return [...files];
}

function allHtml(dir = DIST): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? allHtml(p) : f.endsWith('.html') ? [p] : [];
  });
}

describe('byte budgets', () => {
  it('first view of the home page (shell, targets, table) is at most 50 KB gzipped, with no map code and no schema library', () => {
    // measured 2026-11-29: 46.3 KB (61.3 KB before the page scripts stopped importing values from
    // contract.ts, which brought zod and every schema with them; src/domain/cells.ts)
    const files = firstViewFiles('');
    const total = files.reduce((s, f) => s + gz(f), 0);
    expect(files.some((f) => /initMap|maplibre|deck/i.test(f))).toBe(false);
    for (const f of files) expect(readFileSync(path.join(DIST, f), 'utf8').includes('ZodError'), f).toBe(false);
    expect(total).toBeLessThanOrEqual(50 * KB);
  });

  it('whole-city boundary data is at most 15 KB gzipped', () => {
    expect(gz('data/counties.topojson')).toBeLessThanOrEqual(15 * KB);
  });

  it('all map-ready data for the home page is at most 40 KB gzipped', () => {
    const total = ['counties.topojson', 'context.geojson', 'hatch.geojson', 'projects.geojson', 'coal-mines.geojson'].reduce((s, f) => s + gz(`data/${f}`), 0);
    expect(total).toBeLessThanOrEqual(40 * KB);
  });

  it('the place search index is at most 36 KB gzipped, and no page loads it up front', () => {
    // measured 2026-11-29: 203 KB raw, 32 KB gzip -9 (12 counties, 197 towns, 2,437 villages)
    expect(gz('data/places.json')).toBeLessThanOrEqual(36 * KB);
    for (const route of ['', 'en', 'county/150426', 'en/county/150426']) {
      const files = firstViewFiles(route);
      expect(files.some((f) => f.includes('places.json')), route).toBe(false);
      // the names arrive by fetch on first use, never inside a script or the page
      for (const f of files) expect(readFileSync(path.join(DIST, f), 'utf8').includes('三道沟村委会'), f).toBe(false);
    }
  });

  it("an embed nobody touches costs at most 60 KB gzipped: its page, no map code, and its indicator's SVG map", () => {
    // measured 2026-11-29: HTML 7.8, CSS 4.1, JS 26.7, choropleth SVG 13.5 KB gzip (npm run bench, served gzip -6)
    for (const route of ['embed', 'en/embed']) {
      const files = firstViewFiles(route);
      expect(files.some((f) => /initMap|maplibre|deck/i.test(f)), route).toBe(false);
      const svg = route === 'embed' ? 'data/choropleth-water_use_cap.svg' : 'data/choropleth-water_use_cap.en.svg';
      const total = [...files, svg].reduce((sum, f) => sum + gz(f), 0);
      expect(total, route).toBeLessThanOrEqual(60 * KB);
    }
  });

  it('county pages need no map library at all', () => {
    const files = firstViewFiles('county/150402');
    expect(files.filter((f) => f.endsWith('.js')).every((f) => !/initMap|maplibre/.test(readFileSync(path.join(DIST, f), 'utf8').slice(0, 20000)))).toBe(true);
  });
});

describe('every built page', () => {
  const pages = allHtml();
  it('exists for both languages', () => {
    expect(pages.length).toBeGreaterThan(30);
  });
  it('sets a same-origin Content-Security-Policy without unsafe-eval or inline script', () => {
    for (const p of pages) {
      const h = readFileSync(p, 'utf8');
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(h)?.[1];
      expect(csp, p).toBeDefined();
      expect(csp).toContain("default-src 'self'");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toContain('unsafe-inline');
      // no inline executable script: only src= scripts and JSON data blocks
      for (const m of h.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)) {
        expect(m[1], p).toMatch(/type="application\/json"/);
      }
    }
  });
  it('loads nothing from another origin', () => {
    for (const p of pages) {
      const h = readFileSync(p, 'utf8');
      for (const m of h.matchAll(/<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="(https?:)?\/\/[^"]*"/g)) {
        // only the alternate/canonical links may name the site's own public address
        expect(m[0], p).toMatch(/rel="(alternate|canonical)"/);
      }
    }
  });
});
