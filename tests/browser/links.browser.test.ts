/**
 * Links across both builds, without a browser: every internal link, script, stylesheet, image
 * and form target in every HTML file (and every address in the sitemap and RSS feed) resolves to
 * a file in the build, and every `#fragment` names an element that exists on its target page.
 * Lives in the browser project because it reads the sites that project builds.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { fileToPath, htmlFiles } from '../support/browser.ts';

const sites = inject('sites');
const SITE_URL = 'https://lscp.example.org';
const settingsUrl = (await readFile(path.resolve(import.meta.dirname, '../../content/settings.yaml'), 'utf8')).match(/^siteUrl:\s*(\S+)/m)?.[1] ?? SITE_URL;

function decode(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)));
}

/** The addresses a page refers to, and the ids it holds. */
function scan(html: string): { refs: string[]; ids: Set<string> } {
  const refs: string[] = [];
  // Tags only (not text), attributes that are addresses.
  for (const tag of html.matchAll(/<(a|link|script|img|source|form|iframe|area)\b[^>]*>/gi)) {
    for (const m of tag[0].matchAll(/\s(href|src|action)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) refs.push(decode(m[3] ?? m[4] ?? m[5] ?? ''));
    const srcset = /\ssrcset\s*=\s*"([^"]*)"/i.exec(tag[0]);
    if (srcset) refs.push(...srcset[1]!.split(',').map((s) => decode(s.trim().split(/\s+/)[0]!)));
  }
  const ids = new Set<string>();
  for (const m of html.matchAll(/\s(?:id|name)\s*=\s*"([^"]*)"/gi)) ids.add(decode(m[1]!));
  return { refs, ids };
}

interface Broken {
  from: string;
  href: string;
  why: string;
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/** Checks every reference in one build. */
async function crawl(dir: string): Promise<{ broken: Broken[]; pages: number; checked: number }> {
  const files = await htmlFiles(dir);
  const pages = new Map<string, Set<string>>();
  const refsByPage = new Map<string, string[]>();
  for (const f of files) {
    const { refs, ids } = scan(await readFile(path.join(dir, f), 'utf8'));
    pages.set(fileToPath(f), ids);
    refsByPage.set(fileToPath(f), refs);
  }
  // The sitemap and the feed point at pages too.
  for (const extra of ['sitemap-index.xml', 'sitemap-0.xml', 'rss.xml']) {
    if (!(await isFile(path.join(dir, extra)))) continue;
    const xml = await readFile(path.join(dir, extra), 'utf8');
    refsByPage.set(`/${extra}`, [...xml.matchAll(/<(?:loc|link|guid)[^>]*>([^<]+)<\//g)].map((m) => decode(m[1]!.trim())));
  }
  const broken: Broken[] = [];
  let checked = 0;
  for (const [from, refs] of refsByPage) {
    for (const href of refs) {
      if (href === '' || /^(mailto|tel|data|javascript):/i.test(href)) continue;
      const url = new URL(href, `${settingsUrl}${from}`);
      if (url.origin !== new URL(settingsUrl).origin) continue; // external: not this test's business
      checked++;
      const pathname = decodeURIComponent(url.pathname);
      let target: string | undefined;
      if (pathname.endsWith('/')) {
        if (await isFile(path.join(dir, pathname, 'index.html'))) target = pathname;
      } else if (await isFile(path.join(dir, pathname))) {
        target = pathname.endsWith('.html') ? pathname : undefined;
        if (!target) {
          if (url.hash) broken.push({ from, href, why: 'a fragment on a file that is not a page' });
          continue;
        }
      } else if (await isFile(path.join(dir, pathname, 'index.html'))) {
        // The site's addresses end in "/" (trailingSlash: 'always'); without it a host redirects or 404s.
        broken.push({ from, href, why: 'missing its trailing slash' });
        continue;
      }
      if (!target) {
        broken.push({ from, href, why: 'no such page or file in the build' });
        continue;
      }
      if (url.hash && url.hash !== '#') {
        const id = decodeURIComponent(url.hash.slice(1));
        if (!pages.get(target)?.has(id)) broken.push({ from, href, why: `no element with id "${id}" on ${target}` });
      }
    }
  }
  return { broken, pages: files.length, checked };
}

describe.each([
  { name: 'public', dir: sites.public.dir },
  { name: 'partners', dir: sites.partners.dir },
])('$name build: links', ({ dir }) => {
  it('has no broken internal link or fragment', async () => {
    const { broken, pages, checked } = await crawl(dir);
    expect(pages).toBeGreaterThan(5);
    expect(checked).toBeGreaterThan(pages * 5);
    expect(broken).toEqual([]);
  });
});

describe('the link checker', () => {
  it('reports what is broken in a small made-up site', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'links-'));
    try {
      await mkdir(path.join(dir, 'a'));
      await writeFile(path.join(dir, 'index.html'), '<a href="/a/#here">ok</a><a href="/a/#gone">x</a><a href="/b/">x</a><a href="/a">x</a><a href="https://elsewhere.example/">ext</a><link href="/s.css">');
      await writeFile(path.join(dir, 'a/index.html'), '<h2 id="here">Here</h2><a href="../">up</a>');
      const { broken } = await crawl(dir);
      expect(broken.map((b) => `${b.href}: ${b.why}`).sort()).toEqual([
        '/a/#gone: no element with id "gone" on /a/',
        '/a: missing its trailing slash',
        '/b/: no such page or file in the build',
        '/s.css: no such page or file in the build',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('finds a missing page, a missing fragment and a missing trailing slash', () => {
    const { refs, ids } = scan(`<a href="/x/#top">x</a><a class=a href='/y'>y</a><img src="/i.png" alt=""><h2 id="top">T</h2><p>href="/not-a-tag"</p>`);
    expect(refs).toEqual(['/x/#top', '/y', '/i.png']);
    expect([...ids]).toEqual(['top']);
  });
});
