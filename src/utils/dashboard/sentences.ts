/**
 * The sentences of the dashboards: one-sentence summaries of the charts and the captions of the
 * action lists, written from the numbers ./aggregate.ts computes (they add up its rows, never
 * count actions again), so a chart, its summary and its table cannot disagree.
 * Unit tests: tests/dashboard.test.ts.
 */
import { ACTION_STATUSES, type ActionStatus } from '../../schemas/action-plan.ts';
import { RAGS } from '../action-counts.ts';
import { RAG_LABELS, type Rag } from '../action-status.ts';
import { listAnd, plural } from '../text.ts';
import type { BacklogItem, DisseminationRow, LateRow, LateTotals, MonthPoint, Progress } from './aggregate.ts';

/** "Of 63 actions, 12 are red (overdue), ..." */
export function ragSummary(counts: Record<Rag, number>): string {
  const total = RAGS.reduce((n, r) => n + counts[r], 0);
  if (!total) return 'There are no actions to show.';
  const parts = RAGS.map((r) => `${counts[r]} ${counts[r] === 1 ? 'is' : 'are'} ${RAG_LABELS[r].toLowerCase()}`);
  return `Of ${plural(total, 'action')}, ${listAnd(parts)}.`;
}

/** "Of 63 actions, 34 are complete (21 of them assured), 28 are still open and 1 was withdrawn." */
export function statusSummary(counts: Record<ActionStatus, number>): string {
  const total = ACTION_STATUSES.reduce((n, s) => n + counts[s], 0);
  if (!total) return 'There are no actions to show.';
  const done = counts.complete + counts.assured;
  const open = counts['not-started'] + counts['in-progress'];
  return `Of ${plural(total, 'action')}, ${done} ${done === 1 ? 'is' : 'are'} complete (${counts.assured} of them assured), ${open} ${open === 1 ? 'is' : 'are'} still open and ${counts.withdrawn} ${counts.withdrawn === 1 ? 'was' : 'were'} withdrawn.`;
}

/**
 * "Example Constabulary has the most overdue actions (3). 12 actions are overdue and 4 due soon, across 5 agencies."
 * `totals` counts each action once (an action with several owners is in several agency rows).
 */
export function lateSummary(rows: readonly LateRow[], name: (key: string) => string, what: 'agency' | 'review', totals: Pick<LateTotals, 'overdue' | 'dueSoon'>): string {
  const overdue = totals.overdue;
  const soon = totals.dueSoon;
  if (!rows.length) return 'No action is overdue or due soon.';
  const top = rows[0]!;
  const groups = plural(rows.length, what === 'agency' ? 'agency' : 'review', what === 'agency' ? 'agencies' : 'reviews');
  const lead = top.overdue > 0 ? `${name(top.key)} has the most overdue actions (${top.overdue}). ` : '';
  return `${lead}${plural(overdue, 'action')} ${overdue === 1 ? 'is' : 'are'} overdue and ${soon} due soon, across ${groups}.`;
}

/** "By November 2026, 34 actions had been completed and 21 assured, against 55 due by then." */
export function completionSummary(points: readonly MonthPoint[]): string {
  const last = points[points.length - 1];
  if (!last) return 'No action has a date yet.';
  return `By ${last.label}, ${last.completed} actions had been completed and ${last.assured} assured, against ${last.due} due by then.`;
}

/** "2 completed actions are waiting for assurance, 1 of them longer than the assurance window; ..." */
export function backlogSummary(items: readonly BacklogItem[]): string {
  if (!items.length) return 'No completed action is waiting for assurance.';
  const flagged = items.filter((i) => i.flagged).length;
  const oldest = items[0]!;
  return `${plural(items.length, 'completed action')} ${items.length === 1 ? 'is' : 'are'} waiting for assurance, ${flagged} of them longer than the assurance window; the longest has waited ${plural(oldest.days, 'day')}.`;
}

