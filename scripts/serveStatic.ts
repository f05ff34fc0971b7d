/**
 * A tiny static file server for dist/ on loopback, used by the browser tests and the
 * benchmark (so neither depends on `astro preview`). Serves gzip when asked, like a real host.
 *
 * Options let a test play a particular host: `base` serves the folder only under a sub-path
 * (as a government host serves /jieshui/) and answers 404 to everything outside it, recording
 * those requests in `outside`; `override` changes the answer for chosen files (a wrong MIME
 * type, a missing file, no compression, other cache headers).
 */
import http from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { kindOf } from './mimeTypes';

export interface Override {
  status?: number;
  type?: string;
  gzip?: boolean;
  headers?: Record<string, string>;
  /** replace the file's bytes */
  body?: Uint8Array | string;
}

export interface ServeOptions {
  port?: number;
  /** serve the folder under this path only, e.g. "/jieshui/" (default "/") */
  base?: string;
  /** `rel` is the path under the folder as requested ("data/x.csv", "" for the home page) */
  override?: (rel: string) => Override | undefined;
}

export interface StaticServer {
  /** the origin, e.g. http://127.0.0.1:1234 (add `base` for the site) */
  url: string;
  /** the site's address: url + base */
  site: string;
  /** requests outside `base` (each answered 404) */
  outside: string[];
  /** lets a test change or remove the overrides later */
  setOverride: (f: ServeOptions['override']) => void;
  /** serve another folder from now on (a republish at the same origin) */
  setRoot: (root: string) => void;
  close: () => Promise<void>;
}

export async function serveStatic(root: string, options: number | ServeOptions = {}): Promise<StaticServer> {
  const opts: ServeOptions = typeof options === 'number' ? { port: options } : options;
  const base = opts.base ?? '/';
  let abs = path.resolve(root);
  let override = opts.override;
  const outside: string[] = [];
  const server = http.createServer(async (req, res) => {
    try {
      const u = new URL(req.url ?? '/', 'http://x');
      const send = (status: number, body: Buffer, type: string, extra: Record<string, string> = {}, gzip = true) => {
        const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache', ...extra };
        if (gzip && /gzip/.test(String(req.headers['accept-encoding'])) && /text|json|svg|xml|javascript/.test(type)) {
          body = gzipSync(body);
          headers['content-encoding'] = 'gzip';
        }
        headers['content-length'] = String(body.length);
        res.writeHead(status, headers);
        res.end(req.method === 'HEAD' ? undefined : body);
      };
      if (!u.pathname.startsWith(base) && u.pathname + '/' !== base) {
        outside.push(u.pathname);
        return send(404, Buffer.from('not found (outside the site folder)'), 'text/plain; charset=utf-8');
      }
      const rel = decodeURIComponent(u.pathname.slice(base.length));
      let p = path.join(abs, rel);
      if (!p.startsWith(abs)) throw new Error('outside root');
      const st = await fs.stat(p).catch(() => null);
      if (st?.isDirectory()) p = path.join(p, 'index.html');
      const o = override?.(rel);
      let body: Buffer;
      let status = o?.status ?? 200;
      try {
        if (status === 404) throw new Error('override: missing');
        body = await fs.readFile(p);
      } catch {
        status = 404;
        p = path.join(abs, '404.html');
        body = await fs.readFile(p).catch(() => Buffer.from('not found'));
      }
      if (o?.body !== undefined) body = Buffer.from(o.body);
      const type = o?.type ?? kindOf(p)?.type ?? 'application/octet-stream';
      send(status, body, type, o?.headers, o?.gzip ?? true);
    } catch {
      res.writeHead(400);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', r));
  const addr = server.address() as { port: number };
  const url = `http://127.0.0.1:${addr.port}`;
  return {
    url,
    site: url + base,
    outside,
    setOverride: (f) => (override = f),
    setRoot: (r) => (abs = path.resolve(r)),
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
