/**
 * The content checker: `runCheck()` loads the project (src/check/project.ts), runs every step
 * (src/check/registry.ts, one module each in src/check/steps/) and returns errors, flags and
 * counts without printing anything. The command line (scripts/check.ts) prints them and writes
 * the MESI report; the build can call `runCheck()` first and fail when `result.exitCode` is 1.
 *
 *   import { runCheck, formatResult } from './src/check/index.ts';
 *   const result = runCheck({ root: process.cwd(), today: '2026-03-14' });
 *   if (result.errors.length) throw new Error(formatResult(result).join('\n'));
 */
import type { ActionStatus } from '../schemas/action-plan.ts';
import { countByStatusAndRag } from '../utils/action-counts.ts';
import { FLAG_KINDS, type FlagKind, type Rag } from '../utils/action-status.ts';
import { NO_MEMO } from './memo-file.ts';
import { sortProblems, type Problem } from '../utils/problems.ts';
import { loadProject, type Project } from './project.ts';
import { CHECK_STEPS } from './registry.ts';
import type { CheckCounts, CheckOptions, CheckResult, Flag } from './types.ts';

// The public API. Modules inside src/check never import this file: they import the module that
// defines what they need, so that there are no import cycles.
export { loadProject, type Project } from './project.ts';
export type { ActionEntry, ActionCount, CaseEntry, ReviewFolder, SourceFile, MdxFile, StandaloneBriefing, NationalFile, PageFile } from './project.ts';
export type { CheckCounts, CheckOptions, CheckResult, CheckStep, Flag } from './types.ts';
export { CHECK_STEPS } from './registry.ts';
export { projectFlags } from './steps/flags.ts';
export { formatResult, ciAnnotations, resultToJson } from './output.ts';
export { keptReports, mesiReport, openActionsCsv, writeReports } from './report.ts';
export { scanMemo } from './scan-memo.ts';

function isFlag(p: Problem): p is Flag {
  return p.severity === 'warning' && (FLAG_KINDS as readonly string[]).includes(p.kind ?? '') && 'review' in p;
}

/** Runs every check; prints nothing. */
export function runCheck(options: CheckOptions): CheckResult {
  const { root, today } = options;
  const project = loadProject(root, today);
  const found: Problem[] = [...project.problems];
  const context = { memo: options.memo ?? NO_MEMO };
  for (const step of options.steps ?? CHECK_STEPS) {
    try {
      found.push(...step.run(project, context));
    } catch (e) {
      found.push({
        severity: 'error',
        file: '.',
        kind: 'checker-fault',
        message: `the "${step.id}" check stopped with a fault (${e instanceof Error ? e.message : String(e)}); please report it`,
      });
    }
  }
  const errors = sortProblems(found.filter((p) => p.severity === 'error'));
  const flags = sortProblems(found.filter(isFlag));
  const warnings = sortProblems(found.filter((p) => p.severity === 'warning' && !isFlag(p)));
  const counts = countAll(project, errors, flags, warnings);
  const exitCode = errors.length > 0 || (options.strict && (flags.length > 0 || warnings.length > 0)) ? 1 : 0;
  return { root, today, project, errors, flags, warnings, counts, exitCode };
}

function countAll(project: Project, errors: Problem[], flags: Flag[], warnings: Problem[]): CheckCounts {
  const flagsByKind = Object.fromEntries(FLAG_KINDS.map((k) => [k, 0])) as Record<FlagKind, number>;
  for (const f of flags) flagsByKind[f.kind]++;
  const { byStatus, byRag } = countByStatusAndRag(project.actions);
  let inDraftPlans = 0;
  for (const a of project.actions) if (a.draft) inDraftPlans++;
  const { inFiles, read, inPlansWithErrors } = project.actionCount;
  return {
    errors: errors.length,
    filesWithErrors: new Set(errors.map((e) => e.file)).size,
    warnings: warnings.length,
    flags: flags.length,
    flagsByKind,
    // A folder holding only a case file is not (yet) a review.
    reviews: project.reviews.filter((r) => r.files.some((f) => f === 'report.mdx' || f === 'statement.mdx')).length,
    plans: project.reviews.filter((r) => r.files.includes('action-plan.yaml')).length,
    actions: {
      inFiles,
      read,
      inPlansWithErrors,
      reported: Object.values(byStatus).reduce((a, b) => a + b, 0) + inPlansWithErrors,
      byStatus,
      byRag,
      inDraftPlans,
    },
    cases: {
      total: project.cases.length,
      open: project.cases.filter((c) => !c.lifecycle.closed).length,
      byRag: countCaseRags(project),
    },
  };
}

function countCaseRags(project: Project): Record<Rag, number> {
  const byRag: Record<Rag, number> = { red: 0, amber: 0, green: 0, grey: 0 };
  for (const c of project.cases) byRag[c.lifecycle.rag.rag]++;
  return byRag;
}
