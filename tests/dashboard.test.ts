/**
 * The dashboards' aggregations, sentences and charts (src/utils/dashboard/): they count what the
 * checker computed (ratings and flags on each action) and never decide a rating or a flag themselves. Entries are
 * built with the checker's own functions (tests/support/dashboard-entries.ts), so a change in a
 * rule shows up here as it would on the dashboards.
 */
import { describe, expect, it } from 'vitest';
import { countByStatusAndRag } from '../src/utils/action-counts.ts';
import {
  agencyRows,
  assuranceBacklog,
  backlogBands,
  completionOverTime,
  disseminationProgress,
  lateBy,
  lateFirst,
  lateTotals,
  monitored,
  ownedBy,
  progress,
  revisedTimescales,
  windowOf,
} from '../src/utils/dashboard/aggregate.ts';
import {
  actionListCaption,
  agenciesSummary,
  archivalSummary,
  keptSummary,
  overdueText,
  progressByReviewSummary,
  ragSummary,
  revisedSummary,
  statusSummary,
} from '../src/utils/dashboard/sentences.ts';
import {
  agenciesChart,
  cellText,
  completionChart,
  isNumericColumn,
  lateChart,
  progressByReviewChart,
  ragChart,
  statusChart,
} from '../src/utils/dashboard/charts.ts';
import { TODAY, entry } from './support/dashboard-entries.ts';

const entries = [
  entry({ id: 'R1.1', status: 'in-progress', timescale: '2026-09-30', updates: ['2026-06-01'] }), // overdue 54 days
  entry({ id: 'R1.2', status: 'not-started', timescale: '2026-11-01', owner: 'icb' }), // overdue 22 days
  entry({ id: 'R1.3', status: 'in-progress', timescale: '2026-12-10', owner: 'icb' }), // due soon
  entry({ id: 'R2.1', review: 'child-b', status: 'complete', timescale: '2026-06-30', completedOn: '2026-05-01' }), // awaiting assurance 206 days
  entry({ id: 'R2.2', review: 'child-b', status: 'complete', timescale: '2026-12-31', completedOn: '2026-11-10' }), // within window
  entry({ id: 'R2.3', review: 'child-b', status: 'assured', timescale: 'March 2026', completedOn: '2026-03-01', assuredOn: '2026-04-02' }),
  entry({ id: 'R3.1', review: 'child-b', status: 'withdrawn', timescale: '2026-12-31' }),
  entry({ id: 'R3.2', review: 'child-b', status: 'in-progress', timescale: 'ongoing', reviewBy: '2027-06-01' }),
  entry({ id: 'R3.3', review: 'child-b', status: 'not-started', timescale: '2027-01-31', owner: 'icb' }), // next 3 months
  entry({ id: 'R3.4', review: 'child-b', status: 'not-started', timescale: '2027-09-30', owner: 'icb' }), // later
  entry({ id: 'R9.1', review: 'child-d', status: 'not-started', timescale: '2020-01-01', draft: true }),
];

