/**
 * Builds the Pagefind search index over the built site, through Pagefind's Node API, once Astro
 * has written every page. What is indexed is decided in markup: only elements marked
 * `data-pagefind-body` (public documents) are indexed, with their `data-pagefind-filter`s.
 *
 * The index is made from the document pages alone, so when every one of them is byte for byte the
 * page of the last build (the nightly build on a day nothing was published or archived, or a
 * rebuild after a change to a listing or a dashboard), the last build's index is copied instead of
 * made again: the same pages give the same index. The digest covers each page's path and bytes,
 * Pagefind's version and the options below.
 */
import type { AstroIntegration } from 'astro';
import { cpSync, existsSync, globSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { bytesDigest, digestOf } from '../utils/digest.ts';

/**
 * The pages that can hold a public document (the only pages that carry `data-pagefind-body`):
 * reviews, statements, briefings and national entries. Listing, theme, filter and dashboard
 * pages are not even read, which keeps indexing time in proportion to the documents.
 */
export const DOCUMENT_PAGES = '{reviews/*/index.html,reviews/*/statement/index.html,briefings/*/index.html,national/*/index.html}';

const OPTIONS = { forceLanguage: 'en' } as const;

/** Pagefind's version (a new version may write a different index from the same pages). */
function pagefindVersion(): string {
  // The package's own folder: the directory above its entry point that holds its package.json.
  let dir = path.dirname(fileURLToPath(import.meta.resolve('pagefind')));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** A digest of the pages Pagefind will read: their paths and bytes, with Pagefind's version and options. */
export function documentPagesDigest(outDir: string): string {
  const pages = globSync(DOCUMENT_PAGES, { cwd: outDir }).sort();
  return digestOf(pagefindVersion(), OPTIONS, DOCUMENT_PAGES, pages.map((p) => [p, bytesDigest(readFileSync(path.join(outDir, p)))]));
}

export default function pagefindIntegration(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'lscp:pagefind',
    hooks: {
      'astro:config:setup': ({ config }) => {
        cacheDir = path.join(fileURLToPath(config.cacheDir), 'lscp-pagefind');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const output = path.join(outDir, 'pagefind');
        const digest = documentPagesDigest(outDir);
        const digestFile = path.join(cacheDir, 'digest');
        const cached = path.join(cacheDir, 'index');
        if (existsSync(digestFile) && readFileSync(digestFile, 'utf8') === digest && existsSync(cached)) {
          cpSync(cached, output, { recursive: true });
          logger.info('Search index: the document pages are those of the last build; its index was reused');
          return;
        }
        const { index, errors } = await pagefind.createIndex(OPTIONS);
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: outDir, glob: DOCUMENT_PAGES });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: output });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        logger.info(`Search index: ${added.page_count} pages`);
        await pagefind.close();
        // Kept for the next build: the digest is written last, so a copy cut short is never taken.
        rmSync(cacheDir, { recursive: true, force: true });
        mkdirSync(cacheDir, { recursive: true });
        cpSync(output, cached, { recursive: true });
        writeFileSync(digestFile, digest);
      },
    },
  };
}
