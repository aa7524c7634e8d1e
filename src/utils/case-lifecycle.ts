/**
 * The lifecycle of a case, from the day the local authority became aware of a serious incident to
 * the report's submission to the NSPCC national repository: every stage with its deadline, the
 * case's phase, its next deadline, its RAG rating and its flags, for "today". A plain function of
 * the case file, the report's frontmatter, today and the monitoring settings, so every rule has a
 * table-driven test (tests/case-lifecycle.test.ts) and the checker, the MESI report and the
 * partners' page show the same thing. docs/case-lifecycle.md explains each rule for editors.
 *
 * Deadlines (working days in England through src/utils/working-days.ts; calendar months through
 * date-fns, which falls back to the month's last day):
 * - notified to the Panel and reported to the safeguarding partners: 5 working days after aware;
 * - rapid review completed, and the decision: 15 working days after aware;
 * - rapid review sent to the Panel: 2 working days after the rapid review meeting;
 * - LCSPR completed: 6 calendar months after the decision (a delay notice does not move it: the
 *   review stays overdue, and the flag says when the Panel and the Secretary of State were told
 *   and the revised date, and says so again once the revised date has passed);
 * - report sent to the Panel, Ofsted and the Secretary of State: `panelNoticeWorkingDays` (7)
 *   working days before publication (read from report.mdx: `sentToPanel`, `published`,
 *   `expected` for a delayed report);
 * - published: the report's own date (a delayed report: its expected date);
 * - submitted to the NSPCC: the day of publication (the guidance sets no other time).
 *
 * RAG: grey when the case is closed (no review, referred for a national review, submitted to the
 * NSPCC, or a withheld report sent to the Panel); red when any stage is overdue; amber when the
 * next deadline is within `dueSoonDays`; green otherwise.
 */
import { addMonths as addMonthsFns } from 'date-fns';
import type { Case, CaseDecision } from '../schemas/case.ts';
import type { Report } from '../schemas/documents.ts';
import { DEFAULT_MONITORING, type Monitoring, type RagRating } from './action-status.ts';
import { addDays, daysBetween, formatDate, isIsoDate, isoFromParts, type IsoDate } from './dates.ts';
import { plural } from './text.ts';
import { addWorkingDays } from './working-days.ts';

/** The national timescales (Working Together; the seeds' practice guidance). Not settings: they are the law's. */
export const CASE_DEADLINES = {
  /** Notify the Panel, and report to the safeguarding partners: working days after becoming aware. */
  notifyWorkingDays: 5,
  /** Complete the rapid review and decide: working days after becoming aware. */
  rapidReviewWorkingDays: 15,
  /** Send the rapid review to the Panel: working days after its meeting. */
  rapidReviewToPanelWorkingDays: 2,
  /** Complete an LCSPR: calendar months after the decision. */
  lcsprMonths: 6,
} as const;

/**
 * `date` plus `months` calendar months, by date-fns: a day the target month does not have falls
 * back to its last day (31 August plus 6 months is 28 February, or 29 in a leap year). The date
 * is taken at midday local time, so no summer-time change can move it.
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const r = addMonthsFns(new Date(y, m - 1, d, 12), months);
  return isoFromParts(r.getFullYear(), r.getMonth() + 1, r.getDate());
}

/** The stages of a case, in the order they happen. */
export const CASE_STAGES = [
  'aware',
  'notified-panel',
  'reported-to-partners',
  'rapid-review-meeting',
  'rapid-review-completed',
  'rapid-review-sent',
  'decision',
  'lcspr-commissioned',
  'lcspr-completed',
  'report-sent',
  'published',
  'nspcc-submitted',
] as const;
export type CaseStageId = (typeof CASE_STAGES)[number];

/** How each stage is written out. */
export const CASE_STAGE_LABELS: Record<CaseStageId, string> = {
  aware: 'Local authority became aware',
  'notified-panel': 'Notified to the national Panel',
  'reported-to-partners': 'Reported to the safeguarding partners',
  'rapid-review-meeting': 'Rapid review meeting',
  'rapid-review-completed': 'Rapid review completed',
  'rapid-review-sent': 'Rapid review sent to the Panel',
  decision: 'Decision',
  'lcspr-commissioned': 'LCSPR commissioned',
  'lcspr-completed': 'LCSPR completed',
  'report-sent': 'Report sent to the Panel, Ofsted and the Secretary of State',
  published: 'Report published',
  'nspcc-submitted': 'Submitted to the NSPCC repository',
};

