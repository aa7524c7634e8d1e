import { describe, expect, it } from 'vitest';
import { archivalDueDate, documentVisibility, planIsPublic, reportBodyVisibility, reviewState, type PlanLike, type ReportLike } from '../src/utils/publication.ts';
import { buildToday } from '../src/utils/dates.ts';

const signedOff = { date: '2024-12-01', role: 'Business Manager' };
const report = (over: Partial<ReportLike> = {}): ReportLike => ({
  published: '2025-03-14',
  publication: 'published',
  anonymisation: signedOff,
  ...over,
});

describe('documentVisibility', () => {
  it.each([
    [{ published: '2025-03-14' }, '2025-03-13', false, 'scheduled'],
    [{ published: '2025-03-14' }, '2025-03-14', true, undefined],
    [{ published: '2025-03-14' }, '2025-03-15', true, undefined],
    [{ published: '2025-03-14', draft: true }, '2030-01-01', false, 'draft'],
    [{ published: '2025-03-14', draft: false }, '2025-03-14', true, undefined],
  ])('%o on %s: public=%s', (doc, today, expected, reason) => {
    const v = documentVisibility(doc, today);
    expect(v.public).toBe(expected);
    if (!v.public) expect(v.reason).toBe(reason);
  });
});

describe('midnight in Europe/London decides the day', () => {
  // A report dated 15 July 2025 (summer time) and one dated 15 January 2025 (winter time).
  it.each([
    ['2025-07-15', '2025-07-14T22:59:59Z', false],
    ['2025-07-15', '2025-07-14T23:00:00Z', true], // 00:00 BST
    ['2025-01-15', '2025-01-14T23:59:59Z', false],
    ['2025-01-15', '2025-01-15T00:00:00Z', true], // 00:00 GMT
    ['2025-01-15', '2025-01-14T23:30:00Z', false],
  ])('a report dated %s at BUILD_NOW=%s: public=%s', (published, buildNow, expected) => {
    expect(reportBodyVisibility(report({ published }), buildToday(buildNow)).public).toBe(expected);
  });
});

describe('reportBodyVisibility', () => {
  it.each<[string, Partial<ReportLike>, string, boolean, string | undefined]>([
    ['published, date reached', {}, '2025-03-14', true, undefined],
    ['published, date not reached', {}, '2025-03-13', false, 'scheduled'],
    ['draft', { draft: true }, '2026-01-01', false, 'draft'],
    ['withheld', { publication: 'withheld' }, '2026-01-01', false, 'withheld'],
    ['delayed', { publication: 'delayed' }, '2026-01-01', false, 'delayed'],
    ['archived, date reached', { archived: '2026-04-01' }, '2026-04-01', false, 'archived'],
    ['archived, date not reached', { archived: '2026-04-01' }, '2026-03-31', true, undefined],
    ['no anonymisation sign-off', { anonymisation: undefined }, '2026-01-01', false, 'no-anonymisation-sign-off'],
    ['sign-off dated after today', { anonymisation: { date: '2025-03-20', role: 'x' } }, '2025-03-15', false, 'no-anonymisation-sign-off'],
    ['unknown state', { publication: 'publishd' }, '2026-01-01', false, 'unknown-state'],
    ['missing state', { publication: undefined as unknown as string }, '2026-01-01', false, 'unknown-state'],
  ])('%s', (_name, over, today, expected, reason) => {
    const v = reportBodyVisibility(report(over), today);
    expect(v.public).toBe(expected);
    if (!v.public) expect(v.reason).toBe(reason);
  });
});

describe('reviewState', () => {
  it.each<[Partial<ReportLike>, string, string | undefined]>([
    [{}, '2025-03-14', 'published'],
    [{}, '2025-03-13', undefined],
    [{ draft: true }, '2025-03-14', undefined],
    [{ publication: 'withheld' }, '2025-03-14', 'withheld'],
    [{ publication: 'delayed' }, '2025-03-14', 'delayed'],
    [{ archived: '2026-04-01' }, '2026-04-02', 'archived'],
    [{ publication: 'nonsense' }, '2025-03-14', undefined],
  ])('%o on %s is %s', (over, today, expected) => expect(reviewState(report(over), today)).toBe(expected));
});

describe('archivalDueDate', () => {
  it.each<[Partial<ReportLike>, string | undefined]>([
    [{}, '2026-03-14'],
    [{ published: '2024-02-29' }, '2025-02-28'],
    [{ archived: '2026-04-01' }, undefined],
    [{ publication: 'withheld' }, undefined],
  ])('%o is due for archival on %s', (over, expected) => expect(archivalDueDate(report(over), 12, '2026-11-23')).toBe(expected));
});

describe('planIsPublic (today is 23 November 2026)', () => {
  const today = '2026-11-23';
  const approved = { publicProgressApproved: '2026-02-01' };
  it.each<[string | undefined, PlanLike, boolean]>([
    ['published', approved, true],
    ['archived', approved, true],
    ['external', approved, true],
    ['published', { ...approved, draft: false }, true],
    ['published', { ...approved, draft: true }, false],
    ['withheld', approved, false],
    ['withheld', { ...approved, publishWhenWithheld: true }, true],
    ['delayed', { ...approved, publishWhenWithheld: true }, false],
    [undefined, approved, false],
    ['something-new', approved, false],
    // The partners' approval to publish progress: without it, or dated after today, partners only.
    ['published', {}, false],
    ['archived', {}, false],
    ['external', {}, false],
    ['withheld', { publishWhenWithheld: true }, false],
    ['published', { publicProgressApproved: today }, true],
    ['published', { publicProgressApproved: '2026-11-24' }, false],
    ['published', { publicProgressApproved: undefined }, false],
    ['published', { publicProgressApproved: '' }, false],
    ['published', { publicProgressApproved: '2026-02-30' }, false],
    ['published', { publicProgressApproved: 'yes' }, false],
    ['published', { publicProgressApproved: true } as unknown as PlanLike, false],
  ])('review %s, plan %o: %s', (state, plan, expected) => expect(planIsPublic(state, plan, today)).toBe(expected));
});
