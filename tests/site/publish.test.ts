/**
 * The publishing settings and build helpers, without a browser: what SITE_URL / BASE_PATH mean,
 * that an unset SITE_URL is said out loud, content-versioned data names, the sitemap, the link
 * preview card's text fitting, `npm start` options, and the built dist/ (no SITE_URL) as a
 * quick start makes it.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { normaliseBase, publicUrl, publishSettings, PublishSettingsError } from '../../src/lib/publish';
import { unversioned, versioned } from '../../src/lib/dataFiles';
import { cardSvg, emWidth, wrap } from '../../src/lib/ogCard';
import atlasPublish, { renderSitemap } from '../../scripts/astroPublish';
import { parseArgs } from '../../scripts/start';
import type { Release } from '../../scripts/buildServiceWorker';

describe('SITE_URL and BASE_PATH', () => {
  it('SITE_URL alone: the folder is its path, absolute links keep it', () => {
    const s = publishSettings({ SITE_URL: 'https://www.example.gov.cn/jieshui' });
    expect(s).toEqual({ base: '/jieshui/', site: 'https://www.example.gov.cn/jieshui/', warnings: [] });
    expect(publicUrl('/jieshui/en/present/', { base: s.base, site: s.site! })).toBe('https://www.example.gov.cn/jieshui/en/present/');
    expect(publicUrl('/jieshui/?i=x#map-heading', { base: s.base, site: s.site! })).toBe('https://www.example.gov.cn/jieshui/?i=x#map-heading');
  });

  it('BASE_PATH with a bare SITE_URL: files and public links under the folder', () => {
    const s = publishSettings({ SITE_URL: 'https://water.example.org', BASE_PATH: 'jieshui' });
    expect(s).toEqual({ base: '/jieshui/', site: 'https://water.example.org/jieshui/', warnings: [] });
  });

  it('a proxy: files under BASE_PATH, public links keep the path of SITE_URL (and the build says so)', () => {
    const s = publishSettings({ SITE_URL: 'https://www.example.gov.cn/portal/water/', BASE_PATH: '/jieshui/' });
    expect(publicUrl('/jieshui/county/150402/', { base: s.base, site: s.site! })).toBe('https://www.example.gov.cn/portal/water/county/150402/');
    expect(s.warnings).toHaveLength(1);
  });

  it('unset SITE_URL is never silent: a warning in both languages, and nothing absolute', () => {
    const s = publishSettings({});
    expect(s).toMatchObject({ base: '/', site: undefined });
    expect(s.warnings[0]).toContain('未设置 SITE_URL');
    expect(s.warnings[0]).toContain('SITE_URL is not set');
  });

  it('the build prints it at the start (and repeats it at the end)', () => {
    const lines: string[] = [];
    const logger = { warn: (m: string) => lines.push(m), info: () => undefined };
    const hook = atlasPublish(publishSettings({})).hooks['astro:config:setup'] as unknown as (o: object) => void;
    hook({ command: 'build', logger });
    expect(lines.some((l) => l.includes('未设置 SITE_URL'))).toBe(true);
    lines.length = 0;
    hook({ command: 'preview', logger });
    expect(lines).toEqual([]);
  });

  it('refuses what would break links, with a message in Chinese and English', () => {
    expect(() => publishSettings({ SITE_URL: 'www.example.gov.cn' })).toThrow(PublishSettingsError);
    expect(() => publishSettings({ SITE_URL: 'www.example.gov.cn' })).toThrow(/https:\/\//);
    expect(() => publishSettings({ SITE_URL: 'https://x.cn/?a=1' })).toThrow(/\?/);
    expect(() => normaliseBase('/节水/')).toThrow(/BASE_PATH/);
    expect(() => normaliseBase('/a/../b')).toThrow(PublishSettingsError);
    expect(normaliseBase('//jieshui//')).toBe('/jieshui/');
    expect(normaliseBase('/')).toBe('/');
    expect(normaliseBase('a/b')).toBe('/a/b/');
  });

  it('warns that an http:// public address gets no offline copy (except on a LAN)', () => {
    expect(publishSettings({ SITE_URL: 'http://www.example.gov.cn/' }).warnings.join()).toContain('https');
    expect(publishSettings({ SITE_URL: 'http://192.168.1.23:4321/' }).warnings).toEqual([]);
  });
});

describe('content-versioned data names', () => {
  it('put the hash before the extension, and come back', () => {
    expect(versioned('counties.topojson', '0123456789')).toBe('counties.0123456789.topojson');
    expect(versioned('choropleth-x.en.svg', 'abcdefabcd')).toBe('choropleth-x.en.abcdefabcd.svg');
    expect(versioned('README', 'abcdefabcd')).toBe('README.abcdefabcd');
    expect(unversioned('choropleth-x.en.abcdefabcd.svg')).toBe('choropleth-x.en.svg');
    expect(unversioned('README.abcdefabcd')).toBe('README');
    expect(unversioned('counties.topojson')).toBeNull();
    expect(unversioned('x.en.svg')).toBeNull();
  });
});

describe('sitemap.xml', () => {
  it('every page but the embeds, absolute, with the other language', () => {
    const xml = renderSitemap(['', 'en/', 'embed/', 'en/embed/', 'county/150402/', 'en/county/150402/', 'og/zh/home.png'], {
      base: '/jieshui/',
      site: 'https://www.example.gov.cn/jieshui/',
    });
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([
      'https://www.example.gov.cn/jieshui/',
      'https://www.example.gov.cn/jieshui/county/150402/',
      'https://www.example.gov.cn/jieshui/en/',
      'https://www.example.gov.cn/jieshui/en/county/150402/',
    ]);
    expect(xml).toContain('hreflang="zh-CN" href="https://www.example.gov.cn/jieshui/county/150402/"');
  });
});

describe('link-preview card text', () => {
  it('Chinese is one em a character; long lines wrap, English at spaces', () => {
    expect(emWidth('赤政发〔2025〕11号')).toBeGreaterThan(7);
    const en = wrap('Harqin Left Wing Mongol Autonomous County', 8, 4)!;
    expect(en.length).toBeGreaterThan(2);
    expect(en.join(' ')).toBe('Harqin Left Wing Mongol Autonomous County'); // broken only at spaces
    for (const l of en) expect(emWidth(l)).toBeLessThanOrEqual(8);
    const zh = wrap('全市2025年节水目标', 6, 2)!;
    expect(zh).toHaveLength(2);
    expect(zh.join('')).toBe('全市2025年节水目标');
    for (const l of zh) expect(emWidth(l)).toBeLessThanOrEqual(6);
    expect(wrap('全市2025年节水目标', 3, 2)).toBeNull();
  });
  it('the card names the document and escapes what it writes', () => {
    const svg = cardSvg({ kicker: 'A & B', title: '<红山区>', sub: 's', doc: 'd', docNo: '赤政发〔2025〕11号' }, '<svg viewBox="0 0 480 520"></svg>');
    expect(svg).toContain('赤政发〔2025〕11号');
    expect(svg).toContain('&lt;红山区&gt;');
    expect(svg).toContain('A &amp; B');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="630"/);
  });
});

describe('npm start options', () => {
  it('loopback by default; --host alone for every network; an address; a port; HOST and PORT', () => {
    expect(parseArgs([], {})).toEqual({ host: '127.0.0.1', port: 4321, build: true });
    expect(parseArgs(['--host'], {}).host).toBe('0.0.0.0');
    expect(parseArgs(['--host', '192.168.1.5', '--no-build'], {})).toEqual({ host: '192.168.1.5', port: 4321, build: false });
    expect(parseArgs(['--host=10.0.0.2', '--port=8080'], {})).toEqual({ host: '10.0.0.2', port: 8080, build: true });
    expect(parseArgs(['--host', '--port', '8080'], {})).toEqual({ host: '0.0.0.0', port: 8080, build: true });
    expect(parseArgs([], { HOST: '0.0.0.0', PORT: '5000' })).toEqual({ host: '0.0.0.0', port: 5000, build: true });
    expect(() => parseArgs(['--port', 'x'], {})).toThrow(/port/);
    expect(() => parseArgs(['--hots'], {})).toThrow(/unknown option/);
  });
});

describe('dist/ as a quick start builds it (no SITE_URL)', () => {
  const release = JSON.parse(readFileSync('dist/release.json', 'utf8')) as Release;
  it('says so in release.json, writes no sitemap, no canonical link and no preview image, but the cards exist', () => {
    expect(release.site).toBeNull();
    expect(release.base).toBe('/');
    expect(existsSync('dist/sitemap.xml')).toBe(false);
    const h = readFileSync('dist/index.html', 'utf8');
    expect(h).not.toContain('rel="canonical"');
    expect(h).not.toContain('og:image');
    expect(h).toContain('<meta name="twitter:card" content="summary">');
    expect(readdirSync('dist/og/zh')).toHaveLength(13);
    expect(readdirSync('dist/og/en')).toHaveLength(13);
  });
  it('every data file is there under its plain and its versioned name, byte for byte', () => {
    const plain = readdirSync('dist/data').filter((f) => unversioned(f) === null);
    expect(plain.length).toBeGreaterThan(40);
    for (const f of plain) {
      const twin = release.files.find((e) => e.url.startsWith('data/') && unversioned(e.url.slice(5)) === f);
      expect(twin, f).toBeDefined();
      expect(readFileSync(path.join('dist', twin!.url)).equals(readFileSync(path.join('dist/data', f))), f).toBe(true);
    }
  });
});
