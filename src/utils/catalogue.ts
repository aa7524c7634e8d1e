/**
 * The public catalogue: from every entry the content layer loaded, the view of what readers may
 * see today. Pure: it takes plain entries and "today", so the rules have unit tests. Pages, the
 * search index, the feed and the sitemap read only what this returns (through src/data/public.ts).
 */
import { REVIEW_TYPE_RULES, type Briefing, type NationalEntry, type Report, type ReviewType, type Statement } from '../schemas/documents.ts';
import { compareDates, yearOf, type IsoDate } from './dates.ts';
import { documentVisibility, reportBodyVisibility, reviewState, type HiddenReason, type ReviewState } from './publication.ts';

/** An entry as the content layer gives it: an id and validated data. */
export interface Entry<T> {
  id: string;
  data: T;
}

/** The kinds of thing readers can find, as used by search filters and lists. */
export type PublicKind = 'report' | 'statement' | 'briefing' | 'national';

/** A review as the public sees it today. */
export interface PublicReview {
  slug: string;
  title: string;
  type: ReviewType;
  /** `external`: a statement about another area's review; there is no local report. */
  state: ReviewState | 'external';
  /** The day the review first appeared on the site. */
  published: IsoDate;
  year: number;
  summary: string;
  themes: string[];
  reviewers: string[];
  partnerships: string[];
  /** Which text is published, when it is. */
  document?: Report['document'];
  /** Whether the report text and PDFs are public today. */
  bodyPublic: boolean;
  /** Why the body is not public, when it is not. */
  bodyHiddenReason?: HiddenReason;
  pdfs: Report['pdfs'];
  archived?: IsoDate;
  expected?: IsoDate;
  delayReason?: string;
  sentToPanel?: IsoDate;
  /** The statement's id (the review slug) when the statement is public. */
  statement?: { published: IsoDate; title: string; summary?: string | undefined };
  /** The briefing's id (the review slug) when the briefing is public. */
  briefing?: { published: IsoDate; title: string };
  /** For a statement about another area's review. */
  about?: Statement['about'];
}

/** A 7-minute briefing as the public sees it. */
export interface PublicBriefing {
  id: string;
  title: string;
  published: IsoDate;
  summary: string;
  themes: string[];
  /** The review it belongs to (undefined for a standalone briefing). */
  review?: string;
}

/** A national or thematic entry as the public sees it. */
export interface PublicNational extends NationalEntry {
  id: string;
}

/** One dated item for "latest publications" and the RSS feed. */
export interface Publication {
  kind: PublicKind;
  title: string;
  published: IsoDate;
  summary: string;
  /** Site path, starting and ending with "/". */
  path: string;
  /** Set for national entries, which live elsewhere. */
  externalUrl?: string;
}

export interface CatalogueInput {
  reports: Entry<Report>[];
  statements: Entry<Statement>[];
  briefings: Entry<Briefing>[];
  national: Entry<NationalEntry>[];
  today: IsoDate;
}

export interface Catalogue {
  today: IsoDate;
  reviews: PublicReview[];
  briefings: PublicBriefing[];
  national: PublicNational[];
  /** Every public publication, newest first. */
  publications: Publication[];
}

const byNewest = <T extends { published: IsoDate; title: string }>(a: T, b: T) =>
  compareDates(b.published, a.published) || a.title.localeCompare(b.title);

