/**
 * `npm run editor` (docs/editor.md): the form editor for the business unit, on this computer.
 *
 * `startEditor()` starts the site's dev server (`astro dev`: the live preview, which shows the
 * check's errors on every page) on 127.0.0.1 with this integration added. It serves, on the same
 * address:
 * - the editor at /admin/ (Decap CMS's prebuilt bundle from node_modules, never a CDN);
 * - Decap's local proxy at /admin/api/v1 (decap-server's file-system mode, mounted here rather
 *   than run as a second server): it reads and writes the content files of the project folder,
 *   and nothing else (no git, no network).
 *
 * The admin app exists only in that dev server: the integration has no build hook and is never
 * in astro.config.mjs, so nothing of it can reach `dist/` or `dist-partners/` (tests/editor.test.ts
 * and the browser test's build). The page's Content-Security-Policy allows no other host.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse, IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import type { ViteDevServer } from 'vite';
import { EDITOR_CONFIG_FILE } from '../schemas/editor-config.ts';

export interface EditorOptions {
  /** The project folder (the editor's page and configuration, Decap's packages). */
  root: string;
  /** The folder the content is read from and saved to: the build context's root (CONTENT_ROOT, or the project). */
  content: string;
}

/**
 * Where the local proxy answers, under the editor's address. The trailing slash is the site's
 * rule (`trailingSlash: 'always'`): the dev server refuses a path without one before any
 * integration sees it.
 */
export const PROXY_PATH = '/admin/api/v1/';

/** The configuration as served: the committed file, the local proxy's address filled in. */
export function servedEditorConfig(committed: string, proxyUrl: string): string {
  const line = /^local_backend: true$/m;
  if (!line.test(committed)) throw new Error(`${EDITOR_CONFIG_FILE} has no "local_backend: true" line: run npm run schemas`);
  return committed.replace(line, `local_backend:\n  url: ${proxyUrl}\n  allowed_hosts: [localhost, 127.0.0.1]`);
}

/**
 * The editor page's security headers. Decap needs inline styles (its components style themselves)
 * and `unsafe-eval` (it compiles its configuration's JSON Schema); it talks only to its own origin
 * (the local proxy is mounted there).
 */
export function editorHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self' 'unsafe-eval'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Robots-Tag': 'noindex, nofollow',
    'Cache-Control': 'no-store',
  };
}

/** The names this computer answers to: the editor serves no other. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * True for a request the editor may answer: addressed to this computer by name or number (not a
 * web address that was made to point at it, DNS rebinding) and, when the browser says which page
 * sent it, sent by the editor's own page. Any other web page open in the same browser could
 * otherwise read and write the content files through the local proxy.
 */
export function isLocalRequest(headers: { host?: string | undefined; origin?: string | undefined }): boolean {
  if (!headers.host) return false;
  let host: URL;
  try {
    host = new URL(`http://${headers.host}`);
  } catch {
    return false;
  }
  if (!LOCAL_HOSTS.has(host.hostname)) return false;
  return headers.origin === undefined || headers.origin === `http://${headers.host}`;
}

/**
 * The editor's page. Kept here rather than as an .html file under src/: the dev server scans every
 * .html file there for packages to prepare, and stops its scan (with an error in the terminal of
 * every `npm run dev`) on this page's `editor-admin.js`, which only the editor serves.
 */
export const ADMIN_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex, nofollow">
    <title>Content editor</title>
    <link href="config.yml" type="text/yaml" rel="cms-config-url">
    <!-- Decap CMS waits for init(), called once our file formats are registered (editor-admin.js, from src/scripts/editor-admin.ts). -->
    <script src="manual-init.js"></script>
    <script src="decap/decap-cms.js"></script>
    <script type="module" src="editor-admin.js"></script>
  </head>
  <body></body>
