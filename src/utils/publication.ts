/**
 * The publication gate: the one place that decides what is public.
 *
 * Pages, the search index, the feed and the sitemap get their content only through
 * `src/data/public.ts`, which applies these functions. They are plain functions of the
 * frontmatter and "today" (the calendar date in England at the build clock) so every rule has a
 * unit test. When in doubt they answer "not public".
 */
import type { IsoDate } from './dates.ts';
import { addMonths, formatDate, isIsoDate } from './dates.ts';

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

/** True once a report's `archived` day has come: its text and PDFs leave the site that day. */
export function isArchived(report: { archived?: IsoDate | undefined }, today: IsoDate): boolean {
  return report.archived !== undefined && report.archived <= today;
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
      return isArchived(report, today) ? 'archived' : 'published';
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
  if (isArchived(report, today)) return { public: false, reason: 'archived' };
  if (!report.anonymisation || report.anonymisation.date > today) {
    return { public: false, reason: 'no-anonymisation-sign-off' };
  }
  return PUBLIC;
}

/*
 * Archival. The guidance (Lewisham Local CSPR Practice Guidance, "Formal Publication"): reports
 * are publicly available "for at least one year and archived reports will be available on
 * request". So `archiveAfterMonths` (12, never less) is a minimum, not a deadline: from that day a
 * report MAY be archived, and a person answers the question, either by archiving it (`archived:`)
 * or by recording the partners' decision to keep it published (`keepPublished:`, with a reason and
 * a day to look again, when the question comes back). A report is never archived before it.
 */

/** What the archival rules need of a report. */
export interface ArchivalInput {
  publication: string;
  published: IsoDate;
  archived?: IsoDate | undefined;
  keepPublished?: KeepPublished | undefined;
}

/** The partners' decision to keep a report published (`keepPublished:` in report.mdx). */
export interface KeepPublished {
  decided: IsoDate;
  reason: string;
  lookAgain: IsoDate;
}

/** Where a published report stands on archival today. */
export type ArchivalStatus =
  /** Not a published report (withheld or delayed): there is no report on the site to archive. */
  | { status: 'not-applicable' }
  /** Within the minimum period: it may not be archived before `eligible`. */
  | { status: 'not-yet-eligible'; eligible: IsoDate }
  /** It may now be archived, and nobody has answered (since `eligible`), or the day to look again has come (since `lookAgain`). */
  | { status: 'may-archive'; eligible: IsoDate; since: IsoDate; previous?: KeepPublished | undefined }
  /** The partners decided to keep it published until `decision.lookAgain`. */
  | { status: 'kept'; eligible: IsoDate; decision: KeepPublished }
  /** An `archived` day is set and has not come yet. */
  | { status: 'archive-scheduled'; eligible: IsoDate; archived: IsoDate }
  /** Archived: the report text and PDFs are off the site. */
  | { status: 'archived'; archived: IsoDate };

/** The first day a report published on `published` may be archived: `months` (at least 12) months later. */
export function archivalEligibleFrom(published: IsoDate, months: number): IsoDate {
  return addMonths(published, months);
}

/**
 * Where a report stands on archival today: the one rule the flag, the MESI report and the
 * dashboards all use. A decision to keep it published counts from its `decided` day until its
 * `lookAgain` day; an `archived` day answers the question for good, whenever it was decided.
 */
export function archivalStatus(report: ArchivalInput, today: IsoDate, months: number): ArchivalStatus {
  if (report.publication !== 'published') return { status: 'not-applicable' };
  if (report.archived !== undefined && isArchived(report, today)) return { status: 'archived', archived: report.archived };
  const eligible = archivalEligibleFrom(report.published, months);
  if (report.archived !== undefined) return { status: 'archive-scheduled', eligible, archived: report.archived };
  if (today < eligible) return { status: 'not-yet-eligible', eligible };
  const keep = report.keepPublished;
  if (keep && keep.decided <= today) {
    if (today < keep.lookAgain) return { status: 'kept', eligible, decision: keep };
    return { status: 'may-archive', eligible, since: keep.lookAgain, previous: keep };
  }
  return { status: 'may-archive', eligible, since: eligible };
}

/** A problem with a report's archival fields: the field's path and what is wrong, for the check to locate. */
export interface ArchivalProblem {
  path: ['archived'] | ['keepPublished'] | ['keepPublished', 'decided' | 'lookAgain'];
  message: string;
}

/**
 * What is wrong with a report's `archived` and `keepPublished` fields (an empty list when nothing
 * is). The rules: never archived before the minimum period ends; a decision to keep a report is
 * taken once the question arises (on or after the day it may be archived), not in the future, and
 * sets a later day to look again; archiving after such a decision replaces it, but a report cannot
 * be kept published after the day it was archived; only a published report has either.
 */
export function archivalProblems(report: ArchivalInput, months: number, today: IsoDate): ArchivalProblem[] {
  const problems: ArchivalProblem[] = [];
  const eligible = archivalEligibleFrom(report.published, months);
  const keep = report.keepPublished;
  const minimum = `a report stays on the site for at least ${months} months after it is published (${formatDate(report.published)})`;
  if (report.archived !== undefined && report.archived < eligible) {
    problems.push({
      path: ['archived'],
      message: `is ${formatDate(report.archived)}, before ${formatDate(eligible)}: ${minimum}. Use ${eligible} or a later day`,
    });
  }
  if (!keep) return problems;
  if (report.publication !== 'published') {
    problems.push({
      path: ['keepPublished'],
      message: `only applies to a published report (publication: published); this one is ${report.publication}, so it is not on the site to keep or archive. Remove keepPublished`,
    });
    return problems;
  }
  if (keep.decided < eligible) {
    problems.push({
      path: ['keepPublished', 'decided'],
      message: `is ${formatDate(keep.decided)}, before the report may first be archived (${formatDate(eligible)}, as ${minimum}): the question does not arise until then. Record the decision when it is taken, on or after ${eligible}`,
    });
  } else if (keep.decided > today) {
    problems.push({
      path: ['keepPublished', 'decided'],
      message: `is ${formatDate(keep.decided)}, after today (${formatDate(today)}): record the decision once the partners have taken it`,
    });
  }
  if (keep.lookAgain <= keep.decided) {
    problems.push({
      path: ['keepPublished', 'lookAgain'],
      message: `is ${formatDate(keep.lookAgain)}, which must be after decided (${formatDate(keep.decided)}): the day the partners will look at keeping the report again`,
    });
  }
  if (report.archived !== undefined && report.archived < keep.decided) {
    problems.push({
      path: ['archived'],
      message: `is ${formatDate(report.archived)}, before the decision of ${formatDate(keep.decided)} to keep the report published: a report cannot be kept on the site after it was archived. If it stays, remove archived; if it was archived after that decision, give that day`,
    });
  }
  return problems;
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
