/**
 * Chart data for the dashboards: each function turns an aggregation from ./aggregate.ts into the
 * three things a chart block shows (src/components/dashboard/Chart.astro): a one-sentence summary
 * (./sentences.ts), the chart spec (a handful of numbers for chart.js) and the same numbers as a
 * table. Pure, so the chart, its summary and its table can never disagree.
 */
import type { ChartSpec } from './chart-spec.ts';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionStatus } from '../../schemas/action-plan.ts';
import { RAGS } from '../action-counts.ts';
import { RAG_LABELS, type Rag } from '../action-status.ts';
import {
  BACKLOG_BANDS,
  type BacklogBand,
  type BacklogItem,
  type DisseminationRow,
  type LateRow,
  type LateTotals,
  type MonthPoint,
  type Progress,
} from './aggregate.ts';
import {
  agenciesSummary,
  backlogSummary,
  completionSummary,
  disseminationSummary,
  lateSummary,
  progressByReviewSummary,
  ragSummary,
  statusSummary,
} from './sentences.ts';

export type Cell = string | number | { text: string; href: string };

/** A chart's numbers as a table: the chart for readers without JavaScript, on paper or with a screen reader. */
export interface ChartTable {
  caption: string;
  head: string[];
  rows: Cell[][];
  foot?: Cell[];
}

export interface ChartBlock {
  summary: string;
  chart: ChartSpec;
  table: ChartTable;
}

/** The text of a table cell (a link's text). */
export function cellText(c: Cell): string {
  return typeof c === 'object' ? c.text : String(c);
}

/** Whether column `i` of a table is numeric (right-aligned): every row holds a number there. The first column never is. */
export function isNumericColumn(rows: readonly (readonly Cell[])[], i: number): boolean {
  return i > 0 && rows.every((r) => typeof r[i] === 'number');
}

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

/**
 * Overdue and due soon, by agency or by review. `totals` counts each action once: by agency, an
 * action with several owners is in the row of each, so the foot gives the totals, not the sum.
 */
export function lateChart(
  rows: readonly LateRow[],
  what: 'agency' | 'review',
  name: (key: string) => string,
  href: (key: string) => string,
  totals: LateTotals,
): ChartBlock {
  return {
    summary: lateSummary(rows, name, what, totals),
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
      caption:
        what === 'agency'
          ? 'Overdue and due-soon actions by agency (an action owned by several agencies counts for each; the total counts it once)'
          : 'Overdue and due-soon actions by review',
      head: [what === 'agency' ? 'Agency' : 'Review', 'Overdue', 'Due soon', 'All its actions'],
      rows: rows.map((r) => [{ text: name(r.key), href: href(r.key) }, r.overdue, r.dueSoon, r.total]),
      foot: ['Total', totals.overdue, totals.dueSoon, totals.total],
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
  return {
    summary: progressByReviewSummary(rows.map((r) => r.progress)),
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

/** RAG ratings by agency (rows from `agencyRows()`, most red first), with each agency's completion. */
export function agenciesChart(
  rows: readonly { agency: { id: string; name: string }; list: readonly unknown[]; rag: Record<Rag, number>; progress: Progress }[],
  href: (agency: string) => string,
): ChartBlock {
  return {
    summary: agenciesSummary(rows.map((r) => ({ name: r.agency.name, red: r.rag.red }))),
    chart: {
      type: 'bar',
      labels: rows.map((r) => r.agency.name),
      valueAxis: 'Number of actions',
      series: RAGS.map((g) => ({ label: RAG_LABELS[g], data: rows.map((r) => r.rag[g]), tone: g })),
    },
    table: {
      caption: 'Actions by agency and rating',
      head: ['Agency', ...RAGS.map((g) => RAG_LABELS[g]), 'All actions', 'Complete (%)'],
      rows: rows.map((r) => [{ text: r.agency.name, href: href(r.agency.id) }, ...RAGS.map((g) => r.rag[g]), r.list.length, r.progress.percentDone]),
    },
  };
}
