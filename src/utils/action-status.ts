/**
 * What the MESI subgroup needs to look at: the flags on actions, plans and reports, and each
 * action's RAG rating. Plain functions of the data, "today" and the `monitoring` settings, so every
 * rule has a table-driven test (tests/action-status.test.ts) and the dashboards compute exactly
 * what the checker prints.
 *
 * The RAG rating is always computed, never typed by an editor:
 * - Red: overdue (not started or in progress, and the timescale has passed).
 * - Amber: due within the due-soon window; an ongoing action whose review date is near or has
 *   passed; complete and waiting for assurance longer than the assurance window; or completed
 *   after its timescale and not yet assured.
 * - Green: complete within its timescale (and not waiting too long for assurance), or assured.
 * - Grey: withdrawn, or not yet due.
 *
 * An action's timescale is the one first agreed (`timescale`) until a revision records a new one
 * (`revisions`); from then on it is judged against the latest revision: overdue, due soon and
 * "completed after its timescale" all use the current timescale, and the one first agreed is kept
 * for the slippage the MESI subgroup and the public see (`slippage()`).
 */
import type { Action, ActionPlan, Dissemination } from '../schemas/action-plan.ts';
import type { Settings } from '../schemas/site.ts';
import { addDays, addMonths, daysBetween, formatDate, type IsoDate } from './dates.ts';
import { panelNoticeApplies, REVIEW_TYPE_LABELS, type ReviewType } from '../schemas/documents.ts';
import { archivalStatus, type ArchivalInput, type ReportLike } from './publication.ts';
import { plural } from './text.ts';
import { parseTimescale } from './timescale.ts';
import { addWorkingDays, workingDaysBetween } from './working-days.ts';

/** The timings the flags use (`monitoring:` in content/settings.yaml). */
export type Monitoring = Settings['monitoring'];

/** The defaults, as in src/schemas/site.ts. */
export const DEFAULT_MONITORING: Monitoring = {
  dueSoonDays: 28,
  awaitingAssuranceDays: 30,
  impactAfterMonths: 6,
  staleUpdateDays: 90,
  archiveAfterMonths: 12,
  panelNoticeWorkingDays: 7,
};