/**
 * Where a stage stands today.
 * - `done`: happened on or before its deadline (or it has none); `done-late`: happened after it.
 * - `overdue`: not recorded and its deadline has passed; `due-soon`: due within the window;
 *   `pending`: due later.
 * - `waiting`: no deadline yet (it counts from a stage still to come, or has none of its own).
 * - `not-recorded`: the case is closed and the date was never recorded (not flagged).
 * - `not-applicable`: the decision or the report's state rules it out.
 */
export type StageState = 'done' | 'done-late' | 'overdue' | 'due-soon' | 'pending' | 'waiting' | 'not-recorded' | 'not-applicable';

/** A field of the case file (`case`) or of the review's report.mdx frontmatter (`report`). */
export interface CaseField {
  file: 'case' | 'report';
  path: (string | number)[];
}

/** One stage of a case today. */
export interface CaseStage {
  id: CaseStageId;
  label: string;
  /** Where its date is written. */
  field: CaseField;
  /** The day it happened. */
  done?: IsoDate | undefined;
  /** Its deadline, when it has one yet. */
  due?: IsoDate | undefined;
  /** How the deadline is worked out, in words: "5 working days after becoming aware on 20 December 2024". */
  rule?: string | undefined;
  state: StageState;
  /** Days late (`overdue`, `done-late`) or days left (`due-soon`, `pending`), in calendar days. */
  days?: number | undefined;
  /** A sentence for the timeline when there is more to say (why it waits, why it does not apply, a delay notice). */
  note?: string | undefined;
}

/** The phases a case passes through, for its "stage" column. */
export const CASE_PHASES = [
  'notification',
  'rapid-review',
  'lcspr-to-commission',
  'lcspr',
  'publication',
  'nspcc',
  'national-review',
  'closed-no-review',
  'closed-withheld',
  'closed-submitted',
] as const;
export type CasePhase = (typeof CASE_PHASES)[number];

export const CASE_PHASE_LABELS: Record<CasePhase, string> = {
  notification: 'Notification',
  'rapid-review': 'Rapid review',
  'lcspr-to-commission': 'LCSPR to be commissioned',
  lcspr: 'LCSPR in progress',
  publication: 'Preparing publication',
  nspcc: 'Published: NSPCC submission',
  'national-review': 'Referred for a national review',
  'closed-no-review': 'Closed: no review',
  'closed-withheld': 'Closed: report withheld',
  'closed-submitted': 'Closed: submitted to the NSPCC',
};

/** The kinds of case flag (also in FLAG_KINDS, src/utils/action-status.ts). */
export type CaseFlagKind = 'case-overdue' | 'case-due-soon';

/** A flag on a stage of a case. */
export interface CaseFlag {
  kind: CaseFlagKind;
  stage: CaseStageId;
  /** The stage's deadline (for an LCSPR with a delay notice, still the original one). */
  date: IsoDate;
  /** Days overdue, or days to go. */
  days: number;
  /** What is wrong, in a sentence (without the case's name). */
  message: string;
  /** Where the stage's date is to be written. */
  at: CaseField;
}

/** A delay notice as the lifecycle reads it. */
export interface DelayView {
  notified: IsoDate;
  revisedDate: IsoDate;
  /** True once the revised date has passed and the review is still not completed. */
  revisedPassed: boolean;
  /** Days since the revised date passed (when it has). */
  daysPastRevised?: number | undefined;
}

/** A case today. */
export interface CaseLifecycle {
  stages: CaseStage[];
  phase: CasePhase;
  closed: boolean;
  decision?: CaseDecision | undefined;
  /** The stage with the earliest deadline still to meet (overdue included), if any. */
  next?: CaseStage | undefined;
  rag: RagRating;
  flags: CaseFlag[];
  delay?: DelayView | undefined;
}

/** What the lifecycle reads of the review's report.mdx frontmatter. */
export type CaseReport = Pick<Report, 'draft' | 'publication' | 'published' | 'sentToPanel' | 'expected'>;

interface StageInput {
  id: CaseStageId;
  field: CaseField;
  done?: IsoDate | undefined;
  due?: IsoDate | undefined;
  rule?: string | undefined;
  applicable?: boolean;
  note?: string | undefined;
}

