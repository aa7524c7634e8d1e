/**
 * What the partners' "Cases in progress" page and the MESI report show of the cases: one row per
 * case (its stage, next deadline, days left and RAG rating), in the order the MESI subgroup works
 * through them, and a timeline of every stage per case, with words for each state so that colour
 * is never the only signal. Pure: it takes the cases the checker worked out
 * (src/utils/case-lifecycle.ts through `project.cases`) and decides nothing again.
 * Tests: tests/case-view.test.ts.
 */
import type { Case } from '../schemas/case.ts';
import { CASE_DECISION_LABELS } from '../schemas/case.ts';
import type { Rag, RagRating } from './action-status.ts';
import { CASE_PHASE_LABELS, type CaseLifecycle, type CaseStage, type CaseStageId, type StageState } from './case-lifecycle.ts';
import { compareDates, formatDate, type IsoDate } from './dates.ts';
import { plural } from './text.ts';

/** A case as the views need it (a `CaseEntry` of the checker's model). */
export interface CaseLike {
  slug: string;
  title: string;
  case: Case;
  lifecycle: CaseLifecycle;
}

/** One row of the cases table. */
export interface CaseRow {
  slug: string;
  title: string;
  /** The id of the case's timeline on the page. */
  anchor: string;
  /** The phase, in words: "Rapid review", "LCSPR in progress", "Closed: no review". */
  stage: string;
  /** The next deadline still to meet (overdue included). */
  next?: { label: string; due: IsoDate; days: number; overdue: boolean } | undefined;
  /** The days column: "3 days overdue", "due today", "12 days", or "" when there is no deadline. */
  daysLeft: string;
  rag: RagRating;
  closed: boolean;
}

const RAG_ORDER: Record<Rag, number> = { red: 0, amber: 1, green: 2, grey: 3 };

/** The days column for a stage with a deadline. */
export function daysLeftText(stage: Pick<CaseStage, 'state' | 'days'> | undefined): string {
  if (!stage || stage.days === undefined) return '';
  if (stage.state === 'overdue') return `${plural(stage.days, 'day')} overdue`;
  return stage.days === 0 ? 'due today' : plural(stage.days, 'day');
}

/** The anchor of a case's timeline on the cases page. */
export function caseAnchor(slug: string): string {
  return `case-${slug}`;
}

/** One row per case: open cases first, red before amber before green, then the nearest deadline first; closed cases last, by name. */
export function caseRows(cases: readonly CaseLike[]): CaseRow[] {
  const rows = cases.map((c): CaseRow => {
    const n = c.lifecycle.next;
    return {
      slug: c.slug,
      title: c.title,
      anchor: caseAnchor(c.slug),
      stage: CASE_PHASE_LABELS[c.lifecycle.phase],
      next: n?.due !== undefined ? { label: n.label, due: n.due, days: n.days ?? 0, overdue: n.state === 'overdue' } : undefined,
      daysLeft: daysLeftText(n),
      rag: c.lifecycle.rag,
      closed: c.lifecycle.closed,
    };
  });
  return rows.sort(
    (a, b) =>
      Number(a.closed) - Number(b.closed) ||
      RAG_ORDER[a.rag.rag] - RAG_ORDER[b.rag.rag] ||
      (a.next && b.next ? compareDates(a.next.due, b.next.due) : a.next ? -1 : b.next ? 1 : 0) ||
      a.title.localeCompare(b.title),
  );
}

/** How a stage's state is shown: the words and a GOV.UK tag colour (`default` is the plain blue tag). */
export interface StateView {
  text: string;
  tone: 'green' | 'yellow' | 'red' | 'orange' | 'default' | 'grey';
}

/** The words for a stage's state, with its days. */
export function stageStateView(stage: Pick<CaseStage, 'state' | 'days'>): StateView {
  const days = stage.days ?? 0;
  const views: Record<StageState, StateView> = {
    done: { text: 'Done', tone: 'green' },
    'done-late': { text: `Done ${plural(days, 'day')} late`, tone: 'yellow' },
    overdue: { text: `Overdue by ${plural(days, 'day')}`, tone: 'red' },
    'due-soon': { text: days === 0 ? 'Due today' : `Due in ${plural(days, 'day')}`, tone: 'orange' },
    pending: { text: `Due in ${plural(days, 'day')}`, tone: 'default' },
    waiting: { text: 'Waiting', tone: 'grey' },
    'not-recorded': { text: 'Not recorded', tone: 'grey' },
    'not-applicable': { text: 'Does not apply', tone: 'grey' },
  };
  return views[stage.state];
}

