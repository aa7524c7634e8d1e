/**
 * The project model: ALL the editors' content, read once and validated, in one object.
 *
 * `loadProject(root, today)` reads `content/` (settings, themes, agencies, national entries,
 * standalone briefings, pages) and every `reviews/<slug>/` folder (report, statement, briefing,
 * action plan), validating each file against its one schema (src/schemas/) through the one YAML
 * reader (src/utils/yaml-source.ts). It never throws for bad content: every problem it meets is
 * in `project.problems`, located by file, line and column, and the files that were valid are in
 * the model.
 *
 * The checks (src/check/steps.ts) and the site's dashboards both read this model:
 * - `project.reviews`: one entry per review folder, with the validated frontmatter of each
 *   document that exists and is valid, and the validated action plan.
 * - `project.actions`: every action of every valid plan, flattened, with its due date, its RAG
 *   rating and its flags for `project.today`. INTERNAL fields (`notes`) are still in
 *   `action`; a public page must pass plans through `stripInternal()` (src/schemas/action-plan.ts)
 *   or leave those fields out.
 * - `project.actionCount`: how many actions the files hold (counted in the YAML itself, before any
 *   schema), how many were read, and how many sit in plans with errors. No action is dropped
 *   silently: `inFiles === read + inPlansWithErrors`.
 * - `project.cases`: every valid case file (`reviews/<slug>/case.yaml`, PARTNERS ONLY), with its
 *   lifecycle for `project.today`: each stage's deadline, the next deadline, the RAG rating and
 *   the flags (src/utils/case-lifecycle.ts). A folder may hold only a case file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, type Node } from 'yaml';
import type { z } from 'astro/zod';
import { readSiteConfig, type SiteConfig } from '../config/site-config.ts';
import { actionPlanSchema, type Action, type ActionPlan, type Recommendation } from '../schemas/action-plan.ts';
import { caseSchema, type Case } from '../schemas/case.ts';
import {
  briefingSchema,
  nationalSchema,
  pageSchema,
  reportSchema,
  statementSchema,
  type Briefing,
  type NationalEntry,
  type Page,
  type Report,
  type Statement,
} from '../schemas/documents.ts';
import { actionDueDate, actionFlags, DEFAULT_MONITORING, isOngoing, ragRating, type Monitoring, type RagRating, type StatusFlag } from '../utils/action-status.ts';
import { caseLifecycle, type CaseLifecycle } from '../utils/case-lifecycle.ts';
import type { IsoDate } from '../utils/dates.ts';
import type { Problem } from '../utils/problems.ts';
import { locate, parseFrontmatter, parseWithSchema, parseYaml, type YamlSource } from '../utils/yaml-source.ts';

/** Where editors find the action-plan fields described. */
export const ACTION_PLAN_DOC = 'docs/action-plans.md';

/** Where editors find the case fields described. */
export const CASE_DOC = 'docs/case-lifecycle.md';

/** The case file of a review folder. */
export const CASE_FILE = 'case.yaml';

/** A validated YAML file (or MDX frontmatter) and where it came from. */
export interface SourceFile<T> {
  /** Path relative to the project folder, with forward slashes. */
  file: string;
  /** The validated data. */
  data: T;
  /** The parsed YAML, to point problems at lines and columns (`locate(source, path)`). */
  source: YamlSource;
}

/** A validated MDX document: its frontmatter and its body. */
export interface MdxFile<T> extends SourceFile<T> {
  /** The text after the frontmatter. */
  body: string;
  /** The file line on which `body` starts. */
  bodyLine: number;
}

