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
 */
import type { BuildContext } from '../config/build-context.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { ActionPlan } from '../schemas/action-plan.ts';
import type { Briefing, NationalEntry, Page, Report, Statement } from '../schemas/documents.ts';
import type { Monitoring } from '../utils/action-status.ts';
import type { IsoDate } from '../utils/dates.ts';
import type { Problem } from '../utils/problems.ts';
import type { CheckCounts, CheckResult, Flag } from './types.ts';
import type { ActionCount, ActionEntry } from './project.ts';

/** A validated file: where it is and its data. */
export interface ModelDocument<T> {
  /** Path relative to the project folder, with forward slashes. */
  file: string;
  data: T;
}

/** A review folder as the site sees it. */
export interface ModelReview {
  slug: string;
  dir: string;
  files: string[];
  report?: ModelDocument<Report> | undefined;
  statement?: ModelDocument<Statement> | undefined;
  briefing?: ModelDocument<Briefing> | undefined;
  plan?: ModelDocument<ActionPlan> | undefined;
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

/** The model of a check result, for the build context it was made in. Only for results without errors. */
export function toSiteModel(result: CheckResult, context: BuildContext): SiteModel {
  const { project } = result;
  if (!project.config || result.errors.length > 0) {
    throw new Error('toSiteModel() needs a check result without errors (the site is never built from content with errors).');
  }
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
      reviews: project.reviews.map((r) => ({
        slug: r.slug,
        dir: r.dir,
        files: r.files,
        report: doc(r.report),
        statement: doc(r.statement),
        briefing: doc(r.briefing),
        plan: doc(r.plan),
      })),
      briefings: project.briefings.map((b) => ({ id: b.id, file: b.file, data: b.data })),
      national: project.national.map((n) => ({ id: n.id, file: n.file, data: n.data })),
      pages: project.pages.map((p) => ({ id: p.id, file: p.file, data: p.data })),
      actions: project.actions,
      actionCount: project.actionCount,
    },
    errors: result.errors,
    flags: result.flags,
    warnings: result.warnings,
    counts: result.counts,
    exitCode: result.exitCode,
  };
}
