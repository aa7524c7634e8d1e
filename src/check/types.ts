/**
 * The checker's types: a step, a monitoring flag, the options of `runCheck()` and its result.
 * A module of types only, so that the steps, the registry, the output and the reports can share
 * them without importing `runCheck()` (src/check/index.ts) or each other.
 */
import type { ActionStatus } from '../schemas/action-plan.ts';
import type { FlagKind, Rag } from '../utils/action-status.ts';
import type { CaseStageId } from '../utils/case-lifecycle.ts';
import type { IsoDate } from '../utils/dates.ts';
import type { Memo } from './memo-file.ts';
import type { Problem } from '../utils/problems.ts';
import type { Project } from './project.ts';

/** What a step may use besides the project. */
export interface StepContext {
  /** Where a step may keep the results of slow pure work between runs (see src/check/memo-file.ts). */
  memo: Memo;
}

/** One step of the check. */
export interface CheckStep {
  /** A short id, for example `references`. */
  id: string;
  /** What it checks, for the output. */
  title: string;
  run(project: Project, context?: StepContext): Problem[];
}

/** A monitoring flag: a warning about an action, a plan, an activity or a report. */
export interface Flag extends Problem {
  severity: 'warning';
  kind: FlagKind;
  /** The review folder's slug. */
  review: string;
  /** The action's id, for flags on an action. */
  actionId?: string | undefined;
  /** The owning agencies' ids (one or more), for flags on an action. */
  owners?: string[] | undefined;
  /** The activity, for a dissemination flag. */
  activity?: string | undefined;
  /** The stage of the case, for a flag on a case (`case-overdue`, `case-due-soon`). */
  stage?: CaseStageId | undefined;
  /** The date the flag is about (due date, completion date, review date...). */
  date?: IsoDate | undefined;
  /** The days that go with it (days overdue, days to go, days since...). */
  days?: number | undefined;
}

export interface CheckOptions {
  /** The project folder (the build context's `root`). */
  root: string;
  /** "Today": the calendar date in England the rules are judged on (the build context's `today`). */
  today: IsoDate;
  /** Treat flags and warnings as failures. */
  strict?: boolean | undefined;
  /** The steps to run (default CHECK_STEPS). */
  steps?: readonly CheckStep[] | undefined;
  /** Results of slow pure work kept from earlier runs (default: none; see scanMemo() in src/check/scan-memo.ts). */
  memo?: Memo | undefined;
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
  /** Case files (reviews/<slug>/case.yaml): how many, how many still open, and their ratings. */
  cases: {
    total: number;
    open: number;
    byRag: Record<Rag, number>;
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