/** One action of a valid plan, with what the monitoring computes for it today. */
export interface ActionEntry {
  /** The review folder's slug. */
  review: string;
  /** The plan file. */
  file: string;
  /** The plan is a draft: not monitored (no flags) and not shown. */
  draft: boolean;
  /** The recommendation the action answers (its actions are left out here). */
  recommendation: Omit<Recommendation, 'actions'>;
  /** The action as validated (INTERNAL fields included). */
  action: Action;
  /** Where it is in the plan, for example ['recommendations', 0, 'actions', 2]. */
  path: (string | number)[];
  /** Line and column of the action in the file. */
  line: number;
  column: number;
  /** The day it is due, or undefined for an ongoing action. */
  due?: IsoDate | undefined;
  /** True when the timescale is `ongoing`. */
  ongoing: boolean;
  /** The day of its latest update, if any. */
  lastUpdate?: IsoDate | undefined;
  /** Red, amber, green or grey, and why (computed, never typed). */
  rag: RagRating;
  /** Its flags today (none in a draft plan). */
  flags: StatusFlag[];
}

/** One `reviews/<slug>/` folder. A document that is missing or invalid is undefined (invalid ones are in `problems`). */
export interface ReviewFolder {
  slug: string;
  /** `reviews/<slug>`. */
  dir: string;
  /** The names of the files in the folder. */
  files: string[];
  report?: MdxFile<Report> | undefined;
  statement?: MdxFile<Statement> | undefined;
  briefing?: MdxFile<Briefing> | undefined;
  plan?: SourceFile<ActionPlan> | undefined;
  /** The case file (PARTNERS ONLY): the lifecycle from the incident to the NSPCC submission. */
  case?: SourceFile<Case> | undefined;
}

/** One valid case file, with its lifecycle today. PARTNERS ONLY: nothing of it is ever public. */
export interface CaseEntry {
  /** The review folder's slug. */
  slug: string;
  /** `reviews/<slug>/case.yaml`. */
  file: string;
  /** The case's name (its `title`). */
  title: string;
  /** The case as validated. */
  case: Case;
  /** `reviews/<slug>/report.mdx` when the folder has a valid report (the lifecycle reads its dates). */
  reportFile?: string | undefined;
  /** Every stage with its deadline, the phase, the next deadline, the RAG rating and the flags today. */
  lifecycle: CaseLifecycle;
}

/** A standalone briefing, `content/briefings/<id>.mdx`. */
export interface StandaloneBriefing extends MdxFile<Briefing> {
  id: string;
}

/** A national entry, `content/national/<id>.yaml`. */
export interface NationalFile extends SourceFile<NationalEntry> {
  id: string;
}

/** A page, `content/pages/<id>.mdx`. */
export interface PageFile extends MdxFile<Page> {
  id: string;
}

/** How many actions there are, counted two ways. */
export interface ActionCount {
  /** Actions in the files, counted in the YAML itself before any schema is applied. */
  inFiles: number;
  /** Actions read into the model (`project.actions`). */
  read: number;
  /** Actions in plans that have errors (listed in `problems`, not in `project.actions`). */
  inPlansWithErrors: number;
}

/** Everything the editors wrote, validated. */
export interface Project {
  /** The project folder. */
  root: string;
  /** "Today": the calendar date in England the checks and flags use. */
  today: IsoDate;
  /** Settings, themes and agencies; undefined when one of them has errors. */
  config?: SiteConfig | undefined;
  /** The monitoring timings (from settings, or the defaults when settings have errors). */
  monitoring: Monitoring;
  reviews: ReviewFolder[];
  briefings: StandaloneBriefing[];
  national: NationalFile[];
  pages: PageFile[];
  /** Every action of every valid plan. */
  actions: ActionEntry[];
  actionCount: ActionCount;
  /** Every valid case file, with its lifecycle today (PARTNERS ONLY). */
  cases: CaseEntry[];
  /** Every problem met while reading (errors). */
  problems: Problem[];
}

/** File names a review folder may hold besides PDFs. */
export const REVIEW_FILES = ['report.mdx', 'statement.mdx', 'briefing.mdx', 'action-plan.yaml', CASE_FILE] as const;

