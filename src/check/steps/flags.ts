/**
 * The flags step: the monitoring flags (overdue and due-soon actions, actions awaiting assurance,
 * stale plans, dissemination, reports that may now be archived, publication notice) as warnings, each
 * located at the field it is about. Drafts are not monitored.
 */
import { disseminationFlags, planFlags, reportFlags, type FlagKind, type StatusFlag } from '../../utils/action-status.ts';
import type { Report } from '../../schemas/documents.ts';
import type { Project, SourceFile } from '../project.ts';
import type { CheckStep, Flag } from '../types.ts';
import { at, type Path } from './problem-at.ts';

function flagAt(file: SourceFile<unknown>, p: Path, review: string, f: StatusFlag, subject: string, extra: Partial<Flag> = {}): Flag {
  return {
    severity: 'warning',
    ...at(file.source, file.file, p),
    kind: f.kind,
    review,
    date: f.date,
    days: f.days,
    message: `${subject} ${f.message}`,
    ...extra,
  };
}

const ACTION_FLAG_FIELD: Partial<Record<FlagKind, string>> = {
  overdue: 'timescale',
  'due-soon': 'timescale',
  'review-date-passed': 'reviewBy',
  'awaiting-assurance': 'completedOn',
  'no-impact-evidence': 'assuredOn',
};

/** The field a report flag points at: the day sent to the Panel, the day to look again, or the published day. */
function reportFlagField(report: Report, f: StatusFlag): Path {
  if (f.kind === 'publication-notice' && report.sentToPanel) return ['sentToPanel'];
  if (f.kind === 'may-archive' && report.keepPublished && f.date === report.keepPublished.lookAgain) return ['keepPublished', 'lookAgain'];
  return ['published'];
}

/** The field a flag on an action points at: a revised timescale is judged, and flagged, at its latest revision. */
function actionFlagPath(entry: Project['actions'][number], kind: FlagKind): Path {
  const field = ACTION_FLAG_FIELD[kind];
  if (!field) return entry.path;
  if (field === 'timescale' && entry.revisions > 0) return [...entry.path, 'revisions', entry.revisions - 1, 'timescale'];
  return [...entry.path, field];
}

/** Every monitoring flag on the project today, located in its file. Drafts are not monitored. */
export function projectFlags(project: Project): Flag[] {
  const flags: Flag[] = [];
  const plans = new Map(project.reviews.flatMap((r) => (r.plan ? [[r.slug, r.plan] as const] : [])));
  for (const entry of project.actions) {
    const plan = plans.get(entry.review);
    if (!plan) continue;
    for (const f of entry.flags) {
      flags.push(
        flagAt(plan, actionFlagPath(entry, f.kind), entry.review, f, `Action ${entry.action.id} (${entry.action.owner.join(', ')})`, {
          actionId: entry.action.id,
          owners: entry.action.owner,
        }),
      );
    }
  }
  for (const r of project.reviews) {
    const plan = r.plan;
    if (plan && !plan.data.draft) {
      for (const f of planFlags(plan.data, project.today, project.monitoring)) {
        flags.push(flagAt(plan, plan.data.agreed ? ['agreed'] : ['review'], r.slug, f, 'The plan'));
      }
      plan.data.dissemination.forEach((d, di) => {
        for (const f of disseminationFlags(d, project.today)) {
          flags.push(flagAt(plan, ['dissemination', di, 'due'], r.slug, f, 'Dissemination:', { activity: d.activity }));
        }
      });
    }
    const report = r.report;
    if (report) {
      for (const f of reportFlags(report.data, project.today, project.monitoring)) {
        flags.push(flagAt(report, reportFlagField(report.data, f), r.slug, f, 'The report'));
      }
    }
  }
  return flags;
}

/** The monitoring flags, as a step (warnings). */
export const flagsStep: CheckStep = {
  id: 'flags',
  title: 'Monitoring flags',
  run: projectFlags,
};