describe('counts', () => {
  it('leaves draft plans out of the monitored actions', () => {
    expect(monitored(entries)).toHaveLength(entries.length - 1);
  });

  it('counts by status and by rating, every action once', () => {
    const m = monitored(entries);
    const { byStatus: s, byRag: r } = countByStatusAndRag(m);
    expect(s).toEqual({ 'not-started': 3, 'in-progress': 3, complete: 2, assured: 1, withdrawn: 1 });
    expect(r.red + r.amber + r.green + r.grey).toBe(m.length);
    expect(r.red).toBe(m.filter((e) => e.rag.rag === 'red').length);
    expect(r.red).toBe(2);
  });

  it('groups overdue and due soon by agency and by review, from the flags, most overdue first', () => {
    const m = monitored(entries);
    expect(lateBy(m, 'owner')).toEqual([
      { key: 'icb', overdue: 1, dueSoon: 1, total: 4 },
      { key: 'police', overdue: 1, dueSoon: 0, total: 6 },
    ]);
    expect(lateBy(m, 'review')).toEqual([{ key: 'child-a', overdue: 2, dueSoon: 1, total: 3 }]);
    expect(lateTotals(m, 'owner')).toEqual({ overdue: 2, dueSoon: 1, total: 10 });
  });

  it('counts an action with several owners for each of them, and once in the totals', () => {
    const joint = [
      entry({ id: 'R1.1', status: 'in-progress', timescale: '2026-09-30', owner: ['police', 'icb'] }), // overdue
      entry({ id: 'R1.2', status: 'in-progress', timescale: '2026-12-10', owner: ['icb', 'schools'] }), // due soon
      entry({ id: 'R1.3', status: 'not-started', timescale: '2027-06-30', owner: 'schools' }), // later
      entry({ id: 'R1.4', status: 'not-started', timescale: '2027-06-30', owner: 'housing' }), // later, in no late row
    ];
    expect(lateBy(joint, 'owner')).toEqual([
      { key: 'icb', overdue: 1, dueSoon: 1, total: 2 },
      { key: 'police', overdue: 1, dueSoon: 0, total: 1 },
      { key: 'schools', overdue: 0, dueSoon: 1, total: 2 },
    ]);
    expect(lateTotals(joint, 'owner')).toEqual({ overdue: 1, dueSoon: 1, total: 3 });
    expect(lateTotals(joint, 'review')).toEqual({ overdue: 1, dueSoon: 1, total: 4 });
    expect(joint.map((e) => ['police', 'icb', 'schools', 'housing'].filter((a) => ownedBy(e, a)))).toEqual([
      ['police', 'icb'],
      ['icb', 'schools'],
      ['schools'],
      ['housing'],
    ]);
    const rows = agencyRows(joint, ['police', 'icb', 'schools', 'housing'].map((id) => ({ id, name: id })));
    expect(rows.map((r) => [r.agency.id, r.list.map((e) => e.action.id)])).toEqual([
      ['icb', ['R1.1', 'R1.2']], // most red, then most amber
      ['police', ['R1.1']],
      ['schools', ['R1.2', 'R1.3']],
      ['housing', ['R1.4']],
    ]);
    const chart = lateChart(lateBy(joint, 'owner'), 'agency', (k) => k, (k) => `/a/${k}/`, lateTotals(joint, 'owner'));
    expect(chart.table.foot).toEqual(['Total', 1, 1, 3]);
    expect(chart.summary).toBe('icb has the most overdue actions (1). 1 action is overdue and 1 due soon, across 3 agencies.');
  });

  it('lists revised timescales, the furthest slipped first, and says so in a sentence', () => {
    const list = [
      entry({ id: 'R1.1', status: 'in-progress', timescale: '2026-09-30', revisions: [['2026-09-01', '2026-10-31']] }), // +31
      entry({ id: 'R1.2', status: 'in-progress', timescale: '2026-09-30', revisions: [['2026-09-01', '2026-10-31'], ['2026-10-20', 'Q1 2027']] }), // +182
      entry({ id: 'R1.3', status: 'in-progress', timescale: '2026-09-30' }),
      entry({ id: 'R1.4', status: 'complete', timescale: 'Q4 2026', completedOn: '2026-10-01', revisions: [['2026-06-01', '2026-09-30']] }), // brought forward: -92
    ];
    expect(revisedTimescales(list).map((e) => [e.action.id, e.revisions, e.slipDays])).toEqual([
      ['R1.2', 2, 182],
      ['R1.1', 1, 31],
      ['R1.4', 1, -92],
    ]);
    expect(revisedSummary(revisedTimescales(list))).toBe('3 actions have a revised timescale; the furthest is now 182 days later than first agreed.');
    expect(revisedSummary(revisedTimescales(list.slice(3)))).toBe('1 action has a revised timescale.');
    expect(revisedSummary([])).toBe('No action has a revised timescale.');
  });

  it('gives the progress of a set of actions, withdrawn ones left out of the percentage', () => {
    const p = progress(monitored(entries).filter((e) => e.review === 'child-b'));
    expect(p).toEqual({ total: 7, done: 3, assured: 1, withdrawn: 1, open: 3, overdue: 0, percentDone: 50 });
    expect(progress([]).percentDone).toBe(0);
  });
});

