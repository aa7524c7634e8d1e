import { describe, expect, it } from 'vitest';
import {
  archivedReviews,
  buildCatalogue,
  externalReviewText,
  filterReviews,
  publicStatements,
  reviewFilterOptions,
  reviewsByYear,
  reviewStateText,
  searchFilterValues,
  themeContents,
  type CatalogueInput,
} from '../src/utils/catalogue.ts';
import { REVIEW_TYPES, REVIEW_TYPE_RULES } from '../src/schemas/documents.ts';
import type { Briefing, NationalEntry, Report, Statement } from '../src/schemas/documents.ts';

const report = (over: Partial<Report> = {}): Report => ({
  title: 'Child A',
  type: 'lcspr',
  document: 'overview-report',
  publication: 'published',
  published: '2025-03-14',
  partnerships: ['example-borough'],
  reviewers: ['A. N. Example'],
  summary: 'Summary.',
  themes: ['neglect'],
  pdfs: [{ file: 'a.pdf', title: 'Report' }],
  allow: [],
  draft: false,
  anonymisation: { date: '2025-03-01', role: 'Business Manager' },
  ...over,
});
const statement = (over: Partial<Statement> = {}): Statement => ({ title: 'Statement', published: '2025-03-14', draft: false, allow: [], themes: [], ...over });
const briefing = (over: Partial<Briefing> = {}): Briefing => ({ title: 'Briefing', published: '2025-04-01', draft: false, allow: [], themes: [], ...over });
const national = (over: Partial<NationalEntry> = {}): NationalEntry => ({
  title: 'National', kind: 'thematic-report', publisher: 'Panel', published: '2025-01-01', themes: ['neglect'], summary: 's', url: 'https://www.example.org/', draft: false, allow: [], ...over,
});

const input = (over: Partial<CatalogueInput>): CatalogueInput => ({ reports: [], statements: [], briefings: [], national: [], today: '2025-06-01', ...over });

describe('buildCatalogue', () => {
  it('keeps a statement and briefing off the site until their own dates, even when the report is public', () => {
    const c = buildCatalogue(input({
      reports: [{ id: 'a', data: report() }],
      statements: [{ id: 'a', data: statement({ published: '2025-07-01' }) }],
      briefings: [{ id: 'a', data: briefing({ published: '2025-07-01' }) }],
      today: '2025-06-01',
    }));
    expect(c.reviews.map((r) => r.slug)).toEqual(['a']);
    expect(c.reviews[0]!.statement).toBeUndefined();
    expect(c.reviews[0]!.briefing).toBeUndefined();
    expect(c.briefings).toEqual([]);
    expect(c.publications.map((p) => p.kind)).toEqual(['report']);
  });

  it('hides a statement and briefing whose review is not public, whatever their own dates', () => {
    const c = buildCatalogue(input({
      reports: [{ id: 'a', data: report({ draft: true }) }, { id: 'b', data: report({ published: '2026-01-01' }) }],
      statements: [{ id: 'a', data: statement() }, { id: 'b', data: statement() }],
      briefings: [{ id: 'a', data: briefing() }, { id: 'b', data: briefing() }],
    }));
    expect(c.reviews).toEqual([]);
    expect(c.briefings).toEqual([]);
    expect(c.publications).toEqual([]);
  });

  it.each([
    ['withheld', { publication: 'withheld' as const }, 'withheld'],
    ['delayed', { publication: 'delayed' as const, expected: '2026-01-01' }, 'delayed'],
    ['archived', { archived: '2025-05-01' }, 'archived'],
  ])('a %s review is listed without its body or PDFs', (_name, over, state) => {
    const c = buildCatalogue(input({ reports: [{ id: 'a', data: report(over) }] }));
    expect(c.reviews[0]!.state).toBe(state);
    expect(c.reviews[0]!.bodyPublic).toBe(false);
    expect(c.reviews[0]!.pdfs).toEqual([]);
  });

  it('lists a statement about another area’s review as an external review', () => {
    const about = { partnership: 'Example Vale', url: 'https://www.example.org/r', type: 'lcspr' as const };
    const c = buildCatalogue(input({ statements: [{ id: 'x', data: statement({ about, summary: 'About it.' }) }] }));
    expect(c.reviews).toMatchObject([{ slug: 'x', state: 'external', bodyPublic: false, about }]);
    expect(c.publications.map((p) => p.kind)).toEqual(['statement']);
  });

  it('ignores a statement with no report and no external review (never guesses)', () => {
    const c = buildCatalogue(input({ statements: [{ id: 'x', data: statement() }] }));
    expect(c.reviews).toEqual([]);
  });

  it('gives a review briefing its review’s themes and gates standalone briefings and national entries by date', () => {
    const c = buildCatalogue(input({
      reports: [{ id: 'a', data: report({ themes: ['neglect'] }) }],
      briefings: [
        { id: 'a', data: briefing({ themes: ['safe-sleep'] }) },
        { id: 'alone', data: briefing({ summary: 'Standalone', themes: ['adolescents'] }) },
        { id: 'later', data: briefing({ published: '2025-12-01' }) },
      ],
      national: [{ id: 'n1', data: national() }, { id: 'n2', data: national({ published: '2025-09-01' }) }, { id: 'n3', data: national({ draft: true }) }],
    }));
    expect(c.briefings.map((b) => [b.id, b.themes])).toEqual([['a', ['neglect', 'safe-sleep']], ['alone', ['adolescents']]]);
    expect(c.national.map((n) => n.id)).toEqual(['n1']);
  });

  it('sorts publications newest first', () => {
    const c = buildCatalogue(input({
      reports: [{ id: 'old', data: report({ published: '2024-01-01', title: 'Old' }) }, { id: 'new', data: report({ published: '2025-05-01', title: 'New' }) }],
    }));
    expect(c.publications.map((p) => p.title)).toEqual(['New', 'Old']);
    expect(reviewsByYear(c.reviews).map((g) => g.year)).toEqual([2025, 2024]);
  });
});

