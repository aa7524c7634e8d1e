/**
 * Chart data for the dashboards: each function turns an aggregation from ./dashboard.ts into the
 * three things a chart block shows (src/components/dashboard/Chart.astro): a one-sentence summary,
 * the chart spec (a handful of numbers for chart.js) and the same numbers as a table. Pure, so the
 * chart, its summary and its table can never disagree.
 */
import type { ChartSpec } from '../scripts/chart-spec.ts';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionStatus } from '../schemas/action-plan.ts';
import { RAG_LABELS, type Rag } from './action-status.ts';
import {
  BACKLOG_BANDS,
  RAGS,
  backlogSummary,
  completionSummary,
  disseminationSummary,
  lateSummary,
  ragSummary,
  statusSummary,
  type BacklogBand,
  type BacklogItem,
  type DisseminationRow,
  type LateRow,
  type MonthPoint,
  type Progress,
} from './dashboard.ts';

export type Cell = string | number | { text: string; href: string };

export interface ChartBlock {
  summary: string;
  chart: ChartSpec;
  table: { caption: string; head: string[]; rows: Cell[][]; foot?: Cell[] };
}

const STATUS_TONES: Record<ActionStatus, ChartSpec['series'][number]['tone']> = {
  'not-started': 'grey',
  'in-progress': 'blue',
  complete: 'amber',
  assured: 'green',
  withdrawn: 'dark',
};

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Actions by status: one bar per status. */
export function statusChart(counts: Record<ActionStatus, number>): ChartBlock {
  const labels = ACTION_STATUSES.map((s) => ACTION_STATUS_LABELS[s]);
  return {
    summary: statusSummary(counts),
    chart: {
      type: 'bar',
      labels,
      valueAxis: 'Number of actions',
      series: [{ label: 'Actions', data: ACTION_STATUSES.map((s) => counts[s]), tone: 'blue' }],
    },
    table: {
      caption: 'Actions by status',
      head: ['Status', 'Actions'],
      rows: ACTION_STATUSES.map((s) => [ACTION_STATUS_LABELS[s], counts[s]]),
      foot: ['Total', sum(ACTION_STATUSES.map((s) => counts[s]))],
    },
  };
}

/** Actions by RAG rating: one bar per rating, each in its colour and pattern. */
export function ragChart(counts: Record<Rag, number>): ChartBlock {
  return {
    summary: ragSummary(counts),
    chart: {
      type: 'bar',
      labels: ['Actions'],
      valueAxis: 'Number of actions',
      series: RAGS.map((r) => ({ label: RAG_LABELS[r], data: [counts[r]], tone: r })),
    },
    table: {
      caption: 'Actions by rating',
      head: ['Rating', 'Actions'],
      rows: RAGS.map((r) => [RAG_LABELS[r], counts[r]]),
      foot: ['Total', sum(RAGS.map((r) => counts[r]))],
    },
  };
}

/** Overdue and due soon, by agency or by review. */
export function lateChart(rows: readonly LateRow[], what: 'agency' | 'review', name: (key: string) => string, href: (key: string) => string): ChartBlock {
  return {
    summary: lateSummary(rows, name, what),
    chart: {
      type: 'bar',
      labels: rows.map((r) => name(r.key)),
      valueAxis: 'Number of actions',
      series: [
        { label: 'Overdue', data: rows.map((r) => r.overdue), tone: 'red' },
        { label: 'Due soon', data: rows.map((r) => r.dueSoon), tone: 'amber' },
      ],
    },
    table: {
      caption: `Overdue and due-soon actions by ${what}`,
      head: [what === 'agency' ? 'Agency' : 'Review', 'Overdue', 'Due soon', 'All its actions'],
      rows: rows.map((r) => [{ text: name(r.key), href: href(r.key) }, r.overdue, r.dueSoon, r.total]),
      foot: ['Total', sum(rows.map((r) => r.overdue)), sum(rows.map((r) => r.dueSoon)), sum(rows.map((r) => r.total))],
    },
  };
}