const OPEN_STATES: readonly StageState[] = ['overdue', 'due-soon', 'pending'];

/** The lifecycle of a case today (the rules are at the top of this file). */
export function caseLifecycle(c: Case, report: CaseReport | undefined, today: IsoDate, monitoring: Monitoring = DEFAULT_MONITORING): CaseLifecycle {
  const soon = addDays(today, monitoring.dueSoonDays);
  const outcome = c.decision?.outcome;
  const lcspr = outcome === 'lcspr';
  const undecided = outcome === undefined;
  // A draft report's dates are placeholders until it is final: the lifecycle waits for it.
  const rpt = report && !report.draft ? report : undefined;
  const isPublished = rpt?.publication === 'published' && rpt.published <= today;
  const withheld = rpt?.publication === 'withheld';
  const aware = c.aware;
  const need = monitoring.panelNoticeWorkingDays;

  const stages: StageInput[] = [];
  const caseField = (...path: (string | number)[]): CaseField => ({ file: 'case', path });
  const reportField = (...path: (string | number)[]): CaseField => ({ file: 'report', path });
  const wd = (n: number, from: IsoDate, what: string) => ({ due: addWorkingDays(from, n), rule: `${plural(n, 'working day')} after ${what} on ${formatDate(from)}` });

  stages.push({ id: 'aware', field: caseField('aware'), done: aware });
  stages.push({ id: 'notified-panel', field: caseField('notifiedPanel'), done: c.notifiedPanel, ...wd(CASE_DEADLINES.notifyWorkingDays, aware, 'becoming aware') });
  stages.push({ id: 'reported-to-partners', field: caseField('reportedToPartners'), done: c.reportedToPartners, ...wd(CASE_DEADLINES.notifyWorkingDays, aware, 'becoming aware') });
  const meeting = c.rapidReview?.meeting;
  stages.push({
    id: 'rapid-review-meeting',
    field: caseField('rapidReview', 'meeting'),
    done: meeting,
    note: meeting ? undefined : 'No deadline of its own: it must be held in time for the rapid review to be completed.',
  });
  stages.push({
    id: 'rapid-review-completed',
    field: caseField('rapidReview', 'completed'),
    done: c.rapidReview?.completed,
    ...wd(CASE_DEADLINES.rapidReviewWorkingDays, aware, 'becoming aware'),
  });
  stages.push({
    id: 'rapid-review-sent',
    field: caseField('rapidReview', 'sentToPanel'),
    done: c.rapidReview?.sentToPanel,
    ...(meeting
      ? wd(CASE_DEADLINES.rapidReviewToPanelWorkingDays, meeting, 'the rapid review meeting')
      : { note: `Due ${plural(CASE_DEADLINES.rapidReviewToPanelWorkingDays, 'working day')} after the rapid review meeting, once it is held.` }),
  });
  stages.push({ id: 'decision', field: caseField('decision', 'date'), done: c.decision?.date, ...wd(CASE_DEADLINES.rapidReviewWorkingDays, aware, 'becoming aware') });

  const lcsprOnly = undecided
    ? { applicable: true, note: 'Only if the decision is a local review (LCSPR).' }
    : { applicable: lcspr, note: lcspr ? undefined : `Does not apply: the decision is ${outcome === 'no-review' ? 'no review' : 'a referral for a national review'}.` };
  stages.push({ id: 'lcspr-commissioned', field: caseField('lcspr', 'commissioned'), done: c.lcspr?.commissioned, ...lcsprOnly });

  const lcsprDue = lcspr && c.decision ? addCalendarMonths(c.decision.date, CASE_DEADLINES.lcsprMonths) : undefined;
  const notice = c.lcspr?.delay;
  let delay: DelayView | undefined;
  if (notice && lcsprDue) {
    const revisedPassed = !c.lcspr?.completed && notice.revisedDate < today;
    delay = {
      notified: notice.notified,
      revisedDate: notice.revisedDate,
      revisedPassed,
      daysPastRevised: revisedPassed ? daysBetween(notice.revisedDate, today) : undefined,
    };
  }
  stages.push({
    id: 'lcspr-completed',
    field: caseField('lcspr', 'completed'),
    done: c.lcspr?.completed,
    ...lcsprOnly,
    ...(lcsprDue && c.decision ? { due: lcsprDue, rule: `${plural(CASE_DEADLINES.lcsprMonths, 'calendar month')} after the decision on ${formatDate(c.decision.date)}` } : {}),
    ...(delay ? { note: delaySentence(delay) } : {}),
  });

  // Stages read from report.mdx.
  const publishOn = rpt?.publication === 'published' ? rpt.published : rpt?.publication === 'delayed' ? rpt.expected : undefined;
  const reportOnly = (id: CaseStageId): { applicable: boolean; note?: string | undefined } => {
    if (undecided || !lcsprOnly.applicable) return lcsprOnly;
    if (!report) return { applicable: true, note: 'Read from report.mdx once the review folder has one.' };
    if (!rpt) return { applicable: true, note: 'Read from report.mdx once it is no longer a draft.' };
    if (withheld && id !== 'report-sent') return { applicable: false, note: 'Does not apply: the report is withheld.' };
    return { applicable: true };
  };
  const sent = reportOnly('report-sent');
  stages.push({
    id: 'report-sent',
    field: reportField('sentToPanel'),
    done: rpt?.sentToPanel,
    ...sent,
    ...(sent.applicable && rpt && publishOn
      ? { due: addWorkingDays(publishOn, -need), rule: `${plural(need, 'working day')} before publication on ${formatDate(publishOn)}` }
      : {}),
    ...(sent.applicable && rpt && !publishOn
      ? { note: withheld ? 'No deadline: the report is withheld, but it still goes to the Panel, Ofsted and the Secretary of State.' : 'Due before publication, once report.mdx gives the expected date.' }
      : {}),
  });
  const pub = reportOnly('published');
  stages.push({
    id: 'published',
    field: reportField(rpt?.publication === 'delayed' ? 'expected' : 'published'),
    done: isPublished ? rpt?.published : undefined,
    ...pub,
    ...(pub.applicable && publishOn
      ? { due: publishOn, rule: rpt?.publication === 'delayed' ? 'the expected date of the delayed report' : 'the day set in report.mdx' }
      : {}),
  });
  const nspcc = reportOnly('nspcc-submitted');
  stages.push({
    id: 'nspcc-submitted',
    field: caseField('nspccSubmitted'),
    done: c.nspccSubmitted,
    ...nspcc,
    ...(nspcc.applicable && isPublished && rpt
      ? { due: rpt.published, rule: `the day of publication, ${formatDate(rpt.published)}` }
      : nspcc.applicable && rpt
        ? { note: 'Due on the day the report is published.' }
        : {}),
  });

  // Closed?
  let phase: CasePhase;
  if (outcome === 'no-review') phase = 'closed-no-review';
  else if (outcome === 'national-review') phase = 'national-review';
  else if (lcspr && c.nspccSubmitted) phase = 'closed-submitted';
  else if (lcspr && withheld && rpt?.sentToPanel) phase = 'closed-withheld';
  else if (lcspr && isPublished) phase = 'nspcc';
  else if (lcspr && (c.lcspr?.completed || rpt?.sentToPanel)) phase = 'publication';
  else if (lcspr && c.lcspr?.commissioned) phase = 'lcspr';
  else if (lcspr) phase = 'lcspr-to-commission';
  else if (meeting || c.rapidReview?.completed || c.rapidReview?.sentToPanel) phase = 'rapid-review';
  else phase = 'notification';
  const closed = phase === 'closed-no-review' || phase === 'national-review' || phase === 'closed-submitted' || phase === 'closed-withheld';

  const computed: CaseStage[] = stages.map((s) => {
    const stage: CaseStage = { id: s.id, label: CASE_STAGE_LABELS[s.id], field: s.field, done: s.done, due: s.due, rule: s.rule, note: s.note, state: 'waiting' };
    if (s.applicable === false) {
      stage.state = 'not-applicable';
      stage.due = undefined;
      stage.rule = undefined;
      return stage;
    }
    if (s.done !== undefined) {
      if (s.due !== undefined && s.done > s.due) {
        stage.state = 'done-late';
        stage.days = daysBetween(s.due, s.done);
      } else stage.state = 'done';
      return stage;
    }
    if (closed) stage.state = 'not-recorded';
    else if (s.due === undefined) stage.state = 'waiting';
    else if (s.due < today) {
      stage.state = 'overdue';
      stage.days = daysBetween(s.due, today);
    } else {
      stage.state = s.due <= soon ? 'due-soon' : 'pending';
      stage.days = daysBetween(today, s.due);
    }
    return stage;
  });

  const open = computed.filter((s) => OPEN_STATES.includes(s.state) && s.due !== undefined);
  const next = [...open].sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0))[0];
  const flags: CaseFlag[] = [];
  for (const s of open) {
    if (s.state === 'pending') continue;
    const extra = s.id === 'lcspr-completed' && lcspr ? lcsprSentence(delay) : '';
    flags.push({
      kind: s.state === 'overdue' ? 'case-overdue' : 'case-due-soon',
      stage: s.id,
      date: s.due!,
      days: s.days!,
      at: s.field,
      message:
        s.state === 'overdue'
          ? `${s.label} was due on ${formatDate(s.due!)} (${s.rule}) and is ${plural(s.days!, 'day')} overdue${extra}`
          : `${s.label} is due ${s.days === 0 ? 'today' : `in ${plural(s.days!, 'day')}`}, on ${formatDate(s.due!)} (${s.rule})${extra}`,
    });
  }

  return { stages: computed, phase, closed, decision: outcome, next, rag: caseRag(phase, computed, next, c), flags, delay };
}

