/**
 * What the dashboard pages and components show (src/utils/dashboard/view.ts): the pages only
 * render these, so the filtering, ordering, counting and sentences are tested here. Entries are
 * built with the checker's own functions (tests/support/dashboard-entries.ts).
 */
import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES } from '../src/schemas/action-plan.ts';
import { FLAG_KINDS, FLAG_LABELS, type FlagKind } from '../src/utils/action-status.ts';
import { countByStatusAndRag } from '../src/utils/action-counts.ts';
import { daysOverdue, lateFirst, progress, windowOf, WINDOWS } from '../src/utils/dashboard/aggregate.ts';
import { ragChart } from '../src/utils/dashboard/charts.ts';
import { archivalSummary, keptSummary } from '../src/utils/dashboard/sentences.ts';
import {
  actionCardView,
  actionRows,
  agenciesView,
  agenciesWithActions,
  agencyView,
  allActionsView,
  allEntries,
  filterLinkGroups,
  overviewView,
  ownersByName,
  partnersPlanView,
  planProgressView,
  planTitles,
  progressApprovalText,
  publicOverviewView,
  recommendationView,
  revisedText,
  statusView,
  windowView,
  type FlagView,
} from '../src/utils/dashboard/view.ts';
import { TODAY, entry } from './support/dashboard-entries.ts';

const NAMES: Record<string, string> = { police: 'Example Constabulary', icb: 'Integrated Care Board', council: 'Borough Council' };
const agencyName = (id: string) => NAMES[id] ?? id;
const agencies = Object.entries(NAMES).map(([id, name]) => ({ id, name }));
const paths = {
  publicPlan: (slug: string) => `/reviews/${slug}/actions/`,
  partnersPlan: (slug: string) => `/partners/reviews/${slug}/`,
  partnersAgency: (id: string) => `/partners/agencies/${id}/`,
  partnersActions: '/partners/actions/',
  partnersWindow: (w: string) => `/partners/actions/due/${w}/`,
  partnersStatus: (s: string) => `/partners/actions/status/${s}/`,
};

const planA = {
  slug: 'child-a',
  title: 'Child A',
  entries: [
    entry({ id: 'R1.1', status: 'in-progress', timescale: '2026-09-30', updates: ['2026-06-01', '2026-08-01'] }), // overdue
    entry({ id: 'R1.2', status: 'not-started', timescale: '2026-11-22', owner: ['icb', 'police'] }), // overdue 1 day, two owners
    entry({ id: 'R1.3', status: 'in-progress', timescale: '2026-12-10', owner: 'icb' }), // due soon
  ],
  dissemination: [
    { activity: 'Briefing', audience: ['police', 'icb'], due: '2026-01-01', done: '2026-01-02' },
    { activity: 'Audit', audience: ['icb'], due: '2026-02-01' },
    { activity: 'Conference', audience: ['council'], due: '2027-02-01' },
  ],
};
const planB = {
  slug: 'child-b',
  title: 'Child B',
  entries: [
    entry({ id: 'R1.1', review: 'child-b', status: 'complete', timescale: '2026-06-30', completedOn: '2026-05-01', evidence: 'Audit report' }), // awaiting assurance
    entry({ id: 'R1.2', review: 'child-b', status: 'assured', timescale: '2026-03-31', completedOn: '2026-03-01', assuredOn: '2026-04-02', owner: 'council' }),
    entry({ id: 'R2.1', review: 'child-b', status: 'withdrawn', timescale: '2026-12-31' }),
    entry({ id: 'R2.2', review: 'child-b', status: 'not-started', timescale: '2027-01-31', owner: 'icb' }),
    // Revised twice: first agreed for 30 September 2026, now 31 March 2027 (182 days later).
    entry({ id: 'R2.3', review: 'child-b', status: 'in-progress', timescale: '2026-09-30', revisions: [['2026-09-01', '30/11/2026'], ['2026-11-20', 'Q1 2027']], owner: ['council', 'icb'] }),
    // Revised once, and overdue against the new timescale.
    entry({ id: 'R2.4', review: 'child-b', status: 'in-progress', timescale: 'October 2026', revisions: [['2026-10-20', '2026-11-13']], owner: 'council' }),
  ],
  dissemination: [],
};
const plans = [planA, planB];
const all = allEntries(plans);