/** Completion over time: cumulative due, completed and assured, month by month. */
export function completionChart(points: readonly MonthPoint[]): ChartBlock {
  return {
    summary: completionSummary(points),
    chart: {
      type: 'line',
      labels: points.map((p) => p.label),
      valueAxis: 'Actions (running total)',
      series: [
        { label: 'Due', data: points.map((p) => p.due), tone: 'dark' },
        { label: 'Completed', data: points.map((p) => p.completed), tone: 'blue' },
        { label: 'Assured', data: points.map((p) => p.assured), tone: 'green' },
      ],
    },
    table: {
      caption: 'Actions due, completed and assured by the end of each month (running totals), and updates logged in the month',
      head: ['Month', 'Due by then', 'Completed by then', 'Assured by then', 'Updates in the month'],
      rows: points.map((p) => [p.label, p.due, p.completed, p.assured, p.updates]),
    },
  };
}

/** The assurance backlog by how long actions have waited. */
export function backlogChart(items: readonly BacklogItem[], bands: Record<BacklogBand, number>, windowDays: number): ChartBlock {
  const label = (id: BacklogBand, text: string) => (id === 'within' ? `Within ${windowDays} days` : text);
  return {
    summary: backlogSummary(items),
    chart: {
      type: 'bar',
      labels: BACKLOG_BANDS.map((b) => label(b.id, b.label)),
      valueAxis: 'Completed actions awaiting assurance',
      series: [{ label: 'Actions', data: BACKLOG_BANDS.map((b) => bands[b.id]), tone: 'amber' }],
    },
    table: {
      caption: 'Completed actions awaiting assurance, by days since completion',
      head: ['Waiting', 'Actions'],
      rows: BACKLOG_BANDS.map((b) => [label(b.id, b.label), bands[b.id]]),
      foot: ['Total', items.length],
    },
  };
}

/** Dissemination done against planned, per review. */
export function disseminationChart(rows: readonly DisseminationRow[], name: (review: string) => string, href: (review: string) => string): ChartBlock {
  return {
    summary: disseminationSummary(rows),
    chart: {
      type: 'bar',
      labels: rows.map((r) => name(r.review)),
      valueAxis: 'Dissemination activities',
      series: [
        { label: 'Planned', data: rows.map((r) => r.planned), tone: 'grey' },
        { label: 'Done', data: rows.map((r) => r.done), tone: 'green' },
        { label: 'Past due, not done', data: rows.map((r) => r.overdue), tone: 'red' },
      ],
    },
    table: {
      caption: 'Dissemination activities done against planned, by review',
      head: ['Review', 'Planned', 'Done', 'Past due, not done', 'Not yet due'],
      rows: rows.map((r) => [{ text: name(r.review), href: href(r.review) }, r.planned, r.done, r.overdue, r.upcoming]),
      foot: ['Total', sum(rows.map((r) => r.planned)), sum(rows.map((r) => r.done)), sum(rows.map((r) => r.overdue)), sum(rows.map((r) => r.upcoming))],
    },
  };
}

/** Progress by review (complete, open and not overdue, overdue), for the public overview. */
export function progressByReviewChart(
  rows: readonly { slug: string; title: string; progress: Progress }[],
  href: (slug: string) => string,
): ChartBlock {
  const total = (f: (p: Progress) => number) => sum(rows.map((r) => f(r.progress)));
  const done = total((p) => p.done);
  const overdue = total((p) => p.overdue);
  const live = total((p) => p.total - p.withdrawn);
  return {
    summary: rows.length
      ? `Across ${rows.length} published action ${rows.length === 1 ? 'plan' : 'plans'}, ${done} of ${live} actions are complete and ${overdue} ${overdue === 1 ? 'is' : 'are'} overdue.`
      : 'No action plan is published yet.',
    chart: {
      type: 'bar',
      labels: rows.map((r) => r.title),
      valueAxis: 'Number of actions',
      series: [
        { label: 'Complete', data: rows.map((r) => r.progress.done), tone: 'green' },
        { label: 'Open, on time', data: rows.map((r) => r.progress.open - r.progress.overdue), tone: 'blue' },
        { label: 'Overdue', data: rows.map((r) => r.progress.overdue), tone: 'red' },
      ],
    },
    table: {
      caption: 'Progress of each published action plan',
      head: ['Review', 'Actions', 'Complete', 'Of which assured', 'Open, on time', 'Overdue', 'Withdrawn', 'Complete (%)'],
      rows: rows.map((r) => [
        { text: r.title, href: href(r.slug) },
        r.progress.total,
        r.progress.done,
        r.progress.assured,
        r.progress.open - r.progress.overdue,
        r.progress.overdue,
        r.progress.withdrawn,
        r.progress.percentDone,
      ]),
    },
  };
}
