/**
 * Astro content collections. Every collection validates with the same schema `npm run check`
 * uses (src/schemas/); what is public is decided later, by the publication gate
 * (src/utils/publication.ts through src/data/public.ts), never here.
 *
 * MDX documents load through `mdxDocuments` (src/loaders/mdx-html.ts): rendered to HTML once at
 * content sync, exactly as MDX renders them, and cached between builds; `CONTENT_PIPELINE=mdx`
 * selects Astro's plain `glob()` loader instead (every document a Vite MDX module).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { mdxDocuments } from './loaders/mdx-html.ts';
import { briefingSchema, nationalSchema, pageSchema, reportSchema, statementSchema } from './schemas/documents.ts';

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
    schema: reportSchema,
  }),
  statements: defineCollection({
    loader: mdxDocuments({ pattern: '*/statement.mdx', base: './reviews', generateId: reviewFolderId }),
    schema: statementSchema,
  }),
  briefings: defineCollection({
    loader: mdxDocuments({ pattern: ['reviews/*/briefing.mdx', 'content/briefings/*.mdx'], base: '.', generateId: briefingId }),
    schema: briefingSchema,
  }),
  national: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './content/national' }),
    schema: nationalSchema,
  }),
  pages: defineCollection({
    loader: mdxDocuments({ pattern: '*.mdx', base: './content/pages' }),
    schema: pageSchema,
  }),
};