describe('windows and order', () => {
  it('puts each action in one timescale window', () => {
    const byId = Object.fromEntries(monitored(entries).map((e) => [e.action.id, windowOf(e, TODAY)]));
    expect(byId).toEqual({
      'R1.1': 'overdue',
      'R1.2': 'overdue',
      'R1.3': 'due-soon',
      'R2.1': 'closed',
      'R2.2': 'closed',
      'R2.3': 'closed',
      'R3.1': 'closed',
      'R3.2': 'ongoing',
      'R3.3': 'next-3-months',
      'R3.4': 'later',
    });
  });

  it('sorts late first: red by days overdue, then amber, green, grey', () => {
    const ids = lateFirst(monitored(entries)).map((e) => e.action.id);
    expect(ids.slice(0, 2)).toEqual(['R1.1', 'R1.2']);
    const rags = lateFirst(monitored(entries)).map((e) => e.rag.rag);
    const order = { red: 0, amber: 1, green: 2, grey: 3 };
    expect([...rags].sort((a, b) => order[a] - order[b])).toEqual(rags);
  });
});

describe('completion over time', () => {
  const points = completionOverTime(monitored(entries), TODAY);

  it('runs month by month up to the month of today, ending on today', () => {
    expect(points[points.length - 1]!.end).toBe(TODAY);
    expect(points[points.length - 1]!.label).toBe('November 2026');
    expect(points[0]!.label).toBe('March 2026');
  });

  it('counts completions, assurances and due dates cumulatively, and updates per month', () => {
    const last = points[points.length - 1]!;
    expect(last.completed).toBe(3);
    expect(last.assured).toBe(1);
    // Due by today: R1.1, R1.2, R2.1, R2.3 (withdrawn and later ones are not).
    expect(last.due).toBe(4);
    for (let i = 1; i < points.length; i++) expect(points[i]!.completed).toBeGreaterThanOrEqual(points[i - 1]!.completed);
    expect(points.find((p) => p.label === 'June 2026')!.updates).toBe(1);
  });

  it('is empty when there is nothing dated', () => {
    expect(completionOverTime([], TODAY)).toEqual([]);
  });
});

describe('assurance backlog and dissemination', () => {
  it('lists complete actions longest waiting first, flagged when the checker flags them', () => {
    const items = assuranceBacklog(monitored(entries), TODAY);
    expect(items.map((i) => [i.entry.action.id, i.days, i.flagged, i.band])).toEqual([
      ['R2.1', 206, true, 'over-180'],
      ['R2.2', 13, false, 'within'],
    ]);
    expect(backlogBands(items)).toEqual({ within: 1, 'to-90': 0, 'to-180': 0, 'over-180': 1 });
  });

  it('counts dissemination done against planned, overdue from the checker flags', () => {
    const rows = disseminationProgress(
      [
        {
          review: 'child-a',
          dissemination: [
            { activity: 'A', audience: ['icb'], due: '2026-01-01', done: '2026-01-02' },
            { activity: 'B', audience: ['icb'], due: '2026-02-01' },
            { activity: 'C', audience: ['icb'], due: '2027-02-01' },
          ],
        },
        { review: 'child-b', dissemination: [] },
      ],
      [{ kind: 'dissemination-overdue', review: 'child-a', activity: 'B' }],
    );
    expect(rows).toEqual([{ review: 'child-a', planned: 3, done: 1, overdue: 1, upcoming: 1 }]);
  });
});

