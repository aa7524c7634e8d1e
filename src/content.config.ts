/**
 * Astro content collections. Every collection validates with the same schema `npm run check`
 * uses (src/schemas/); what is public is decided later, by the publication gate
 * (src/utils/publication.ts through src/data/public.ts), never here.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
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
    loader: glob({ pattern: '*/report.mdx', base: './reviews', generateId: reviewFolderId }),
    schema: reportSchema,
  }),
  statements: defineCollection({
    loader: glob({ pattern: '*/statement.mdx', base: './reviews', generateId: reviewFolderId }),
    schema: statementSchema,
  }),
  briefings: defineCollection({
    loader: glob({ pattern: ['reviews/*/briefing.mdx', 'content/briefings/*.mdx'], base: '.', generateId: briefingId }),
    schema: briefingSchema,
  }),
  national: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './content/national' }),
    schema: nationalSchema,
  }),
  pages: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './content/pages' }),
    schema: pageSchema,
  }),
};
