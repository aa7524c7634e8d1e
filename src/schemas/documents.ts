/**
 * Frontmatter of the documents editors write in MDX: review reports, partnership statements,
 * 7-minute briefings, national and thematic entries, and site pages.
 *
 * One schema per document kind; the site's content collections and `npm run check` both use these.
 * Every field's description (`.describe()`) is written for editors: their tools show it from the
 * generated JSON Schemas (content/schemas/), and Astro's editor support shows it for frontmatter.
 * A JSDoc comment is added only where programmers need to know more.
 */
import { z } from 'astro/zod';
import { listAnd } from '../utils/text.ts';
import { allowedText, isoDate, slug, text, url } from './common.ts';

/** Kinds of review, as the partnership and the Panel name them. */
export const REVIEW_TYPES = [
  'lcspr',
  'scr',
  'national-cspr',
  'learning-review',
  'partnership-review',
  'thematic',
] as const;
export type ReviewType = (typeof REVIEW_TYPES)[number];

/** How each review type is written out for readers. */
export const REVIEW_TYPE_LABELS: Record<ReviewType, string> = {
  lcspr: 'Local child safeguarding practice review',
  scr: 'Serious case review',
  'national-cspr': 'National child safeguarding practice review',
  'learning-review': 'Learning review',
  'partnership-review': 'Partnership review',
  thematic: 'Thematic review',
};

/**
 * What the rules need to know of each kind of review: the one table every rule about review types
 * reads (tests/documents.test.ts goes through it row by row). The type is what the editor records;
 * no rule looks at the date instead (serious case reviews were still published in 2020 and 2021).
 */
export interface ReviewTypeRules {
  /**
   * A statutory local review: the final report must reach the Panel, Ofsted and the DfE at least
   * `panelNoticeWorkingDays` working days before it is published (the `publication-notice` flag).
   */
  panelNotice: boolean;
  /**
   * Who publishes the report. `partnership`: the review's folder holds a report.mdx. `panel`: a
   * national review, which the Child Safeguarding Practice Review Panel publishes; a partnership
   * publishes a statement about it (statement.mdx with `about:`) or links to it from
   * content/national/, never a report.mdx of its own.
   */
  publisher: 'partnership' | 'panel';
}

export const REVIEW_TYPE_RULES: Record<ReviewType, ReviewTypeRules> = {
  lcspr: { panelNotice: true, publisher: 'partnership' },
  /** Serious case reviews: statutory local reviews under the rules before the 2018 reforms. */
  scr: { panelNotice: true, publisher: 'partnership' },
  'national-cspr': { panelNotice: false, publisher: 'panel' },
  'learning-review': { panelNotice: false, publisher: 'partnership' },
  'partnership-review': { panelNotice: false, publisher: 'partnership' },
  /** A local child safeguarding practice review of several cases together; a non-statutory one is a learning-review. */
  thematic: { panelNotice: true, publisher: 'partnership' },
};

/** Whether the 7-working-day notice to the Panel, Ofsted and the DfE applies to a review type. */
export function panelNoticeApplies(type: ReviewType): boolean {
  return REVIEW_TYPE_RULES[type].panelNotice;
}

/** The review types the notice applies to, for descriptions and messages: "lcspr, scr and thematic". */
export const NOTICE_TYPES_TEXT = listAnd(REVIEW_TYPES.filter(panelNoticeApplies));

/** Which text of the review is published. */
export const REPORT_DOCUMENTS = ['overview-report', 'executive-summary'] as const;
export const REPORT_DOCUMENT_LABELS: Record<(typeof REPORT_DOCUMENTS)[number], string> = {
  'overview-report': 'Overview report',
  'executive-summary': 'Executive summary',
};

