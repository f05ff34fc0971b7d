/**
 * Static checks of the built pages for issue 11: words a reader knows, no space before a
 * full-width bracket, the downloads page's files and sizes. Reads dist/ (npm test builds it).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const DIST = 'dist';
function allHtml(dir = DIST): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? allHtml(p) : f.endsWith('.html') ? [p] : [];
  });
}
/** the text a visitor sees: tags dropped, white space collapsed as the browser does */
const visibleText = (html: string) =>
  html
    .replace(/<(script|style|svg|noscript)\b[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ');

describe('built pages (issue 11)', () => {
  const pages = allHtml();
  it('say "无量纲" nowhere and put no space before a full-width bracket', () => {
    for (const p of pages) {
      const text = visibleText(readFileSync(p, 'utf8'));
      expect(text.includes('无量纲'), p).toBe(false);
      expect(text.match(/.{0,12}\S \（/)?.[0], p).toBeUndefined();
    }
  });

  it('the downloads page lists the Excel table and gives every file its real size (manifest.json too)', () => {
    for (const [route, mib] of [['downloads', '（'], ['en/downloads', ' (']] as const) {
      const html = readFileSync(path.join(DIST, route, 'index.html'), 'utf8');
      // linked by content-versioned names, saved under the plain ones (download="…")
      expect(html).toMatch(/href="\/data\/indicators-excel\.[0-9a-f]{10}\.csv" download="indicators-excel\.csv"/);
      const sizes = [...html.matchAll(/href="\/data\/[^"]+" download="([^"]+)"[^>]*>[\s\S]*?<\/a><span class="note">([^<]+)<\/span>/g)].map((m) => [m[1], m[2]]);
      expect(sizes.length).toBeGreaterThan(15);
      for (const [file, size] of sizes) {
        expect(size, file).not.toMatch(/\b0 B/);
        expect(size.startsWith(mib), `${route} ${file} ${size}`).toBe(true);
      }
      const manifest = sizes.find(([f]) => f === 'manifest.json')![1];
      const kb = statSync(path.join(DIST, 'data/manifest.json')).size / 1024;
      expect(manifest).toContain(kb >= 10 ? `${Math.round(kb)} KB` : `${kb.toFixed(1)} KB`);
    }
  });

  it('the map offers the rows of the current view as CSV, for every indicator', () => {
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    expect(html).toMatch(/<a class="button" id="download-view" href="\/data\/view-water_use_cap\.[0-9a-f]{10}\.csv" download="view-water_use_cap\.csv">下载当前视图数据（CSV）<\/a>/);
    const cfg = JSON.parse(/<script type="application\/json" id="atlas-config">([\s\S]*?)<\/script>/.exec(html)![1]);
    for (const [id, url] of Object.entries(cfg.viewCsv as Record<string, string>)) {
      expect(url).toMatch(new RegExp(`^/data/view-${id}\\.[0-9a-f]{10}\\.csv$`));
      const csv = readFileSync(path.join(DIST, url), 'utf8');
      expect(csv.split('\r\n')).toHaveLength(15); // header, 全市, 12 counties, trailing
    }
  });
});
