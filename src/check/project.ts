/**
 * The project model: ALL the editors' content, read once and validated, in one object.
 *
 * `loadProject(root, today)` reads `content/` (settings, themes, agencies, national entries,
 * standalone briefings, pages) and every `reviews/<slug>/` folder (report, statement, briefing,
 * action plan), validating each file against its one schema (src/schemas/) through the one YAML
 * reader (src/utils/yaml/). It never throws for bad content: a folder or a broken link
 * where a file should be, a file that is not UTF-8 text (src/utils/text-file.ts), YAML that
 * cannot be read and data that fails its schema are all in `project.problems`, located by file
 * (and line and column when the file has any), and the files that were valid are in the model.
 *
 * The checks (src/check/steps.ts) and the site's dashboards both read this model:
 * - `project.reviews`: one entry per review folder, with the validated frontmatter of each
 *   document that exists and is valid, and the validated action plan.
 * - `project.actions`: every action of every valid plan, flattened, with its due date (by its
 *   latest timescale), the due date first agreed and its slippage, its RAG rating and its flags
 *   for `project.today`. `action.owner` is always a list of agency ids (the file may give one). INTERNAL fields (`notes`) are still in
 *   `action`; a public page must pass plans through `stripInternal()` (src/schemas/action-plan.ts)
 *   or leave those fields out.
 * - `project.actionCount`: how many actions the files hold (counted in the YAML itself, before any
 *   schema, even in a plan that is not UTF-8 text), how many were read, and how many sit in plans
 *   with errors. No action is dropped silently: `inFiles === read + inPlansWithErrors`.
 * - `project.cases`: every valid case file (`reviews/<slug>/case.yaml`, PARTNERS ONLY), with its
 *   lifecycle for `project.today`: each stage's deadline, the next deadline, the RAG rating and
 *   the flags (src/utils/case-lifecycle.ts). A folder may hold only a case file.
 */
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
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
import {
  actionStanding,
  DEFAULT_MONITORING,
  type ActionStanding,
  type Monitoring,
} from '../utils/action-status.ts';
import { caseLifecycle, type CaseLifecycle } from '../utils/case-lifecycle.ts';
import type { IsoDate } from '../utils/dates.ts';
import { bytesDigest } from '../utils/digest.ts';
import type { Problem } from '../utils/problems.ts';
import { imagesShown } from '../utils/review-image.ts';
import { readTextFile } from '../utils/text-file.ts';
import { parseFrontmatter } from '../utils/yaml/frontmatter.ts';
import { locate, parseYaml, plainData, type YamlSource } from '../utils/yaml/source.ts';
import { parseWithSchema } from '../utils/yaml/validate.ts';
import type { ProblemOptions } from '../utils/zod-issues.ts';

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

/** A validated action plan. */
export interface PlanFile extends SourceFile<ActionPlan> {
  /** A digest of the text it was read from (`bytesDigest`), so that results kept by text are known to be this plan's. */
  textDigest: string;
}

/** A validated MDX document: its frontmatter and its body. */
export interface MdxFile<T> extends SourceFile<T> {
  /** The text after the frontmatter. */
  body: string;
  /** The file line on which `body` starts. */
  bodyLine: number;
  /** The review images the body shows (`![alt](report-image-1.png)`): the site serves them only while the document is public. */
  images: string[];
}

