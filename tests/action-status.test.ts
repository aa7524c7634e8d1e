import { describe, expect, it } from 'vitest';
import type { ActionPlan } from '../src/schemas/action-plan.ts';
import { REVIEW_TYPE_RULES, REVIEW_TYPES } from '../src/schemas/documents.ts';
import {
  actionFlags,
  currentTimescale,
  DEFAULT_MONITORING,
  disseminationFlags,
  latestRevision,
  planFlags,
  ragRating,
  reportFlags,
  slippage,
  slippageText,
  type Rag,
  type Slippage,
} from '../src/utils/action-status.ts';

const today = '2026-03-14';
type A = Parameters<typeof actionFlags>[0];
const action = (over: Partial<A>): A => ({ id: 'R1.1', timescale: '2026-06-30', status: 'in-progress', ...over });

/** The action's flag kinds today, the days of its first flag, and its rating. */
function expectFlagsAndRag(a: A, kinds: string[], rag: Rag, days: number | undefined) {
  const flags = actionFlags(a, today, DEFAULT_MONITORING);
  expect(flags.map((f) => f.kind)).toEqual(kinds);
  expect(flags[0]?.days).toBe(days);
  expect(ragRating(a, today, DEFAULT_MONITORING).rag).toBe(rag);
}

describe('action flags and RAG rating (today is 14 March 2026, due-soon 28 days, assurance 30 days)', () => {
  it.each<[string, Partial<A>, string[], Rag, number | undefined]>([
    // [case, action, flag kinds, rag, days of the first flag]
    ['overdue by one day', { timescale: '2026-03-13' }, ['overdue'], 'red', 1],
    ['overdue, not started, day-first form', { timescale: '28/02/2026', status: 'not-started' }, ['overdue'], 'red', 14],
    ['overdue by a quarter written Q4 2025', { timescale: 'Q4 2025' }, ['overdue'], 'red', 73],
    ['due today is due soon, not overdue', { timescale: '2026-03-14' }, ['due-soon'], 'amber', 0],
    ['due on the last day of the window', { timescale: '2026-04-11' }, ['due-soon'], 'amber', 28],
    ['due the day after the window: not yet due', { timescale: '2026-04-12' }, [], 'grey', undefined],
    ['due at the end of March 2026', { timescale: 'March 2026' }, ['due-soon'], 'amber', 17],
    ['not yet due', { timescale: '2025/26 Q4', status: 'not-started' }, ['due-soon'], 'amber', 17],
    ['far from due', { timescale: 'Q4 2026' }, [], 'grey', undefined],
    ['ongoing, review date passed', { timescale: 'ongoing', reviewBy: '2026-03-01' }, ['review-date-passed'], 'amber', 13],
    ['ongoing, review date today: not passed', { timescale: 'ongoing', reviewBy: '2026-03-14' }, [], 'amber', undefined],
    ['ongoing, review date far off', { timescale: 'ongoing', reviewBy: '2026-09-01' }, [], 'grey', undefined],
    ['complete within timescale, recently', { status: 'complete', timescale: '2026-03-31', completedOn: '2026-03-01' }, [], 'green', undefined],
    ['complete exactly 30 days ago: not yet flagged', { status: 'complete', timescale: '2026-03-31', completedOn: '2026-02-12' }, [], 'green', undefined],
    ['complete 31 days ago: awaiting assurance', { status: 'complete', timescale: '2026-03-31', completedOn: '2026-02-11' }, ['awaiting-assurance'], 'amber', 31],
    ['complete after its timescale (not overdue: it is done)', { status: 'complete', timescale: '2026-01-31', completedOn: '2026-03-01' }, [], 'amber', undefined],
    ['complete, ongoing timescale', { status: 'complete', timescale: 'ongoing', reviewBy: '2026-01-01', completedOn: '2026-03-01' }, [], 'green', undefined],
    ['assured, even after its timescale', { status: 'assured', timescale: '2025-01-31', completedOn: '2025-03-01' }, [], 'green', undefined],
    ['withdrawn, even after its timescale', { status: 'withdrawn', timescale: '2025-01-31' }, [], 'grey', undefined],
  ])('%s', (_, over, kinds, rag, days) => expectFlagsAndRag(action(over), kinds, rag, days));

  it('uses the configured windows', () => {
    const monitoring = { ...DEFAULT_MONITORING, dueSoonDays: 7, awaitingAssuranceDays: 5 };
    expect(actionFlags(action({ timescale: '2026-03-31' }), today, monitoring)).toEqual([]);
    expect(ragRating(action({ timescale: '2026-03-31' }), today, monitoring).rag).toBe('grey');
    expect(actionFlags(action({ status: 'complete', completedOn: '2026-03-08' }), today, monitoring).map((f) => f.kind)).toEqual([
      'awaiting-assurance',
    ]);
  });

  it('says how late an overdue action is, in words', () => {
    const [flag] = actionFlags(action({ timescale: '31/01/2026' }), today);
    expect(flag?.message).toBe('is 42 days overdue: its timescale ended on 31 January 2026 and it is still in-progress');
    expect(ragRating(action({ timescale: '31/01/2026' }), today).reason).toBe('overdue by 42 days');
  });
});