/** "3 of 5 planned activities to spread the learning have been done; 1 is past its due date." */
export function disseminationSummary(rows: readonly DisseminationRow[]): string {
  const planned = rows.reduce((n, r) => n + r.planned, 0);
  const done = rows.reduce((n, r) => n + r.done, 0);
  const overdue = rows.reduce((n, r) => n + r.overdue, 0);
  if (!planned) return 'No dissemination activity is planned.';
  return `${done} of ${plural(planned, 'planned activity', 'planned activities')} to spread the learning ${done === 1 ? 'has' : 'have'} been done; ${overdue} ${overdue === 1 ? 'is' : 'are'} past ${overdue === 1 ? 'its' : 'their'} due date.`;
}

/** "Across 3 published action plans, 20 of 31 actions are complete and 2 are overdue." */
export function progressByReviewSummary(plans: readonly Progress[]): string {
  if (!plans.length) return 'No action plan is published yet.';
  const done = plans.reduce((n, p) => n + p.done, 0);
  const overdue = plans.reduce((n, p) => n + p.overdue, 0);
  const live = plans.reduce((n, p) => n + p.total - p.withdrawn, 0);
  return `Across ${plural(plans.length, 'published action plan')}, ${done} of ${live} actions are complete and ${overdue} ${overdue === 1 ? 'is' : 'are'} overdue.`;
}

/** "6 agencies own actions; Example Constabulary has the most red actions (3)." */
export function agenciesSummary(rows: readonly { name: string; red: number }[]): string {
  const worst = rows[0];
  if (!worst) return 'No agency owns an action.';
  return `${rows.length} agencies own actions; ${worst.name} has the most red actions (${worst.red}).`;
}

/** "3 actions have a revised timescale; the furthest is now 92 days later than first agreed." */
export function revisedSummary(items: readonly { slipDays?: number | undefined }[]): string {
  if (!items.length) return 'No action has a revised timescale.';
  const furthest = Math.max(...items.map((i) => i.slipDays ?? 0));
  const lead = `${plural(items.length, 'action')} ${items.length === 1 ? 'has' : 'have'} a revised timescale`;
  return furthest > 0 ? `${lead}; the furthest is now ${plural(furthest, 'day')} later than first agreed.` : `${lead}.`;
}

/** "All 63 monitored actions, late ones first" */
export function allActionsCaption(n: number): string {
  return `All ${n} monitored actions, late ones first`;
}

/** "12 actions: overdue", from the list's label ("Overdue"). */
export function actionListCaption(n: number, label: string): string {
  return `${plural(n, 'action')}: ${label.toLowerCase()}`;
}

/** "All 9 actions owned by Example Constabulary (alone or with other agencies), late ones first" */
export function agencyActionsCaption(n: number, agency: string): string {
  return `All ${n} actions owned by ${agency} (alone or with other agencies), late ones first`;
}

/** "1 day overdue", "54 days overdue" */
export function overdueText(days: number): string {
  return `${plural(days, 'day')} overdue`;
}

/**
 * "1 report may now be archived: ...", or that none is waiting for an answer. Archiving is never
 * due: from `months` after publication a report may be archived, and the partners decide.
 */
export function archivalSummary(reports: number, months: number): string {
  if (!reports) return 'No report is waiting for a decision on archiving.';
  const one = reports === 1;
  return (
    `${plural(reports, 'report')} may now be archived: ${one ? 'it has' : 'they have'} been on the site for at least ${months} months, ` +
    `or the day set to look again has come. For each, the partners either archive it or decide to keep it published, with a reason and a day to look again.`
  );
}

/** "1 report stays published by the partners' decision, until the day they look again." */
export function keptSummary(reports: number): string {
  if (!reports) return 'No report is kept published by a decision of the partners.';
  return `${plural(reports, 'report')} ${reports === 1 ? 'stays' : 'stay'} published by the partners' decision, until the day they look again.`;
}