function rel(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function readMdx<S extends z.ZodType>(root: string, file: string, schema: S, problems: Problem[]): MdxFile<z.output<S>> | undefined {
  const relative = rel(root, file);
  const parsed = parseFrontmatter(readFileSync(file, 'utf8'), relative, schema);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  return { file: relative, data: parsed.data, source: parsed.source, body: parsed.body ?? '', bodyLine: parsed.bodyLine ?? 1 };
}

/** Counts the actions in a plan's YAML tree, whatever the schema says of it. */
export function countActionsInYaml(contents: unknown): number {
  if (!isMap(contents)) return 0;
  const recommendations = contents.get('recommendations', true) as Node | undefined;
  if (!isSeq(recommendations)) return 0;
  let count = 0;
  for (const r of recommendations.items) {
    if (!isMap(r)) continue;
    const actions = r.get('actions', true) as Node | undefined;
    if (isSeq(actions)) count += actions.items.length;
  }
  return count;
}

/** Counts the actions in a plan's plain data (as the fast YAML reader gives it), whatever the schema says of it. */
function countActionsInData(data: unknown): number {
  const recommendations = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).recommendations : undefined;
  if (!Array.isArray(recommendations)) return 0;
  let count = 0;
  for (const r of recommendations) {
    const actions = r && typeof r === 'object' && !Array.isArray(r) ? (r as Record<string, unknown>).actions : undefined;
    if (Array.isArray(actions)) count += actions.length;
  }
  return count;
}

/** Reads and validates one action-plan.yaml. */
export function readPlan(text: string, file: string): { plan?: SourceFile<ActionPlan>; problems: Problem[]; inFile: number } {
  const parsed = parseWithSchema(text, file, actionPlanSchema, 0, { fieldsDoc: ACTION_PLAN_DOC });
  const source = parsed.source ?? parseYaml(text, file).source;
  // Plain block YAML has no aliases or merge keys, so its data has the YAML's own lists.
  const inFile = source.fast ? countActionsInData(source.fast.data) : countActionsInYaml(source.doc.contents);
  if (!parsed.ok) return { problems: parsed.problems, inFile };
  return { plan: { file, data: parsed.data, source: parsed.source }, problems: [], inFile };
}

/** The actions of a valid plan, flattened, with their due dates, ratings and flags for `today`. */
export function planActions(review: string, plan: SourceFile<ActionPlan>, today: IsoDate, monitoring: Monitoring): ActionEntry[] {
  const entries: ActionEntry[] = [];
  plan.data.recommendations.forEach((r, ri) => {
    const { actions, ...recommendation } = r;
    actions.forEach((action, ai) => {
      const p = ['recommendations', ri, 'actions', ai];
      let last: IsoDate | undefined;
      for (const u of action.updates) if (last === undefined || u.date > last) last = u.date;
      entries.push({
        review,
        file: plan.file,
        draft: plan.data.draft,
        recommendation,
        action,
        path: p,
        ...locate(plan.source, p),
        due: actionDueDate(action),
        ongoing: isOngoing(action),
        lastUpdate: last,
        rag: ragRating(action, today, monitoring),
        flags: plan.data.draft ? [] : actionFlags(action, today, monitoring),
      });
    });
  });
  return entries;
}

/** Reads and validates one case.yaml. */
export function readCase(text: string, file: string): { case?: SourceFile<Case>; problems: Problem[] } {
  const parsed = parseWithSchema(text, file, caseSchema, 0, { fieldsDoc: CASE_DOC });
  if (!parsed.ok) return { problems: parsed.problems };
  return { case: { file, data: parsed.data, source: parsed.source }, problems: [] };
}

/**
 * Reads and validates everything under `root`. Never throws for bad content; see the top of
 * this file for what the model holds.
 */
