/**
 * Aggregations for the action-plan dashboards (issue 4). Plain functions of what the checker
 * already computed: the `ActionEntry` list of the validated model (src/check/project.ts), each
 * with its RAG rating and flags, and the checker's `Flag` list (src/check/steps.ts). Nothing here
 * parses a plan or decides RAG or a flag again: it only counts, groups and sorts, so the
 * dashboards show the numbers `npm run check` prints. Status and RAG counts come from
 * `countByStatusAndRag()` (src/utils/action-counts.ts), the checker's own count. The sentences
 * about these numbers are in ./sentences.ts, the chart blocks in ./charts.ts, what each page
 * shows in ./view.ts. Unit tests: tests/dashboard.test.ts.
 *
 * An action may belong to several agencies (`action.owner` is always a list): whatever is counted
 * by agency counts it once for each of its owners; totals across agencies count it once.
 */
import type { ActionStatus, Dissemination } from '../../schemas/action-plan.ts';
import { countByStatusAndRag } from '../action-counts.ts';
import type { FlagKind, Rag } from '../action-status.ts';
import { addDays, daysBetween, daysInMonth, formatMonth, isoFromParts, type IsoDate } from '../dates.ts';

/** What these functions need of an action entry (a subset of `ActionEntry`). */
export interface EntryLike {
  review: string;
  draft: boolean;
  recommendation: { id: string };
  action: {
    id: string;
    /** The owning agencies' ids: one or more. */
    owner: readonly string[];
    status: ActionStatus;
    completedOn?: IsoDate | undefined;
    assuredOn?: IsoDate | undefined;
    updates: readonly { date: IsoDate }[];
  };
  due?: IsoDate | undefined;
  /** The due date first agreed, before any revision. */
  originalDue?: IsoDate | undefined;
  /** How many times the timescale was revised. */
  revisions?: number | undefined;
  /** Days the current due date is later than the one first agreed (undefined when never revised). */
  slipDays?: number | undefined;
  ongoing: boolean;
  rag: { rag: Rag; reason: string };
  flags: readonly { kind: FlagKind; days?: number | undefined; date?: IsoDate | undefined }[];
}

/** What these functions need of a checker flag. */
export interface FlagLike {
  kind: FlagKind;
  review: string;
  owners?: readonly string[] | undefined;
  activity?: string | undefined;
  days?: number | undefined;
}

/** The actions the subgroup monitors: every action not in a draft plan. */
export function monitored<T extends EntryLike>(entries: readonly T[]): T[] {
  return entries.filter((e) => !e.draft);
}

/** Whether the checker gave the action a flag of this kind. */
export function hasFlag(e: EntryLike, kind: FlagKind): boolean {
  return e.flags.some((f) => f.kind === kind);
}

/** Days overdue, from the action's overdue flag (undefined when it is not overdue). */
export function daysOverdue(e: EntryLike): number | undefined {
  return e.flags.find((f) => f.kind === 'overdue')?.days;
}

/** One row of "overdue and due soon by ...". */
export interface LateRow {
  key: string;
  overdue: number;
  dueSoon: number;
  /** All monitored actions in the group. */
  total: number;
}

/** The groups an action belongs to: each of its owners, or its review. */
function groupsOf(e: EntryLike, by: 'owner' | 'review'): readonly string[] {
  return by === 'owner' ? e.action.owner : [e.review];
}

/**
 * Overdue and due-soon actions grouped by owner agency or by review, from the actions' own flags.
 * An action with several owners counts in the row of each. Only groups with at least one overdue
 * or due-soon action; most overdue first, then by key.
 */
export function lateBy(entries: readonly EntryLike[], by: 'owner' | 'review'): LateRow[] {
  const rows = new Map<string, LateRow>();
  for (const e of entries) {
    for (const key of groupsOf(e, by)) {
      const row = rows.get(key) ?? { key, overdue: 0, dueSoon: 0, total: 0 };
      row.total++;
      if (hasFlag(e, 'overdue')) row.overdue++;
      if (hasFlag(e, 'due-soon')) row.dueSoon++;
      rows.set(key, row);
    }
  }
  return [...rows.values()]
    .filter((r) => r.overdue + r.dueSoon > 0)
    .sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || a.key.localeCompare(b.key));
}

/** The totals of `lateBy()`'s rows with each action counted once, however many rows it is in. */
export interface LateTotals {
  overdue: number;
  dueSoon: number;
  /** Every action in at least one of the rows. */
  total: number;
}

export function lateTotals(entries: readonly EntryLike[], by: 'owner' | 'review'): LateTotals {
  const keys = new Set(lateBy(entries, by).map((r) => r.key));
  const inRows = entries.filter((e) => groupsOf(e, by).some((k) => keys.has(k)));
  return {
    overdue: inRows.filter((e) => hasFlag(e, 'overdue')).length,
    dueSoon: inRows.filter((e) => hasFlag(e, 'due-soon')).length,
    total: inRows.length,
  };
}

