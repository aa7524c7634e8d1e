/**
 * The site model: what the checker validated, as the site reads it.
 *
 * `toSiteModel(result, context)` keeps everything of a `CheckResult` that pages, the feed, the
 * sitemap, the search index and the dashboards use (every document's validated frontmatter, every
 * plan and action with its due date, RAG rating and flags, the flags and counts) and drops what
 * only the checker needs: the parsed YAML trees and the document bodies (the content layer
 * renders bodies). The result is plain data, so it can be handed to the pages as JSON
 * (`virtual:lscp/model`, provided by src/integrations/model.ts) and read there without parsing a
 * file again. The same rules decide both the check's output and the site: one model, one clock.
 *
 * Case files (reviews/<slug>/case.yaml) are PARTNERS ONLY: the public build's model holds nothing
 * of them (no case, no case flag, no folder that holds only a case file, no case counts), so no
 * public page could show one even by mistake (tests/cases-check.test.ts).
 */
import type { BuildContext } from '../config/build-context.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { ActionPlan } from '../schemas/action-plan.ts';
import type { Case } from '../schemas/case.ts';
import type { Briefing, NationalEntry, Page, Report, Statement } from '../schemas/documents.ts';
import type { Monitoring } from '../utils/action-status.ts';
import type { IsoDate } from '../utils/dates.ts';
import type { Problem } from '../utils/problems.ts';
import type { CheckCounts, CheckResult, Flag } from './types.ts';
import type { ActionCount, ActionEntry, CaseEntry, ReviewFolder } from './project.ts';

/** A validated file: where it is and its data. */
export interface ModelDocument<T> {
  /** Path relative to the project folder, with forward slashes. */
  file: string;
  data: T;
}

/** A review's document (report, statement, briefing): where it is, its data, and the review images its text shows. */
export interface ModelText<T> extends ModelDocument<T> {
  /** The images beside it that its body shows (`![alt](report-image-1.png)`): served only while it is public. */
  images: string[];
}

/** A review folder as the site sees it. */
export interface ModelReview {
  slug: string;
  dir: string;
  files: string[];
  report?: ModelText<Report> | undefined;
  statement?: ModelText<Statement> | undefined;
  briefing?: ModelText<Briefing> | undefined;
  plan?: ModelDocument<ActionPlan> | undefined;
  /** The case file: in the partners build only. */
  case?: ModelDocument<Case> | undefined;
}

/** The project as the site sees it (a `Project` without YAML trees and bodies). */
export interface ModelProject {
  root: string;
  today: IsoDate;
  config?: SiteConfig | undefined;
  monitoring: Monitoring;
  reviews: ModelReview[];
  briefings: (ModelDocument<Briefing> & { id: string })[];
  national: (ModelDocument<NationalEntry> & { id: string })[];
  pages: (ModelDocument<Page> & { id: string })[];
  actions: ActionEntry[];
  actionCount: ActionCount;
  /** Every case with its lifecycle: in the partners build only (empty in the public build). */
  cases: CaseEntry[];
}

/** What the check found, as plain data: the shape of a `CheckResult`, with a `ModelProject`. */
export interface CheckView {
  root: string;
  today: IsoDate;
  project: ModelProject;
  errors: Problem[];
  flags: Flag[];
  warnings: Problem[];
  counts: CheckCounts;
  exitCode: 0 | 1;
}

/** The site model: the check's view and the build context it was made for. */
export interface SiteModel extends CheckView {
  context: BuildContext;
  /** Settings, themes and agencies (always present: a model is made only from content without errors). */
  config: SiteConfig;
}

function doc<T>(d: { file: string; data: T } | undefined): ModelDocument<T> | undefined {
  return d ? { file: d.file, data: d.data } : undefined;
}

function text<T>(d: { file: string; data: T; images: string[] } | undefined): ModelText<T> | undefined {
  return d ? { file: d.file, data: d.data, images: d.images } : undefined;
}

/** True for a folder that holds a case file and no document of a review: a case, not (yet) a review. */
function caseOnly(r: Pick<ReviewFolder, 'files'>): boolean {
  return r.files.includes('case.yaml') && !r.files.some((f) => f === 'report.mdx' || f === 'statement.mdx' || f === 'briefing.mdx' || f === 'action-plan.yaml');
}

/** True for a flag on a case. */
function isCaseFlag(f: Flag): boolean {
  return f.kind === 'case-overdue' || f.kind === 'case-due-soon';
}

/** The counts without the cases (for the public build). */
function countsWithoutCases(counts: CheckCounts): CheckCounts {
  const caseFlags = counts.flagsByKind['case-overdue'] + counts.flagsByKind['case-due-soon'];
  return {
    ...counts,
    flags: counts.flags - caseFlags,
    flagsByKind: { ...counts.flagsByKind, 'case-overdue': 0, 'case-due-soon': 0 },
    cases: { total: 0, open: 0, byRag: { red: 0, amber: 0, green: 0, grey: 0 } },
  };
}

/** The model of a check result, for the build context it was made in. Only for results without errors. */
export function toSiteModel(result: CheckResult, context: BuildContext): SiteModel {
  const { project } = result;
  if (!project.config || result.errors.length > 0) {
    throw new Error('toSiteModel() needs a check result without errors (the site is never built from content with errors).');
  }
  // Nothing of a case file reaches the public build's model.
  const partners = context.build === 'partners';
  const reviews = partners ? project.reviews : project.reviews.filter((r) => !caseOnly(r));
  return {
    context,
    config: project.config,
    root: result.root,
    today: result.today,
    project: {
      root: project.root,
      today: project.today,
      config: project.config,
      monitoring: project.monitoring,
      reviews: reviews.map((r) => ({
        slug: r.slug,
        dir: r.dir,
        files: partners ? r.files : r.files.filter((f) => f !== 'case.yaml'),
        report: text(r.report),
        statement: text(r.statement),
        briefing: text(r.briefing),
        plan: doc(r.plan),
        ...(partners && r.case ? { case: doc(r.case) } : {}),
      })),
      briefings: project.briefings.map((b) => ({ id: b.id, file: b.file, data: b.data })),
      national: project.national.map((n) => ({ id: n.id, file: n.file, data: n.data })),
      pages: project.pages.map((p) => ({ id: p.id, file: p.file, data: p.data })),
      actions: project.actions,
      actionCount: project.actionCount,
      cases: partners ? project.cases : [],
    },
    errors: result.errors,
    flags: partners ? result.flags : result.flags.filter((f) => !isCaseFlag(f)),
    warnings: result.warnings,
    counts: partners ? result.counts : countsWithoutCases(result.counts),
    exitCode: result.exitCode,
  };
}
