/**
 * How many actions have each status and each RAG rating: the one place these are counted, for
 * the checker's summary and report (src/check/index.ts) and for the dashboards
 * (src/utils/dashboard/). It counts ratings the checker already computed; it decides nothing.
 * Unit tests: tests/action-counts.test.ts.
 */
import { ACTION_STATUSES, type ActionStatus } from '../schemas/action-plan.ts';
import type { Rag } from './action-status.ts';

/** The RAG ratings, worst first (the order of every count, chart and table). */
export const RAGS: readonly Rag[] = ['red', 'amber', 'green', 'grey'];

/** Actions by status and by rating; every key present, in `ACTION_STATUSES` and `RAGS` order. */
export interface StatusAndRagCounts {
  byStatus: Record<ActionStatus, number>;
  byRag: Record<Rag, number>;
}

/** Count a list of actions by status and by RAG rating, each action once in each. */
export function countByStatusAndRag(entries: readonly { action: { status: ActionStatus }; rag: { rag: Rag } }[]): StatusAndRagCounts {
  const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  const byRag = Object.fromEntries(RAGS.map((r) => [r, 0])) as Record<Rag, number>;
  for (const e of entries) {
    byStatus[e.action.status]++;
    byRag[e.rag.rag]++;
  }
  return { byStatus, byRag };
}
