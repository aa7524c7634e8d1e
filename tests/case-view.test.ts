/** What the cases page and the MESI report show (src/utils/case-view.ts), from lifecycles worked out by the checker's rules. */
import { describe, expect, it } from 'vitest';
import type { Case } from '../src/schemas/case.ts';
import { caseLifecycle, CASE_STAGES } from '../src/utils/case-lifecycle.ts';
import { caseRows, casesPageView, caseTimeline, daysLeftText, stageStateView, type CaseLike } from '../src/utils/case-view.ts';

const today = '2026-11-23';
const make = (slug: string, c: Omit<Case, 'title'>): CaseLike => {
  const data: Case = { title: `Child ${slug.toUpperCase()}`, ...c };
  return { slug, title: data.title, case: data, lifecycle: caseLifecycle(data, undefined, today) };
};
const decided = (date: string, outcome: 'lcspr' | 'no-review' | 'national-review' = 'lcspr') => ({ outcome, date, reason: 'A reason.' });

// Hand-checked against today (Monday 23 November 2026):
const cases: CaseLike[] = [
  // green: LCSPR due 20 February 2027 (89 days away)
  make('green', { aware: '2026-08-03', notifiedPanel: '2026-08-05', reportedToPartners: '2026-08-05', rapidReview: { meeting: '2026-08-17', completed: '2026-08-19', sentToPanel: '2026-08-19' }, decision: decided('2026-08-20') }),
  // grey: no review
  make('closed', { aware: '2026-09-14', notifiedPanel: '2026-09-16', reportedToPartners: '2026-09-16', decision: decided('2026-10-01', 'no-review') }),
  // amber: rapid review due 7 December 2026 (15 working days after Monday 16 November)
  make('amber', { aware: '2026-11-16', notifiedPanel: '2026-11-18', reportedToPartners: '2026-11-19' }),
  // red: the rapid review should have gone to the Panel on 20 November (2 working days after Wednesday 18 November)
  make('red', { aware: '2026-10-26', notifiedPanel: '2026-10-28', reportedToPartners: '2026-10-29', rapidReview: { meeting: '2026-11-18', completed: '2026-11-19' }, decision: decided('2026-11-19') }),
];

describe('caseRows', () => {
  it('puts open cases first, red, amber, green, then closed ones', () => {
    const rows = caseRows(cases);
    expect(rows.map((r) => [r.slug, r.rag.rag])).toEqual([
      ['red', 'red'],
      ['amber', 'amber'],
      ['green', 'green'],
      ['closed', 'grey'],
    ]);
  });

  it('gives each row its stage, next deadline and days left', () => {
    const rows = new Map(caseRows(cases).map((r) => [r.slug, r]));
    expect(rows.get('red')).toMatchObject({ stage: 'LCSPR to be commissioned', next: { label: 'Rapid review sent to the Panel', due: '2026-11-20', days: 3, overdue: true }, daysLeft: '3 days overdue', anchor: 'case-red' });
    expect(rows.get('amber')).toMatchObject({ stage: 'Notification', next: { label: 'Rapid review completed', due: '2026-12-07', days: 14, overdue: false }, daysLeft: '14 days' });
    expect(rows.get('green')).toMatchObject({ stage: 'LCSPR to be commissioned', next: { label: 'LCSPR completed', due: '2027-02-20', days: 89 }, daysLeft: '89 days' });
    expect(rows.get('closed')).toMatchObject({ stage: 'Closed: no review', next: undefined, daysLeft: '', closed: true });
  });

  it('sorts cases of the same rating by their next deadline, then by name', () => {
    const a = make('a', { aware: '2026-11-16' });
    const b = make('b', { aware: '2026-11-09', notifiedPanel: '2026-11-10', reportedToPartners: '2026-11-10' });
    const c = make('c', { aware: '2026-11-16' });
    expect(caseRows([c, b, a]).map((r) => r.slug)).toEqual(['a', 'c', 'b']); // a and c due today, b in 7 days
  });
});

describe('the words for days and states', () => {
  it.each([
    [{ state: 'overdue' as const, days: 1 }, '1 day overdue'],
    [{ state: 'due-soon' as const, days: 0 }, 'due today'],
    [{ state: 'pending' as const, days: 40 }, '40 days'],
    [{ state: 'waiting' as const, days: undefined }, ''],
  ])('%j → %j', (stage, text) => {
    expect(daysLeftText(stage)).toBe(text);
  });

  it('says every state in words, not colour alone', () => {
    expect(stageStateView({ state: 'done-late', days: 3 })).toEqual({ text: 'Done 3 days late', tone: 'yellow' });
    expect(stageStateView({ state: 'overdue', days: 1 })).toEqual({ text: 'Overdue by 1 day', tone: 'red' });
    expect(stageStateView({ state: 'due-soon', days: 0 })).toEqual({ text: 'Due today', tone: 'orange' });
    expect(stageStateView({ state: 'not-applicable' }).text).toBe('Does not apply');
  });
});

describe('caseTimeline and casesPageView', () => {
  it('lists every stage in order, with where its date is written', () => {
    const t = caseTimeline(cases.find((c) => c.slug === 'red')!);
    expect(t.items).toHaveLength(CASE_STAGES.length);
    expect(t.items[0]).toMatchObject({ label: 'Local authority became aware', done: '2026-10-26', source: 'case.yaml: aware', state: { text: 'Done' }, noDeadline: 'No deadline' });
    expect(t.items.find((i) => i.id === 'lcspr-commissioned')).toMatchObject({ due: undefined, noDeadline: 'No deadline', state: { text: 'Waiting' } });
    expect(t.items.find((i) => i.id === 'report-sent')).toMatchObject({ due: undefined, noDeadline: 'None yet' });
    expect(t.items.find((i) => i.label === 'Rapid review completed')).toMatchObject({ done: '2026-11-19', due: '2026-11-16', state: { text: 'Done 3 days late' } });
    expect(t.items.find((i) => i.label === 'Report sent to the Panel, Ofsted and the Secretary of State')?.source).toBe('report.mdx: sentToPanel');
    expect(t.decision).toEqual({ text: 'Local child safeguarding practice review (LCSPR)', date: '2026-11-19', reason: 'A reason.' });
  });

  it('gives the delay notice in a sentence', () => {
    const c = make('late', {
      aware: '2025-12-01',
      decision: decided('2025-12-17'),
      lcspr: { delay: { notified: '2026-05-27', reason: 'A criminal trial.', revisedDate: '2027-01-29' } },
    });
    expect(caseTimeline(c).delay).toBe(
      'The Panel and the Secretary of State were told on 27 May 2026 that the review would be late, with a revised expected date of 29 January 2027. The reason given: A criminal trial.',
    );
  });

  it('counts the cases for the page', () => {
    const v = casesPageView(cases);
    expect(v.byRag).toEqual({ red: 1, amber: 1, green: 1, grey: 1 });
    expect(v.summary).toBe('4 cases: 3 open (1 red, 1 amber, 1 green) and 1 closed. 1 stage is overdue.');
    expect(v.timelines.map((t) => t.slug)).toEqual(v.rows.map((r) => r.slug));
    expect(casesPageView([]).summary).toMatch(/no case files yet/);
  });
});