function delaySentence(d: DelayView): string {
  const told = `The Panel and the Secretary of State were told on ${formatDate(d.notified)}; revised expected date ${formatDate(d.revisedDate)}`;
  return d.revisedPassed ? `${told}, which passed ${plural(d.daysPastRevised ?? 0, 'day')} ago.` : `${told}.`;
}

/** What an LCSPR flag adds about the delay notice (or its absence). */
function lcsprSentence(d: DelayView | undefined): string {
  if (!d) return '; the Panel and the Secretary of State have not been told of a delay (record it under lcspr.delay when they are)';
  const told = `; the Panel and the Secretary of State were told on ${formatDate(d.notified)}`;
  return d.revisedPassed
    ? `${told}, and the revised expected date they were given, ${formatDate(d.revisedDate)}, passed ${plural(d.daysPastRevised ?? 0, 'day')} ago: overdue again`
    : `${told}, with a revised expected date of ${formatDate(d.revisedDate)}`;
}

function caseRag(phase: CasePhase, stages: CaseStage[], next: CaseStage | undefined, c: Case): RagRating {
  switch (phase) {
    case 'closed-no-review':
      return { rag: 'grey', reason: 'closed: no review' };
    case 'national-review':
      return { rag: 'grey', reason: 'referred to the Panel for a national review' };
    case 'closed-submitted':
      return { rag: 'grey', reason: `closed: submitted to the NSPCC on ${formatDate(c.nspccSubmitted!)}` };
    case 'closed-withheld':
      return { rag: 'grey', reason: 'closed: report withheld and sent to the Panel' };
    default:
      break;
  }
  const overdue = stages.filter((s) => s.state === 'overdue').sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0));
  const first = overdue[0];
  if (first) {
    const more = overdue.length > 1 ? ` (and ${plural(overdue.length - 1, 'other stage')})` : '';
    const told = first.id === 'lcspr-completed' && c.lcspr?.delay ? `; Panel told on ${formatDate(c.lcspr.delay.notified)}` : '';
    return { rag: 'red', reason: `${first.label} overdue by ${plural(first.days ?? 0, 'day')}${told}${more}` };
  }
  if (next && next.state === 'due-soon') {
    return { rag: 'amber', reason: `${next.label} due ${next.days === 0 ? 'today' : `in ${plural(next.days ?? 0, 'day')}`}` };
  }
  return { rag: 'green', reason: next ? `on time: next deadline ${formatDate(next.due!)}` : 'on time: no deadline yet' };
}

