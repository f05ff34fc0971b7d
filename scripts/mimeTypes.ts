/**
 * The content type each kind of file of the site must be served with, shared by the test/bench
 * server (serveStatic.ts) and `npm run check:deploy` (checkDeploy.ts), and what a wrong one breaks.
 */

export interface FileKind {
  /** what to send */
  type: string;
  /** media types a browser accepts as well */
  accept: string[];
  /** a wrong type breaks the site (browsers refuse it), or only degrades it */
  strict: boolean;
  /** worth compressing (text) */
  text: boolean;
}

const k = (type: string, strict: boolean, text: boolean, ...accept: string[]): FileKind => ({ type, accept: [type.split(';')[0], ...accept], strict, text });

export const KINDS: Record<string, FileKind> = {
  // a page served as anything else is downloaded, not shown
  '.html': k('text/html; charset=utf-8', true, true),
  // module scripts and MapLibre's module worker are refused with any non-JavaScript type
  '.js': k('text/javascript; charset=utf-8', true, true, 'application/javascript', 'application/x-javascript', 'application/ecmascript', 'text/ecmascript'),
  '.mjs': k('text/javascript; charset=utf-8', true, true, 'application/javascript', 'application/x-javascript'),
  // a stylesheet with another type is ignored
  '.css': k('text/css; charset=utf-8', true, true),
  // an <img> of SVG needs its type, or the static maps stay blank
  '.svg': k('image/svg+xml', true, true),
  '.json': k('application/json; charset=utf-8', false, true),
  '.geojson': k('application/geo+json; charset=utf-8', false, true, 'application/json'),
  '.topojson': k('application/json; charset=utf-8', false, true, 'application/topo+json'),
  '.webmanifest': k('application/manifest+json; charset=utf-8', false, true, 'application/json'),
  '.csv': k('text/csv; charset=utf-8', false, true),
  // the progress template officials fill in (zip inside: compressing it again gains nothing)
  '.xlsx': k('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', false, false, 'application/octet-stream'),
  '.png': k('image/png', false, false),
  '.ico': k('image/x-icon', false, false, 'image/vnd.microsoft.icon'),
  '.txt': k('text/plain; charset=utf-8', false, true),
  '.xml': k('application/xml', false, true, 'text/xml'),
};

export const kindOf = (file: string): FileKind | undefined => KINDS[/\.[^./]+$/.exec(file)?.[0]?.toLowerCase() ?? ''];
