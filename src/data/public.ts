/**
 * The site's only door to content. Builds the public catalogue from the checker's validated model
 * (src/data/model.ts) through the publication gate (`buildCatalogue`), and hands pages the
 * entries they may render: the frontmatter from the model, the rendered body from the content
 * layer. A page that needs a document body asks here; nothing else in src/pages calls
 * `getCollection` or `getEntry`.
 */
import { getEntry, type CollectionEntry } from 'astro:content';
import type { Briefing, Page, Report, Statement } from '../schemas/documents.ts';
import { buildCatalogue, type Catalogue, type Entry } from '../utils/catalogue.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { recordedBodyFile } from '../utils/document-body.ts';
import { documentBodiesDir, siteModel, today } from './model.ts';

export { today } from './model.ts';

/** A document to render: its validated frontmatter (from the model) and its content-layer entry (for the body). */
export interface RenderableDocument<C extends 'reports' | 'statements' | 'briefings' | 'pages', T> {
  id: string;
  data: T;
  entry: CollectionEntry<C>;
}

let cached: Catalogue | undefined;

/** The public catalogue for this build. */
export function catalogue(): Promise<Catalogue> {
  cached ??= (() => {
    const { project } = siteModel();
    const reports: Entry<Report>[] = [];
    const statements: Entry<Statement>[] = [];
    const briefings: Entry<Briefing>[] = [];
    for (const r of project.reviews) {
      if (r.report) reports.push({ id: r.slug, data: r.report.data });
      if (r.statement) statements.push({ id: r.slug, data: r.statement.data });
      if (r.briefing) briefings.push({ id: r.slug, data: r.briefing.data });
    }
    for (const b of project.briefings) briefings.push({ id: b.id, data: b.data });
    return buildCatalogue({ reports, statements, briefings, national: project.national, today });
  })();
  return Promise.resolve(cached);
}

async function entry<C extends 'reports' | 'statements' | 'briefings' | 'pages'>(collection: C, id: string): Promise<CollectionEntry<C>> {
  const found = await getEntry(collection, id);
  // The model and the content layer read the same folders: a document in one is in the other.
  if (!found) throw new Error(`The ${collection} entry "${id}" is in the checked model but the content layer has no body for it.`);
  return found as CollectionEntry<C>;
}

/**
 * A document's rendered body, from its file (src/utils/document-body.ts), or undefined for an
 * entry Astro renders itself (CONTENT_PIPELINE=mdx: use `render(entry)`). A body file that is
 * missing stops the build: a page is never printed without its body.
 */
export function documentBodyHtml(entry: CollectionEntry<'reports' | 'statements' | 'briefings' | 'pages'>): string | undefined {
  const name = recordedBodyFile(entry);
  if (name === undefined) return undefined;
  try {
    return readFileSync(path.join(documentBodiesDir, name), 'utf8');
  } catch (e) {
    throw new Error(`The rendered body of ${entry.collection} "${entry.id}" is missing (${name}): build again; if it happens again, please report it.`, { cause: e });
  }
}

/** The report to render, only when its body is public today. */
export async function publicReportBody(slug: string): Promise<RenderableDocument<'reports', Report> | undefined> {
  const review = (await catalogue()).reviews.find((r) => r.slug === slug);
  const report = siteModel().project.reviews.find((r) => r.slug === slug)?.report;
  if (!review?.bodyPublic || !report) return undefined;
  return { id: slug, data: report.data, entry: await entry('reports', slug) };
}

/** The statement to render, only when it is public today. */
export async function publicStatement(slug: string): Promise<RenderableDocument<'statements', Statement> | undefined> {
  const review = (await catalogue()).reviews.find((r) => r.slug === slug);
  const statement = siteModel().project.reviews.find((r) => r.slug === slug)?.statement;
  if (!review?.statement || !statement) return undefined;
  return { id: slug, data: statement.data, entry: await entry('statements', slug) };
}

/** The briefing to render, only when it is public today. */
export async function publicBriefing(id: string): Promise<RenderableDocument<'briefings', Briefing> | undefined> {
  if (!(await catalogue()).briefings.some((b) => b.id === id)) return undefined;
  const { project } = siteModel();
  const data = project.reviews.find((r) => r.slug === id)?.briefing?.data ?? project.briefings.find((b) => b.id === id)?.data;
  if (!data) return undefined;
  return { id, data, entry: await entry('briefings', id) };
}

/** Site pages (about, accessibility, staying safe online) are always public. */
export async function sitePages(): Promise<RenderableDocument<'pages', Page>[]> {
  return Promise.all(siteModel().project.pages.map(async (p) => ({ id: p.id, data: p.data, entry: await entry('pages', p.id) })));
}
