/**
 * The folders step: review folders are named and filled as the site expects; standalone
 * briefings do not share a review's name. A folder may hold only a case file (case.yaml) until
 * the review has a report: it is then a case, not (yet) a review, and nothing of it is public.
 */
import type { Problem } from '../../utils/problems.ts';
import type { CheckStep } from '../types.ts';
import { error } from './problem-at.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Review folders are named and filled as the site expects; standalone briefings are distinct. */
export const foldersStep: CheckStep = {
  id: 'folders',
  title: 'Review folders hold what the site needs',
  run(project) {
    const problems: Problem[] = [];
    const problem = (file: string, kind: string, message: string) => problems.push({ severity: 'error', file, kind, message });
    for (const r of project.reviews) {
      if (!SLUG.test(r.slug)) {
        problem(r.dir, 'folder-name', `the folder name "${r.slug}" becomes the review's web address: use lower-case letters, digits and single hyphens, for example child-d`);
      }
      const hasReport = r.files.includes('report.mdx');
      const hasStatement = r.files.includes('statement.mdx');
      const about = r.statement?.data.about;
      const caseOnly = r.files.includes('case.yaml') && r.files.every((f) => f === 'case.yaml' || f.startsWith('.'));
      if (caseOnly) {
        // A case in progress: its report comes later.
      } else if (!hasReport && !hasStatement) {
        problem(`${r.dir}/report.mdx`, 'missing-file', 'is missing: every review folder needs a report.mdx (or, for a statement about another area\'s review, a statement.mdx with about:)');
      } else if (!hasReport && r.statement && !about) {
        problem(
          `${r.dir}/report.mdx`,
          'missing-file',
          `is missing: a review folder needs a report.mdx, unless its statement.mdx is about another area's review (then give about: in ${r.dir}/statement.mdx)`,
        );
      } else if (hasReport && about && r.statement) {
        problems.push(
          error(r.statement, ['about'], 'statement-about', `says the review was published by another area (${about.partnership}), but ${r.dir} also has a report.mdx. Remove one of them`, 'key'),
        );
      }
    }
    const slugs = new Set(project.reviews.map((r) => r.slug));
    for (const b of project.briefings) {
      if (slugs.has(b.id)) {
        problem(
          b.file,
          'briefing-id',
          `has the same name as the review folder reviews/${b.id}/, so both briefings would have the same web address. Rename this file`,
        );
      }
      if (!b.data.summary) problems.push(error(b, ['title'], 'missing-field', 'a standalone briefing needs a summary: one sentence for lists and search results', 'key'));
    }
    return problems;
  },
};