/** Whether the report itself is published. */
export const PUBLICATION_STATES = ['published', 'withheld', 'delayed'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/** The review types for descriptions, each abbreviation with what it stands for. */
const reviewTypesAccepted = REVIEW_TYPES.map((t) => {
  const label = REVIEW_TYPE_LABELS[t].toLowerCase();
  return label.replaceAll(' ', '-') === t ? t : `${t} (${label})`;
}).join(', ');
const reviewTypeError = { error: `must be one of: ${REVIEW_TYPES.join(', ')}` };

/** Where a field of themes points editors. */
const themeIds = 'ids from content/themes.yaml, for example [neglect, health-visiting]';

/** Fields every published document has. */
export const baseDocumentSchema = z.object({
  title: text.describe('The title readers see. For a report, the pseudonym used in it, for example "Child C".'),
  /** A calendar date in England: the publication gate (src/utils/publication.ts) compares it with today. */
  published: isoDate.describe(
    'The day it is published, written YYYY-MM-DD (a calendar day in England). Nothing appears on the site before this day.',
  ),
  draft: z
    .boolean({ error: 'must be true or false' })
    .default(false)
    .describe('true keeps the document off the site whatever its date. Leave it out (false) to publish on the published day.'),
  allow: z
    .array(allowedText)
    .default([])
    .describe(
      'Text the anonymisation check flagged that a person has checked does not identify anyone: a list of { text, reason }. ' +
        "A review's action plan uses the list in its report.mdx.",
    ),
});

/** A PDF attached to a review (the file sits in the review's folder). */
export const attachmentSchema = z
  .object({
    file: z
      .string()
      .regex(/^[A-Za-z0-9._-]+\.pdf$/, { error: 'must be a PDF file name in the review folder, for example report.pdf' })
      .describe(
        "The PDF's file name in the review's folder: letters, digits, dots, hyphens and underscores, ending .pdf, " +
          'for example child-c-overview-report.pdf.',
      ),
    title: text.describe('What the file is, used as the link text, for example "Overview report".'),
  })
  .strict();

/** The record that a person read the report for identifying details before it was published. */
export const anonymisationSignOffSchema = z
  .object({
    date: isoDate.describe('The day a person finished reading the report for identifying details, written YYYY-MM-DD.'),
    role: text.describe('The role of the person who signed it off, never their name, for example "Business Manager".'),
  })
  .strict();

/**
 * The partners' decision to keep a report on the site once it may be archived (12 months after
 * publication at the least): the answer to the "may now be archived" flag, until `lookAgain`.
 */
export const keepPublishedSchema = z
  .object({
    decided: isoDate.describe(
      'The day the partners decided to keep the report on the site, written YYYY-MM-DD: on or after the day it may first be archived, ' +
        'and not after today.',
    ),
    reason: text.describe(
      'Why the report stays, in a sentence, for the MESI subgroup and the partners (it is not shown on the public site), ' +
        'for example "The learning is used in the current safer sleep campaign".',
    ),
    lookAgain: isoDate.describe(
      'The day to look at the question again, written YYYY-MM-DD, after decided. From that day the report is flagged again as one that may be archived.',
    ),
  })
  .strict();

/** `reviews/<slug>/report.mdx`: the review and its report. */
export const reportSchema = baseDocumentSchema
  .extend({
    type: z
      .enum(REVIEW_TYPES, reviewTypeError)
      .describe(
        `The kind of review, as the partnership records it: one of ${reviewTypesAccepted}. ` +
          'scr is a serious case review commissioned under the rules before the 2018 reforms, whenever it was published. ' +
          'A national review (national-cspr) is published by the Panel, so it has a statement.mdx with about: instead of a report.mdx.',
      ),
    document: z
      .enum(REPORT_DOCUMENTS, { error: `must be one of: ${REPORT_DOCUMENTS.join(', ')}` })
      .optional()
      .describe('Which text is published: overview-report (the full report) or executive-summary. Required when publication is published.'),
    publication: z
      .enum(PUBLICATION_STATES, { error: `must be one of: ${PUBLICATION_STATES.join(', ')}` })
      .describe(
        'Whether the report itself is published: published, withheld (not published, to protect the identity of the child and family) ' +
          'or delayed (held back by parallel proceedings, such as a criminal trial).',
      ),
    partnerships: z
      .array(slug)
      .min(1, { error: 'must name at least one partnership id from content/settings.yaml' })
      .describe(
        'The partnerships that commissioned the review: ids from partnerships in content/settings.yaml, for example [example-borough]. ' +
          'Two or more for a joint review; the first leads.',
      ),
    reviewers: z.array(text).default([]).describe('The lead reviewer or reviewers, by name. A published report must name at least one.'),
    summary: text.describe(
      'One or two sentences on what happened and the core learning. Public whenever the review is, whatever happens to the report.',
    ),
    themes: z
      .array(slug)
      .min(1, { error: 'must list at least one theme id from content/themes.yaml' })
      .describe(`The learning themes, for filters and theme pages: at least one of the ${themeIds}.`),
    sentToPanel: isoDate
      .optional()
      .describe(
        'The day the final report went to the Child Safeguarding Practice Review Panel, Ofsted and the DfE, written YYYY-MM-DD. ' +
          `For the statutory local reviews (${NOTICE_TYPES_TEXT}) the check warns when it is missing or too close to the published day ` +
          '(panelNoticeWorkingDays in content/settings.yaml); other types may record it too.',
      ),
    archived: isoDate
      .optional()
      .describe(
        'The day the report text and PDFs are (or were) taken off the site, written YYYY-MM-DD: at the earliest archiveAfterMonths ' +
          '(12) months after the published day, never before. The summary, statement and briefing stay.',
      ),
    keepPublished: keepPublishedSchema
      .optional()
      .describe(
        'The partners\' decision to keep a report on the site once it may be archived: { decided, reason, lookAgain }. ' +
          'It answers the "may now be archived" flag until the lookAgain day. Only for a published report.',
      ),
    expected: isoDate.optional().describe('Only for a delayed report: the day publication is expected, written YYYY-MM-DD, if it is known.'),
    delayReason: text
      .optional()
      .describe('Only for a delayed report: why, in words fit to publish, for example "an ongoing criminal trial".'),
    pdfs: z
      .array(attachmentSchema)
      .default([])
      .describe("PDF files in the review's folder, published with the report: a list of { file, title }."),
    anonymisation: anonymisationSignOffSchema
      .optional()
      .describe(
        'The human anonymisation sign-off, { date, role }: the day and the role (never the name) of the person who read the report ' +
          'for anything that could identify the child or family. Without it the report text and PDFs are not published.',
      ),
  })
  .strict()
  .superRefine((report, ctx) => {
    if (report.publication === 'published' && report.reviewers.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['reviewers'], message: 'a published report must name its lead reviewer(s)' });
    }
    if (report.publication === 'published' && !report.document) {
      ctx.addIssue({
        code: 'custom',
        path: ['document'],
        message: `is required for a published report: one of ${REPORT_DOCUMENTS.join(', ')}`,
      });
    }
    if (REVIEW_TYPE_RULES[report.type].publisher === 'panel') {
      ctx.addIssue({
        code: 'custom',
        path: ['type'],
        message:
          `is ${report.type}: a national review is published by the Child Safeguarding Practice Review Panel, not by the partnership, ` +
          'so its folder has no report.mdx. Write a statement.mdx with about: { partnership: the Panel, url: where the Panel published it, ' +
          `type: ${report.type} } instead, or link to the report from content/national/ (docs/content-contract.md)`,
      });
    }
    if (report.publication !== 'delayed' && (report.expected || report.delayReason)) {
      ctx.addIssue({
        code: 'custom',
        path: [report.expected ? 'expected' : 'delayReason'],
        message: 'only applies when publication is delayed',
      });
    }
  });
