/**
 * Where the site will be published, from two environment variables read at build time:
 *
 *   SITE_URL   the public address of the site's home page, e.g. https://www.example.gov.cn/jieshui/
 *              (QR codes, canonical links, link previews, sitemap.xml). Unset: all four are off,
 *              and the build says so.
 *   BASE_PATH  the folder on the host the files are served from, e.g. /jieshui/ (every link, asset,
 *              data file, the service worker and its scope). Default: the path of SITE_URL, else "/".
 *
 * The two are separate because a host may publish a folder under another public path (a proxy);
 * absolute links keep the path of SITE_URL, the files' own links use BASE_PATH.
 * Used by astro.config.mjs (Astro's `site` and `base`), src/lib/paths.ts and the build's publish step. Pure: no file system.
 */

export interface PublishSettings {
  /** "/" or "/jieshui/": leading and trailing slash */
  base: string;
  /** the public address of the home page, ending in "/", or undefined when SITE_URL is unset */
  site: string | undefined;
  /** things the person building should read (Chinese first, then English) */
  warnings: string[];
}

export class PublishSettingsError extends Error {}

/** "/jieshui", "jieshui/", "/jieshui/" -> "/jieshui/"; "" or "/" -> "/". */
export function normaliseBase(raw: string): string {
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  // letters, digits and - . _ ~ in each folder name: safe in a URL without encoding
  if (!/^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(trimmed) || trimmed.split('/').some((s) => s === '.' || s === '..')) {
    throw new PublishSettingsError(
      `BASE_PATH="${raw}" 无效：只能包含字母、数字和 - . _ ~，例如 /jieshui/ · BASE_PATH must be a folder path such as /jieshui/ (letters, digits, - . _ ~)`,
    );
  }
  return `/${trimmed}/`;
}

export function publishSettings(env: Record<string, string | undefined> = process.env): PublishSettings {
  const warnings: string[] = [];
  const rawSite = env.SITE_URL?.trim() || undefined;
  let site: URL | undefined;
  if (rawSite) {
    if (!URL.canParse(rawSite) || !/^https?:$/.test(new URL(rawSite).protocol)) {
      throw new PublishSettingsError(
        `SITE_URL="${rawSite}" 不是完整网址，应以 https:// 开头，例如 https://www.example.gov.cn/jieshui/ · SITE_URL must be a full http(s) address`,
      );
    }
    site = new URL(rawSite);
    if (site.search || site.hash) {
      throw new PublishSettingsError(`SITE_URL="${rawSite}" 不能带 ? 或 # · SITE_URL must not carry a query or a fragment`);
    }
    if (!site.pathname.endsWith('/')) site.pathname += '/';
  }
  const rawBase = env.BASE_PATH?.trim();
  const base = rawBase ? normaliseBase(rawBase) : site ? normaliseBase(site.pathname) : '/';
  // a bare host as SITE_URL with a folder as BASE_PATH: the public address is the folder on that host
  if (site && site.pathname === '/') site.pathname = base;
  if (!site) {
    warnings.push(
      '未设置 SITE_URL：演示模式的二维码、规范链接、链接预览图和 sitemap.xml 已关闭。' +
        '发布前请用网站的正式地址构建，例如：SITE_URL=https://www.example.gov.cn/jieshui/ npm run build\n' +
        'SITE_URL is not set: presentation QR codes, canonical links, link previews and sitemap.xml are off. ' +
        'Build with the public address before publishing, e.g. SITE_URL=https://www.example.gov.cn/jieshui/ npm run build',
    );
  } else if (site.pathname !== base) {
    warnings.push(
      `SITE_URL 的路径（${site.pathname}）与 BASE_PATH（${base}）不同：文件按 ${base} 链接，对外地址（二维码、规范链接）用 ${site.href}。` +
        `若不是有意为之（反向代理），请只设置 SITE_URL。\n` +
        `SITE_URL's path (${site.pathname}) differs from BASE_PATH (${base}): files link under ${base}, public links use ${site.href}. ` +
        'Unless a proxy maps one onto the other, set SITE_URL alone.',
    );
  }
  if (site && site.protocol === 'http:' && !/^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(site.hostname)) {
    warnings.push(
      `SITE_URL 使用 http://：离线副本（service worker）只在 https 下工作。\n` +
        'SITE_URL uses http://: the offline copy (service worker) works only over https.',
    );
  }
  return { base, site: site?.href, warnings };
}

/**
 * The public address of a path inside the site: `pathWithBase` is what paths.ts returns
 * ("/jieshui/en/present/"); the part after the base is appended to SITE_URL, keeping its path.
 */
export function publicUrl(pathWithBase: string, settings: { base: string; site: string }): string {
  if (!pathWithBase.startsWith(settings.base)) {
    throw new Error(`publicUrl: "${pathWithBase}" is not under the base path ${settings.base}`);
  }
  return new URL(pathWithBase.slice(settings.base.length), settings.site).href;
}