/** Kinds of flag, in the order the report lists them. */
export const FLAG_KINDS = [
  'overdue',
  'due-soon',
  'awaiting-assurance',
  'no-impact-evidence',
  'review-date-passed',
  'stale-plan',
  'dissemination-overdue',
  'may-archive',
  'publication-notice',
  // Flags on the stages of a case (reviews/<slug>/case.yaml, src/utils/case-lifecycle.ts).
  'case-overdue',
  'case-due-soon',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/** Headings for each kind of flag. */
export const FLAG_LABELS: Record<FlagKind, string> = {
  overdue: 'Overdue actions',
  'due-soon': 'Actions due soon',
  'awaiting-assurance': 'Complete, awaiting assurance',
  'no-impact-evidence': 'Assured, no evidence of impact',
  'review-date-passed': 'Ongoing actions past their review date',
  'stale-plan': 'Plans with no recent update',
  'dissemination-overdue': 'Dissemination past its due date',
  'may-archive': 'Reports that may now be archived',
  'publication-notice': 'Publication notice to the Panel, Ofsted and the DfE',
  'case-overdue': 'Case stages overdue',
  'case-due-soon': 'Case stages due soon',
};

/** A flag on one action, plan, activity or report. */
export interface StatusFlag {
  kind: FlagKind;
  /** The date the flag is about: the due date, the completion date, the review date, the last update... */
  date?: IsoDate | undefined;
  /** A count of days that goes with it: days overdue, days until due, days since completion or update. */
  days?: number | undefined;
  /** What the flag means, in a sentence. */
  message: string;
}

/** What the timescale rules need of an action: the timescale first agreed and its revisions. */
export interface TimescaleInput {
  /** The timescale first agreed. */
  timescale: string;
  /** New timescales agreed since, oldest first (the schema requires that order). */
  revisions?: readonly { date: IsoDate; timescale: string }[] | undefined;
}

/**
 * The latest revision of a timescale: the one with the latest date (of two on the same day, the
 * one listed later), or undefined when it was never revised.
 */
export function latestRevision<R extends { date: IsoDate }>(revisions: readonly R[] | undefined): R | undefined {
  let latest: R | undefined;
  for (const r of revisions ?? []) if (latest === undefined || r.date >= latest.date) latest = r;
  return latest;
}

/** The timescale the action is judged against today: the latest revision's, or the one first agreed. */
export function currentTimescale(action: TimescaleInput): string {
  return latestRevision(action.revisions)?.timescale ?? action.timescale;
}

function dueOf(timescale: string): IsoDate | undefined {
  const r = parseTimescale(timescale);
  return r.ok && r.timescale.kind === 'date' ? r.timescale.due : undefined;
}

/** The day the action is due now (by its latest timescale), or undefined when it is ongoing or unreadable. */
export function actionDueDate(action: TimescaleInput): IsoDate | undefined {
  return dueOf(currentTimescale(action));
}

/** The day the action was due by the timescale first agreed, or undefined when that was ongoing or unreadable. */
export function originalDueDate(action: Pick<TimescaleInput, 'timescale'>): IsoDate | undefined {
  return dueOf(action.timescale);
}

/** True when the current timescale is `ongoing` (a revision cannot be; see the schema). */
export function isOngoing(action: TimescaleInput): boolean {
  const r = parseTimescale(currentTimescale(action));
  return r.ok && r.timescale.kind === 'ongoing';
}

/** True for an action that still has work to do (not started or in progress). */
export function isOpen(action: Pick<Action, 'status'>): boolean {
  return action.status === 'not-started' || action.status === 'in-progress';
}

/** How far an action's timescale has moved since it was first agreed. */
export interface Slippage {
  /** How many times the timescale was revised (0 when never). */
  revisions: number;
  /** The due date first agreed (undefined when ongoing). */
  originalDue?: IsoDate | undefined;
  /** The due date now (undefined when ongoing). */
  due?: IsoDate | undefined;
  /**
   * Days the current due date is later than the one first agreed (negative when it was brought
   * forward); undefined when the timescale was never revised.
   */
  days?: number | undefined;
}

/** The slippage of an action's timescale: revised how many times, and how many days later than first agreed. */
export function slippage(action: TimescaleInput): Slippage {
  const revisions = action.revisions?.length ?? 0;
  const originalDue = originalDueDate(action);
  const due = actionDueDate(action);
  const days = revisions > 0 && originalDue !== undefined && due !== undefined ? daysBetween(originalDue, due) : undefined;
  return { revisions, originalDue, due, days };
}

/**
 * "revised twice, now 92 days later than first agreed (31 March 2026)", or without the date
 * ("... than first agreed") when `withDate` is false; empty when never revised.
 */
export function slippageText(s: Slippage, withDate = true): string {
  if (s.revisions === 0) return '';
  const times = s.revisions === 1 ? 'once' : s.revisions === 2 ? 'twice' : `${s.revisions} times`;
  if (s.originalDue === undefined || s.days === undefined) return `revised ${times}`;
  const first = withDate ? `first agreed (${formatDate(s.originalDue)})` : 'first agreed';
  const shift = s.days === 0 ? `the same day as ${first}` : s.days > 0 ? `${plural(s.days, 'day')} later than ${first}` : `${plural(-s.days, 'day')} earlier than ${first}`;
  return `revised ${times}, now ${shift}`;
}

type ActionInput = Pick<Action, 'id' | 'timescale' | 'status' | 'reviewBy' | 'completedOn'> &
  TimescaleInput & {
    assuredOn?: IsoDate | undefined;
    /** Evidence of impact (only whether there is any matters here). */
    impact?: readonly unknown[] | undefined;
  };

/** The flags on one action today. An action in a draft plan is not monitored: do not call this for it. */
export function actionFlags(action: ActionInput, today: IsoDate, monitoring: Monitoring = DEFAULT_MONITORING): StatusFlag[] {
  const flags: StatusFlag[] = [];
  const due = actionDueDate(action);
  if (isOpen(action)) {
    if (due !== undefined && due < today) {
      const days = daysBetween(due, today);
      const revised = slippageText(slippage(action));
      flags.push({
        kind: 'overdue',
        date: due,
        days,
        message: `is ${plural(days, 'day')} overdue: its timescale ended on ${formatDate(due)} and it is still ${action.status}${revised ? `. The timescale was ${revised}` : ''}`,
      });
    } else if (due !== undefined && due <= addDays(today, monitoring.dueSoonDays)) {
      const days = daysBetween(today, due);
      flags.push({
        kind: 'due-soon',
        date: due,
        days,
        message: `is due ${days === 0 ? 'today' : `in ${plural(days, 'day')}`}, on ${formatDate(due)}, and is ${action.status}`,
      });
    }
    if (isOngoing(action) && action.reviewBy !== undefined && action.reviewBy < today) {
      const days = daysBetween(action.reviewBy, today);
      flags.push({
        kind: 'review-date-passed',
        date: action.reviewBy,
        days,
        message: `is ongoing and its review date, ${formatDate(action.reviewBy)}, passed ${plural(days, 'day')} ago: review it and set a new reviewBy`,
      });
    }
  }
  if (action.status === 'complete' && action.completedOn !== undefined) {
    const days = daysBetween(action.completedOn, today);
    if (days > monitoring.awaitingAssuranceDays) {
      flags.push({
        kind: 'awaiting-assurance',
        date: action.completedOn,
        days,
        message: `has been complete since ${formatDate(action.completedOn)} (${plural(days, 'day')}) without assurance: the MESI subgroup should review its evidence`,
      });
    }
  }
  if (action.status === 'assured' && action.assuredOn !== undefined && (action.impact?.length ?? 0) === 0) {
    const since = addMonths(action.assuredOn, monitoring.impactAfterMonths);
    if (since < today) {
      const days = daysBetween(action.assuredOn, today);
      flags.push({
        kind: 'no-impact-evidence',
        date: action.assuredOn,
        days,
        message: `was assured on ${formatDate(action.assuredOn)}, ${plural(days, 'day')} ago (more than ${plural(monitoring.impactAfterMonths, 'month')}), and has no evidence of impact: record under impact what was measured, what it showed, when, and the source`,
      });
    }
  }
  return flags;
}

/** Red, Amber, Green or Grey. */
export type Rag = 'red' | 'amber' | 'green' | 'grey';

/** How each rating is written out. */
export const RAG_LABELS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green', grey: 'Grey' };

/** An action's rating and why. */
export interface RagRating {
  rag: Rag;
  /** Why, in a few words, for a tooltip or a table cell. */
  reason: string;
}

/** The RAG rating of an action today (see the rules at the top of this file). */
export function ragRating(action: ActionInput, today: IsoDate, monitoring: Monitoring = DEFAULT_MONITORING): RagRating {
  const due = actionDueDate(action);
  switch (action.status) {
    case 'withdrawn':
      return { rag: 'grey', reason: 'withdrawn' };
    case 'assured':
      return { rag: 'green', reason: 'complete and assured' };
    case 'complete': {
      if (action.completedOn !== undefined && daysBetween(action.completedOn, today) > monitoring.awaitingAssuranceDays) {
        return { rag: 'amber', reason: 'complete, awaiting assurance' };
      }
      if (due !== undefined && action.completedOn !== undefined && action.completedOn > due) {
        return { rag: 'amber', reason: 'completed after its timescale, not yet assured' };
      }
      return { rag: 'green', reason: 'complete within its timescale' };
    }
    case 'not-started':
    case 'in-progress': {
      const soon = addDays(today, monitoring.dueSoonDays);
      if (due !== undefined) {
        if (due < today) return { rag: 'red', reason: `overdue by ${plural(daysBetween(due, today), 'day')}` };
        if (due <= soon) return { rag: 'amber', reason: 'due soon' };
        return { rag: 'grey', reason: 'not yet due' };
      }
      if (action.reviewBy !== undefined && action.reviewBy < today) return { rag: 'amber', reason: 'ongoing, review date passed' };
      if (action.reviewBy !== undefined && action.reviewBy <= soon) return { rag: 'amber', reason: 'ongoing, review date soon' };
      return { rag: 'grey', reason: 'ongoing, not yet due for review' };
    }
    default:
      return { rag: 'grey', reason: 'status not recognised' };
  }
}

/** The day of the plan's latest update (or the day it was agreed, when it has none). */
export function lastUpdate(plan: Pick<ActionPlan, 'agreed' | 'recommendations'>): IsoDate | undefined {
  let last = plan.agreed;
  for (const r of plan.recommendations) {
    for (const a of r.actions) {
      for (const u of a.updates) if (last === undefined || u.date > last) last = u.date;
    }
  }
  return last;
}

/**
 * The flag on a whole plan: no update for `staleUpdateDays` days or more while some action is
 * not yet assured or withdrawn. A draft plan is not monitored.
 */
export function planFlags(plan: ActionPlan, today: IsoDate, monitoring: Monitoring = DEFAULT_MONITORING): StatusFlag[] {
  if (plan.draft) return [];
  const live = plan.recommendations.some((r) => r.actions.some((a) => a.status !== 'assured' && a.status !== 'withdrawn'));
  const last = lastUpdate(plan);
  if (!live || last === undefined) return [];
  const days = daysBetween(last, today);
  if (days < monitoring.staleUpdateDays) return [];
  return [
    {
      kind: 'stale-plan',
      date: last,
      days,
      message: `has had no update for ${plural(days, 'day')} (the last was on ${formatDate(last)}) while some actions are not yet assured`,
    },
  ];
}

/** The flag on a dissemination activity: past its due date and not done. */
export function disseminationFlags(activity: Dissemination, today: IsoDate): StatusFlag[] {
  if (activity.done !== undefined || activity.due >= today) return [];
  const days = daysBetween(activity.due, today);
  return [
    {
      kind: 'dissemination-overdue',
      date: activity.due,
      days,
      message: `"${activity.activity}" was due on ${formatDate(activity.due)} (${plural(days, 'day')} ago) and is not marked done`,
    },
  ];
}

/** What the report flags need of a report's frontmatter. */
export interface ReportForFlags extends ReportLike, ArchivalInput {
  type: ReviewType;
  sentToPanel?: IsoDate | undefined;
}

/**
 * The flags on a review's report. Drafts, and reports not published (withheld or delayed), have none.
 * - `may-archive`: the report has been on the site for the minimum period (`archiveAfterMonths`)
 *   and nobody has answered, or the day to look again at a decision to keep it has come
 *   (`archivalStatus()` in src/utils/publication.ts). Archiving is never due: it is a question.
 * - `publication-notice`: only for the types the notice applies to (`REVIEW_TYPE_RULES` in
 *   src/schemas/documents.ts): published fewer than `panelNoticeWorkingDays` working days after
 *   `sentToPanel`, or no `sentToPanel`.
 */
export function reportFlags(report: ReportForFlags, today: IsoDate, monitoring: Monitoring = DEFAULT_MONITORING): StatusFlag[] {
  if (report.draft || report.publication !== 'published') return [];
  const flags: StatusFlag[] = [];
  const months = monitoring.archiveAfterMonths;
  const archival = archivalStatus(report, today, months);
  if (archival.status === 'may-archive') {
    const days = daysBetween(archival.since, today);
    const answer = 'Archive it (archived: with the day) or record the partners\' decision to keep it published (keepPublished: decided, reason, lookAgain)';
    flags.push({
      kind: 'may-archive',
      date: archival.since,
      days,
      message: archival.previous
        ? `may now be archived: on ${formatDate(archival.previous.decided)} the partners decided to keep it published ("${archival.previous.reason}") and to look again on ${formatDate(archival.previous.lookAgain)}, ${plural(days, 'day')} ago. ${answer}`
        : `may now be archived: published on ${formatDate(report.published)}, it has been on the site for the minimum of ${months} months since ${formatDate(archival.eligible)}. ${answer}`,
    });
  }
  if (!panelNoticeApplies(report.type)) return flags;
  const need = monitoring.panelNoticeWorkingDays;
  if (report.sentToPanel === undefined) {
    flags.push({
      kind: 'publication-notice',
      message: `has no sentToPanel date: the report of a ${REVIEW_TYPE_LABELS[report.type].toLowerCase()} must reach the Panel, Ofsted and the DfE at least ${plural(need, 'working day')} before it is published. Add the date it was sent`,
    });
  } else {
    const given = workingDaysBetween(report.sentToPanel, report.published);
    if (report.sentToPanel > report.published) {
      flags.push({
        kind: 'publication-notice',
        date: addWorkingDays(report.sentToPanel, need),
        message: `is published on ${formatDate(report.published)}, before it was sent to the Panel, Ofsted and the DfE on ${formatDate(report.sentToPanel)}; check both dates: it must reach them at least ${plural(need, 'working day')} before publication`,
      });
    } else if (given < need) {
      const earliest = addWorkingDays(report.sentToPanel, need);
      flags.push({
        kind: 'publication-notice',
        date: earliest,
        days: given,
        message: `is published on ${formatDate(report.published)}, only ${plural(given, 'working day')} after it was sent to the Panel, Ofsted and the DfE on ${formatDate(report.sentToPanel)}; ${plural(need, 'working day')} are needed, so the earliest publication date is ${formatDate(earliest)}`,
      });
    }
  }
  return flags;
}

/** Where one action stands today: what the checker's model records beside the action itself. */
export interface ActionStanding {
  /** The day it is due (latest timescale), or undefined for an ongoing action. */
  due?: IsoDate | undefined;
  /** The timescale now in force (the latest revision's, or the one first agreed). */
  timescale: string;
  /** The day first agreed. */
  originalDue?: IsoDate | undefined;
  /** How many times the timescale was revised. */
  revisions: number;
  /** Days later than first agreed. */
  slipDays?: number | undefined;
  ongoing: boolean;
  rag: RagRating;
  /** Its flags today (none in a draft plan, which is not monitored). */
  flags: StatusFlag[];
}

/** Everything the monitoring works out for one action today: the one place the model and its test doubles get it from. */
export function actionStanding(action: ActionInput, today: IsoDate, monitoring: Monitoring = DEFAULT_MONITORING, draft = false): ActionStanding {
  const slip = slippage(action);
  return {
    due: slip.due,
    timescale: currentTimescale(action),
    originalDue: slip.originalDue,
    revisions: slip.revisions,
    slipDays: slip.days,
    ongoing: isOngoing(action),
    rag: ragRating(action, today, monitoring),
    flags: draft ? [] : actionFlags(action, today, monitoring),
  };
}