describe('revised timescales: judged against the latest (today is 14 March 2026)', () => {
  const rev = (date: string, timescale: string) => ({ date, timescale });
  it.each<[string, Partial<A>, string[], Rag, number | undefined]>([
    // [case, action, flag kinds, rag, days of the first flag]
    ['never revised: the timescale first agreed', { timescale: '2026-01-31' }, ['overdue'], 'red', 42],
    ['revised later: no longer overdue', { timescale: '2026-01-31', revisions: [rev('2026-01-20', '2026-06-30')] }, [], 'grey', undefined],
    ['revised, and the new timescale has passed too: overdue from the new one', { timescale: '2025-12-31', revisions: [rev('2025-12-20', 'February 2026')] }, ['overdue'], 'red', 14],
    ['revised into the due-soon window', { timescale: '2026-01-31', revisions: [rev('2026-01-20', '31/03/2026')] }, ['due-soon'], 'amber', 17],
    ['revised twice: the latest counts, not the furthest', { timescale: '2026-01-31', revisions: [rev('2026-01-10', '2026-12-31'), rev('2026-03-01', '2026-03-10')] }, ['overdue'], 'red', 4],
    ['listed out of date order: the latest by date counts', { timescale: '2026-01-31', revisions: [rev('2026-03-01', '2026-03-10'), rev('2026-01-10', '2026-12-31')] }, ['overdue'], 'red', 4],
    ['two revisions on one day: the one listed later counts', { timescale: '2026-01-31', revisions: [rev('2026-03-01', '2026-12-31'), rev('2026-03-01', '2026-03-10')] }, ['overdue'], 'red', 4],
    ['brought forward: overdue sooner', { timescale: '2026-12-31', revisions: [rev('2026-01-10', '2026-03-01')] }, ['overdue'], 'red', 13],
    ['complete after the first timescale, within the revised one: green', { status: 'complete', timescale: '2026-01-31', completedOn: '2026-03-01', revisions: [rev('2026-01-20', '2026-03-31')] }, [], 'green', undefined],
    ['complete after the revised timescale: amber', { status: 'complete', timescale: '2026-01-31', completedOn: '2026-03-01', revisions: [rev('2026-01-20', '2026-02-15')] }, [], 'amber', undefined],
    ['assured: revisions do not matter', { status: 'assured', timescale: '2025-01-31', completedOn: '2026-03-01', assuredOn: '2026-03-10', impact: [{}], revisions: [rev('2025-01-20', '2025-06-30')] }, [], 'green', undefined],
  ])('%s', (_, over, kinds, rag, days) => expectFlagsAndRag(action(over), kinds, rag, days));

  it('says in the overdue flag how far the timescale has moved', () => {
    const [flag] = actionFlags(action({ timescale: '2025-12-31', revisions: [rev('2025-12-20', 'February 2026')] }), today);
    expect(flag?.message).toBe(
      'is 14 days overdue: its timescale ended on 28 February 2026 and it is still in-progress. The timescale was revised once, now 59 days later than first agreed (31 December 2025)',
    );
  });

  it.each<[string, Partial<A>, Slippage, string]>([
    ['never revised', { timescale: 'Q1 2026' }, { revisions: 0, originalDue: '2026-03-31', due: '2026-03-31', days: undefined }, ''],
    ['revised once, later', { timescale: 'Q1 2026', revisions: [rev('2026-03-01', 'June 2026')] }, { revisions: 1, originalDue: '2026-03-31', due: '2026-06-30', days: 91 }, 'revised once, now 91 days later than first agreed (31 March 2026)'],
    ['revised twice, back to the first date', { timescale: '2026-03-31', revisions: [rev('2026-03-01', 'June 2026'), rev('2026-03-10', '31/03/2026')] }, { revisions: 2, originalDue: '2026-03-31', due: '2026-03-31', days: 0 }, 'revised twice, now the same day as first agreed (31 March 2026)'],
    ['brought forward', { timescale: '2026-03-31', revisions: [rev('2026-01-01', '2026-03-30'), rev('2026-01-02', '2026-03-29'), rev('2026-01-03', '2026-03-21')] }, { revisions: 3, originalDue: '2026-03-31', due: '2026-03-21', days: -10 }, 'revised 3 times, now 10 days earlier than first agreed (31 March 2026)'],
    ['first agreed as ongoing (not allowed by the schema): no days', { timescale: 'ongoing', revisions: [rev('2026-01-01', '2026-06-30')] }, { revisions: 1, originalDue: undefined, due: '2026-06-30', days: undefined }, 'revised once'],
  ])('slippage: %s', (_, over, expected, text) => {
    const a = action(over);
    expect(slippage(a)).toEqual(expected);
    expect(slippageText(slippage(a))).toBe(text);
    expect(currentTimescale(a)).toBe(latestRevision(a.revisions)?.timescale ?? a.timescale);
  });
});