describe('chart blocks: the summary, the chart and the table agree', () => {
  const m = monitored(entries);

  it('status chart', () => {
    const b = statusChart(countByStatusAndRag(m).byStatus);
    expect(b.chart.series[0]!.data).toEqual(b.table.rows.map((r) => r[1]));
    expect(b.table.foot![1]).toBe(m.length);
    expect(b.summary).toBe(statusSummary(countByStatusAndRag(m).byStatus));
    expect(b.summary).toContain(`Of ${m.length} actions`);
  });

  it('rating chart', () => {
    const b = ragChart(countByStatusAndRag(m).byRag);
    expect(b.chart.series.map((s) => s.data[0])).toEqual(b.table.rows.map((r) => r[1]));
    expect(ragSummary({ red: 1, amber: 0, green: 2, grey: 0 })).toBe('Of 3 actions, 1 is red, 0 are amber, 2 are green and 0 are grey.');
  });

  it('late chart and its links', () => {
    const b = lateChart(lateBy(m, 'owner'), 'agency', (k) => k.toUpperCase(), (k) => `/a/${k}/`, lateTotals(m, 'owner'));
    expect(b.chart.labels).toEqual(['ICB', 'POLICE']);
    expect(b.table.rows[0]![0]).toEqual({ text: 'ICB', href: '/a/icb/' });
    expect(b.summary).toBe('ICB has the most overdue actions (1). 2 actions are overdue and 1 due soon, across 2 agencies.');
  });

  it('completion chart', () => {
    const points = completionOverTime(m, TODAY);
    const b = completionChart(points);
    expect(b.chart.series.map((s) => s.label)).toEqual(['Due', 'Completed', 'Assured']);
    expect(b.table.rows).toHaveLength(points.length);
    expect(b.summary).toContain('By November 2026, 3 actions had been completed and 1 assured');
  });
});

describe('agencyRows', () => {
  it('lists agencies with actions, most red first, then amber, then by name', () => {
    const list = [
      entry({ id: 'R1.1', owner: 'police', status: 'in-progress', timescale: '2026-09-30' }), // red
      entry({ id: 'R1.2', owner: 'icb', status: 'in-progress', timescale: '2026-09-30' }), // red
      entry({ id: 'R1.3', owner: 'icb', status: 'not-started', timescale: '2026-10-31' }), // red
      entry({ id: 'R1.4', owner: 'schools', status: 'in-progress', timescale: '2026-12-10' }), // amber
      entry({ id: 'R1.5', owner: 'acute', status: 'in-progress', timescale: '2026-12-10' }), // amber
    ];
    const agencies = ['police', 'icb', 'schools', 'acute', 'housing'].map((id) => ({ id, name: id.toUpperCase() }));
    const rows = agencyRows(list, agencies);
    expect(rows.map((r) => [r.agency.id, r.rag.red, r.rag.amber, r.list.length])).toEqual([
      ['icb', 2, 0, 2],
      ['police', 1, 0, 1],
      ['acute', 0, 1, 1],
      ['schools', 0, 1, 1],
    ]);
  });
});

