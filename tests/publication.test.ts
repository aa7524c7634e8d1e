import { describe, expect, it } from 'vitest';
import {
  archivalEligibleFrom,
  archivalProblems,
  archivalStatus,
  documentVisibility,
  isArchived,
  planIsPublic,
  reportBodyVisibility,
  reviewState,
  type ArchivalInput,
  type ArchivalStatus,
  type PlanLike,
  type ReportLike,
} from '../src/utils/publication.ts';
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

describe('isArchived: from the archived day on', () => {
  it.each<[string | undefined, string, boolean]>([
    [undefined, '2030-01-01', false],
    ['2026-04-01', '2026-03-31', false],
    ['2026-04-01', '2026-04-01', true],
    ['2026-04-01', '2026-04-02', true],
  ])('archived %s, today %s: %s', (archived, today, expected) => expect(isArchived({ archived }, today)).toBe(expected));
});

describe('archivalEligibleFrom: the minimum period, in calendar months', () => {
  it.each([
    ['2025-03-14', 12, '2026-03-14'],
    ['2024-02-29', 12, '2025-02-28'], // no 29 February in 2025: the last day of the month
    ['2025-01-31', 13, '2026-02-28'],
    ['2023-03-14', 36, '2026-03-14'],
  ])('published %s, %i months: may be archived from %s', (published, months, expected) => expect(archivalEligibleFrom(published, months)).toBe(expected));
});

describe('archivalStatus: 12 months is a minimum, not a deadline (published 14 March 2025, 12 months)', () => {
  const keep = { decided: '2026-04-01', reason: 'Used in current training', lookAgain: '2027-04-01' };
  const input = (over: Partial<ArchivalInput> = {}): ArchivalInput => ({ publication: 'published', published: '2025-03-14', ...over });
  it.each<[string, Partial<ArchivalInput>, string, ArchivalStatus]>([
    ['the day before it may be archived', {}, '2026-03-13', { status: 'not-yet-eligible', eligible: '2026-03-14' }],
    ['the first day it may be archived: the question is asked', {}, '2026-03-14', { status: 'may-archive', eligible: '2026-03-14', since: '2026-03-14' }],
    ['years later, still unanswered: still a question, never "overdue"', {}, '2029-01-01', { status: 'may-archive', eligible: '2026-03-14', since: '2026-03-14' }],
    ['kept published: answered until the day to look again', { keepPublished: keep }, '2026-04-01', { status: 'kept', eligible: '2026-03-14', decision: keep }],
    ['kept published, the day before looking again', { keepPublished: keep }, '2027-03-31', { status: 'kept', eligible: '2026-03-14', decision: keep }],
    ['kept published, the day to look again: the question returns', { keepPublished: keep }, '2027-04-01', { status: 'may-archive', eligible: '2026-03-14', since: '2027-04-01', previous: keep }],
    ['a decision dated after today does not count yet', { keepPublished: keep }, '2026-03-20', { status: 'may-archive', eligible: '2026-03-14', since: '2026-03-14' }],
    ['archived: answered for good', { archived: '2026-05-01' }, '2026-05-01', { status: 'archived', archived: '2026-05-01' }],
    ['archived after a decision to keep it: the later decision wins', { keepPublished: keep, archived: '2027-04-10' }, '2027-05-01', { status: 'archived', archived: '2027-04-10' }],
    ['an archived day still to come answers the question', { archived: '2026-06-01' }, '2026-03-20', { status: 'archive-scheduled', eligible: '2026-03-14', archived: '2026-06-01' }],
    ['withheld: no report on the site, nothing to archive', { publication: 'withheld' }, '2029-01-01', { status: 'not-applicable' }],
    ['delayed: nothing to archive', { publication: 'delayed' }, '2029-01-01', { status: 'not-applicable' }],
  ])('%s', (_name, over, today, expected) => expect(archivalStatus(input(over), today, 12)).toEqual(expected));

  it('follows a longer local minimum (36 months)', () => {
    expect(archivalStatus(input(), '2027-03-14', 36)).toEqual({ status: 'not-yet-eligible', eligible: '2028-03-14' });
    expect(archivalStatus(input(), '2028-03-14', 36)).toMatchObject({ status: 'may-archive', since: '2028-03-14' });
  });
});

describe('archivalProblems: never before 12 months, and a keep-published decision that answers the question', () => {
  const today = '2026-11-23';
  const input = (over: Partial<ArchivalInput> = {}): ArchivalInput => ({ publication: 'published', published: '2025-03-14', ...over });
  const keep = (over: Partial<NonNullable<ArchivalInput['keepPublished']>> = {}) => ({ decided: '2026-04-01', reason: 'Used in training', lookAgain: '2027-04-01', ...over });
  it.each<[string, Partial<ArchivalInput>, string[]]>([
    ['nothing recorded', {}, []],
    ['archived on the first day allowed', { archived: '2026-03-14' }, []],
    ['archived a day too early', { archived: '2026-03-13' }, ['archived']],
    ['archived before it was published', { archived: '2025-03-01' }, ['archived']],
    ['a valid decision to keep it', { keepPublished: keep() }, []],
    ['decided on the first day the question arises', { keepPublished: keep({ decided: '2026-03-14' }) }, []],
    ['decided before the question arises', { keepPublished: keep({ decided: '2026-03-13' }) }, ['keepPublished.decided']],
    ['decided after today', { keepPublished: keep({ decided: '2026-11-24', lookAgain: '2027-11-24' }) }, ['keepPublished.decided']],
    ['lookAgain on the day decided', { keepPublished: keep({ lookAgain: '2026-04-01' }) }, ['keepPublished.lookAgain']],
    ['lookAgain before decided', { keepPublished: keep({ lookAgain: '2026-03-31' }) }, ['keepPublished.lookAgain']],
    ['archived after the decision to keep it: allowed, archiving replaces it', { keepPublished: keep(), archived: '2026-09-01' }, []],
    ['archived on the day of the decision: allowed', { keepPublished: keep(), archived: '2026-04-01' }, []],
    ['archived before the decision to keep it: contradictory', { keepPublished: keep(), archived: '2026-03-20' }, ['archived']],
    ['a withheld report cannot be kept published', { publication: 'withheld', keepPublished: keep() }, ['keepPublished']],
  ])('%s', (_name, over, fields) => {
    expect(archivalProblems(input(over), 12, today).map((p) => p.path.join('.'))).toEqual(fields);
  });

  it('says what was wrong and what is accepted, with the dates written out', () => {
    const [early] = archivalProblems(input({ archived: '2026-03-13' }), 12, today);
    expect(early?.message).toBe(
      'is 13 March 2026, before 14 March 2026: a report stays on the site for at least 12 months after it is published (14 March 2025). Use 2026-03-14 or a later day',
    );
    const [decided] = archivalProblems(input({ keepPublished: keep({ decided: '2025-12-01' }) }), 12, today);
    expect(decided?.message).toMatch(/^is 1 December 2025, before the report may first be archived \(14 March 2026, .*on or after 2026-03-14$/);
    const [look] = archivalProblems(input({ keepPublished: keep({ lookAgain: '2026-03-31' }) }), 12, today);
    expect(look?.message).toMatch(/must be after decided \(1 April 2026\)/);
  });

  it('uses the local minimum when it is longer than 12 months', () => {
    expect(archivalProblems(input({ archived: '2027-03-13' }), 24, today).map((p) => p.path.join('.'))).toEqual(['archived']);
    expect(archivalProblems(input({ archived: '2027-03-14' }), 24, today)).toEqual([]);
  });
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