const flag = (kind: FlagKind, review: string, more: Partial<FlagView> = {}): FlagView => ({ kind, review, message: `${kind} message`, ...more });
const flags: FlagView[] = [
  flag('overdue', 'child-a', { actionId: 'R1.1', days: 54 }),
  flag('dissemination-overdue', 'child-a', { activity: 'Audit', days: 295 }),
  flag('stale-plan', 'child-a'),
  flag('may-archive', 'child-old', { date: '2026-03-14', days: 254 }),
  flag('review-date-passed', 'child-b', { actionId: 'R2.2' }),
  flag('case-overdue', 'child-a', { date: '2026-06-17', days: 159 }), // a case file beside the plan
];

describe('plans, titles and owners', () => {
  it('lists every action plan by plan and the titles by slug', () => {
    expect(all.map((e) => `${e.review} ${e.action.id}`)).toEqual(plans.flatMap((p) => p.entries.map((e) => `${p.slug} ${e.action.id}`)));
    expect([...planTitles(plans)]).toEqual([
      ['child-a', 'Child A'],
      ['child-b', 'Child B'],
    ]);
  });

  it('lists each owning agency once, by name', () => {
    const owners = ownersByName(all, agencyName);
    expect(owners.map((o) => o.name)).toEqual([...new Set(all.flatMap((e) => e.action.owner.map(agencyName)))].sort((a, b) => a.localeCompare(b)));
    expect(owners.find((o) => o.id === 'icb')).toEqual({ id: 'icb', name: NAMES.icb });
  });
});

describe('filter links', () => {
  const groups = filterLinkGroups(all, planTitles(plans), TODAY, agencyName, paths);

  it('has four groups, each link counting its actions, links to no action left out', () => {
    expect(groups.map((g) => g.title)).toEqual(['Timescale', 'Status', 'Review', 'Agency']);
    for (const g of groups) for (const l of g.links) expect(l.n).toBeGreaterThan(0);
    const windows = groups[0]!.links;
    expect(windows.map((l) => l.href)).toEqual(WINDOWS.filter((w) => all.some((e) => windowOf(e, TODAY) === w)).map(paths.partnersWindow));
    expect(windows.reduce((n, l) => n + l.n, 0)).toBe(all.length);
    const statuses = groups[1]!.links;
    const counts = countByStatusAndRag(all).byStatus;
    expect(statuses.map((l) => l.n)).toEqual(ACTION_STATUSES.filter((s) => counts[s] > 0).map((s) => counts[s]));
    expect(groups[2]!.links).toEqual(plans.map((p) => ({ href: paths.partnersPlan(p.slug), text: p.title, n: p.entries.length })));
    expect(groups[3]!.links.map((l) => l.text)).toEqual(ownersByName(all, agencyName).map((o) => o.name));
  });

  it('counts an action with several owners under each of its agencies', () => {
    const byAgency = new Map(groups[3]!.links.map((l) => [l.text, l.n]));
    for (const a of agencies) expect(byAgency.get(a.name), a.id).toBe(all.filter((e) => e.action.owner.includes(a.id)).length);
    const sum = [...byAgency.values()].reduce((n, v) => n + v, 0);
    expect(sum).toBe(all.reduce((n, e) => n + e.action.owner.length, 0));
    expect(sum).toBeGreaterThan(all.length);
  });
});

