/**
 * `reviews/<slug>/case.yaml`: the lifecycle of a case, from the day the local authority became
 * aware of a serious incident to the report's submission to the NSPCC national repository.
 *
 * PARTNERS ONLY, every field: nothing of a case file is ever published (the public build's model
 * does not even hold it; see src/check/model.ts). A folder may hold only this file until a report
 * exists. The dates of each stage are optional until the stage has happened; the deadlines are
 * worked out from them by src/utils/case-lifecycle.ts, never typed. Two stages are read from
 * `report.mdx` rather than written here, so that each date lives in one place: the day the report
 * was sent to the Panel, Ofsted and the Secretary of State (`sentToPanel`) and publication
 * (`published`, `publication`, `expected`).
 *
 * Every field is described for editors in docs/case-lifecycle.md and in its `.describe()` here.
 * Rules that need more than the file (the order of the dates, nothing recorded after today, a
 * "no review" folder holding nothing to publish) are checked by `npm run check` (the `cases` step).
 */
import { z } from 'astro/zod';
import { isoDate, text } from './common.ts';

/** What the rapid review decided. */
export const CASE_DECISIONS = ['lcspr', 'national-review', 'no-review'] as const;
export type CaseDecision = (typeof CASE_DECISIONS)[number];

/** How each decision is written out for readers. */
export const CASE_DECISION_LABELS: Record<CaseDecision, string> = {
  lcspr: 'Local child safeguarding practice review (LCSPR)',
  'national-review': 'Referred to the Panel for a national review',
  'no-review': 'No review',
};

const date = (what: string) => isoDate.optional().describe(`${what}, written YYYY-MM-DD. Leave it out until it has happened.`);

/** The rapid review. */
export const rapidReviewSchema = z
  .object({
    meeting: date('The day the rapid review meeting was held'),
    completed: date('The day the rapid review was completed: due within 15 working days of the day the local authority became aware'),
    sentToPanel: date('The day the completed rapid review was sent to the national Panel: due within 2 working days of the meeting'),
  })
  .strict();

/** The decision the rapid review led to. */
export const decisionSchema = z
  .object({
    outcome: z
      .enum(CASE_DECISIONS, { error: `must be one of: ${CASE_DECISIONS.join(', ')}` })
      .describe(
        'What was decided: lcspr (a local child safeguarding practice review), national-review (referred to the Panel for a national ' +
          'review) or no-review (no review; the case is closed and nothing of it is ever published).',
      ),
    date: isoDate.describe('The day of the decision, written YYYY-MM-DD. An LCSPR is due no later than 6 calendar months after it.'),
    reason: text.describe('Why, in a sentence or two, for example "the criteria for a local review are met: agencies did not share what they knew".'),
  })
  .strict();

/** A delay notice: the Panel and the Secretary of State were told the LCSPR would be late. */
export const delayNoticeSchema = z
  .object({
    notified: isoDate.describe('The day the Panel and the Secretary of State were told the review would be late, written YYYY-MM-DD.'),
    reason: text.describe('The reason given for the delay, for example "the police asked the review to wait until the criminal trial ends".'),
    revisedDate: isoDate.describe(
      'The revised date the review is expected to be completed, written YYYY-MM-DD: after the original deadline. ' +
        'The review is flagged again when this date passes.',
    ),
  })
  .strict();

/** The local review, once it is decided. */
export const lcsprSchema = z
  .object({
    commissioned: date('The day the review was commissioned'),
    leadReviewer: text.optional().describe('The independent lead reviewer, by name, once appointed.'),
    completed: date(
      'The day the safeguarding partners accepted the final report: due no later than 6 calendar months after the decision',
    ),
    delay: delayNoticeSchema
      .optional()
      .describe(
        'Only when the review will be late: { notified, reason, revisedDate }, the day the Panel and the Secretary of State were told, ' +
          'why, and the revised expected date. The review stays flagged until it is completed.',
      ),
  })
  .strict();

/** `reviews/<slug>/case.yaml`. */
export const caseSchema = z
  .object({
    title: text.describe(
      'The name the case is known by: the pseudonym the report will use, for example "Child E". Never a real name.',
    ),
    aware: isoDate.describe(
      'The day the local authority became aware of the serious incident, written YYYY-MM-DD. Every early deadline counts from it.',
    ),
    notifiedPanel: date('The day the local authority notified the national Panel: due within 5 working days of aware'),
    reportedToPartners: date('The day the incident was reported to the safeguarding partners: due within 5 working days of aware'),
    rapidReview: rapidReviewSchema.optional().describe('The rapid review: { meeting, completed, sentToPanel }, each a date once it has happened.'),
    decision: decisionSchema
      .optional()
      .describe('The decision, once made: { outcome, date, reason }. outcome is one of lcspr, national-review, no-review.'),
    lcspr: lcsprSchema
      .optional()
      .describe('Only when the decision is lcspr: { commissioned, leadReviewer, completed, delay }, each once it has happened.'),
    nspccSubmitted: date(
      'Only for an LCSPR whose report is published: the day the report was submitted to the NSPCC national repository of case reviews',
    ),
  })
  .strict()
  .superRefine((c, ctx) => {
    const outcome = c.decision?.outcome;
    if (c.lcspr && outcome !== 'lcspr') {
      ctx.addIssue({
        code: 'custom',
        path: ['lcspr'],
        message: outcome
          ? `only applies when decision.outcome is lcspr (it is ${outcome}); remove it, or correct the decision`
          : 'only applies once the decision is recorded as lcspr: add decision (outcome, date, reason) first',
      });
    }
    if (c.nspccSubmitted && outcome !== 'lcspr') {
      ctx.addIssue({
        code: 'custom',
        path: ['nspccSubmitted'],
        message: 'only applies to an LCSPR whose report is published (decision.outcome: lcspr)',
      });
    }
  });
export type Case = z.infer<typeof caseSchema>;