describe('filterReviews', () => {
  it('filters by type and theme', () => {
    const c = buildCatalogue(input({
      reports: [
        { id: 'a', data: report({ type: 'scr', themes: ['neglect'] }) },
        { id: 'b', data: report({ type: 'lcspr', themes: ['safe-sleep'] }) },
      ],
    }));
    expect(filterReviews(c.reviews, { type: 'scr' }).map((r) => r.slug)).toEqual(['a']);
    expect(filterReviews(c.reviews, { theme: 'safe-sleep' }).map((r) => r.slug)).toEqual(['b']);
    expect(filterReviews(c.reviews, {}).length).toBe(2);
  });
});

describe('list helpers for pages', () => {
  const c = buildCatalogue(input({
    reports: [
      { id: 'a', data: report({ title: 'Child A', type: 'scr', themes: ['neglect'], published: '2024-02-01' }) },
      { id: 'b', data: report({ title: 'Child B', themes: ['safe-sleep', 'neglect'], archived: '2025-05-01' }) },
    ],
    statements: [{ id: 'a', data: statement({ title: 'Statement A', published: '2024-02-01' }) }, { id: 'b', data: statement({ title: 'Statement B' }) }],
    briefings: [{ id: 'alone', data: briefing({ summary: 'S', themes: ['safe-sleep'] }) }],
    national: [{ id: 'n', data: national({ themes: ['adolescents'] }) }],
  }));

  it('publicStatements: newest first, with their review', () => {
    expect(publicStatements(c).map((s) => [s.slug, s.review])).toEqual([['b', 'Child B'], ['a', 'Child A']]);
  });

  it('archivedReviews: only archived ones', () => {
    expect(archivedReviews(c).map((r) => r.slug)).toEqual(['b']);
  });

  it('themeContents: reviews, briefings and national entries on one theme', () => {
    const t = themeContents(c, 'safe-sleep');
    expect([t.reviews.map((r) => r.slug), t.briefings.map((b) => b.id), t.national.map((n) => n.id)]).toEqual([['b'], ['alone'], []]);
  });

  it('reviewFilterOptions: types sorted, themes sorted by label', () => {
    const labels: Record<string, string> = { neglect: 'Neglect', 'safe-sleep': 'Accidents in sleep' };
    expect(reviewFilterOptions(c.reviews, (t) => labels[t]!)).toEqual({ types: ['lcspr', 'scr'], themes: ['safe-sleep', 'neglect'] });
  });

  it('searchFilterValues: spelt as the index spells them, years newest first', () => {
    const v = searchFilterValues(c, { type: (t) => t.toUpperCase(), theme: (t) => `T:${t}` });
    expect(v.reviewType).toEqual(['LCSPR', 'SCR']);
    expect(v.year).toEqual(['2025', '2024']);
    expect(v.theme).toEqual(['T:adolescents', 'T:neglect', 'T:safe-sleep']);
  });
});

describe('a statement about a review another body published', () => {
  it('a national review is the Panel\'s: the page says so and links to where the Panel published it', () => {
    const t = externalReviewText({ partnership: 'Child Safeguarding Practice Review Panel', url: 'https://example.org/r', type: 'national-cspr' });
    expect(t.intro).toBe(
      "This is a national review: Child Safeguarding Practice Review Panel carried it out and published the report. This site has the partnership's statement about it.",
    );
    expect(t.link).toBe('Read the report where Child Safeguarding Practice Review Panel published it');
  });

  it("any other type is another area's review", () => {
    const t = externalReviewText({ partnership: 'Example Shire Safeguarding Children Partnership', url: 'https://example.org/r', type: 'lcspr' });
    expect(t).toEqual({
      intro: 'This review was carried out by Example Shire Safeguarding Children Partnership, which published the report.',
      link: "Read the report on Example Shire Safeguarding Children Partnership's website",
    });
  });

  it.each(REVIEW_TYPES)('lists say who published a %s another body published, from REVIEW_TYPE_RULES', (type) => {
    expect(reviewStateText({ state: 'external', type })).toBe(
      REVIEW_TYPE_RULES[type].publisher === 'panel' ? "Statement on the Panel's national review" : "Statement on another partnership's review",
    );
  });

  it.each([
    ['published', 'Report published'],
    ['withheld', 'Report not published, to protect the family'],
    ['delayed', 'Publication delayed'],
    ['archived', 'Report archived (available on request)'],
  ] as const)('a %s review is listed as "%s"', (state, text) => expect(reviewStateText({ state, type: 'lcspr' })).toBe(text));
});
