/**
 * The cases step (PARTNERS ONLY content: reviews/<slug>/case.yaml): the dates of each case are
 * possible (none after today, none before the local authority became aware, in order), a "no
 * review" case holds nothing that could be published, and every stage that is overdue or due
 * soon is flagged with the case, the stage, its deadline and the days late or to go. The rules
 * are in src/utils/case-lifecycle.ts; the lifecycle itself was worked out when the project was
 * loaded (`project.cases`).
 */
import { caseDateProblems, type CaseField } from '../../utils/case-lifecycle.ts';
import { listAnd } from '../../utils/text.ts';
import { formatPath, type Problem } from '../../utils/problems.ts';
import type { CaseEntry, Project, SourceFile } from '../project.ts';
import type { CheckStep, Flag } from '../types.ts';
import { at, error } from './problem-at.ts';

/** Files that would make a folder public (or part of a public review). */
const PUBLISHABLE = ['report.mdx', 'statement.mdx', 'briefing.mdx', 'action-plan.yaml'];

/** The flags on every case today, located where the stage's date is to be written. */
export function caseFlags(project: Project): Flag[] {
  const flags: Flag[] = [];
  for (const entry of project.cases) {
    const folder = project.reviews.find((r) => r.slug === entry.slug);
    const caseFile = folder?.case;
    if (!caseFile) continue;
    for (const f of entry.lifecycle.flags) {
      const where = locateField(project, entry, f.at);
      flags.push({
        severity: 'warning',
        ...where,
        kind: f.kind,
        review: entry.slug,
        stage: f.stage,
        date: f.date,
        days: f.days,
        message: `Case ${entry.title}: ${f.message}`,
      });
    }
  }
  return flags;
}

/**
 * Where a flag on a stage points: the stage's field when it is written, else the key of the
 * block it goes in (`rapidReview:`), else the field its deadlines count from (`aware` in
 * case.yaml, `published` in report.mdx); the flag's `field` always names the field to write
 * (`rapidReview.sentToPanel`).
 */
function locateField(project: Project, entry: CaseEntry, field: CaseField) {
  const folder = project.reviews.find((r) => r.slug === entry.slug)!;
  const file: SourceFile<unknown> = field.file === 'report' && folder.report ? folder.report : folder.case!;
  let written = 0;
  let value: unknown = file.data;
  for (const part of field.path) {
    if (value === null || typeof value !== 'object' || (value as Record<string, unknown>)[part] === undefined) break;
    value = (value as Record<string, unknown>)[part];
    written++;
  }
  const fallback = field.file === 'report' && folder.report ? ['published'] : ['aware'];
  const where = at(file.source, file.file, written > 0 ? field.path.slice(0, written) : fallback, 'key');
  return { ...where, field: formatPath(field.path) };
}

/** Dates in order, a "no review" folder with nothing to publish, and the flags. */
export const casesStep: CheckStep = {
  id: 'cases',
  title: 'Cases: dates, decisions and deadlines',
  run(project) {
    const problems: Problem[] = [];
    for (const entry of project.cases) {
      const folder = project.reviews.find((r) => r.slug === entry.slug);
      const caseFile = folder?.case;
      if (!folder || !caseFile) continue;
      for (const p of caseDateProblems(entry.case, folder.report?.data, project.today)) {
        problems.push(error(caseFile, p.path, 'case-date', p.message));
      }
      if (entry.case.decision?.outcome === 'no-review') {
        const publishable = PUBLISHABLE.filter((f) => folder.files.includes(f));
        if (publishable.length) {
          problems.push(
            error(
              caseFile,
              ['decision', 'outcome'],
              'case-no-review',
              `is no-review, but ${folder.dir} also holds ${listAnd(publishable)}: a case decided "no review" never leads to anything public. ` +
                'Correct the decision, or move those files out (learning from a rapid review can be a standalone briefing in content/briefings/)',
            ),
          );
        }
      }
    }
    problems.push(...caseFlags(project));
    return problems;
  },
};
