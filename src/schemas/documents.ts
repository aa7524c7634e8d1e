/**
 * Frontmatter of the documents editors write in MDX: review reports, partnership statements,
 * 7-minute briefings, national and thematic entries, and site pages.
 *
 * One schema per document kind; the site's content collections and `npm run check` both use these.
 */
import { z } from 'astro/zod';
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

/** Which text of the review is published. */
export const REPORT_DOCUMENTS = ['overview-report', 'executive-summary'] as const;
export const REPORT_DOCUMENT_LABELS: Record<(typeof REPORT_DOCUMENTS)[number], string> = {
  'overview-report': 'Overview report',
  'executive-summary': 'Executive summary',
};

/** Whether the report itself is published. */
export const PUBLICATION_STATES = ['published', 'withheld', 'delayed'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/** Fields every published document has. */
export const baseDocumentSchema = z.object({
  /** The title readers see. For a report, the child's pseudonym (for example "Child C"). */
  title: text,
  /** The day it goes (or went) public, a calendar date in England. Nothing is public before it. */
  published: isoDate,
  /** `true` keeps the document off the site whatever its date. */
  draft: z.boolean({ error: 'must be true or false' }).default(false),
  /** Reviewed false positives of the anonymisation check that may stand in this document. */
  allow: z.array(allowedText).default([]),
});

/** A PDF attached to a review (the file sits in the review's folder). */
export const attachmentSchema = z
  .object({
    /** File name in the review's folder, for example `child-c-overview-report.pdf`. */
    file: z.string().regex(/^[A-Za-z0-9._-]+\.pdf$/, { error: 'must be a PDF file name in the review folder, for example report.pdf' }),
    /** What the file is, for the link text. */
    title: text,
  })
  .strict();

/** The record that a person read the report for identifying details before it was published. */
export const anonymisationSignOffSchema = z
  .object({
    /** The day the check was signed off. */
    date: isoDate,
    /** The role (never a name) of the person who signed it off, for example "Business Manager". */
    role: text,
  })
  .strict();

/** `reviews/<slug>/report.mdx`: the review and its report. */
export const reportSchema = baseDocumentSchema
  .extend({
    /** Kind of review. */
    type: z.enum(REVIEW_TYPES, { error: `must be one of: ${REVIEW_TYPES.join(', ')}` }),
    /** Which text is published: the full overview report or an executive summary. Required when published. */
    document: z.enum(REPORT_DOCUMENTS, { error: `must be one of: ${REPORT_DOCUMENTS.join(', ')}` }).optional(),
    /** Whether the report itself is published, withheld to protect the family, or delayed by parallel proceedings. */
    publication: z.enum(PUBLICATION_STATES, { error: `must be one of: ${PUBLICATION_STATES.join(', ')}` }),
    /** Partnership ids from settings. Two or more for a joint review; the first leads. */
    partnerships: z.array(slug).min(1, { error: 'must name at least one partnership id from content/settings.yaml' }),
    /** Lead reviewer(s). A published report always names them. */
    reviewers: z.array(text).default([]),
    /** One or two sentences on what happened and the core learning. Public whenever the review is. */
    summary: text,
    /** Theme ids from content/themes.yaml. */
    themes: z.array(slug).min(1, { error: 'must list at least one theme id from content/themes.yaml' }),
    /** The day the final report went to the Panel, Ofsted and the DfE. */
    sentToPanel: isoDate.optional(),
    /** The day the full report was (or will be) taken off the site. */
    archived: isoDate.optional(),
    /** For a delayed report: when publication is expected, if known. */
    expected: isoDate.optional(),
    /** For a delayed report: why, in words fit to publish (for example "an ongoing criminal trial"). */
    delayReason: text.optional(),
    /** PDF files in the review's folder, published with the report. */
    pdfs: z.array(attachmentSchema).default([]),
    /** The human anonymisation sign-off. A report is not published without it. */
    anonymisation: anonymisationSignOffSchema.optional(),
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
    if (report.archived && report.archived < report.published) {
      ctx.addIssue({ code: 'custom', path: ['archived'], message: 'cannot be before the published date' });
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
    /** One sentence saying what the statement is about, for lists and search results. */
    summary: text.optional(),
    /**
     * For a statement about another area's review: where that report is published. Such a review
     * folder has no report.mdx.
     */
    about: z
      .object({
        /** The partnership that published the report. */
        partnership: text,
        /** The address of that partnership's report. */
        url,
        /** Kind of review. */
        type: z.enum(REVIEW_TYPES, { error: `must be one of: ${REVIEW_TYPES.join(', ')}` }),
      })
      .strict()
      .optional(),
    /** Theme ids (for a statement about another area's review, which has no report to take them from). */
    themes: z.array(slug).default([]),
  })
  .strict();
export type Statement = z.infer<typeof statementSchema>;

/** `reviews/<slug>/briefing.mdx` or `content/briefings/<slug>.mdx`: a 7-minute briefing. */
export const briefingSchema = baseDocumentSchema
  .extend({
    /** One sentence for lists and search results. Required for a standalone briefing. */
    summary: text.optional(),
    /** Theme ids; a review's briefing also shows its review's themes. */
    themes: z.array(slug).default([]),
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
    /** Its title as published. */
    title: text,
    /** Kind of publication. */
    kind: z.enum(NATIONAL_KINDS, { error: `must be one of: ${NATIONAL_KINDS.join(', ')}` }),
    /** Who published it, for example "Child Safeguarding Practice Review Panel". */
    publisher: text,
    /** The day it was published (the entry goes live on this day too). */
    published: isoDate,
    /** Theme ids from content/themes.yaml. */
    themes: z.array(slug).min(1, { error: 'must list at least one theme id from content/themes.yaml' }),
    /** A short summary in the partnership's words. */
    summary: text,
    /** Where it is published. */
    url,
    /** `true` keeps it off the site. */
    draft: z.boolean({ error: 'must be true or false' }).default(false),
    /** Reviewed false positives of the anonymisation check. */
    allow: z.array(allowedText).default([]),
  })
  .strict();
export type NationalEntry = z.infer<typeof nationalSchema>;

/** `content/pages/<slug>.mdx`: a plain page (about reviews, accessibility, staying safe online). */
export const pageSchema = z
  .object({
    /** The page title. */
    title: text,
    /** One sentence for search results and the page's meta description. */
    description: text,
    /** The day the page was last reviewed. */
    updated: isoDate.optional(),
  })
  .strict();
export type Page = z.infer<typeof pageSchema>;
