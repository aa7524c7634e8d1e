import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES, type ActionStatus } from '../src/schemas/action-plan.ts';
import type { Rag } from '../src/utils/action-status.ts';
import { RAGS, countByStatusAndRag } from '../src/utils/action-counts.ts';

const e = (status: ActionStatus, rag: Rag) => ({ action: { status }, rag: { rag } });

describe('countByStatusAndRag', () => {
  it('gives every status and rating, zero when none, in a fixed key order', () => {
    const { byStatus, byRag } = countByStatusAndRag([]);
    expect(Object.keys(byStatus)).toEqual([...ACTION_STATUSES]);
    expect(Object.keys(byRag)).toEqual([...RAGS]);
    expect([...Object.values(byStatus), ...Object.values(byRag)].every((n) => n === 0)).toBe(true);
  });

  it('counts each action once by status and once by rating', () => {
    const list = [
      e('in-progress', 'red'),
      e('in-progress', 'amber'),
      e('not-started', 'red'),
      e('complete', 'amber'),
      e('assured', 'green'),
      e('withdrawn', 'grey'),
    ];
    const { byStatus, byRag } = countByStatusAndRag(list);
    for (const s of ACTION_STATUSES) expect(byStatus[s]).toBe(list.filter((x) => x.action.status === s).length);
    for (const r of RAGS) expect(byRag[r]).toBe(list.filter((x) => x.rag.rag === r).length);
    expect(Object.values(byStatus).reduce((a, b) => a + b, 0)).toBe(list.length);
    expect(Object.values(byRag).reduce((a, b) => a + b, 0)).toBe(list.length);
  });
});