/** Builds the public catalogue for `today`. Anything not public is left out, whatever its kind. */
export function buildCatalogue(input: CatalogueInput): Catalogue {
  const { today } = input;
  const statementsById = new Map(input.statements.map((s) => [s.id, s]));
  const briefingsById = new Map(input.briefings.map((b) => [b.id, b]));
  const reportIds = new Set(input.reports.map((r) => r.id));
  const reviews: PublicReview[] = [];

  for (const { id, data: report } of input.reports) {
    const state = reviewState(report, today);
    if (!state) continue;
    const body = reportBodyVisibility(report, today);
    const statement = statementsById.get(id);
    const briefing = briefingsById.get(id);
    const review: PublicReview = {
      slug: id,
      title: report.title,
      type: report.type,
      state,
      published: report.published,
      year: yearOf(report.published),
      summary: report.summary,
      themes: report.themes,
      reviewers: report.reviewers,
      partnerships: report.partnerships,
      bodyPublic: body.public,
      pdfs: body.public ? report.pdfs : [],
    };
    if (!body.public) review.bodyHiddenReason = body.reason;
    if (report.document) review.document = report.document;
    if (report.archived && state === 'archived') review.archived = report.archived;
    if (report.expected) review.expected = report.expected;
    if (report.delayReason) review.delayReason = report.delayReason;
    if (report.sentToPanel) review.sentToPanel = report.sentToPanel;
    if (statement && documentVisibility(statement.data, today).public) {
      review.statement = { published: statement.data.published, title: statement.data.title, summary: statement.data.summary };
    }
    if (briefing && documentVisibility(briefing.data, today).public) {
      review.briefing = { published: briefing.data.published, title: briefing.data.title };
    }
    reviews.push(review);
  }

  // A statement about another area's review: the folder has a statement and no report.
  for (const { id, data: statement } of input.statements) {
    if (reportIds.has(id) || !statement.about) continue;
    if (!documentVisibility(statement, today).public) continue;
    const briefing = briefingsById.get(id);
    const review: PublicReview = {
      slug: id,
      title: statement.title,
      type: statement.about.type,
      state: 'external',
      published: statement.published,
      year: yearOf(statement.published),
      summary: statement.summary ?? statement.title,
      themes: statement.themes,
      reviewers: [],
      partnerships: [],
      bodyPublic: false,
      pdfs: [],
      about: statement.about,
      statement: { published: statement.published, title: statement.title, summary: statement.summary },
    };
    if (briefing && documentVisibility(briefing.data, today).public) {
      review.briefing = { published: briefing.data.published, title: briefing.data.title };
    }
    reviews.push(review);
  }
  reviews.sort(byNewest);

  const reviewsBySlug = new Map(reviews.map((r) => [r.slug, r]));
  const briefings: PublicBriefing[] = [];
  for (const { id, data } of input.briefings) {
    const isReviewBriefing = reportIds.has(id) || statementsById.has(id);
    if (isReviewBriefing) {
      const review = reviewsBySlug.get(id);
      if (!review?.briefing) continue;
      briefings.push({
        id,
        title: data.title,
        published: data.published,
        summary: data.summary ?? review.summary,
        themes: unique([...review.themes, ...data.themes]),
        review: id,
      });
    } else if (documentVisibility(data, today).public) {
      briefings.push({ id, title: data.title, published: data.published, summary: data.summary ?? data.title, themes: data.themes });
    }
  }
  briefings.sort(byNewest);

  const national = input.national
    .filter((n) => documentVisibility(n.data, today).public)
    .map((n) => ({ ...n.data, id: n.id }))
    .sort(byNewest);

  const publications: Publication[] = [
    ...reviews
      .filter((r) => r.state !== 'external')
      .map((r) => ({ kind: 'report' as const, title: r.title, published: r.published, summary: r.summary, path: reviewPath(r.slug) })),
    ...reviews.flatMap((r) =>
      r.statement
        ? [{ kind: 'statement' as const, title: r.statement.title, published: r.statement.published, summary: r.statement.summary ?? r.summary, path: statementPath(r.slug) }]
        : [],
    ),
    ...briefings.map((b) => ({ kind: 'briefing' as const, title: b.title, published: b.published, summary: b.summary, path: briefingPath(b.id) })),
    ...national.map((n) => ({ kind: 'national' as const, title: n.title, published: n.published, summary: n.summary, path: nationalPath(n.id), externalUrl: n.url })),
  ].sort(byNewest);

  return { today, reviews, briefings, national, publications };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Path of a review's page. */
export const reviewPath = (slug: string) => `/reviews/${slug}/`;
/** Path of a review's partnership statement. */
export const statementPath = (slug: string) => `/reviews/${slug}/statement/`;
/** Path of a 7-minute briefing. */
export const briefingPath = (id: string) => `/briefings/${id}/`;
/** Path of a national or thematic entry. */
export const nationalPath = (id: string) => `/national/${id}/`;
/** Path of a theme's page. */
export const themePath = (id: string) => `/themes/${id}/`;

/** Reviews grouped by the year they were published, newest year first. */
export function reviewsByYear(reviews: readonly PublicReview[]): { year: number; reviews: PublicReview[] }[] {
  const groups = new Map<number, PublicReview[]>();
  for (const r of reviews) groups.set(r.year, [...(groups.get(r.year) ?? []), r]);
  return [...groups.entries()].sort((a, b) => b[0] - a[0]).map(([year, list]) => ({ year, reviews: list }));
}

/** The reviews of one type or theme (for the pre-built filter pages that work without JavaScript). */
export function filterReviews(reviews: readonly PublicReview[], filter: { type?: string; theme?: string }): PublicReview[] {
  return reviews.filter((r) => (!filter.type || r.type === filter.type) && (!filter.theme || r.themes.includes(filter.theme)));
}

/** Themes that at least one public item uses, with how many items use each. */
export function themesInUse(catalogue: Catalogue): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (themes: readonly string[]) => themes.forEach((t) => counts.set(t, (counts.get(t) ?? 0) + 1));
  catalogue.reviews.forEach((r) => add(r.themes));
  catalogue.briefings.filter((b) => !b.review).forEach((b) => add(b.themes));
  catalogue.national.forEach((n) => add(n.themes));
  return counts;
}