describe('evidence of impact: assured more than 6 months ago without it (today is 14 March 2026)', () => {
  const assured = { status: 'assured' as const, timescale: '2025-06-30', completedOn: '2025-06-01' };
  it.each<[string, Partial<A>, number | undefined, Partial<typeof DEFAULT_MONITORING>?]>([
    ['assured 6 months and a day ago, no impact evidence', { ...assured, assuredOn: '2025-09-13' }, 182],
    ['assured exactly 6 months ago: not yet', { ...assured, assuredOn: '2025-09-14' }, undefined],
    ['assured long ago, with impact evidence', { ...assured, assuredOn: '2024-01-10', impact: [{ measure: 'm' }] }, undefined],
    ['assured long ago, an empty impact list', { ...assured, assuredOn: '2024-01-10', impact: [] }, 794],
    ['complete, not assured: no impact flag (awaiting assurance instead)', { status: 'complete', timescale: '2025-06-30', completedOn: '2025-06-01' }, undefined],
    ['withdrawn: no flag', { status: 'withdrawn', timescale: '2025-06-30' }, undefined],
    ['a shorter setting: 3 months', { ...assured, assuredOn: '2025-12-13' }, 91, { impactAfterMonths: 3 }],
    ['a longer setting: 12 months', { ...assured, assuredOn: '2025-09-13' }, undefined, { impactAfterMonths: 12 }],
    ['the end of a month: 31 August plus 6 months is 28 February', { ...assured, assuredOn: '2025-08-31' }, 195],
  ])('%s', (_, over, days, monitoring = {}) => {
    const flags = actionFlags(action(over), today, { ...DEFAULT_MONITORING, ...monitoring }).filter((f) => f.kind === 'no-impact-evidence');
    expect(flags.map((f) => f.days)).toEqual(days === undefined ? [] : [days]);
    if (days !== undefined) expect(flags[0]?.date).toBe(over.assuredOn);
    // The RAG rating does not change: an assured action is green.
    if (over.status === 'assured') expect(ragRating(action(over), today).rag).toBe('green');
  });
});

