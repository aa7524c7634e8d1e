/**
 * What a reader's browser fetches: the bytes of HTML, CSS and JavaScript a page needs (gzip, as a
 * static host serves them), and the bytes of a first search, measured in a real headless Chromium
 * against the built site served by a tiny local server.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

export const gz = (bytes: Buffer | string) => gzipSync(bytes, { level: 6 }).length;

/** Total size of the files under `dir`, and how many there are. */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    bytes += statSync(path.join(e.parentPath, e.name)).size;
    files += 1;
  }
  return { bytes, files };
}

export interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
  total: number;
}

/** The gzip bytes of a built page and the CSS and JavaScript it loads (static imports followed). */
export function pageWeight(dist: string, page: string): PageWeight {
  const html = readFileSync(path.join(dist, page));
  const text = html.toString('utf8');
  const css = new Set<string>();
  const js = new Set<string>();
  for (const m of text.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const href = /href="([^"]+)"/.exec(tag)?.[1];
    if (!href || /^https?:/.test(href)) continue;
    if (/rel="stylesheet"/.test(tag)) css.add(href);
    if (/rel="modulepreload"/.test(tag)) js.add(href);
  }
  for (const m of text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) js.add(m[1]!);
  // Follow static imports inside the scripts.
  const queue = [...js];
  while (queue.length > 0) {
    const src = queue.shift()!;
    const file = path.join(dist, src);
    if (!existsSync(file)) continue;
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
      const next = path.posix.join(path.posix.dirname(src), m[1]!);
      if (!js.has(next)) {
        js.add(next);
        queue.push(next);
      }
    }
  }
  const size = (set: Set<string>) => [...set].reduce((s, f) => s + (existsSync(path.join(dist, f)) ? gz(readFileSync(path.join(dist, f))) : 0), 0);
  const w = { page, html: gz(html), css: size(css), js: size(js), total: 0 };
  w.total = w.html + w.css + w.js;
  return w;
}

// ---------------------------------------------------------------------------------------------
// A static server and a real browser

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.svg', '.xml']);

/** Serves `dist` like a static host: index.html for folders, gzip for text (Pagefind's own files are already compressed). */
export function serve(dist: string, served: { path: string; bytes: number }[] = []): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let file = path.join(dist, decodeURIComponent(url.pathname));
    if (!file.startsWith(dist)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    const ext = path.extname(file);
    let body: Buffer = readFileSync(file);
    const headers: Record<string, string> = { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', 'Cache-Control': 'no-store' };
    if (COMPRESSIBLE.has(ext) && /gzip/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body, { level: 6 });
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = String(body.length);
    served.push({ path: url.pathname, bytes: body.length });
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

export interface SearchWeight {
  query: string;
  results: string;
  /** Bytes transferred for Pagefind's files (entry script, wasm, index chunks, filters, fragments). */
  pagefind: number;
  pagefindRequests: number;
  /** Of which result fragments. */
  fragments: number;
  fragmentRequests: number;
  /** Bytes of the search page itself (HTML, CSS, JS). */
  page: number;
}

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Loads /search/?q=query in headless Chromium and sums the bytes the server sent (response
 * bodies as transferred, gzip where the server compresses; Pagefind runs its search in a web
 * worker, so the server's count is the reliable one). Then loads `reviewPage` the same way.
 */
export async function firstSearch(dist: string, query: string, reviewPage?: string): Promise<{ search: SearchWeight; reviewPage?: number } | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return undefined;
  }
  const served: { path: string; bytes: number }[] = [];
  const { server, origin } = await serve(dist, served);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
    await page.waitForFunction(() => /result|not available/.test(document.querySelector('[data-status]')?.textContent ?? ''), undefined, { timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    const results = (await page.textContent('[data-status]')) ?? '';
    const search: SearchWeight = { query, results: results.trim(), pagefind: 0, pagefindRequests: 0, fragments: 0, fragmentRequests: 0, page: 0 };
    for (const { path: p, bytes } of served) {
      if (p.startsWith('/pagefind/')) {
        search.pagefind += bytes;
        search.pagefindRequests += 1;
        if (p.includes('/fragment/')) {
          search.fragments += bytes;
          search.fragmentRequests += 1;
        }
      } else search.page += bytes;
    }
    let reviewBytes: number | undefined;
    if (reviewPage) {
      served.length = 0;
      const fresh = await context.newPage();
      await fresh.goto(`${origin}/${reviewPage.replace(/index\.html$/, '')}`, { waitUntil: 'networkidle' });
      reviewBytes = served.filter((x) => !/\.pdf$/.test(x.path)).reduce((sum, x) => sum + x.bytes, 0);
    }
    return { search, reviewPage: reviewBytes };
  } finally {
    await browser.close();
    server.close();
  }
}