export type Report = z.infer<typeof reportSchema>;

/** `reviews/<slug>/statement.mdx`: the partnership's response to a review. */
export const statementSchema = baseDocumentSchema
  .extend({
    summary: text.optional().describe('One sentence saying what the statement is about, for lists and search results.'),
    about: z
      .object({
        partnership: text.describe(
          'Who published the report: the name of the other partnership, or for a national review the Child Safeguarding Practice Review Panel.',
        ),
        url: url.describe("The web address of that partnership's report, starting https://."),
        type: z.enum(REVIEW_TYPES, reviewTypeError).describe(`The kind of review: one of ${reviewTypesAccepted}.`),
      })
      .strict()
      .optional()
      .describe(
        "Only for a statement about a review another body published (another area's review, or a national review the Panel published): " +
          '{ partnership, url, type }, saying who published the report, where, and what kind of review it is. Such a review folder has no report.mdx.',
      ),
    themes: z
      .array(slug)
      .default([])
      .describe(`The learning themes, as ${themeIds}. Only for a statement about a review another body published; otherwise the report's themes are used.`),
  })
  .strict();
export type Statement = z.infer<typeof statementSchema>;

/** `reviews/<slug>/briefing.mdx` or `content/briefings/<slug>.mdx`: a 7-minute briefing. */
export const briefingSchema = baseDocumentSchema
  .extend({
    summary: text
      .optional()
      .describe('One sentence for lists and search results. Required for a standalone briefing (in content/briefings/).'),
    themes: z.array(slug).default([]).describe(`The learning themes, as ${themeIds}. A review's briefing also shows its review's themes.`),
  })
  .strict();
