/**
 * Should the checker itself fail on one file (a fault in the checker, not in the content), the
 * check still finishes: the fault is an error naming that file, the other files are checked, and
 * no action goes uncounted. The fault is simulated by making the readers throw for one file.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCheck } from '../src/check/index.ts';
import { makeProject } from './support/check-fixtures.ts';

vi.mock('../src/utils/yaml/frontmatter.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/utils/yaml/frontmatter.ts')>();
  return {
    ...actual,
    parseFrontmatter: ((...args: Parameters<typeof actual.parseFrontmatter>) => {
      if (args[1].endsWith('statement.mdx')) throw new TypeError('simulated fault');
      return actual.parseFrontmatter(...args);
    }) as typeof actual.parseFrontmatter,
  };
});
vi.mock('../src/utils/action-status.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/utils/action-status.ts')>();
  return {
    ...actual,
    actionStanding: ((...args: Parameters<typeof actual.actionStanding>) => {
      if (args[0].id === 'R1.2') throw new RangeError('simulated fault');
      return actual.actionStanding(...args);
    }) as typeof actual.actionStanding,
  };
});

let remove: (() => void) | undefined;
afterEach(() => remove?.());

describe('a fault of the checker on one file', () => {
  it('is an error naming the file; the rest is checked and every action counted', () => {
    const p = makeProject();
    remove = p.remove;
    const r = runCheck({ root: p.root, today: '2026-03-14' });
    const faults = r.errors.filter((e) => e.kind === 'checker-fault').map((e) => [e.file, e.line, e.message]);
    expect(faults).toEqual([
      ['reviews/child-c/action-plan.yaml', 1, 'the checker stopped on this file with a fault of its own (simulated fault); the file may be fine. Please report it'],
      ['reviews/child-c/statement.mdx', 1, 'the checker stopped on this file with a fault of its own (simulated fault); the file may be fine. Please report it'],
    ]);
    expect(r.project.reviews[0]!.report).toBeDefined();
    expect(r.counts.actions).toMatchObject({ inFiles: 2, read: 0, inPlansWithErrors: 2, reported: 2 });
  });
});