/** A problem with the dates of a case file: where, and what is wrong. */
export interface CaseDateProblem {
  path: (string | number)[];
  message: string;
}

/**
 * The dates of a case that cannot be right: after today (a case records what has happened; only
 * the delay notice's revised date looks ahead), before the day the local authority became aware,
 * out of order (the rapid review before its meeting, the LCSPR before its decision), a revised
 * date not after the original deadline, and an NSPCC submission of a report that is not published.
 */
export function caseDateProblems(c: Case, report: CaseReport | undefined, today: IsoDate): CaseDateProblem[] {
  const problems: CaseDateProblem[] = [];
  const dates: { path: (string | number)[]; date: IsoDate | undefined; what: string }[] = [
    { path: ['notifiedPanel'], date: c.notifiedPanel, what: 'the notification to the Panel' },
    { path: ['reportedToPartners'], date: c.reportedToPartners, what: 'the report to the safeguarding partners' },
    { path: ['rapidReview', 'meeting'], date: c.rapidReview?.meeting, what: 'the rapid review meeting' },
    { path: ['rapidReview', 'completed'], date: c.rapidReview?.completed, what: 'the rapid review' },
    { path: ['rapidReview', 'sentToPanel'], date: c.rapidReview?.sentToPanel, what: 'sending the rapid review to the Panel' },
    { path: ['decision', 'date'], date: c.decision?.date, what: 'the decision' },
    { path: ['lcspr', 'commissioned'], date: c.lcspr?.commissioned, what: 'commissioning the review' },
    { path: ['lcspr', 'completed'], date: c.lcspr?.completed, what: 'completing the review' },
    { path: ['lcspr', 'delay', 'notified'], date: c.lcspr?.delay?.notified, what: 'the delay notice' },
    { path: ['nspccSubmitted'], date: c.nspccSubmitted, what: 'the NSPCC submission' },
  ];
  const say = (path: (string | number)[], message: string) => problems.push({ path, message });
  if (c.aware > today) say(['aware'], `is ${formatDate(c.aware)}, after today (${formatDate(today)}): a case records what has already happened`);
  for (const d of dates) {
    if (d.date === undefined) continue;
    if (d.date > today) say(d.path, `is ${formatDate(d.date)}, after today (${formatDate(today)}): record ${d.what} once it has happened`);
    else if (d.date < c.aware) say(d.path, `is ${formatDate(d.date)}, before aware (${formatDate(c.aware)}): ${d.what} cannot come before the local authority became aware of the incident`);
  }
  const meeting = c.rapidReview?.meeting;
  for (const [key, what] of [['completed', 'completed'], ['sentToPanel', 'sent to the Panel']] as const) {
    const d = c.rapidReview?.[key];
    if (meeting && d && d < meeting) say(['rapidReview', key], `is ${formatDate(d)}, before the rapid review meeting (${formatDate(meeting)}): a rapid review cannot be ${what} before its meeting`);
  }
  const decided = c.decision?.date;
  if (decided && c.lcspr) {
    for (const [path, d, what] of [
      [['lcspr', 'commissioned'], c.lcspr.commissioned, 'commissioned'],
      [['lcspr', 'completed'], c.lcspr.completed, 'completed'],
      [['lcspr', 'delay', 'notified'], c.lcspr.delay?.notified, 'delayed (the notice)'],
    ] as const) {
      if (d && d < decided) say([...path], `is ${formatDate(d)}, before the decision (${formatDate(decided)}): the review cannot be ${what} before it was decided`);
    }
    const { commissioned, completed } = c.lcspr;
    if (commissioned && completed && completed < commissioned && completed >= decided) {
      say(['lcspr', 'completed'], `is ${formatDate(completed)}, before the review was commissioned (${formatDate(commissioned)})`);
    }
    const revised = c.lcspr.delay?.revisedDate;
    if (revised) {
      const due = addCalendarMonths(decided, CASE_DEADLINES.lcsprMonths);
      if (revised <= due) {
        say(['lcspr', 'delay', 'revisedDate'], `is ${formatDate(revised)}, not after the original deadline (${formatDate(due)}, 6 calendar months after the decision): a revised date is later than the deadline; if the review will be on time, remove delay`);
      }
    }
  }
  if (c.nspccSubmitted) {
    const rpt = report && !report.draft ? report : undefined;
    if (!report) say(['nspccSubmitted'], 'records an NSPCC submission, but this folder has no report.mdx: only a published report is submitted');
    else if (!rpt || rpt.publication !== 'published' || rpt.published > today) {
      say(['nspccSubmitted'], 'records an NSPCC submission, but the report in report.mdx is not published (a draft, withheld, delayed or dated after today): only a published report is submitted');
    } else if (c.nspccSubmitted < rpt.published) {
      say(['nspccSubmitted'], `is ${formatDate(c.nspccSubmitted)}, before the report was published (${formatDate(rpt.published)}): only a published report is submitted`);
    }
  }
  return problems;
}
