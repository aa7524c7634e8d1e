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
 */
import type { Action, ActionPlan, Dissemination } from '../schemas/action-plan.ts';
import type { Settings } from '../schemas/site.ts';
import { addDays, daysBetween, formatDate, type IsoDate } from './dates.ts';
import { archivalDueDate, type ReportLike } from './publication.ts';
import { plural } from './text.ts';
import { parseTimescale } from './timescale.ts';
import { addWorkingDays, workingDaysBetween } from './working-days.ts';

/** The timings the flags use (`monitoring:` in content/settings.yaml). */
export type Monitoring = Settings['monitoring'];

/** The defaults, as in src/schemas/site.ts. */
export const DEFAULT_MONITORING: Monitoring = {
  dueSoonDays: 28,
  awaitingAssuranceDays: 30,
  staleUpdateDays: 90,
  archiveAfterMonths: 12,
  panelNoticeWorkingDays: 7,
};

/** Kinds of flag, in the order the report lists them. */
export const FLAG_KINDS = [
  'overdue',
  'due-soon',
  'awaiting-assurance',
  'review-date-passed',
  'stale-plan',
  'dissemination-overdue',
  'archival-due',
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
  'review-date-passed': 'Ongoing actions past their review date',
  'stale-plan': 'Plans with no recent update',
  'dissemination-overdue': 'Dissemination past its due date',
  'archival-due': 'Reports due for archival',
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

/** The due date of an action, or undefined when its timescale is ongoing or unreadable. */
export function actionDueDate(action: Pick<Action, 'timescale'>): IsoDate | undefined {
  const r = parseTimescale(action.timescale);
  return r.ok && r.timescale.kind === 'date' ? r.timescale.due : undefined;
}

/** True when the timescale is `ongoing`. */
export function isOngoing(action: Pick<Action, 'timescale'>): boolean {
  const r = parseTimescale(action.timescale);
  return r.ok && r.timescale.kind === 'ongoing';
}

/** True for an action that still has work to do (not started or in progress). */
export function isOpen(action: Pick<Action, 'status'>): boolean {
  return action.status === 'not-started' || action.status === 'in-progress';
}

type ActionInput = Pick<Action, 'id' | 'timescale' | 'status' | 'reviewBy' | 'completedOn'>;

/** The flags on one action today. An action in a draft plan is not monitored: do not call this for it. */
export function actionFlags(action: ActionInput, today: IsoDate, monitoring: Monitoring = DEFAULT_MONITORING): StatusFlag[] {
  const flags: StatusFlag[] = [];
  const due = actionDueDate(action);
  if (isOpen(action)) {
    if (due !== undefined && due < today) {
      const days = daysBetween(due, today);
      flags.push({
        kind: 'overdue',
        date: due,
        days,
        message: `is ${plural(days, 'day')} overdue: its timescale ended on ${formatDate(due)} and it is still ${action.status}`,
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
export interface ReportForFlags extends ReportLike {
  sentToPanel?: IsoDate | undefined;
}

/**
 * The flags on a review's report: due for archival (published `archiveAfterMonths` months ago or
 * more, with no `archived` date), and publication notice (published fewer than
 * `panelNoticeWorkingDays` working days after `sentToPanel`, or no `sentToPanel`). Drafts, and
 * reports not published (withheld or delayed), have no flags.
 */
export function reportFlags(report: ReportForFlags, today: IsoDate, monitoring: Monitoring = DEFAULT_MONITORING): StatusFlag[] {
  if (report.draft || report.publication !== 'published') return [];
  const flags: StatusFlag[] = [];
  const archival = archivalDueDate(report, monitoring.archiveAfterMonths, today);
  if (report.archived === undefined && archival !== undefined && archival <= today) {
    const days = daysBetween(archival, today);
    flags.push({
      kind: 'archival-due',
      date: archival,
      days,
      message: `has been published since ${formatDate(report.published)} and became due for archival on ${formatDate(archival)} (${monitoring.archiveAfterMonths} months later). Add an archived date, or record why it stays`,
    });
  }
  const need = monitoring.panelNoticeWorkingDays;
  if (report.sentToPanel === undefined) {
    flags.push({
      kind: 'publication-notice',
      message: `has no sentToPanel date: the report must reach the Panel, Ofsted and the DfE at least ${plural(need, 'working day')} before it is published. Add the date it was sent`,
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