export type Briefing = z.infer<typeof briefingSchema>;

/** Kinds of national or thematic publication. */
export const NATIONAL_KINDS = ['national-review', 'thematic-report', 'annual-report', 'guidance'] as const;
export const NATIONAL_KIND_LABELS: Record<(typeof NATIONAL_KINDS)[number], string> = {
  'national-review': 'National review',
  'thematic-report': 'Thematic report',
  'annual-report': 'Annual report',
  guidance: 'Guidance',
};

/** `content/national/<slug>.yaml`: a national or thematic report published elsewhere. */
export const nationalSchema = z
  .object({
    title: text.describe('The title of the report, as published.'),
    kind: z
      .enum(NATIONAL_KINDS, { error: `must be one of: ${NATIONAL_KINDS.join(', ')}` })
      .describe(`The kind of publication: one of ${NATIONAL_KINDS.join(', ')}.`),
    publisher: text.describe('Who published it, for example "Child Safeguarding Practice Review Panel".'),
    published: isoDate.describe('The day it was published, written YYYY-MM-DD. The entry appears on the site from this day.'),
    themes: z
      .array(slug)
      .min(1, { error: 'must list at least one theme id from content/themes.yaml' })
      .describe(`The learning themes: at least one of the ${themeIds}.`),
    summary: text.describe("A short summary in the partnership's own words."),
    url: url.describe('Where the report is published: a full web address starting https://.'),
    draft: z
      .boolean({ error: 'must be true or false' })
      .default(false)
      .describe('true keeps the entry off the site. Leave it out (false) to show it from the published day.'),
    allow: z
      .array(allowedText)
      .default([])
      .describe('Text the anonymisation check flagged that a person has checked does not identify anyone: a list of { text, reason }.'),
  })
  .strict();
export type NationalEntry = z.infer<typeof nationalSchema>;

/** `content/pages/<slug>.mdx`: a plain page (about reviews, accessibility, staying safe online). */
export const pageSchema = z
  .object({
    title: text.describe('The page title.'),
    description: text.describe('One sentence for search engines and link previews (the page\'s meta description).'),
    updated: isoDate.optional().describe('The day the page was last reviewed, written YYYY-MM-DD. It is shown at the bottom of the page.'),
  })
  .strict();
export type Page = z.infer<typeof pageSchema>;