describe('action tables and cards', () => {
  it('gives each row its review, links, owner, window and days overdue', () => {
    const rows = actionRows(planA.entries, planTitles(plans), TODAY, agencyName, paths);
    expect(rows.map((r) => r.entry)).toEqual(planA.entries);
    expect(rows[0]).toMatchObject({
      title: 'Child A',
      href: '/partners/reviews/child-a/#action-R1.1',
      owners: [{ id: 'police', name: NAMES.police, href: '/partners/agencies/police/' }],
      ownerIds: 'police',
    });
    expect(rows[1]).toMatchObject({
      owners: [
        { id: 'icb', name: NAMES.icb, href: '/partners/agencies/icb/' },
        { id: 'police', name: NAMES.police, href: '/partners/agencies/police/' },
      ],
      ownerIds: 'icb police',
    });
    expect(rows.map((r) => r.window)).toEqual(planA.entries.map((e) => windowOf(e, TODAY)));
    expect(rows.map((r) => r.overdueDays)).toEqual(planA.entries.map(daysOverdue));
    expect(actionRows(planA.entries, new Map(), TODAY, agencyName, paths)[0]!.title).toBe('child-a');
    expect(rows.map((r) => r.revised)).toEqual([undefined, undefined, undefined]);
  });

  it('says how far a revised timescale has moved since it was first agreed', () => {
    const [r23, r24] = planB.entries.slice(4);
    expect(actionRows([r23!, r24!], planTitles(plans), TODAY, agencyName, paths).map((r) => r.revised)).toEqual([
      'Revised twice, now 182 days later than first agreed (30 September 2026)',
      'Revised once, now 13 days later than first agreed (31 October 2026)',
    ]);
    expect(revisedText(r23!, false)).toBe('Revised twice, now 182 days later than first agreed');
    expect(revisedText(planB.entries[0]!)).toBeUndefined();
    const card = actionCardView(r23!, agencyName, paths);
    expect(card.revised).toBe('Revised twice, now 182 days later than first agreed');
    expect(card.revisionsLatestFirst.map((r) => r.timescale)).toEqual(['Q1 2027', '30/11/2026']);
    expect(card.owners.map((o) => o.name)).toEqual([NAMES.council, NAMES.icb]);
    // Judged against the latest timescale: R2.4 is overdue since 13 November, not since 31 October.
    expect(daysOverdue(r24!)).toBe(10);
  });

  it('writes the days overdue on a card, singular for one, and the updates latest first', () => {
    const [a, b, c] = planA.entries;
    const card = (e: typeof a) => actionCardView(e!, agencyName, paths);
    expect(card(a).overdue).toBe(`${daysOverdue(a!)} days overdue`);
    expect(card(b).overdue).toBe('1 day overdue');
    expect(card(c).overdue).toBeUndefined();
    expect(card(a).updatesLatestFirst.map((u) => u.date)).toEqual(['2026-08-01', '2026-06-01']);
    expect([card(a).revised, card(a).revisionsLatestFirst]).toEqual([undefined, []]);
    expect(a!.action.updates.map((u) => u.date)).toEqual(['2026-06-01', '2026-08-01']);
  });
});

describe('public pages', () => {
  it('overview: a progress row per plan and every action by rating', () => {
    const v = publicOverviewView(plans, paths);
    expect(v.byReview.table.rows.map((r) => r[0])).toEqual(plans.map((p) => ({ text: p.title, href: paths.publicPlan(p.slug) })));
    expect(v.byReview.table.rows.map((r) => r[1])).toEqual(plans.map((p) => p.entries.length));
    expect(v.rag).toEqual(ragChart(countByStatusAndRag(all).byRag));
  });

  it('a plan: its progress and ratings', () => {
    expect(planProgressView(planB)).toEqual({ progress: progress(planB.entries), rag: ragChart(countByStatusAndRag(planB.entries).byRag) });
  });
});

