/**
 * Action entries for the dashboard tests, built with the checker's own functions (due date, RAG
 * rating, flags), so a change in a rule shows up in the tests as it would on the dashboards.
 */
import { actionStanding } from '../../src/utils/action-status.ts';
import type { ActionStatus } from '../../src/schemas/action-plan.ts';
import type { EntryLike } from '../../src/utils/dashboard/aggregate.ts';

/** The tests' "today". */
export const TODAY = '2026-11-23';

export interface Spec {
  id: string;
  review?: string;
  /** One agency id or several (default police). */
  owner?: string | string[];
  status: ActionStatus;
  /** The timescale first agreed. */
  timescale: string;
  /** New timescales agreed since, as [date, timescale], oldest first. */
  revisions?: [string, string][];
  completedOn?: string;
  assuredOn?: string;
  reviewBy?: string;
  updates?: string[];
  evidence?: string;
  draft?: boolean;
}

export type TestEntry = EntryLike & {
  timescale: string;
  action: {
    evidence?: string | undefined;
    timescale: string;
    updates: { date: string; note: string }[];
    revisions: { date: string; timescale: string; reason: string; agreedBy: string }[];
  };
};

/** One action entry as the checker's model has it, judged on `TODAY`. */
export function entry(s: Spec): TestEntry {
  const action = {
    id: s.id,
    owner: typeof s.owner === 'string' ? [s.owner] : (s.owner ?? ['police']),
    status: s.status,
    timescale: s.timescale,
    completedOn: s.completedOn,
    assuredOn: s.assuredOn,
    reviewBy: s.reviewBy,
    evidence: s.evidence,
    updates: (s.updates ?? []).map((date) => ({ date, note: `update of ${date}` })),
    revisions: (s.revisions ?? []).map(([date, timescale]) => ({ date, timescale, reason: `revised on ${date}`, agreedBy: 'MESI subgroup' })),
  };
  return {
    review: s.review ?? 'child-a',
    draft: s.draft ?? false,
    recommendation: { id: s.id.split('.')[0]! },
    action,
    ...actionStanding(action, TODAY, undefined, s.draft ?? false),
  };
}
