/**
 * Builds the Pagefind search index over the built site, through Pagefind's Node API, once Astro
 * has written every page. What is indexed is decided in markup: only elements marked
 * `data-pagefind-body` (public documents) are indexed, with their `data-pagefind-filter`s.
 *
 * Where it runs: `npm run build` (scripts/build.ts) runs `astro build` in a process of its own and
 * indexes after that process has ended, so Astro's memory and Pagefind's are never held at once
 * (at 1,500 reviews each is over 2 GB). It tells this integration so with the environment variable
 * `LSCP_SEARCH_INDEX_AFTER` (a file to write where the output and cache are); without it (`astro
 * build` run directly, as some tests do) the index is made here, in `astro:build:done`. Both write
 * the same index: `buildSearchIndex()` below is the one way it is made.
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

/** Where a build's search index goes, and where its last index is kept. */
export interface SearchIndexTarget {
  /** The build's output folder (absolute). */
  outDir: string;
  /** This integration's own folder in the build's cache (absolute). */
  cacheDir: string;
  /** `documentPagesDigest(outDir)`, when already worked out (by Astro's process, for scripts/build.ts). */
  digest?: string | undefined;
}

/**
 * Makes the search index of the site in `outDir` (in `outDir/pagefind`), or copies the last one
 * when the document pages are byte for byte those it was made from. Returns what it did, as a
 * sentence; throws when Pagefind fails.
 */
export async function buildSearchIndex(target: SearchIndexTarget): Promise<string> {
  const { outDir, cacheDir } = target;
  const output = path.join(outDir, 'pagefind');
  const digest = target.digest ?? documentPagesDigest(outDir);
  const digestFile = path.join(cacheDir, 'digest');
  const cached = path.join(cacheDir, 'index');
  if (existsSync(digestFile) && readFileSync(digestFile, 'utf8') === digest && existsSync(cached)) {
    cpSync(cached, output, { recursive: true });
    return 'Search index: the document pages are those of the last build; its index was reused';
  }
  const { index, errors } = await pagefind.createIndex(OPTIONS);
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: outDir, glob: DOCUMENT_PAGES });
  if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await pagefind.close();
  // Kept for the next build: the digest is written last, so a copy cut short is never taken.
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  cpSync(output, cached, { recursive: true });
  writeFileSync(digestFile, digest);
  return `Search index: ${added.page_count} pages`;
}

/** The environment variable scripts/build.ts sets: a file to write the `SearchIndexTarget` to, instead of indexing. */
export const INDEX_AFTER_ENV = 'LSCP_SEARCH_INDEX_AFTER';
/**
 * And its process id: the index is left to scripts/build.ts only when Astro is its own child, so
 * the variables left set in a shell never make a build without an index.
 */
export const INDEX_PARENT_ENV = 'LSCP_SEARCH_INDEX_PARENT';

export default function pagefindIntegration(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'lscp:pagefind',
    hooks: {
      'astro:config:setup': ({ config }) => {
        cacheDir = path.join(fileURLToPath(config.cacheDir), 'lscp-pagefind');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const target: SearchIndexTarget = { outDir: fileURLToPath(dir), cacheDir };
        const after = process.env[INDEX_AFTER_ENV];
        if (after && process.env[INDEX_PARENT_ENV] === String(process.ppid)) {
          // The pages are read for their digest here, in the process that ends before Pagefind
          // starts, so the memory that reading takes is never held beside Pagefind's.
          writeFileSync(after, JSON.stringify({ ...target, digest: documentPagesDigest(target.outDir) }));
          logger.info('Search index: made once Astro has finished (npm run build)');
          return;
        }
        logger.info(await buildSearchIndex(target));
      },
    },
  };
}