describe('partners pages', () => {
  it('a plan: only the flags on the plan itself, and each activity with its audience and whether it is late', () => {
    const v = partnersPlanView(planA, flags, agencyName);
    expect(v.flags).toEqual(flags.filter((f) => f.review === 'child-a' && !f.actionId && !f.kind.startsWith('case-')));
    expect(v.flags.map((f) => f.kind)).toEqual(['dissemination-overdue', 'stale-plan']);
    expect(v.dissemination.map((d) => [d.activity, d.audience, d.late])).toEqual([
      ['Briefing', `${NAMES.police}; ${NAMES.icb}`, false],
      ['Audit', NAMES.icb, true],
      ['Conference', NAMES.council, false],
    ]);
    expect(v.progress).toEqual(progress(planA.entries));
  });

  it('all actions: late first, with the owners for the filter form and a caption', () => {
    const v = allActionsView(plans, agencyName);
    expect(v.entries).toEqual(lateFirst(all));
    expect(v.all).toEqual(all);
    expect(v.owners).toEqual(ownersByName(v.entries, agencyName));
    expect(v.caption).toBe(`All ${all.length} monitored actions, late ones first`);
  });

  it('a window and a status: only their actions, late first, counted in the caption', () => {
    for (const w of WINDOWS) {
      const v = windowView(plans, w, TODAY);
      const expected = all.filter((e) => windowOf(e, TODAY) === w);
      expect(v.entries).toEqual(lateFirst(expected));
      expect(v.all).toEqual(all);
      expect(v.caption).toMatch(new RegExp(`^${expected.length} actions?: `));
    }
    expect(windowView(plans, 'due-soon', TODAY).caption).toBe('1 action: due soon');
    const v = statusView(plans, 'in-progress');
    expect(v.entries.map((e) => e.action.status)).toEqual(all.filter((e) => e.action.status === 'in-progress').map(() => 'in-progress'));
    expect(v.caption).toBe(`${v.entries.length} actions: in progress`);
  });

  it('an agency: its actions across plans, late first, with progress, ratings and caption', () => {
    const v = agencyView(plans, { id: 'icb', name: NAMES.icb! });
    const mine = all.filter((e) => e.action.owner.includes('icb'));
    expect(mine.some((e) => e.action.owner.length > 1)).toBe(true);
    expect(v.entries).toEqual(lateFirst(mine));
    expect(v.progress).toEqual(progress(mine));
    expect(v.rag).toEqual(ragChart(countByStatusAndRag(mine).byRag));
    expect(v.caption).toBe(`All ${mine.length} actions owned by ${NAMES.icb} (alone or with other agencies), late ones first`);
  });

  it('agencies: pages only for agencies with actions; the chart has a row per such agency', () => {
    const withActions = agenciesWithActions(plans, [...agencies, { id: 'housing', name: 'Housing' }]);
    expect(withActions.map((a) => a.id)).toEqual(agencies.map((a) => a.id));
    const { chart } = agenciesView(plans, agencies, paths);
    expect(chart.table.rows).toHaveLength(agencies.length);
  });

  describe('overview', () => {
    const flagsByKind = Object.fromEntries(FLAG_KINDS.map((k) => [k, flags.filter((f) => f.kind === k).length])) as Record<FlagKind, number>;
    const monitoring = { dueSoonDays: 28, awaitingAssuranceDays: 90, archiveAfterMonths: 36, impactAfterMonths: 6 };
    const reviews = [
      { slug: 'child-a', report: { data: { title: 'Child A report', published: '2025-01-10' } } },
      { slug: 'child-old', report: { data: { title: 'Child Old', published: '2023-03-14' } } },
      { slug: 'child-b' },
    ];
    const kept = [{ slug: 'child-a', published: '2025-01-10', decision: { decided: '2026-02-02', reason: 'Used in current training', lookAgain: '2027-02-02' } }];
    const v = overviewView({ plans, flags, today: TODAY, monitoring, flagsByKind, draftActions: 2, reviews, kept, agencyName, paths });

    it('headline figures are the checker counts, linked', () => {
      expect(v.headline[0]).toEqual({ label: 'Actions monitored', value: all.length, href: paths.partnersActions });
      expect(v.headline.find((h) => h.label === FLAG_LABELS.overdue)?.value).toBe(flagsByKind.overdue);
      expect(v.headline.map((h) => h.label)).toContain(`Due within ${monitoring.dueSoonDays} days`);
      expect([v.actions, v.plans, v.draftActions]).toEqual([all.length, plans.length, 2]);
      expect(v.headline.find((h) => h.label === 'Timescales revised')).toEqual({ label: 'Timescales revised', value: 2, href: '#revised' });
      expect(v.headline.find((h) => h.label === FLAG_LABELS['no-impact-evidence'])?.value).toBe(flagsByKind['no-impact-evidence']);
    });

    it('revised timescales: every revised action, the furthest slipped first, with both dates', () => {
      expect(v.revised.rows.map((r) => [r.actionId, r.owner, r.originalDue, r.due, r.revisions, r.slipDays])).toEqual([
        ['R2.3', `${NAMES.council}; ${NAMES.icb}`, '2026-09-30', '2027-03-31', 2, 182],
        ['R2.4', NAMES.council, '2026-10-31', '2026-11-13', 1, 13],
      ]);
      expect(v.revised.summary).toBe('2 actions have a revised timescale; the furthest is now 182 days later than first agreed.');
    });

    it('overdue and due soon by agency: an action with several owners in the row of each, the total counting it once', () => {
      const rows = v.byAgency.table.rows.map((r) => [(r[0] as { text: string }).text, r[1], r[2]]);
      const late = (id: string, kind: string) => all.filter((e) => e.action.owner.includes(id) && e.flags.some((f) => f.kind === kind)).length;
      for (const [name, overdue, soon] of rows) {
        const id = agencies.find((a) => a.name === name)!.id;
        expect([overdue, soon], name as string).toEqual([late(id, 'overdue'), late(id, 'due-soon')]);
      }
      const overdueTotal = all.filter((e) => e.flags.some((f) => f.kind === 'overdue')).length;
      expect(v.byAgency.table.foot![1]).toBe(overdueTotal);
      expect(rows.reduce((n, r) => n + (r[1] as number), 0)).toBeGreaterThan(overdueTotal);
      expect(v.byAgency.summary).toContain(`${overdueTotal} actions are overdue`);
    });

    it('the assurance backlog rows link to the action and name the owner', () => {
      const waiting = all.filter((e) => e.action.status === 'complete');
      expect(v.backlogRows.map((r) => [r.href, r.title, r.actionId, r.owner, r.evidence])).toEqual(
        waiting.map((e) => [`${paths.partnersPlan(e.review)}#action-${e.action.id}`, 'Child B', e.action.id, e.action.owner.map(agencyName).join('; '), e.action.evidence]),
      );
    });

    it('reports that may now be archived take their title and date from the checker model', () => {
      expect(v.archival.rows).toEqual([{ title: 'Child Old', published: '2023-03-14', date: '2026-03-14', days: 254 }]);
      expect(v.archival.summary).toBe(archivalSummary(1, monitoring.archiveAfterMonths));
      expect(v.headline.find((h) => h.label === FLAG_LABELS['may-archive'])).toEqual({ label: FLAG_LABELS['may-archive'], value: 1, href: '#archival' });
    });

    it("reports the partners keep published are listed with the decision, under the plan's title", () => {
      expect(v.archival.kept).toEqual([{ title: 'Child A', published: '2025-01-10', decided: '2026-02-02', reason: 'Used in current training', lookAgain: '2027-02-02' }]);
      expect(v.archival.keptSummary).toBe(keptSummary(1));
    });

    it('other flags: review dates, stale plans and publication notice only, with their labels and titles', () => {
      expect(v.otherFlags).toEqual([
        { label: FLAG_LABELS['stale-plan'], title: 'Child A', actionId: undefined, message: 'stale-plan message' },
        { label: FLAG_LABELS['review-date-passed'], title: 'Child B', actionId: 'R2.2', message: 'review-date-passed message' },
      ]);
    });

    it('a row per plan with its progress', () => {
      expect(v.planRows).toEqual(plans.map((p) => ({ href: paths.partnersPlan(p.slug), title: p.title, progress: progress(p.entries) })));
    });

    it('the charts count the monitored actions', () => {
      expect(v.status.table.foot![1]).toBe(all.length);
      expect(v.rag).toEqual(ragChart(countByStatusAndRag(all).byRag));
      expect(v.dissemination.table.rows).toHaveLength(plans.filter((p) => p.dissemination.length > 0).length);
    });
  });
});

