/**
 * Astro content collections: used for what the content layer is good at, rendering document
 * bodies and watching files in `npm run dev`. They validate nothing and nothing reads their data:
 * every document's frontmatter is validated once, by the checker, and reaches the pages through
 * its model (src/integrations/model.ts, src/data/model.ts). What is public is decided by the
 * publication gate (src/utils/publication.ts through src/data/public.ts), never here.
 *
 * MDX documents load through `mdxDocuments` (src/loaders/mdx-html.ts): rendered to HTML once at
 * content sync, exactly as MDX renders them, and cached between builds; `CONTENT_PIPELINE=mdx`
 * selects Astro's plain `glob()` loader instead (every document a Vite MDX module).
 */
import { defineCollection } from 'astro:content';
import { mdxDocuments } from './loaders/mdx-html.ts';

/** `reviews/<slug>/<name>.mdx` has the id `<slug>`. */
const reviewFolderId = ({ entry }: { entry: string }) => entry.split('/')[0]!;

/** `reviews/<slug>/briefing.mdx` is `<slug>`; `content/briefings/<name>.mdx` is `<name>`. */
const briefingId = ({ entry }: { entry: string }) => {
  const parts = entry.split('/');
  return parts[0] === 'reviews' ? parts[1]! : parts[parts.length - 1]!.replace(/\.mdx?$/, '');
};

export const collections = {
  reports: defineCollection({
    loader: mdxDocuments({ pattern: '*/report.mdx', base: './reviews', generateId: reviewFolderId }),
  }),
  statements: defineCollection({
    loader: mdxDocuments({ pattern: '*/statement.mdx', base: './reviews', generateId: reviewFolderId }),
  }),
  briefings: defineCollection({
    loader: mdxDocuments({ pattern: ['reviews/*/briefing.mdx', 'content/briefings/*.mdx'], base: '.', generateId: briefingId }),
  }),
  pages: defineCollection({
    loader: mdxDocuments({ pattern: '*.mdx', base: './content/pages' }),
  }),
};