/** Public statements, newest first, with the review each belongs to. */
export function publicStatements(catalogue: Catalogue): { slug: string; review: string; title: string; published: IsoDate; summary?: string | undefined }[] {
  return catalogue.reviews
    .filter((r) => r.statement)
    .map((r) => ({ slug: r.slug, review: r.title, ...r.statement! }))
    .sort((a, b) => compareDates(b.published, a.published) || a.title.localeCompare(b.title));
}

/** How a list describes where a review's report stands (src/components/ReviewItem.astro). */
export function reviewStateText(review: Pick<PublicReview, 'state' | 'type'>): string {
  switch (review.state) {
    case 'published':
      return 'Report published';
    case 'withheld':
      return 'Report not published, to protect the family';
    case 'delayed':
      return 'Publication delayed';
    case 'archived':
      return 'Report archived (available on request)';
    case 'external':
      return REVIEW_TYPE_RULES[review.type].publisher === 'panel' ? "Statement on the Panel's national review" : "Statement on another partnership's review";
  }
}

/**
 * For a statement about a review another body published: who published the report, in a sentence,
 * and the text of the link to it. A national review is the Panel's; any other is another area's.
 */
export function externalReviewText(about: NonNullable<Statement['about']>): { intro: string; link: string } {
  if (REVIEW_TYPE_RULES[about.type].publisher === 'panel') {
    return {
      intro: `This is a national review: ${about.partnership} carried it out and published the report. This site has the partnership's statement about it.`,
      link: `Read the report where ${about.partnership} published it`,
    };
  }
  return {
    intro: `This review was carried out by ${about.partnership}, which published the report.`,
    link: `Read the report on ${about.partnership}'s website`,
  };
}

/** Reviews whose report has been archived (their summary, statement and briefing stay). */
export function archivedReviews(catalogue: Catalogue): PublicReview[] {
  return catalogue.reviews.filter((r) => r.state === 'archived');
}

/** Everything public on one theme, for its page. */
export function themeContents(catalogue: Catalogue, theme: string): { reviews: PublicReview[]; briefings: PublicBriefing[]; national: PublicNational[] } {
  return {
    reviews: filterReviews(catalogue.reviews, { theme }),
    briefings: catalogue.briefings.filter((b) => b.themes.includes(theme)),
    national: catalogue.national.filter((n) => n.themes.includes(theme)),
  };
}

/** The review types and themes the listed reviews use, for the filter links; themes sorted by their label. */
export function reviewFilterOptions(reviews: readonly PublicReview[], label: (theme: string) => string): { types: ReviewType[]; themes: string[] } {
  return {
    types: [...new Set(reviews.map((r) => r.type))].sort(),
    themes: [...new Set(reviews.flatMap((r) => r.themes))].sort((a, b) => label(a).localeCompare(label(b))),
  };
}

/**
 * The values each search filter can take, spelt as the index spells them
 * (src/components/SearchFilters.astro): kinds, review types, years (newest first) and themes.
 */
export function searchFilterValues(
  catalogue: Catalogue,
  labels: { type: (type: ReviewType) => string; theme: (theme: string) => string },
): { kind: string[]; reviewType: string[]; year: string[]; theme: string[] } {
  return {
    kind: ['Report', 'Statement', 'Briefing', 'National or thematic'],
    reviewType: [...new Set(catalogue.reviews.map((r) => labels.type(r.type)))].sort(),
    year: [...new Set(catalogue.publications.map((p) => p.published.slice(0, 4)))].sort().reverse(),
    theme: [...themesInUse(catalogue).keys()].map(labels.theme).sort(),
  };
}
