/**
 * Builds the Pagefind search index over the built site, through Pagefind's Node API, once Astro
 * has written every page. What is indexed is decided in markup: only elements marked
 * `data-pagefind-body` (public documents) are indexed, with their `data-pagefind-filter`s.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * The pages that can hold a public document (the only pages that carry `data-pagefind-body`):
 * reviews, statements, briefings and national entries. Listing, theme, filter and dashboard
 * pages are not even read, which keeps indexing time in proportion to the documents.
 */
export const DOCUMENT_PAGES = '{reviews/*/index.html,reviews/*/statement/index.html,briefings/*/index.html,national/*/index.html}';

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'lscp:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: outDir, glob: DOCUMENT_PAGES });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        logger.info(`Search index: ${added.page_count} pages`);
        await pagefind.close();
      },
    },
  };
}
