/**
 * A tiny static file server for a built site, as a static host serves it: `/path/` is
 * `/path/index.html`, `/path` redirects to `/path/`, a missing file is the site's 404 page with
 * status 404, and every response carries the headers the build's `_headers` file asks for (so
 * tests see what Netlify or Cloudflare Pages would send). Listens on 127.0.0.1 only.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { headersFor, parseHeadersFile, type HeaderRule } from '../../src/integrations/security-headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Every path requested so far (tests can assert nothing unexpected was asked for). */
  requested: string[];
  close(): Promise<void>;
}

async function fileAt(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

export async function serveStatic(root: string): Promise<StaticServer> {
  let rules: HeaderRule[] = [];
  try {
    rules = parseHeadersFile(await readFile(path.join(root, '_headers'), 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const requested: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requested.push(url.pathname);
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      const file = path.join(root, pathname);
      // `_headers` is read by the host, never served; nothing outside the site is served either.
      const inside = file === root || file.startsWith(root + path.sep);
      let status = 200;
      let target: string | undefined;
      if (inside && pathname !== '/_headers') {
        if (pathname.endsWith('/') && (await fileAt(path.join(file, 'index.html')))) target = path.join(file, 'index.html');
        else if (!pathname.endsWith('/') && (await fileAt(file))) target = file;
        else if (!pathname.endsWith('/') && (await fileAt(path.join(file, 'index.html')))) {
          res.writeHead(301, { ...headersFor(rules, pathname), location: `${url.pathname}/${url.search}` }).end();
          return;
        }
      }
      if (!target) {
        status = 404;
        target = path.join(root, '404.html');
        if (!(await fileAt(target))) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
          return;
        }
      }
      const type = TYPES[path.extname(target).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(status, { ...headersFor(rules, pathname), 'content-type': type });
      if (req.method === 'HEAD') res.end();
      else createReadStream(target).pipe(res);
    })().catch((e: unknown) => {
      res.writeHead(500).end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requested,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
