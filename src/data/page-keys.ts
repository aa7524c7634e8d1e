/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`, astro.config.mjs).
 *
 * A page returned by `getStaticPaths()` with a `cacheKey` is copied from the last build, not
 * rendered again, when its key and the code it imports are both unchanged. On this site a cached
 * page is a risk above all others: yesterday's page may hold a document that is not public today.
 * So a key here is a digest of EVERYTHING its page shows, as this build's model gives it at today's
 * date: the document's entry in the public catalogue (its publication state included), its
 * validated frontmatter, the digest of its body, the files it lists, the settings, themes and
 * agencies every page's header, footer and labels come from, and today's date for pages that
 * print it. A document whose date arrives, or that is withdrawn, archived, withheld or turned
 * back to draft, changes the catalogue and so the key of every page that shows it; a page that
 * no longer exists is simply not built (Astro empties `dist/` first). Code is the other half:
 * Astro hashes the modules each page imports, and src/integrations/incremental.ts empties the
 * cache when any source file, the configuration or the lockfile changes.
 *
 * `tests/incremental.build.test.ts` builds, changes one thing at a time (a date passing a
 * scheduled publication and an archival date, a report withheld, a statement turned draft, an
 * edited briefing, a renamed theme, a changed component) and compares every output file of the
 * incremental rebuild with a clean build of the same state, byte for byte.
 *
 * Listing pages without `getStaticPaths()` (home, reviews, statements, briefings, archive,
 * search, the feed, the sitemap) are rendered on every build.
 */
import { getEntry } from 'astro:content';
import { digestOf } from '../utils/digest.ts';
import type { Catalogue, PublicBriefing, PublicNational, PublicReview } from '../utils/catalogue.ts';
import { attachmentSize } from './attachments.ts';
import { context, siteConfig, siteModel, today } from './model.ts';
import type { PlanView } from './plans.ts';

/** Changed by hand when what a key covers changes, so no key of an older rule is ever matched. */
const KEY_VERSION = 1;

let site: string | undefined;
/** What every page shows besides its own document: the kind of build, settings, themes, agencies. */
function siteDigest(): string {
  site ??= digestOf(KEY_VERSION, context.build, siteConfig());
  return site;
}

/** The key of one page: the route, the site-wide part, then what the page itself shows. */
function key(route: string, ...shown: unknown[]): string {
  return digestOf(siteDigest(), route, shown);
}

/** The content layer's digest of a document's file (its text, and the renderer that made its HTML). */
async function bodyDigest(collection: 'reports' | 'statements' | 'briefings' | 'pages', id: string): Promise<string | undefined> {
  const digest = (await getEntry(collection, id))?.digest;
  return digest === undefined ? undefined : String(digest);
}

/** A review's page: its catalogue entry, report frontmatter, report body (when public), files and whether its plan is public. */
export async function reviewPageKey(review: PublicReview, hasPlan: boolean): Promise<string> {
  const report = siteModel().project.reviews.find((r) => r.slug === review.slug)?.report;
  const files = review.pdfs.map((pdf) => [pdf.file, attachmentSize(review.slug, pdf.file)]);
  return key('review', review, report?.data, review.bodyPublic ? await bodyDigest('reports', review.slug) : undefined, files, hasPlan);
}

/** A review's statement page. */
export async function statementPageKey(review: PublicReview): Promise<string> {
  const statement = siteModel().project.reviews.find((r) => r.slug === review.slug)?.statement;
  return key('statement', review, statement?.data, await bodyDigest('statements', review.slug));
}

/** A 7-minute briefing's page, with the review it belongs to (its type is shown). */
export async function briefingPageKey(briefing: PublicBriefing, catalogue: Catalogue): Promise<string> {
  const { project } = siteModel();
  const data = project.reviews.find((r) => r.slug === briefing.id)?.briefing?.data ?? project.briefings.find((b) => b.id === briefing.id)?.data;
  const review = briefing.review ? catalogue.reviews.find((r) => r.slug === briefing.review) : undefined;
  return key('briefing', briefing, data, review, await bodyDigest('briefings', briefing.id));
}

/** A national entry's page. */
export function nationalPageKey(entry: PublicNational): string {
  return key('national', entry);
}

/** A site page (about, accessibility, ...). */
export async function sitePageKey(id: string, data: unknown): Promise<string> {
  return key('page', id, data, await bodyDigest('pages', id));
}

/** A page listing or filtering reviews: everything it is given. */
export function listingPageKey(route: string, ...shown: unknown[]): string {
  return key(route, ...shown);
}

/** A review's action-plan progress page: the plan as rated today, and today (printed "As at"). */
export function planPageKey(plan: PlanView): string {
  return key('plan', plan, today);
}