/** Whether an agency owns the action (alone or with others). */
export function ownedBy(e: EntryLike, agency: string): boolean {
  return e.action.owner.includes(agency);
}

/**
 * The actions whose timescale was revised, the furthest slipped first (then by review and id):
 * the slippage the MESI subgroup looks at.
 */
export function revisedTimescales<T extends EntryLike>(entries: readonly T[]): T[] {
  return entries
    .filter((e) => (e.revisions ?? 0) > 0)
    .sort(
      (a, b) =>
        (b.slipDays ?? 0) - (a.slipDays ?? 0) ||
        a.review.localeCompare(b.review) ||
        a.action.id.localeCompare(b.action.id, 'en', { numeric: true }),
    );
}

/** Where an action stands against its timescale: the filter windows of the dashboards. */
export const WINDOWS = ['overdue', 'due-soon', 'next-3-months', 'later', 'ongoing', 'closed'] as const;
export type Window = (typeof WINDOWS)[number];

export const WINDOW_LABELS: Record<Window, string> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  'next-3-months': 'Due in the next 3 months',
  later: 'Due later',
  ongoing: 'Ongoing',
  closed: 'Closed (complete, assured or withdrawn)',
};

/** The window of an action today. Overdue and due soon come from its flags; the rest from its due date. */
export function windowOf(e: EntryLike, today: IsoDate): Window {
  if (e.action.status !== 'not-started' && e.action.status !== 'in-progress') return 'closed';
  if (hasFlag(e, 'overdue')) return 'overdue';
  if (hasFlag(e, 'due-soon')) return 'due-soon';
  if (e.ongoing || e.due === undefined) return 'ongoing';
  return e.due <= addDays(today, 91) ? 'next-3-months' : 'later';
}

const RAG_ORDER: Record<Rag, number> = { red: 0, amber: 1, green: 2, grey: 3 };

/** Late first: overdue (most days first), then amber, then the rest by due date, then by id. */
export function lateFirst<T extends EntryLike>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      RAG_ORDER[a.rag.rag] - RAG_ORDER[b.rag.rag] ||
      (daysOverdue(b) ?? 0) - (daysOverdue(a) ?? 0) ||
      (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
      a.review.localeCompare(b.review) ||
      a.action.id.localeCompare(b.action.id, 'en', { numeric: true }),
  );
}

/** Progress of a set of actions (a plan, an agency's share): done means complete or assured. */
export interface Progress {
  total: number;
  done: number;
  assured: number;
  withdrawn: number;
  open: number;
  overdue: number;
  /** Done as a whole-number percentage of the actions not withdrawn (0 when there are none). */
  percentDone: number;
}

export function progress(entries: readonly EntryLike[]): Progress {
  const s = countByStatusAndRag(entries).byStatus;
  const done = s.complete + s.assured;
  const live = entries.length - s.withdrawn;
  return {
    total: entries.length,
    done,
    assured: s.assured,
    withdrawn: s.withdrawn,
    open: s['not-started'] + s['in-progress'],
    overdue: entries.filter((e) => hasFlag(e, 'overdue')).length,
    percentDone: live > 0 ? Math.round((done / live) * 100) : 0,
  };
}

/** One month of "completion over time". */
export interface MonthPoint {
  /** The last day of the month (or today, for the current month). */
  end: IsoDate;
  label: string;
  /** Actions due by then (not withdrawn, with a date timescale), cumulative. */
  due: number;
  /** Actions completed by then (`completedOn`), cumulative. */
  completed: number;
  /** Actions assured by then (`assuredOn`), cumulative. */
  assured: number;
  /** Progress updates logged in that month (not cumulative). */
  updates: number;
}

/**
 * Completion over time, month by month, from the earliest date in the actions (a due date, a
 * completion, an assurance or an update) to the month of `today`, using the `completedOn` and
 * `assuredOn` status dates and the `updates` log. Dates after today are not counted. At most
 * `maxMonths` months (the latest ones).
 */