export function loadProject(root: string, today: IsoDate): Project {
  const problems: Problem[] = [];
  const { config, problems: configProblems } = readSiteConfig(root);
  problems.push(...configProblems);
  const monitoring = config?.settings.monitoring ?? DEFAULT_MONITORING;

  const reviews: ReviewFolder[] = [];
  const actions: ActionEntry[] = [];
  const actionCount: ActionCount = { inFiles: 0, read: 0, inPlansWithErrors: 0 };
  const cases: CaseEntry[] = [];
  const reviewsDir = path.join(root, 'reviews');
  for (const name of listDir(reviewsDir)) {
    const dir = path.join(reviewsDir, name);
    if (name.startsWith('.') || !statSync(dir).isDirectory()) continue;
    const files = listDir(dir);
    const folder: ReviewFolder = { slug: name, dir: `reviews/${name}`, files };
    const has = (f: string) => files.includes(f);
    if (has('report.mdx')) folder.report = readMdx(root, path.join(dir, 'report.mdx'), reportSchema, problems);
    if (has('statement.mdx')) folder.statement = readMdx(root, path.join(dir, 'statement.mdx'), statementSchema, problems);
    if (has('briefing.mdx')) folder.briefing = readMdx(root, path.join(dir, 'briefing.mdx'), briefingSchema, problems);
    if (has('action-plan.yaml')) {
      const file = `reviews/${name}/action-plan.yaml`;
      const { plan, problems: planProblems, inFile } = readPlan(readFileSync(path.join(dir, 'action-plan.yaml'), 'utf8'), file);
      problems.push(...planProblems);
      actionCount.inFiles += inFile;
      if (plan) {
        folder.plan = plan;
        const entries = planActions(name, plan, today, monitoring);
        actions.push(...entries);
        actionCount.read += entries.length;
      } else {
        actionCount.inPlansWithErrors += inFile;
      }
    }
    if (has(CASE_FILE)) {
      const read = readCase(readFileSync(path.join(dir, CASE_FILE), 'utf8'), `reviews/${name}/${CASE_FILE}`);
      problems.push(...read.problems);
      if (read.case) {
        folder.case = read.case;
        cases.push({
          slug: name,
          file: read.case.file,
          title: read.case.data.title,
          case: read.case.data,
          reportFile: folder.report?.file,
          lifecycle: caseLifecycle(read.case.data, folder.report?.data, today, monitoring),
        });
      }
    }
    reviews.push(folder);
  }

  const briefings: StandaloneBriefing[] = [];
  for (const name of listDir(path.join(root, 'content', 'briefings'))) {
    if (!/\.mdx?$/.test(name)) continue;
    const doc = readMdx(root, path.join(root, 'content', 'briefings', name), briefingSchema, problems);
    if (doc) briefings.push({ ...doc, id: name.replace(/\.mdx?$/, '') });
  }

  const national: NationalFile[] = [];
  for (const name of listDir(path.join(root, 'content', 'national'))) {
    if (!/\.ya?ml$/.test(name)) continue;
    const file = path.join(root, 'content', 'national', name);
    const relative = rel(root, file);
    const parsed = parseWithSchema(readFileSync(file, 'utf8'), relative, nationalSchema);
    if (parsed.ok) national.push({ file: relative, data: parsed.data, source: parsed.source, id: name.replace(/\.ya?ml$/, '') });
    else problems.push(...parsed.problems);
  }

  const pages: PageFile[] = [];
  for (const name of listDir(path.join(root, 'content', 'pages'))) {
    if (!/\.mdx?$/.test(name)) continue;
    const doc = readMdx(root, path.join(root, 'content', 'pages', name), pageSchema, problems);
    if (doc) pages.push({ ...doc, id: name.replace(/\.mdx?$/, '') });
  }

  return { root, today, config, monitoring, reviews, briefings, national, pages, actions, actionCount, cases, problems };
}

/** True when `root` has at least one review folder (used by tests of the sample content). */
export function hasReviews(root: string): boolean {
  const dir = path.join(root, 'reviews');
  return existsSync(dir) && listDir(dir).some((n) => !n.startsWith('.'));
}