/** Stages with no deadline of their own. */
const NO_DEADLINE: ReadonlySet<CaseStageId> = new Set(['aware', 'rapid-review-meeting', 'lcspr-commissioned']);

/** One stage in a case's timeline. */
export interface TimelineItem {
  id: CaseStageId;
  label: string;
  done?: IsoDate | undefined;
  due?: IsoDate | undefined;
  /** How the deadline is worked out. */
  rule?: string | undefined;
  /** What the deadline column says when there is none: "No deadline" (none of its own) or "None yet". */
  noDeadline: string;
  state: StateView;
  note?: string | undefined;
  /** Where the date is written: `case.yaml: rapidReview.meeting` or `report.mdx: sentToPanel`. */
  source: string;
}

/** A case's timeline and the facts around it. */
export interface CaseTimeline {
  slug: string;
  title: string;
  anchor: string;
  stage: string;
  rag: RagRating;
  /** The decision in words, its date and reason, once made. */
  decision?: { text: string; date: IsoDate; reason: string } | undefined;
  leadReviewer?: string | undefined;
  /** The delay notice, in a sentence, when there is one. */
  delay?: string | undefined;
  items: TimelineItem[];
}

/** Every stage of a case, in order, with its state in words. */
export function caseTimeline(c: CaseLike): CaseTimeline {
  const { lifecycle } = c;
  const d = c.case.decision;
  const notice = c.case.lcspr?.delay;
  return {
    slug: c.slug,
    title: c.title,
    anchor: caseAnchor(c.slug),
    stage: CASE_PHASE_LABELS[lifecycle.phase],
    rag: lifecycle.rag,
    decision: d ? { text: CASE_DECISION_LABELS[d.outcome], date: d.date, reason: d.reason } : undefined,
    leadReviewer: c.case.lcspr?.leadReviewer,
    delay: notice
      ? `The Panel and the Secretary of State were told on ${formatDate(notice.notified)} that the review would be late, with a revised expected date of ${formatDate(notice.revisedDate)}${lifecycle.delay?.revisedPassed ? ', which has passed' : ''}. The reason given: ${notice.reason}`
      : undefined,
    items: lifecycle.stages.map((s) => ({
      id: s.id,
      label: s.label,
      done: s.done,
      due: s.due,
      rule: s.rule,
      noDeadline: NO_DEADLINE.has(s.id) || s.state === 'not-applicable' ? 'No deadline' : 'None yet',
      state: stageStateView(s),
      note: s.note,
      source: `${s.field.file === 'case' ? 'case.yaml' : 'report.mdx'}: ${s.field.path.join('.')}`,
    })),
  };
}

/** The whole cases page: the counts, a sentence for them, the rows and each case's timeline. */
export function casesPageView(cases: readonly CaseLike[]) {
  const rows = caseRows(cases);
  const byRag: Record<Rag, number> = { red: 0, amber: 0, green: 0, grey: 0 };
  for (const r of rows) byRag[r.rag.rag]++;
  const open = rows.filter((r) => !r.closed).length;
  const overdue = cases.reduce((n, c) => n + c.lifecycle.stages.filter((s) => s.state === 'overdue').length, 0);
  const summary =
    cases.length === 0
      ? 'There are no case files yet. Start one with npm run new -- case "Child E".'
      : `${plural(cases.length, 'case')}: ${open} open (${byRag.red} red, ${byRag.amber} amber, ${byRag.green} green) and ${rows.length - open} closed. ` +
        `${overdue === 0 ? 'No stage is overdue' : `${plural(overdue, 'stage')} ${overdue === 1 ? 'is' : 'are'} overdue`}.`;
  const bySlug = new Map(cases.map((c) => [c.slug, c]));
  return { rows, byRag, open, summary, timelines: rows.map((r) => caseTimeline(bySlug.get(r.slug)!)) };
}
