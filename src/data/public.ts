/**
 * The site's only door to content. Loads every collection, applies the publication gate through
 * `buildCatalogue`, and hands pages the entries they may render. A page that needs a document
 * body asks here; nothing else in src/pages calls `getCollection`.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { buildCatalogue, type Catalogue } from '../utils/catalogue.ts';
import { buildToday } from '../utils/dates.ts';

let cached: Promise<Catalogue> | undefined;

/** "Today" for this build: the calendar date in England at BUILD_NOW (or now). */
export const today = buildToday(process.env.BUILD_NOW);

/** The public catalogue for this build. */
export function catalogue(): Promise<Catalogue> {
  cached ??= (async () =>
    buildCatalogue({
      reports: await getCollection('reports'),
      statements: await getCollection('statements'),
      briefings: await getCollection('briefings'),
      national: await getCollection('national'),
      today,
    }))();
  return cached;
}

/** The report entry to render, only when its body is public today. */
export async function publicReportBody(slug: string): Promise<CollectionEntry<'reports'> | undefined> {
  const review = (await catalogue()).reviews.find((r) => r.slug === slug);
  if (!review?.bodyPublic) return undefined;
  return getEntry('reports', slug);
}

/** The statement entry to render, only when it is public today. */
export async function publicStatement(slug: string): Promise<CollectionEntry<'statements'> | undefined> {
  const review = (await catalogue()).reviews.find((r) => r.slug === slug);
  if (!review?.statement) return undefined;
  return getEntry('statements', slug);
}

/** The briefing entry to render, only when it is public today. */
export async function publicBriefing(id: string): Promise<CollectionEntry<'briefings'> | undefined> {
  if (!(await catalogue()).briefings.some((b) => b.id === id)) return undefined;
  return getEntry('briefings', id);
}

/** Site pages (about, accessibility, staying safe online) are always public. */
export function sitePages(): Promise<CollectionEntry<'pages'>[]> {
  return getCollection('pages');
}