export function completionOverTime(entries: readonly EntryLike[], today: IsoDate, maxMonths = 24): MonthPoint[] {
  const dates: IsoDate[] = [];
  for (const e of entries) {
    if (e.due && e.action.status !== 'withdrawn') dates.push(e.due);
    if (e.action.completedOn) dates.push(e.action.completedOn);
    if (e.action.assuredOn) dates.push(e.action.assuredOn);
    for (const u of e.action.updates) dates.push(u.date);
  }
  const past = dates.filter((d) => d <= today).sort();
  if (!past.length) return [];
  let year = Number(past[0]!.slice(0, 4));
  let month = Number(past[0]!.slice(5, 7));
  const lastYear = Number(today.slice(0, 4));
  const lastMonth = Number(today.slice(5, 7));
  const points: MonthPoint[] = [];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    const monthEnd = isoFromParts(year, month, daysInMonth(year, month));
    const end = monthEnd > today ? today : monthEnd;
    const start = isoFromParts(year, month, 1);
    let due = 0;
    let completed = 0;
    let assured = 0;
    let updates = 0;
    for (const e of entries) {
      if (e.due && e.action.status !== 'withdrawn' && e.due <= end) due++;
      if (e.action.completedOn && e.action.completedOn <= end) completed++;
      if (e.action.assuredOn && e.action.assuredOn <= end) assured++;
      for (const u of e.action.updates) if (u.date >= start && u.date <= end) updates++;
    }
    points.push({ end, label: formatMonth(start), due, completed, assured, updates });
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return points.slice(-maxMonths);
}

/** Bands of the assurance backlog, by days since completion. */
export const BACKLOG_BANDS = [
  { id: 'within', label: 'Within the assurance window' },
  { id: 'to-90', label: 'Up to 90 days' },
  { id: 'to-180', label: '91 to 180 days' },
  { id: 'over-180', label: 'Over 180 days' },
] as const;
export type BacklogBand = (typeof BACKLOG_BANDS)[number]['id'];

/** One action complete and not yet assured, with how long it has waited. */
export interface BacklogItem<T extends EntryLike = EntryLike> {
  entry: T;
  days: number;
  band: BacklogBand;
  /** True when the checker flags it (waiting longer than the assurance window). */
  flagged: boolean;
}

/** The assurance backlog: every `complete` action (not yet assured), longest waiting first. */
export function assuranceBacklog<T extends EntryLike>(entries: readonly T[], today: IsoDate): BacklogItem<T>[] {
  return entries
    .filter((e) => e.action.status === 'complete')
    .map((entry) => {
      const days = entry.action.completedOn ? daysBetween(entry.action.completedOn, today) : 0;
      const flagged = hasFlag(entry, 'awaiting-assurance');
      const band: BacklogBand = !flagged ? 'within' : days <= 90 ? 'to-90' : days <= 180 ? 'to-180' : 'over-180';
      return { entry, days, band, flagged };
    })
    .sort((a, b) => b.days - a.days || a.entry.review.localeCompare(b.entry.review));
}

/** How many backlog items fall in each band. */
export function backlogBands(items: readonly BacklogItem[]): Record<BacklogBand, number> {
  const out = Object.fromEntries(BACKLOG_BANDS.map((b) => [b.id, 0])) as Record<BacklogBand, number>;
  for (const i of items) out[i.band]++;
  return out;
}

/** Dissemination done against planned, for one review. */
export interface DisseminationRow {
  review: string;
  planned: number;
  done: number;
  /** Past due and not done: the checker's dissemination-overdue flags for this review. */
  overdue: number;
  /** Not done and not yet due. */
  upcoming: number;
}

/**
 * Dissemination done against planned, per review. `overdue` is counted from the checker's flags,
 * so it is the number `npm run check` prints.
 */
export function disseminationProgress(
  plans: readonly { review: string; dissemination: readonly Dissemination[] }[],
  flags: readonly FlagLike[],
): DisseminationRow[] {
  return plans
    .filter((p) => p.dissemination.length > 0)
    .map((p) => {
      const done = p.dissemination.filter((d) => d.done !== undefined).length;
      const overdue = flags.filter((f) => f.kind === 'dissemination-overdue' && f.review === p.review).length;
      return { review: p.review, planned: p.dissemination.length, done, overdue, upcoming: p.dissemination.length - done - overdue };
    });
}

/** Flags of one kind from the checker's list. */
export function flagsOfKind<F extends FlagLike>(flags: readonly F[], kind: FlagKind): F[] {
  return flags.filter((f) => f.kind === kind);
}

/**
 * Agencies that own at least one action (alone or with others), with their actions, RAG counts and
 * progress: most red first, then most amber, then by name.
 */
export function agencyRows<T extends EntryLike, A extends { id: string; name: string }>(
  entries: readonly T[],
  agencies: readonly A[],
): { agency: A; list: T[]; rag: Record<Rag, number>; progress: Progress }[] {
  return agencies
    .map((agency) => ({ agency, list: entries.filter((e) => ownedBy(e, agency.id)) }))
    .filter((r) => r.list.length > 0)
    .map((r) => ({ ...r, rag: countByStatusAndRag(r.list).byRag, progress: progress(r.list) }))
    .sort((a, b) => b.rag.red - a.rag.red || b.rag.amber - a.rag.amber || a.agency.name.localeCompare(b.agency.name));
}
