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
  publicOverviewView,
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
    entry({ id: 'R1.2', status: 'not-started', timescale: '2026-11-22', owner: 'icb' }), // overdue 1 day
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
  flag('archival-due', 'child-old', { date: '2026-03-14', days: 254 }),
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
    expect(owners.map((o) => o.name)).toEqual([...new Set(all.map((e) => agencyName(e.action.owner)))].sort((a, b) => a.localeCompare(b)));
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
});

describe('action tables and cards', () => {
  it('gives each row its review, links, owner, window and days overdue', () => {
    const rows = actionRows(planA.entries, planTitles(plans), TODAY, agencyName, paths);
    expect(rows.map((r) => r.entry)).toEqual(planA.entries);
    expect(rows[0]).toMatchObject({ title: 'Child A', href: '/partners/reviews/child-a/#action-R1.1', ownerName: NAMES.police, ownerHref: '/partners/agencies/police/' });
    expect(rows.map((r) => r.window)).toEqual(planA.entries.map((e) => windowOf(e, TODAY)));
    expect(rows.map((r) => r.overdueDays)).toEqual(planA.entries.map(daysOverdue));
    expect(actionRows(planA.entries, new Map(), TODAY, agencyName, paths)[0]!.title).toBe('child-a');
  });

  it('writes the days overdue on a card, singular for one, and the updates latest first', () => {
    const [a, b, c] = planA.entries;
    expect(actionCardView(a!).overdue).toBe(`${daysOverdue(a!)} days overdue`);
    expect(actionCardView(b!).overdue).toBe('1 day overdue');
    expect(actionCardView(c!).overdue).toBeUndefined();
    expect(actionCardView(a!).updatesLatestFirst.map((u) => u.date)).toEqual(['2026-08-01', '2026-06-01']);
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
    const mine = all.filter((e) => e.action.owner === 'icb');
    expect(v.entries).toEqual(lateFirst(mine));
    expect(v.progress).toEqual(progress(mine));
    expect(v.rag).toEqual(ragChart(countByStatusAndRag(mine).byRag));
    expect(v.caption).toBe(`All ${mine.length} actions owned by ${NAMES.icb}, late ones first`);
  });

  it('agencies: pages only for agencies with actions; the chart has a row per such agency', () => {
    const withActions = agenciesWithActions(plans, [...agencies, { id: 'housing', name: 'Housing' }]);
    expect(withActions.map((a) => a.id)).toEqual(agencies.map((a) => a.id));
    const { chart } = agenciesView(plans, agencies, paths);
    expect(chart.table.rows).toHaveLength(agencies.length);
  });

  describe('overview', () => {
    const flagsByKind = Object.fromEntries(FLAG_KINDS.map((k) => [k, flags.filter((f) => f.kind === k).length])) as Record<FlagKind, number>;
    const monitoring = { dueSoonDays: 28, awaitingAssuranceDays: 90, archiveAfterMonths: 36 };
    const reviews = [
      { slug: 'child-a', report: { data: { title: 'Child A report', published: '2025-01-10' } } },
      { slug: 'child-old', report: { data: { title: 'Child Old', published: '2023-03-14' } } },
      { slug: 'child-b' },
    ];
    const v = overviewView({ plans, flags, today: TODAY, monitoring, flagsByKind, draftActions: 2, reviews, agencyName, paths });

    it('headline figures are the checker counts, linked', () => {
      expect(v.headline[0]).toEqual({ label: 'Actions monitored', value: all.length, href: paths.partnersActions });
      expect(v.headline.find((h) => h.label === FLAG_LABELS.overdue)?.value).toBe(flagsByKind.overdue);
      expect(v.headline.map((h) => h.label)).toContain(`Due within ${monitoring.dueSoonDays} days`);
      expect([v.actions, v.plans, v.draftActions]).toEqual([all.length, plans.length, 2]);
    });

    it('the assurance backlog rows link to the action and name the owner', () => {
      const waiting = all.filter((e) => e.action.status === 'complete');
      expect(v.backlogRows.map((r) => [r.href, r.title, r.actionId, r.owner, r.evidence])).toEqual(
        waiting.map((e) => [`${paths.partnersPlan(e.review)}#action-${e.action.id}`, 'Child B', e.action.id, agencyName(e.action.owner), e.action.evidence]),
      );
    });

    it('reports due for archival take their title and date from the checker model', () => {
      expect(v.archival.rows).toEqual([{ title: 'Child Old', published: '2023-03-14', date: '2026-03-14', days: 254 }]);
      expect(v.archival.summary).toBe('1 report has been published for 36 months or more and is not archived.');
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
