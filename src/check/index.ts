/**
 * The content checker: `runCheck()` loads the project (src/check/project.ts), runs every step
 * (src/check/steps.ts) and returns errors, flags and counts without printing anything. The
 * command line (scripts/check.ts) prints them and writes the MESI report; the build can call
 * `runCheck()` first and fail when `result.exitCode` is 1.
 *
 *   import { runCheck, formatResult } from './src/check/index.ts';
 *   const result = runCheck({ root: process.cwd(), today: '2026-03-14' });
 *   if (result.errors.length) throw new Error(formatResult(result).join('\n'));
 */
import type { ActionStatus } from '../schemas/action-plan.ts';
import { countByStatusAndRag } from '../utils/action-counts.ts';
import { FLAG_KINDS, type FlagKind, type Rag } from '../utils/action-status.ts';
import type { IsoDate } from '../utils/dates.ts';
import { sortProblems, type Problem } from '../utils/problems.ts';
import { loadProject, type Project } from './project.ts';
import { CHECK_STEPS, type CheckStep, type Flag } from './steps.ts';

export { loadProject, type Project } from './project.ts';
export type { ActionEntry, ActionCount, ReviewFolder, SourceFile, MdxFile, StandaloneBriefing, NationalFile, PageFile } from './project.ts';
export { CHECK_STEPS, projectFlags, type CheckStep, type Flag } from './steps.ts';
export { formatResult, ciAnnotations, resultToJson } from './output.ts';
export { mesiReport, openActionsCsv, writeReports } from './report.ts';

export interface CheckOptions {
  /** The project folder (the build context's `root`). */
  root: string;
  /** "Today": the calendar date in England the rules are judged on (the build context's `today`). */
  today: IsoDate;
  /** Treat flags and warnings as failures. */
  strict?: boolean | undefined;
  /** The steps to run (default CHECK_STEPS). */
  steps?: readonly CheckStep[] | undefined;
}

/** The numbers the summary, the report and the JSON give. */
export interface CheckCounts {
  errors: number;
  /** Files with at least one error. */
  filesWithErrors: number;
  /** Warnings that are not monitoring flags (from other steps). */
  warnings: number;
  flags: number;
  flagsByKind: Record<FlagKind, number>;
  reviews: number;
  plans: number;
  actions: {
    /** Counted in the YAML of the plan files. */
    inFiles: number;
    /** Read into the model. */
    read: number;
    /** In plans with errors (not monitored until the errors are fixed). */
    inPlansWithErrors: number;
    /** In the report: by status, plus those in plans with errors. Always equals inFiles. */
    reported: number;
    byStatus: Record<ActionStatus, number>;
    byRag: Record<Rag, number>;
    /** In draft plans (counted in byStatus, not monitored). */
    inDraftPlans: number;
  };
}

export interface CheckResult {
  root: string;
  today: IsoDate;
  project: Project;
  /** Every error, sorted by file, line and column. */
  errors: Problem[];
  /** Monitoring flags, sorted by file, line and column. */
  flags: Flag[];
  /** Other warnings. */
  warnings: Problem[];
  counts: CheckCounts;
  /** 1 when there are errors, or flags or warnings with `strict`; else 0. */
  exitCode: 0 | 1;
}

function isFlag(p: Problem): p is Flag {
  return p.severity === 'warning' && (FLAG_KINDS as readonly string[]).includes(p.kind ?? '') && 'review' in p;
}

/** Runs every check; prints nothing. */
export function runCheck(options: CheckOptions): CheckResult {
  const { root, today } = options;
  const project = loadProject(root, today);
  const found: Problem[] = [...project.problems];
  for (const step of options.steps ?? CHECK_STEPS) {
    try {
      found.push(...step.run(project));
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
    reviews: project.reviews.length,
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
  };
}
