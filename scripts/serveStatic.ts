/**
 * A tiny static file server for dist/ on loopback, used by the browser tests and the
 * benchmark (so neither depends on `astro preview`). Serves gzip when asked, like a real host.
 */
import http from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.topojson': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

export async function serveStatic(root: string, port = 0): Promise<StaticServer> {
  const abs = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    try {
      const u = new URL(req.url ?? '/', 'http://x');
      let p = path.join(abs, decodeURIComponent(u.pathname));
      if (!p.startsWith(abs)) throw new Error('outside root');
      const st = await fs.stat(p).catch(() => null);
      if (st?.isDirectory()) p = path.join(p, 'index.html');
      let body: Buffer;
      let status = 200;
      try {
        body = await fs.readFile(p);
      } catch {
        status = 404;
        p = path.join(abs, '404.html');
        body = await fs.readFile(p).catch(() => Buffer.from('not found'));
      }
      const type = TYPES[path.extname(p)] ?? 'application/octet-stream';
      const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache' };
      if (/gzip/.test(String(req.headers['accept-encoding'])) && /text|json|svg|xml|javascript/.test(type)) {
        body = gzipSync(body);
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = String(body.length);
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(400);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const addr = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${addr.port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