describe('sentences', () => {
  it('writes counts with their noun, singular for one', () => {
    expect(overdueText(1)).toBe('1 day overdue');
    expect(overdueText(54)).toBe('54 days overdue');
    expect(actionListCaption(1, 'Overdue')).toBe('1 action: overdue');
    expect(actionListCaption(0, 'Due soon')).toBe('0 actions: due soon');
  });

  it('archival is a question, never a deadline: reports may now be archived, or are kept published', () => {
    expect(archivalSummary(0, 36)).toBe('No report is waiting for a decision on archiving.');
    expect(archivalSummary(1, 36)).toMatch(/^1 report may now be archived: it has been on the site for at least 36 months, or the day set to look again has come\. /);
    expect(archivalSummary(2, 12)).toMatch(/^2 reports may now be archived: they have been on the site for at least 12 months/);
    for (const n of [1, 2]) expect(archivalSummary(n, 12)).toMatch(/either archive it or decide to keep it published, with a reason and a day to look again\.$/);
    for (const n of [0, 1, 2]) expect(archivalSummary(n, 12)).not.toMatch(/\bdue\b|overdue/);
    expect(keptSummary(0)).toBe('No report is kept published by a decision of the partners.');
    expect(keptSummary(1)).toBe("1 report stays published by the partners' decision, until the day they look again.");
    expect(keptSummary(3)).toBe("3 reports stay published by the partners' decision, until the day they look again.");
  });

  it('sums the progress of published plans', () => {
    const plans = [progress(monitored(entries).filter((e) => e.review === 'child-a')), progress(monitored(entries).filter((e) => e.review === 'child-b'))];
    const done = plans[0]!.done + plans[1]!.done;
    const live = plans[0]!.total - plans[0]!.withdrawn + plans[1]!.total - plans[1]!.withdrawn;
    const overdue = plans[0]!.overdue + plans[1]!.overdue;
    expect(progressByReviewSummary(plans)).toBe(`Across 2 published action plans, ${done} of ${live} actions are complete and ${overdue} are overdue.`);
    expect(progressByReviewSummary(plans.slice(0, 1))).toMatch(/^Across 1 published action plan, /);
    expect(progressByReviewSummary([])).toBe('No action plan is published yet.');
  });

  it('names the agency with the most red actions', () => {
    expect(agenciesSummary([{ name: 'ICB', red: 2 }, { name: 'Police', red: 1 }])).toBe('2 agencies own actions; ICB has the most red actions (2).');
    expect(agenciesSummary([])).toBe('No agency owns an action.');
  });
});

describe('more chart blocks', () => {
  it('progress by review: one row and one bar per plan, linked', () => {
    const rows = ['child-a', 'child-b'].map((slug) => ({ slug, title: slug.toUpperCase(), progress: progress(monitored(entries).filter((e) => e.review === slug)) }));
    const b = progressByReviewChart(rows, (slug) => `/r/${slug}/`);
    expect(b.table.rows.map((r) => r[0])).toEqual(rows.map((r) => ({ text: r.title, href: `/r/${r.slug}/` })));
    expect(b.chart.series[0]!.data).toEqual(rows.map((r) => r.progress.done));
    expect(b.summary).toBe(progressByReviewSummary(rows.map((r) => r.progress)));
  });

  it('agencies: one series per rating, one row per agency, the chart and the table agree', () => {
    const agencies = [{ id: 'police', name: 'Police' }, { id: 'icb', name: 'ICB' }];
    const rows = agencyRows(monitored(entries), agencies);
    const b = agenciesChart(rows, (id) => `/a/${id}/`);
    expect(b.chart.labels).toEqual(rows.map((r) => r.agency.name));
    expect(b.chart.series.map((s) => s.tone)).toEqual(['red', 'amber', 'green', 'grey']);
    for (const [i, s] of b.chart.series.entries()) expect(s.data).toEqual(b.table.rows.map((r) => r[i + 1]));
    expect(b.table.rows.map((r) => r[5])).toEqual(rows.map((r) => r.list.length));
    expect(b.table.rows[0]![0]).toEqual({ text: rows[0]!.agency.name, href: `/a/${rows[0]!.agency.id}/` });
    expect(b.summary).toBe(agenciesSummary(rows.map((r) => ({ name: r.agency.name, red: r.rag.red }))));
  });

  it('tells numeric columns from text ones, and a link cell by its text', () => {
    const rows = [
      [{ text: 'A', href: '/a/' }, 1, 'x'],
      ['B', 2, 3],
    ];
    expect([0, 1, 2].map((i) => isNumericColumn(rows, i))).toEqual([false, true, false]);
    expect(cellText(rows[0]![0]!)).toBe('A');
    expect(cellText(3)).toBe('3');
  });
});