const plan = (over: Partial<ActionPlan> = {}, statuses: string[] = ['in-progress'], updates: string[] = []): ActionPlan => ({
  review: 'child-c',
  draft: false,
  publishWhenWithheld: false,
  agreed: '2025-06-12',
  recommendations: [
    {
      id: 'R1',
      text: 'A recommendation.',
      actions: statuses.map((status, i) => ({
        id: `R1.${i + 1}`,
        issue: 'i',
        action: 'a',
        owner: ['icb'],
        outcome: 'o',
        timescale: '2026-12-31',
        revisions: [],
        impact: [],
        status: status as 'in-progress',
        ...(status === 'assured' ? { evidence: 'e', completedOn: '2025-07-01', assuredOn: '2025-08-01' } : {}),
        updates: i === 0 ? updates.map((date) => ({ date, note: 'n' })) : [],
      })),
    },
  ],
  dissemination: [],
  ...over,
});

describe('plan flags: no update for 90 days', () => {
  it.each<[string, ActionPlan, number | undefined]>([
    ['no updates since agreed long ago', plan(), 275],
    ['last update 90 days ago', plan({}, ['in-progress'], ['2025-10-01', '2025-12-14']), 90],
    ['last update 89 days ago', plan({}, ['in-progress'], ['2025-12-15']), undefined],
    ['updates out of order: the latest counts', plan({}, ['in-progress'], ['2026-03-01', '2025-01-01']), undefined],
    ['every action assured or withdrawn: nothing to chase', plan({}, ['assured', 'withdrawn']), undefined],
    ['a draft plan is not monitored', plan({ draft: true }), undefined],
  ])('%s', (_, p, days) => {
    const flags = planFlags(p, today);
    expect(flags.map((f) => f.days)).toEqual(days === undefined ? [] : [days]);
    if (days !== undefined) expect(flags[0]?.kind).toBe('stale-plan');
  });
});

describe('dissemination flags', () => {
  it.each([
    ['past due, not done', { due: '2026-03-01' }, 13],
    ['due today', { due: '2026-03-14' }, undefined],
    ['past due but done', { due: '2026-03-01', done: '2026-03-02' }, undefined],
    ['done late still counts as done', { due: '2026-01-01', done: '2026-03-10' }, undefined],
  ])('%s', (_, over, days) => {
    const flags = disseminationFlags({ activity: 'Briefing', audience: ['icb'], ...over }, today);
    expect(flags.map((f) => f.days)).toEqual(days === undefined ? [] : [days]);
  });
});

