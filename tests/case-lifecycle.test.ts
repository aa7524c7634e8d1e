/**
 * The lifecycle of a case (src/utils/case-lifecycle.ts). Every expected deadline below was worked
 * out by hand on a calendar of England and Wales bank holidays, not by the engine under test; the
 * comment on each row shows the count.
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../src/schemas/case.ts';
import { DEFAULT_MONITORING } from '../src/utils/action-status.ts';
import { addCalendarMonths, caseDateProblems, caseLifecycle, type CaseReport, type CaseStageId } from '../src/utils/case-lifecycle.ts';
import { addDays, addMonths, isoFromParts } from '../src/utils/dates.ts';

const stage = (c: Case, id: CaseStageId, today = '2030-01-01', report?: CaseReport) => {
  const s = caseLifecycle(c, report, today).stages.find((x) => x.id === id);
  if (!s) throw new Error(`no stage ${id}`);
  return s;
};

describe('deadlines counted in working days from becoming aware', () => {
  it.each([
    // [aware, 5 working days, 15 working days, the count]
    ['2024-12-20', '2024-12-31', '2025-01-15', 'Fri before Christmas: 23, 24, (25, 26 bank holidays), 27, 30, 31 Dec; then (1 Jan) 2, 3, 6 ... 15 Jan'],
    ['2025-04-17', '2025-04-28', '2025-05-13', 'Thu before Easter: (18 Good Friday, 21 Easter Monday) 22, 23, 24, 25, 28 Apr; then 29, 30 Apr, 1, 2, (5 May Early May) 6 ... 13 May'],
    ['2022-12-23', '2023-01-04', '2023-01-18', 'Christmas Day on a Sunday: (26 Boxing Day, 27 substitute) 28, 29, 30 Dec, (2 Jan substitute for New Year) 3, 4 Jan'],
    ['2026-12-23', '2027-01-04', '2027-01-18', 'Boxing Day on a Saturday: 24, (25, 28 substitute) 29, 30, 31 Dec, (1 Jan) 4 Jan; then 5 ... 8, 11 ... 15, 18 Jan'],
    ['2022-09-14', '2022-09-22', '2022-10-06', 'the one-off bank holiday of 19 September 2022: 15, 16, (19) 20, 21, 22 Sep; then 23, 26 ... 30 Sep, 3 ... 6 Oct'],
    ['2026-03-14', '2026-03-20', '2026-04-07', 'aware on a Saturday: Mon 16 to Fri 20 Mar; then 23 ... 27, 30, 31 Mar, 1, 2, (3 Good Friday, 6 Easter Monday) 7 Apr'],
    ['2026-11-23', '2026-11-30', '2026-12-14', 'an ordinary Monday: a week later; three weeks later'],
  ])('aware %s: notify by %s, rapid review and decision by %s (%s)', (aware, five, fifteen) => {
    const c: Case = { title: 'Child T', aware };
    expect(stage(c, 'notified-panel').due).toBe(five);
    expect(stage(c, 'reported-to-partners').due).toBe(five);
    expect(stage(c, 'rapid-review-completed').due).toBe(fifteen);
    expect(stage(c, 'decision').due).toBe(fifteen);
  });

  it.each([
    // [meeting, 2 working days later, the count]
    ['2023-04-06', '2023-04-12', 'Thursday before Easter: (7 Good Friday, 10 Easter Monday) 11, 12 Apr'],
    ['2023-05-05', '2023-05-10', 'before the coronation bank holiday (8 May 2023): 9, 10 May'],
    ['2025-12-24', '2025-12-30', 'Christmas Eve: (25, 26 Dec, weekend) 29, 30 Dec'],
    ['2026-08-28', '2026-09-02', 'Friday before the Summer bank holiday (31 Aug 2026): 1, 2 Sep'],
    ['2026-11-18', '2026-11-20', 'an ordinary Wednesday'],
  ])('rapid review meeting %s: sent to the Panel by %s (%s)', (meeting, due) => {
    const c: Case = { title: 'Child T', aware: '2020-01-01', rapidReview: { meeting } };
    expect(stage(c, 'rapid-review-sent').due).toBe(due);
  });

  it('has no deadline for sending the rapid review until the meeting is held', () => {
    const s = stage({ title: 'Child T', aware: '2026-11-02' }, 'rapid-review-sent', '2026-11-23');
    expect(s.due).toBeUndefined();
    expect(s.state).toBe('waiting');
  });
});

describe('six calendar months after the decision (date-fns)', () => {
  it.each([
    ['2026-08-31', '2027-02-28', 'no 31 February: the last day of February'],
    ['2027-08-31', '2028-02-29', 'a leap year: 29 February'],
    ['2023-08-31', '2024-02-29', 'a leap year: 29 February'],
    ['2026-08-29', '2027-02-28', '29 August in a year whose February has 28 days'],
    ['2026-08-28', '2027-02-28', 'the same day of the month'],
    ['2026-03-31', '2026-09-30', 'no 31 September'],
    ['2026-12-31', '2027-06-30', 'across the year end, no 31 June'],
    ['2025-12-17', '2026-06-17', 'the same day of the month'],
    ['2026-02-28', '2026-08-28', 'from the end of February: the 28th, not the month end'],
  ])('decision on %s: LCSPR due %s (%s)', (decided, due) => {
    expect(addCalendarMonths(decided, 6)).toBe(due);
    const c: Case = { title: 'Child T', aware: decided, decision: { outcome: 'lcspr', date: decided, reason: 'Criteria met.' } };
    expect(stage(c, 'lcspr-completed', decided).due).toBe(due);
  });

  it('agrees with the month arithmetic of src/utils/dates.ts on every day from 2019 to 2030', () => {
    const mismatches: string[] = [];
    for (let day = '2019-01-01'; day <= '2030-12-31'; day = addDays(day, 1)) {
      for (const months of [1, 6, 12]) if (addCalendarMonths(day, months) !== addMonths(day, months)) mismatches.push(`${day} + ${months}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses what is not a date', () => {
    expect(() => addCalendarMonths('2026-02-30', 6)).toThrow(/Not a calendar date/);
    expect(addCalendarMonths(isoFromParts(2026, 1, 31), 1)).toBe('2026-02-28');
  });
});

describe('the report stages read report.mdx', () => {
  const lcspr: Case = {
    title: 'Child T',
    aware: '2025-06-02',
    decision: { outcome: 'lcspr', date: '2025-06-20', reason: 'Criteria met.' },
    lcspr: { completed: '2025-12-01' },
  };
  const report = (r: Partial<CaseReport>): CaseReport => ({ draft: false, publication: 'published', published: '2026-12-09', ...r });

  it.each([
    // [publication day, latest day to send it, the count back]
    ['2026-12-09', '2026-11-30', 'Wed: 8, 7, 4, 3, 2, 1 Dec, 30 Nov'],
    ['2026-04-14', '2026-04-01', 'Tue after Easter: 13, 10, 9, 8, 7, (6 Easter Monday, 3 Good Friday) 2, 1 Apr'],
    ['2026-01-05', '2025-12-22', 'Mon after New Year: 2 Jan, (1 Jan) 31, 30, 29, (26, 25 Dec) 24, 23, 22 Dec'],
  ])('published %s: sent to the Panel, Ofsted and the Secretary of State by %s (%s)', (published, due) => {
    const s = stage(lcspr, 'report-sent', '2025-12-10', report({ published }));
    expect(s.due).toBe(due);
    expect(s.field).toEqual({ file: 'report', path: ['sentToPanel'] });
  });

  it('a delayed report counts back from its expected date; a withheld one has no deadline and closes once sent', () => {
    expect(stage(lcspr, 'report-sent', '2025-12-10', report({ publication: 'delayed', published: '2026-01-10', expected: '2026-12-09' })).due).toBe('2026-11-30');
    expect(stage(lcspr, 'published', '2025-12-10', report({ publication: 'delayed', published: '2026-01-10', expected: '2026-12-09' })).due).toBe('2026-12-09');
    const withheld = report({ publication: 'withheld', published: '2026-01-10' });
    expect(stage(lcspr, 'report-sent', '2025-12-10', withheld)).toMatchObject({ state: 'waiting', due: undefined });
    expect(stage(lcspr, 'published', '2025-12-10', withheld).state).toBe('not-applicable');
    expect(stage(lcspr, 'nspcc-submitted', '2025-12-10', withheld).state).toBe('not-applicable');
    const closed = caseLifecycle(lcspr, { ...withheld, sentToPanel: '2026-01-02' }, '2026-02-01');
    expect([closed.phase, closed.closed, closed.rag.rag]).toEqual(['closed-withheld', true, 'grey']);
  });

  it('waits while the report is a draft or missing', () => {
    expect(stage(lcspr, 'report-sent', '2025-12-10', report({ draft: true }))).toMatchObject({ state: 'waiting', due: undefined });
    expect(stage(lcspr, 'report-sent', '2025-12-10')).toMatchObject({ state: 'waiting', note: expect.stringMatching(/report\.mdx/) });
  });

  it('the NSPCC submission is due on the day of publication, once published', () => {
    const published = report({ published: '2026-06-17', sentToPanel: '2026-06-03' });
    expect(stage(lcspr, 'nspcc-submitted', '2026-06-10', published)).toMatchObject({ state: 'waiting', due: undefined });
    expect(stage(lcspr, 'nspcc-submitted', '2026-06-17', published)).toMatchObject({ state: 'due-soon', due: '2026-06-17', days: 0 });
    expect(stage(lcspr, 'nspcc-submitted', '2026-06-20', published)).toMatchObject({ state: 'overdue', days: 3 });
    const done = caseLifecycle({ ...lcspr, nspccSubmitted: '2026-06-19' }, published, '2026-07-01');
    expect(done.stages.find((s) => s.id === 'nspcc-submitted')).toMatchObject({ state: 'done-late', days: 2 });
    expect([done.phase, done.rag.rag, done.flags]).toEqual(['closed-submitted', 'grey', []]);
  });
});

describe('states, phase, RAG and flags', () => {
  const aware = '2026-11-02'; // Monday: notify by Mon 9 Nov, rapid review by Mon 23 Nov
  it.each<[string, Partial<Case>, string, Partial<Record<CaseStageId, string>>, string, string]>([
    ['nothing recorded yet, within the window', {}, '2026-11-04', { 'notified-panel': 'due-soon', 'rapid-review-completed': 'due-soon', 'lcspr-commissioned': 'waiting' }, 'amber', 'notification'],
    ['notification late', {}, '2026-11-12', { 'notified-panel': 'overdue', 'reported-to-partners': 'overdue' }, 'red', 'notification'],
    ['notified on time', { notifiedPanel: '2026-11-09', reportedToPartners: '2026-11-06' }, '2026-11-12', { 'notified-panel': 'done', 'reported-to-partners': 'done', decision: 'due-soon' }, 'amber', 'notification'],
    ['notified late, now done', { notifiedPanel: '2026-11-11', reportedToPartners: '2026-11-06' }, '2026-11-12', { 'notified-panel': 'done-late' }, 'amber', 'notification'],
    [
      'LCSPR decided, six months away',
      { notifiedPanel: '2026-11-04', reportedToPartners: '2026-11-04', rapidReview: { meeting: '2026-11-16', completed: '2026-11-18', sentToPanel: '2026-11-18' }, decision: { outcome: 'lcspr', date: '2026-11-18', reason: 'Criteria met.' } },
      '2026-11-25',
      { decision: 'done', 'lcspr-commissioned': 'waiting', 'lcspr-completed': 'pending', 'report-sent': 'waiting', 'nspcc-submitted': 'waiting' },
      'green',
      'lcspr-to-commission',
    ],
    [
      'no review: closed, later stages do not apply, a missing date is not flagged',
      { notifiedPanel: '2026-11-04', rapidReview: { meeting: '2026-11-16' }, decision: { outcome: 'no-review', date: '2026-11-18', reason: 'Not met.' } },
      '2026-12-30',
      { 'reported-to-partners': 'not-recorded', 'rapid-review-sent': 'not-recorded', 'lcspr-commissioned': 'not-applicable', 'lcspr-completed': 'not-applicable', 'report-sent': 'not-applicable', published: 'not-applicable', 'nspcc-submitted': 'not-applicable' },
      'grey',
      'closed-no-review',
    ],
    [
      'referred for a national review',
      { notifiedPanel: '2026-11-04', reportedToPartners: '2026-11-04', decision: { outcome: 'national-review', date: '2026-11-18', reason: 'National significance.' } },
      '2026-12-30',
      { 'lcspr-completed': 'not-applicable', 'rapid-review-completed': 'not-recorded' },
      'grey',
      'national-review',
    ],
  ])('%s', (_why, fields, today, states, rag, phase) => {
    const l = caseLifecycle({ title: 'Child T', aware, ...fields }, undefined, today);
    for (const [id, state] of Object.entries(states)) expect(l.stages.find((s) => s.id === id)?.state, id).toBe(state);
    expect(l.rag.rag).toBe(rag);
    expect(l.phase).toBe(phase);
    expect(l.closed).toBe(rag === 'grey');
    // Flags: one per stage overdue or due soon in an open case, none in a closed one.
    const expected = l.closed ? [] : l.stages.filter((s) => s.state === 'overdue' || s.state === 'due-soon').map((s) => s.id);
    expect(l.flags.map((f) => f.stage)).toEqual(expected);
  });

  it('a flag names the stage, the deadline, how it was counted and the days late', () => {
    const l = caseLifecycle({ title: 'Child T', aware: '2024-12-20' }, undefined, '2025-01-03');
    const f = l.flags.find((x) => x.stage === 'notified-panel')!;
    expect(f).toMatchObject({ kind: 'case-overdue', date: '2024-12-31', days: 3, at: { file: 'case', path: ['notifiedPanel'] } });
    expect(f.message).toBe('Notified to the national Panel was due on 31 December 2024 (5 working days after becoming aware on 20 December 2024) and is 3 days overdue');
    const soon = l.flags.find((x) => x.stage === 'rapid-review-completed')!;
    expect(soon).toMatchObject({ kind: 'case-due-soon', date: '2025-01-15', days: 12 });
    expect(soon.message).toBe('Rapid review completed is due in 12 days, on 15 January 2025 (15 working days after becoming aware on 20 December 2024)');
    expect(l.next?.id).toBe('notified-panel');
    expect(l.rag).toEqual({ rag: 'red', reason: 'Notified to the national Panel overdue by 3 days (and 1 other stage)' });
  });

  it('amber exactly up to the due-soon window, green beyond it', () => {
    const c: Case = { title: 'Child T', aware: '2026-01-05', notifiedPanel: '2026-01-06', reportedToPartners: '2026-01-06', rapidReview: { meeting: '2026-01-12', completed: '2026-01-14', sentToPanel: '2026-01-14' }, decision: { outcome: 'lcspr', date: '2026-01-14', reason: 'Met.' } };
    const due = '2026-07-14';
    const window = DEFAULT_MONITORING.dueSoonDays;
    expect(caseLifecycle(c, undefined, addDays(due, -window)).rag.rag).toBe('amber');
    expect(caseLifecycle(c, undefined, addDays(due, -window - 1)).rag.rag).toBe('green');
    expect(caseLifecycle(c, undefined, due).rag).toEqual({ rag: 'amber', reason: 'LCSPR completed due today' });
    expect(caseLifecycle(c, undefined, addDays(due, 1)).rag.rag).toBe('red');
    expect(caseLifecycle(c, undefined, addDays(due, -window), { ...DEFAULT_MONITORING, dueSoonDays: 10 }).rag.rag).toBe('green');
  });
});

describe('an LCSPR past six months', () => {
  const base: Case = {
    title: 'Baby T',
    aware: '2025-12-01',
    notifiedPanel: '2025-12-03',
    reportedToPartners: '2025-12-03',
    rapidReview: { meeting: '2025-12-15', completed: '2025-12-17', sentToPanel: '2025-12-17' },
    decision: { outcome: 'lcspr', date: '2025-12-17', reason: 'Met.' },
    lcspr: { commissioned: '2026-01-19' },
  };
  const withNotice: Case = { ...base, lcspr: { commissioned: '2026-01-19', delay: { notified: '2026-05-27', reason: 'A criminal trial.', revisedDate: '2027-01-29' } } };

  it('without a delay notice: overdue, and the flag says the Panel has not been told', () => {
    const l = caseLifecycle(base, undefined, '2026-11-23');
    const f = l.flags.find((x) => x.stage === 'lcspr-completed')!;
    expect(f).toMatchObject({ kind: 'case-overdue', date: '2026-06-17', days: 159 });
    expect(f.message).toMatch(/have not been told of a delay/);
  });

  it('with a delay notice: still overdue and red, the flag gives the day they were told and the revised date', () => {
    const l = caseLifecycle(withNotice, undefined, '2026-11-23');
    const f = l.flags.find((x) => x.stage === 'lcspr-completed')!;
    expect(f).toMatchObject({ kind: 'case-overdue', date: '2026-06-17', days: 159 });
    expect(f.message).toBe(
      'LCSPR completed was due on 17 June 2026 (6 calendar months after the decision on 17 December 2025) and is 159 days overdue; ' +
        'the Panel and the Secretary of State were told on 27 May 2026, with a revised expected date of 29 January 2027',
    );
    expect(l.rag).toEqual({ rag: 'red', reason: 'LCSPR completed overdue by 159 days; Panel told on 27 May 2026' });
    expect(l.delay).toEqual({ notified: '2026-05-27', revisedDate: '2027-01-29', revisedPassed: false, daysPastRevised: undefined });
  });

  it('overdue again once the revised date has passed', () => {
    const l = caseLifecycle(withNotice, undefined, '2027-02-01');
    const f = l.flags.find((x) => x.stage === 'lcspr-completed')!;
    expect(f.days).toBe(229);
    expect(f.message).toMatch(/the revised expected date they were given, 29 January 2027, passed 3 days ago: overdue again$/);
    expect(l.delay?.revisedPassed).toBe(true);
  });

  it('completed late: done late, no flag, the case moves on to publication', () => {
    const l = caseLifecycle({ ...withNotice, lcspr: { ...withNotice.lcspr, completed: '2026-12-01' } }, undefined, '2026-12-02');
    expect(l.stages.find((s) => s.id === 'lcspr-completed')).toMatchObject({ state: 'done-late', days: 167 });
    expect(l.flags).toEqual([]);
    expect(l.phase).toBe('publication');
    expect(l.rag.rag).toBe('green');
  });
});

describe('caseDateProblems', () => {
  const today = '2026-11-23';
  const ok: Case = {
    title: 'Child T',
    aware: '2026-06-01',
    notifiedPanel: '2026-06-03',
    rapidReview: { meeting: '2026-06-15', completed: '2026-06-17', sentToPanel: '2026-06-17' },
    decision: { outcome: 'lcspr', date: '2026-06-17', reason: 'Met.' },
    lcspr: { commissioned: '2026-07-01', delay: { notified: '2026-11-01', reason: 'A trial.', revisedDate: '2027-02-01' } },
  };
  it('accepts dates in order', () => {
    expect(caseDateProblems(ok, undefined, today)).toEqual([]);
  });
  it.each<[string, Case, CaseReport | undefined, string, RegExp]>([
    ['a date after today', { ...ok, notifiedPanel: '2026-11-24' }, undefined, 'notifiedPanel', /after today \(23 November 2026\)/],
    ['aware after today', { ...ok, aware: '2026-12-01', notifiedPanel: undefined, rapidReview: undefined, decision: undefined, lcspr: undefined }, undefined, 'aware', /after today/],
    ['a stage before aware', { ...ok, notifiedPanel: '2026-05-29' }, undefined, 'notifiedPanel', /before aware \(1 June 2026\)/],
    ['the rapid review before its meeting', { ...ok, rapidReview: { meeting: '2026-06-15', completed: '2026-06-12' } }, undefined, 'rapidReview.completed', /before the rapid review meeting/],
    ['commissioned before the decision', { ...ok, lcspr: { commissioned: '2026-06-10' } }, undefined, 'lcspr.commissioned', /before the decision \(17 June 2026\)/],
    ['a revised date not after the deadline', { ...ok, lcspr: { delay: { notified: '2026-11-01', reason: 'A trial.', revisedDate: '2026-12-17' } } }, undefined, 'lcspr.delay.revisedDate', /not after the original deadline \(17 December 2026/],
    ['an NSPCC submission without a report', { ...ok, nspccSubmitted: '2026-11-02' }, undefined, 'nspccSubmitted', /no report\.mdx/],
    ['an NSPCC submission of a report not published', { ...ok, nspccSubmitted: '2026-11-02' }, { draft: false, publication: 'published', published: '2026-12-01' }, 'nspccSubmitted', /not published/],
    ['an NSPCC submission before publication', { ...ok, nspccSubmitted: '2026-11-02' }, { draft: false, publication: 'published', published: '2026-11-04' }, 'nspccSubmitted', /before the report was published/],
  ])('%s', (_why, c, report, field, message) => {
    const problems = caseDateProblems(c, report, today);
    expect(problems.map((p) => p.path.join('.'))).toEqual([field]);
    expect(problems[0]!.message).toMatch(message);
  });
});
