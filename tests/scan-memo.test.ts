/**
 * The anonymisation scan's findings kept between runs (src/utils/memo-file.ts,
 * src/check/scan-memo.ts): a kept result is used only for the very same inputs, a run with kept
 * results gives exactly what a run without them gives, and a changed file is scanned again.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject, runCheck, scanMemo, type CheckResult } from '../src/check/index.ts';
import { anonymisationStep } from '../src/check/steps/anonymisation.ts';
import { FileMemo } from '../src/check/memo-file.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TODAY = '2026-11-30';
const temp = mkdtempSync(path.join(tmpdir(), 'scan-memo-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('FileMemo', () => {
  const file = path.join(temp, 'memo', 'store.json');

  it('works a result out once, keeps it in its file, and gives it back for the same inputs only', () => {
    const calls: string[] = [];
    const first = new FileMemo(file, 'v1');
    const square = (n: number) => first.get(['square', n], () => (calls.push(`square ${n}`), { n, square: n * n, note: undefined }));
    expect(square(3)).toEqual({ n: 3, square: 9 });
    expect(square(3)).toEqual({ n: 3, square: 9 });
    expect(calls).toEqual(['square 3']);
    first.save();
    expect(existsSync(file)).toBe(true);

    const second = new FileMemo(file, 'v1');
    const got = second.get(['square', 3], () => {
      throw new Error('should have been kept');
    });
    // The same value a miss gives (through JSON: the undefined member is dropped both times).
    expect(got).toEqual({ n: 3, square: 9 });
    expect(Object.keys(got as object)).toEqual(['n', 'square']);
    expect(second.get(['square', 4], () => 16)).toBe(16);
    expect([second.hits, second.misses]).toEqual([1, 1]);
  });

  it('reads nothing from a store of another version (the code changed)', () => {
    const memo = new FileMemo(file, 'v2');
    expect(memo.get(['square', 3], () => 'again')).toBe('again');
    expect(memo.misses).toBe(1);
  });

  it('treats a store cut short as empty, and does not throw', () => {
    writeFileSync(file, '{"version":"v1","entries":{"ab');
    const memo = new FileMemo(file, 'v1');
    expect(memo.get(['square', 3], () => 'again')).toBe('again');
  });

  it('with reuse: false works everything out again, and writes it for the next run', () => {
    const a = new FileMemo(file, 'v1');
    a.get(['x'], () => 1);
    a.save();
    const b = new FileMemo(file, 'v1', { reuse: false });
    expect(b.get(['x'], () => 2)).toBe(2);
    b.save();
    expect(new FileMemo(file, 'v1').get(['x'], () => 3)).toBe(2);
  });

  it('keeps only the entries its last run used', () => {
    const a = new FileMemo(file, 'v1');
    a.get(['old'], () => 'old');
    a.save();
    const b = new FileMemo(file, 'v1');
    b.get(['new'], () => 'new');
    b.save();
    const c = new FileMemo(file, 'v1');
    expect(c.get(['old'], () => 'worked out again')).toBe('worked out again');
    expect(c.get(['new'], () => 'worked out again')).toBe('new');
  });
});

describe('the anonymisation scan with kept findings', () => {
  const project = path.join(temp, 'project');
  const content = path.join(temp, 'content-root');
  cpSync(path.join(ROOT, 'content'), path.join(content, 'content'), { recursive: true });
  cpSync(path.join(ROOT, 'reviews'), path.join(content, 'reviews'), { recursive: true });
  const run = (options: { reuse?: boolean } = {}) => {
    const memo = scanMemo(project, options);
    const result = runCheck({ root: content, today: TODAY, memo });
    memo.save();
    return { result, hits: memo.hits, misses: memo.misses };
  };
  const problems = (r: CheckResult) => JSON.stringify([r.errors, r.flags, r.warnings]);
  const fresh = () => runCheck({ root: content, today: TODAY });

  it('gives exactly the problems a check without it gives, from the second run on without scanning again', () => {
    const cold = run();
    expect(cold.hits).toBe(0);
    expect(cold.misses).toBeGreaterThan(10);
    const warm = run();
    expect(warm.misses).toBe(0);
    expect(warm.hits).toBe(cold.misses);
    expect(problems(warm.result)).toBe(problems(cold.result));
    expect(problems(warm.result)).toBe(problems(fresh()));
    expect(existsSync(path.join(project, '.cache', 'anonymisation-scan.json'))).toBe(true);
  });

  /** Runs `f` with `file` changed by `change`, and puts the file back whatever happens. */
  const withChange = (file: string, change: (text: string) => string, f: () => void) => {
    const before = readFileSync(file, 'utf8');
    const after = change(before);
    expect(after).not.toBe(before);
    writeFileSync(file, after);
    try {
      f();
    } finally {
      writeFileSync(file, before);
    }
  };
  const wren = (name: string) => path.join(content, 'reviews', 'baby-wren', name);

  it('scans a changed report again: a phone number added to a published report is an error at once', () => {
    expect(fresh().errors.filter((p) => p.file === 'reviews/baby-wren/report.mdx')).toEqual([]);
    withChange(wren('report.mdx'), (t) => `${t}\nThe family was called on 07700 900417.\n`, () => {
      const after = run();
      expect(after.misses).toBe(1);
      const errors = after.result.errors.filter((p) => p.file === 'reviews/baby-wren/report.mdx');
      expect(errors.map((p) => p.kind)).toEqual(['identifier']);
      expect(problems(after.result)).toBe(problems(fresh()));
    });
    expect(run().result.errors).toEqual([]);
  });

  const planAddress = (t: string) => t.replace(/(\n\s+action: )(.*)\n/, '$1$2 Visit 14 Acacia Road.\n');
  const planFinding = (r: CheckResult) => r.errors.concat(r.warnings).some((p) => p.file === 'reviews/baby-wren/action-plan.yaml' && p.kind === 'identifier');

  it("scans a changed plan again: an address in an action's public field is found", () => {
    withChange(wren('action-plan.yaml'), planAddress, () => {
      const after = run();
      expect(after.misses).toBe(1);
      expect(planFinding(after.result)).toBe(true);
      expect(problems(after.result)).toBe(problems(fresh()));
    });
  });

  it("scans an unchanged plan again when only the scan's options changed: the report's allow: list", () => {
    // The plan is scanned with the allow list of its review's report: allowing the address there
    // hides it; taking the entry away must bring the finding back, though the plan's text is the same.
    const allowed = (t: string) => t.replace(/^---\n/, '---\nallow:\n  - text: 14 Acacia Road\n    reason: A made-up address, checked for this test.\n');
    withChange(wren('action-plan.yaml'), planAddress, () => {
      withChange(wren('report.mdx'), allowed, () => {
        const allowedRun = run();
        expect(planFinding(allowedRun.result)).toBe(false);
        expect(problems(allowedRun.result)).toBe(problems(fresh()));
      });
      const again = run();
      // The report changed back, and the plan's options with it: both are scanned again.
      expect(again.misses).toBe(2);
      expect(planFinding(again.result)).toBe(true);
      expect(problems(again.result)).toBe(problems(fresh()));
    });
  });

  it('does not keep findings for a plan whose file changed after it was read', () => {
    run();
    const loaded = loadProject(content, TODAY);
    withChange(wren('action-plan.yaml'), (t) => `${t}# changed while the check ran\n`, () => {
      const memo = scanMemo(project);
      anonymisationStep.run(loaded, { memo });
      const plans = loaded.reviews.filter((r) => r.plan).length;
      // Every plan but the changed one was looked up (and found); the changed one went round the memo.
      expect(memo.hits + memo.misses).toBe(loaded.reviews.flatMap((r) => [r.report, r.statement, r.briefing]).filter(Boolean).length + loaded.briefings.length + plans - 1);
    });
  });

  it('with --force (reuse: false) scans every file again', () => {
    const forced = run({ reuse: false });
    expect(forced.hits).toBe(0);
    expect(problems(forced.result)).toBe(problems(fresh()));
  });
});