/** One action of a valid plan, with what the monitoring computes for it today (`ActionStanding`: due date, timescale in force, slippage, RAG, flags). */
export interface ActionEntry extends ActionStanding {
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
  /** The day of its latest update, if any. */
  lastUpdate?: IsoDate | undefined;
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
  plan?: PlanFile | undefined;
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

/** What a folder entry is, following links: a folder, something else, or a link to nothing. */
function entryKind(file: string): 'folder' | 'other' | 'broken-link' {
  try {
    return statSync(file).isDirectory() ? 'folder' : 'other';
  } catch {
    return lstatSync(file, { throwIfNoEntry: false }) ? 'broken-link' : 'other';
  }
}

/**
 * Runs `read` for one file. Bad content never throws (the readers return problems); should the
 * checker itself fail on a file, that is an error naming the file, not a crash.
 */
function guarded<T>(file: string, problems: Problem[], read: () => T): T | undefined {
  try {
    return read();
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    problems.push({
      severity: 'error',
      file,
      line: 1,
      column: 1,
      kind: 'checker-fault',
      message: `the checker stopped on this file with a fault of its own (${why}); the file may be fine. Please report it`,
    });
    return undefined;
  }
}

/** Reads a text file, or adds why it cannot be read to `problems`. */
function readText(root: string, file: string, problems: Problem[]): string | undefined {
  const read = readTextFile(file, rel(root, file));
  if (read.ok) return read.text;
  problems.push(...read.problems);
  return undefined;
}

function readMdx<S extends z.ZodType>(
  root: string,
  file: string,
  schema: S,
  problems: Problem[],
  document: string,
): MdxFile<z.output<S>> | undefined {
  const relative = rel(root, file);
  const text = readText(root, file, problems);
  if (text === undefined) return undefined;
  const parsed = guarded(relative, problems, () => parseFrontmatter(text, relative, schema, { document }));
  if (!parsed) return undefined;
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  const body = parsed.body ?? '';
  return { file: relative, data: parsed.data, source: parsed.source, body, bodyLine: parsed.bodyLine ?? 1, images: imagesShown(body) };
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

/** How problems in a plan are written. */
const PLAN_OPTIONS: Omit<ProblemOptions, 'schema'> = { fieldsDoc: ACTION_PLAN_DOC, document: 'the action plan' };

/** Reads and validates one action-plan.yaml. */
export function readPlan(text: string, file: string): { plan?: PlanFile; problems: Problem[]; inFile: number } {
  const parsed = parseWithSchema(text, file, actionPlanSchema, 0, PLAN_OPTIONS);
  const source = parsed.source ?? parseYaml(text, file).source;
  // Counted in the plain data when the YAML could be read (aliases resolved, as the schema sees
  // it), else in the YAML's own lists.
  const plain = plainData(source);
  const inFile = plain ? countActionsInData(plain.data) : countActionsInYaml(source.doc.contents);
  if (!parsed.ok) return { problems: parsed.problems, inFile };
  return { plan: { file, data: parsed.data, source: parsed.source, textDigest: bytesDigest(text) }, problems: [], inFile };
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
        lastUpdate: last,
        ...actionStanding(action, today, monitoring, plan.data.draft),
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
  const { config, problems: configProblems } = guarded('content', problems, () => readSiteConfig(root)) ?? { problems: [] };
  problems.push(...configProblems);
  const monitoring = config?.settings.monitoring ?? DEFAULT_MONITORING;

  const reviews: ReviewFolder[] = [];
  const actions: ActionEntry[] = [];
  const actionCount: ActionCount = { inFiles: 0, read: 0, inPlansWithErrors: 0 };
  const cases: CaseEntry[] = [];
  const reviewsDir = path.join(root, 'reviews');
  for (const name of listDir(reviewsDir)) {
    const dir = path.join(reviewsDir, name);
    if (name.startsWith('.')) continue;
    const kind = entryKind(dir);
    if (kind === 'broken-link') {
      problems.push({
        severity: 'error',
        file: `reviews/${name}`,
        kind: 'not-a-folder',
        message: 'is a link (shortcut) to a folder that does not exist. Remove the link, or put the review folder itself here',
      });
    }
    if (kind !== 'folder') continue;
    const files = listDir(dir);
    const folder: ReviewFolder = { slug: name, dir: `reviews/${name}`, files };
    const has = (f: string) => files.includes(f);
    if (has('report.mdx')) folder.report = readMdx(root, path.join(dir, 'report.mdx'), reportSchema, problems, 'the report');
    if (has('statement.mdx')) folder.statement = readMdx(root, path.join(dir, 'statement.mdx'), statementSchema, problems, 'the partnership statement');
    if (has('briefing.mdx')) folder.briefing = readMdx(root, path.join(dir, 'briefing.mdx'), briefingSchema, problems, 'the 7-minute briefing');
    if (has('action-plan.yaml')) {
      const file = `reviews/${name}/action-plan.yaml`;
      const read = readTextFile(path.join(dir, 'action-plan.yaml'), file);
      // A plan that is not UTF-8 text is an error, but its actions are still counted, in the best
      // reading of its bytes.
      const text = read.ok ? read.text : read.bestEffort;
      const { plan, problems: planProblems, inFile } = (text !== undefined && guarded(file, problems, () => readPlan(text, file))) || { problems: [], inFile: 0 };
      problems.push(...(read.ok ? planProblems : read.problems));
      actionCount.inFiles += inFile;
      const entries = plan && read.ok ? guarded(file, problems, () => planActions(name, plan, today, monitoring)) : undefined;
      if (plan && entries) {
        folder.plan = plan;
        actions.push(...entries);
        actionCount.read += entries.length;
      } else {
        actionCount.inPlansWithErrors += inFile;
      }
    }
    if (has(CASE_FILE)) {
      const caseFile = `reviews/${name}/${CASE_FILE}`;
      const text = readTextFile(path.join(dir, CASE_FILE), caseFile);
      const read = text.ok ? guarded(caseFile, problems, () => readCase(text.text, caseFile)) ?? { problems: [] } : { problems: text.problems };
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
    const doc = readMdx(root, path.join(root, 'content', 'briefings', name), briefingSchema, problems, 'the 7-minute briefing');
    if (doc) briefings.push({ ...doc, id: name.replace(/\.mdx?$/, '') });
  }

  const national: NationalFile[] = [];
  for (const name of listDir(path.join(root, 'content', 'national'))) {
    if (!/\.ya?ml$/.test(name)) continue;
    const file = path.join(root, 'content', 'national', name);
    const relative = rel(root, file);
    const text = readText(root, file, problems);
    if (text === undefined) continue;
    const parsed = guarded(relative, problems, () => parseWithSchema(text, relative, nationalSchema, 0, { document: 'the national entry' }));
    if (!parsed) continue;
    if (parsed.ok) national.push({ file: relative, data: parsed.data, source: parsed.source, id: name.replace(/\.ya?ml$/, '') });
    else problems.push(...parsed.problems);
  }

  const pages: PageFile[] = [];
  for (const name of listDir(path.join(root, 'content', 'pages'))) {
    if (!/\.mdx?$/.test(name)) continue;
    const doc = readMdx(root, path.join(root, 'content', 'pages', name), pageSchema, problems, 'the page');
    if (doc) pages.push({ ...doc, id: name.replace(/\.mdx?$/, '') });
  }

  return { root, today, config, monitoring, reviews, briefings, national, pages, actions, actionCount, cases, problems };
}

/** True when `root` has at least one review folder (used by tests of the sample content). */
export function hasReviews(root: string): boolean {
  const dir = path.join(root, 'reviews');
  return existsSync(dir) && listDir(dir).some((n) => !n.startsWith('.'));
}
