/**
 * The publication gate: the one place that decides what is public.
 *
 * Pages, the search index, the feed and the sitemap get their content only through
 * `src/data/public.ts`, which applies these functions. They are plain functions of the
 * frontmatter and "today" (the calendar date in England at the build clock) so every rule has a
 * unit test. When in doubt they answer "not public".
 */
import type { IsoDate } from './dates.ts';
import { addMonths, isIsoDate } from './dates.ts';

/** Why something is not public. */
export type HiddenReason =
  | 'draft'
  | 'scheduled'
  | 'withheld'
  | 'delayed'
  | 'archived'
  | 'no-anonymisation-sign-off'
  | 'progress-not-approved'
  | 'unknown-state';

export type Visibility = { public: true } | { public: false; reason: HiddenReason };

const PUBLIC: Visibility = { public: true };

/** What the gate needs of any dated document. */
export interface Dated {
  draft?: boolean | undefined;
  published: IsoDate;
}

/**
 * Whether a dated document (a statement, briefing, national entry, or the review entry itself) is
 * public today. A draft never is; a document is public from the first build on or after its date.
 */
export function documentVisibility(doc: Dated, today: IsoDate): Visibility {
  if (doc.draft !== false && doc.draft !== undefined) return { public: false, reason: 'draft' };
  if (typeof doc.published !== 'string' || doc.published > today) return { public: false, reason: 'scheduled' };
  return PUBLIC;
}

/** What the gate needs of a report. */
export interface ReportLike extends Dated {
  publication: string;
  archived?: IsoDate | undefined;
  anonymisation?: { date: IsoDate; role: string } | undefined;
}

/** The state a review shows readers. */
export type ReviewState = 'published' | 'withheld' | 'delayed' | 'archived';

/**
 * The state of a review as readers see it today, or undefined when the review is not public at
 * all (a draft, or its date not reached). An unknown publication state is never public.
 */
export function reviewState(report: ReportLike, today: IsoDate): ReviewState | undefined {
  if (!documentVisibility(report, today).public) return undefined;
  switch (report.publication) {
    case 'published':
      return report.archived !== undefined && report.archived <= today ? 'archived' : 'published';
    case 'withheld':
      return 'withheld';
    case 'delayed':
      return 'delayed';
    default:
      return undefined;
  }
}

/**
 * Whether the body of a report (its text and its PDFs) is public today. Only a published report,
 * dated today or earlier, not archived, with its anonymisation signed off on or before today.
 */
export function reportBodyVisibility(report: ReportLike, today: IsoDate): Visibility {
  const doc = documentVisibility(report, today);
  if (!doc.public) return doc;
  switch (report.publication) {
    case 'withheld':
      return { public: false, reason: 'withheld' };
    case 'delayed':
      return { public: false, reason: 'delayed' };
    case 'published':
      break;
    default:
      return { public: false, reason: 'unknown-state' };
  }
  if (report.archived !== undefined && report.archived <= today) return { public: false, reason: 'archived' };
  if (!report.anonymisation || report.anonymisation.date > today) {
    return { public: false, reason: 'no-anonymisation-sign-off' };
  }
  return PUBLIC;
}

/**
 * The day a published report becomes due for archival (`published` plus `months`), or undefined
 * when it does not apply (not published, or already archived).
 */
export function archivalDueDate(report: ReportLike, months: number, today: IsoDate): IsoDate | undefined {
  if (report.publication !== 'published') return undefined;
  if (report.archived !== undefined && report.archived <= today) return undefined;
  return addMonths(report.published, months);
}

/** What the plan rule needs of an action plan. */
export interface PlanLike {
  draft?: boolean | undefined;
  publishWhenWithheld?: boolean | undefined;
  /** The day the safeguarding partners approved publishing the plan's progress. */
  publicProgressApproved?: IsoDate | undefined;
}

/**
 * Whether the public may see a review's action plan and its progress today, given the review's
 * state in the public catalogue (undefined when the review is not public). Never without the
 * partners' approval: the plan must record the day they approved publishing its progress
 * (`publicProgressApproved`), on or before today. Then: published, archived and external
 * reviews, yes; withheld, only when the plan also says `publishWhenWithheld: true`. Delayed (the
 * plan would disclose the findings early), drafts and reviews not public: no. Anything else
 * (an unknown state, a date that is not a date) is not public.
 */
export function planIsPublic(state: string | undefined, plan: PlanLike, today: IsoDate): boolean {
  if (!state || (plan.draft !== false && plan.draft !== undefined)) return false;
  const approved = plan.publicProgressApproved;
  if (typeof approved !== 'string' || !isIsoDate(approved) || approved > today) return false;
  if (state === 'withheld') return plan.publishWhenWithheld === true;
  return state === 'published' || state === 'archived' || state === 'external';
}

/** Plain-English explanation of a hidden reason, for the checker's output. */
export const HIDDEN_REASON_TEXT: Record<HiddenReason, string> = {
  draft: 'marked as a draft',
  scheduled: 'its publication date has not been reached',
  withheld: 'the decision was taken not to publish the report',
  delayed: 'publication is delayed by parallel proceedings',
  archived: 'the report has been archived',
  'no-anonymisation-sign-off': 'it has no anonymisation sign-off (anonymisation: date and role)',
  'progress-not-approved': "the partners have not approved publishing the plan's progress (publicProgressApproved: the day they did, not after today)",
  'unknown-state': 'its publication state is not recognised',
};