describe('recommendations and the approval to publish progress', () => {
  it.each<[string, Parameters<typeof recommendationView>[0], ReturnType<typeof recommendationView>]>([
    ['not recorded', { entries: [1] }, { label: undefined, reason: undefined, noActions: undefined }],
    ['accepted', { response: 'accepted', entries: [1] }, { label: 'Accepted', reason: undefined, noActions: undefined }],
    ['accepted, with a reason', { response: 'accepted', responseReason: 'Why.', entries: [1] }, { label: 'Accepted', reason: 'Why.', noActions: undefined }],
    ['partly accepted', { response: 'partly-accepted', responseReason: 'Only part.', entries: [1] }, { label: 'Partly accepted', reason: 'Only part.', noActions: undefined }],
    [
      'not accepted, no actions',
      { response: 'not-accepted', responseReason: 'Covered nationally.', entries: [] },
      { label: 'Not accepted', reason: 'Covered nationally.', noActions: 'There are no actions for this recommendation: the partnership did not accept it.' },
    ],
  ])('a recommendation\'s response: %s', (_, r, expected) => expect(recommendationView(r)).toEqual(expected));

  it.each<[string, string | undefined, RegExp]>([
    ['approved before today', '2026-01-10', /^The partners approved publishing this plan's progress on 10 January 2026/],
    ['approved today', TODAY, /^The partners approved publishing this plan's progress on 23 November 2026/],
    ['not approved', undefined, /shown to partners only/],
    ['dated after today: not approved yet', '2026-11-24', /shown to partners only/],
  ])('the partners page says whether progress is public: %s', (_, approved, expected) =>
    expect(progressApprovalText({ publicProgressApproved: approved }, TODAY)).toMatch(expected),
  );
});