describe('report flags: may now be archived, and publication notice', () => {
  const base = {
    type: 'lcspr',
    publication: 'published',
    published: '2025-03-14',
    sentToPanel: '2025-03-03',
    draft: false,
  } as const;
  const keep = { decided: '2026-03-14', reason: 'Used in current training', lookAgain: '2026-09-14' };
  it.each<[string, Record<string, unknown>, string[], (string | undefined)[]]>([
    ['on the site exactly 12 months: may now be archived', {}, ['may-archive'], ['2026-03-14']],
    ['12 months less a day: not yet', { published: '2025-03-15', sentToPanel: '2025-03-03' }, [], []],
    ['already archived: answered', { archived: '2026-03-14' }, [], []],
    ['archival set for a later day: answered', { archived: '2026-04-01' }, [], []],
    ['kept published, decided today: answered', { keepPublished: keep }, [], []],
    ['withheld report: no flags', { publication: 'withheld' }, [], []],
    ['draft: no flags', { draft: true, sentToPanel: undefined }, [], []],
    ['no sentToPanel', { published: '2026-02-01', sentToPanel: undefined }, ['publication-notice'], [undefined]],
    // Sent Monday 2 March 2026; 7 working days later is Wednesday 11 March.
    ['published 7 working days after sending: fine', { published: '2026-03-11', sentToPanel: '2026-03-02' }, [], []],
    ['published 6 working days after sending', { published: '2026-03-10', sentToPanel: '2026-03-02' }, ['publication-notice'], ['2026-03-11']],
    // Sent Thursday 20 March 2024: Good Friday and Easter Monday do not count; earliest is Tuesday 2 April.
    ['Easter does not count', { published: '2024-03-28', sentToPanel: '2024-03-20' }, ['publication-notice'], ['2024-04-02']],
    ['Easter counted properly', { published: '2024-04-02', sentToPanel: '2024-03-20' }, [], []],
    // Sent 12 September 2022; the Queen's funeral day (19th) does not count; earliest is the 22nd.
    ['the one-off holiday of 19 September 2022 does not count', { published: '2022-09-21', sentToPanel: '2022-09-12' }, ['publication-notice'], ['2022-09-22']],
    ['sent after it was published', { published: '2026-03-02', sentToPanel: '2026-03-10' }, ['publication-notice'], ['2026-03-19']],
  ])('%s', (_, over, kinds, dates) => {
    const report = { ...base, ...over } as Parameters<typeof reportFlags>[0];
    const flags = reportFlags(report, today);
    const relevant = flags.filter((f) => !(f.kind === 'may-archive' && !kinds.includes('may-archive')));
    expect(relevant.map((f) => f.kind)).toEqual(kinds);
    expect(relevant.map((f) => f.date)).toEqual(dates);
  });

  it('the question returns on the day to look again, pointing at the earlier decision', () => {
    const asked = reportFlags({ ...base, keepPublished: keep }, '2026-09-14');
    expect(asked.map((f) => [f.kind, f.date, f.days])).toEqual([['may-archive', '2026-09-14', 0]]);
    expect(asked[0]?.message).toMatch(/^may now be archived: on 14 March 2026 the partners decided to keep it published \("Used in current training"\) and to look again on 14 September 2026, 0 days ago\. /);
    expect(reportFlags({ ...base, keepPublished: keep }, '2026-09-13')).toEqual([]);
  });

  it('says the report may now be archived and how to answer, never that archival is due', () => {
    const [flag] = reportFlags(base, '2026-05-01');
    expect(flag?.message).toBe(
      "may now be archived: published on 14 March 2025, it has been on the site for the minimum of 12 months since 14 March 2026. Archive it (archived: with the day) or record the partners' decision to keep it published (keepPublished: decided, reason, lookAgain)",
    );
    expect(flag?.days).toBe(48);
  });

  it('says plainly when the report was sent after publication, never a negative count', () => {
    const [flag] = reportFlags({ ...base, published: '2026-03-02', sentToPanel: '2026-03-10' }, today);
    expect(flag?.message).toContain('before it was sent');
    expect(flag?.message).not.toMatch(/-\d/);
  });

  it('names the earliest publication date', () => {
    const [flag] = reportFlags({ ...base, published: '2026-03-10', sentToPanel: '2026-03-02' }, today);
    expect(flag?.message).toContain('only 6 working days');
    expect(flag?.message).toContain('the earliest publication date is 11 March 2026');
  });
});

describe('the 7-working-day notice follows REVIEW_TYPE_RULES, never the date', () => {
  // Published only 3 working days after it was sent (Monday 2 to Thursday 5 March 2026), and once with no date at all.
  const late = { publication: 'published', published: '2026-03-05', sentToPanel: '2026-03-02', draft: false } as const;
  it.each(REVIEW_TYPES.map((type) => [type, REVIEW_TYPE_RULES[type].panelNotice] as const))('%s: notice flagged = %s', (type, applies) => {
    const kinds = (r: Parameters<typeof reportFlags>[0]) => reportFlags(r, today).map((f) => f.kind);
    expect(kinds({ ...late, type })).toEqual(applies ? ['publication-notice'] : []);
    expect(kinds({ ...late, type, sentToPanel: undefined })).toEqual(applies ? ['publication-notice'] : []);
  });

  it('a serious case review published in 2021, under transitional arrangements, is held to the notice like any other', () => {
    const flags = reportFlags({ ...late, type: 'scr', published: '2021-03-05', sentToPanel: '2021-03-02' }, '2021-03-10');
    expect(flags.map((f) => f.kind)).toEqual(['publication-notice']);
  });

  it('the message names the kind of review when the date is missing', () => {
    const [flag] = reportFlags({ ...late, type: 'scr', sentToPanel: undefined }, today);
    expect(flag?.message).toMatch(/^has no sentToPanel date: the report of a serious case review must reach the Panel, Ofsted and the DfE at least 7 working days before/);
  });
});
