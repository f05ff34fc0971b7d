/**
 * Every link the site makes to itself goes through here, so that the site works in a
 * sub-folder of a host (astro.config `base`, from BASE_PATH, e.g. "/jieshui/"): pages, data
 * files, downloads, the service worker, the embed code and the QR codes. Build time only
 * (Astro frontmatter): client scripts get the URLs they need from their page's config.
 */
import type { Lang } from '../domain/vocabulary';
import { versionedDataName } from './dataFiles';
import { publicUrl } from './publish';

/** The base path, "/" or "/jieshui/": always with a leading and a trailing slash. */
export const BASE: string = `/${(import.meta.env.BASE_URL ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

/** A path inside the site, with the base path: withBase('data/x.csv') -> "/jieshui/data/x.csv". */
export const withBase = (p: string): string => BASE + p.replace(/^\/+/, '');

/** The home page of an edition: "/" or "/en/" (with the base path). */
export const home = (lang: Lang): string => withBase(lang === 'zh' ? '' : 'en/');

/** A page of an edition: page('en', 'county/150402/') -> "/en/county/150402/". */
export const page = (lang: Lang, p: string): string => home(lang) + p.replace(/^\/+/, '');

/**
 * A file the pipeline wrote (public/data/), as pages link and fetch it: in a build, by its
 * content-versioned name ("/data/counties.3f9a0c1b2d.topojson", see ./dataFiles); in
 * `astro dev`, by its plain name.
 */
export const dataUrl = (file: string): string => withBase(`data/${import.meta.env.PROD ? versionedDataName(file) : file}`);

/** The files the live map fetches (src/map/initMap.ts), and their addresses for a page's map config. */
export const MAP_DATA_FILES = ['counties.topojson', 'context.geojson', 'hatch.geojson', 'projects.geojson', 'coal-mines.geojson'] as const;
export type MapDataUrls = Record<(typeof MAP_DATA_FILES)[number], string>;
export const mapDataUrls = (): MapDataUrls => Object.fromEntries(MAP_DATA_FILES.map((f) => [f, dataUrl(f)])) as MapDataUrls;

/** The plain, unversioned address of a data file, for people to keep ("/data/indicators.csv"). */
export const stableDataUrl = (file: string): string => withBase(`data/${file}`);

/**
 * The public address (SITE_URL, keeping its path) of a path from the functions above, or null
 * when SITE_URL was not set at build time: QR codes, canonical links, link previews.
 */
export function absoluteUrl(pathWithBase: string): string | null {
  const site = import.meta.env.SITE as string | undefined;
  return site ? publicUrl(pathWithBase, { base: BASE, site }) : null;
}
