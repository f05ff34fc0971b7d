/**
 * Every link the site makes to itself goes through here, so that the site works in a
 * sub-folder of a host (astro.config `base`, from BASE_PATH, e.g. "/jieshui/"): pages, data
 * files, downloads, the service worker, the embed code and the QR codes.
 */
import type { Lang } from '../domain/vocabulary';

/** The base path, "/" or "/jieshui/": always with a leading and a trailing slash. */
export const BASE: string = `/${(import.meta.env.BASE_URL ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

/** A path inside the site, with the base path: withBase('data/x.csv') -> "/jieshui/data/x.csv". */
export const withBase = (p: string): string => BASE + p.replace(/^\/+/, '');

/** The home page of an edition: "/" or "/en/" (with the base path). */
export const home = (lang: Lang): string => withBase(lang === 'zh' ? '' : 'en/');

/** A page of an edition: page('en', 'county/150402/') -> "/en/county/150402/". */
export const page = (lang: Lang, p: string): string => home(lang) + p.replace(/^\/+/, '');

/** A file the pipeline wrote (public/data/), as the browser fetches it. */
export const dataUrl = (file: string): string => withBase(`data/${file}`);