</html>
`;

/** The editor page's own script: registers the project's file formats, then starts Decap. */
const ADMIN_SCRIPT = 'src/scripts/editor-admin.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
};

/** Serves /admin/: the page, its configuration, Decap's prebuilt bundle and its local proxy. */
export default function editorAdmin(options: EditorOptions): AstroIntegration {
  const here = path.join(options.root, 'src/editor');
  const require = createRequire(path.join(options.root, 'package.json'));
  const decap = path.dirname(require.resolve('decap-cms/dist/decap-cms.js'));
  const headers = editorHeaders();
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'Content-Type': type, ...headers });
    res.end(body);
  };
  let vite: ViteDevServer | undefined;
  const handle = async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const p = url.pathname;
    if (p === '/admin') {
      res.writeHead(301, { Location: '/admin/' });
      res.end();
      return;
    }
    if (!p.startsWith('/admin/')) return next();
    const rest = p.slice('/admin/'.length);
    if (rest === '' || rest === 'index.html') return send(res, 200, TYPES['.html']!, ADMIN_PAGE);
    if (rest === 'manual-init.js') return send(res, 200, TYPES['.js']!, readFileSync(path.join(here, 'manual-init.js')));
    if (rest === 'editor-admin.js' && vite) {
      // Compiled by the dev server (its imports resolve to the dev server's own addresses).
      const compiled = await vite.transformRequest(`/${ADMIN_SCRIPT}`);
      if (compiled) return send(res, 200, TYPES['.js']!, compiled.code);
    }
    if (rest === 'config.yml') {
      const proxyUrl = `http://${req.headers.host ?? '127.0.0.1'}${PROXY_PATH}`;
      return send(res, 200, TYPES['.yml']!, servedEditorConfig(readFileSync(path.join(options.root, EDITOR_CONFIG_FILE), 'utf8'), proxyUrl));
    }
    const bundle = /^decap\/([A-Za-z0-9._-]+\.js)$/.exec(rest);
    if (bundle) {
      try {
        return send(res, 200, TYPES['.js']!, readFileSync(path.join(decap, bundle[1]!)));
      } catch {
        // falls through to the 404
      }
    }
    return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  };
  return {
    name: 'lscp:editor',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // The editor page's script imports yaml: optimise it up front, not on the first visit.
        updateConfig({ vite: { optimizeDeps: { include: ['yaml'] } } });
      },
      'astro:server:setup': async ({ server }) => {
        vite = server;
        // decap-server's file-system proxy, on an express app of its own mounted under /admin.
        const serverRequire = createRequire(require.resolve('decap-server/package.json'));
        const express = serverRequire('express') as () => (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
        const { registerLocalFs } = serverRequire('./dist/middlewares.js') as {
          registerLocalFs(app: unknown, options: { logLevel: string }): Promise<void>;
        };
        // Before anything else under /admin (the page and the proxy): this computer's requests only.
        server.middlewares.use('/admin', (req: IncomingMessage, res: ServerResponse, next: () => void) => {
          if (isLocalRequest({ host: req.headers.host, origin: req.headers.origin })) return next();
          send(res, 403, 'text/plain; charset=utf-8', 'The editor answers only its own page on this computer (http://127.0.0.1 or http://localhost).');
        });
        const proxy = express();
        process.env.GIT_REPO_DIRECTORY = options.content;
        await registerLocalFs(proxy, { logLevel: 'warn' }); // answers POST /api/v1 (and /api/v1/)
        server.middlewares.use('/admin', proxy);
        server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
          handle(req, res, next).catch((e: unknown) => send(res, 500, 'text/plain; charset=utf-8', String(e)));
        });
      },
    },
  };
}

export interface RunningEditor {
  /** The editor's address, for example http://127.0.0.1:4321/admin/. */
  adminUrl: string;
  /** The site's live preview. */
  siteUrl: string;
  stop(): Promise<void>;
}

/** Starts the site's dev server with the editor. */
export async function startEditor(o: EditorOptions & { host: string; port: number }): Promise<RunningEditor> {
  const { dev } = await import('astro');
  const site = await dev({ root: o.root, server: { host: o.host, port: o.port }, integrations: [editorAdmin({ root: o.root, content: o.content })] });
  const origin = `http://${o.host}:${site.address.port}`;
  return { adminUrl: `${origin}/admin/`, siteUrl: `${origin}/`, stop: () => site.stop() };
}

/**
 * Hosted editing (docs/editor.md): the editor as static files in `outDir` (never the site's
 * `dist/`), for a host of its own behind GitHub's sign-in: the page, Decap's bundle, the project's
 * formats compiled to one script, the configuration without the local proxy, and a `_headers`
 * file with the page's security headers (the GitHub API and the sign-in service allowed).
 */
export async function buildHostedEditor(root: string, outDir: string): Promise<string[]> {
  const { build } = await import('vite');
  const { HOSTED_BACKEND } = await import('../schemas/editor-config.ts');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(path.join(outDir, 'decap'), { recursive: true });
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: false,
      minify: true,
      lib: { entry: path.join(root, ADMIN_SCRIPT), formats: ['es'], fileName: () => 'editor-admin.js' },
    },
  });
  const here = path.join(root, 'src/editor');
  writeFileSync(path.join(outDir, 'index.html'), ADMIN_PAGE);
  cpSync(path.join(here, 'manual-init.js'), path.join(outDir, 'manual-init.js'));
  const decap = path.dirname(createRequire(path.join(root, 'package.json')).resolve('decap-cms/dist/decap-cms.js'));
  for (const file of readdirSync(decap).filter((f) => f.endsWith('.js'))) cpSync(path.join(decap, file), path.join(outDir, 'decap', file));
  const committed = readFileSync(path.join(root, EDITOR_CONFIG_FILE), 'utf8');
  writeFileSync(path.join(outDir, 'config.yml'), committed.replace(/^local_backend: true\n/m, ''));
  const headers = hostedEditorHeaders(new URL(HOSTED_BACKEND.base_url).origin);
  writeFileSync(path.join(outDir, '_headers'), `/*\n${Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`);
  return readdirSync(outDir, { recursive: true }).map(String).sort();
}

/** The hosted editor's headers: as the local page's, but it talks to GitHub's API and the sign-in service. */
export function hostedEditorHeaders(signIn: string): Record<string, string> {
  const local = editorHeaders();
  return {
    ...local,
    'Content-Security-Policy': local['Content-Security-Policy']!
      .replace("connect-src 'self'", `connect-src 'self' https://api.github.com ${signIn}`)
      .replace("img-src 'self' data: blob:", "img-src 'self' data: blob: https://avatars.githubusercontent.com"),
    'X-Frame-Options': 'DENY',
  };
}
