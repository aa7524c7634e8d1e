/**
 * The archival step: a report is never archived before the minimum period (`archiveAfterMonths`,
 * 12 at least) ends, and a decision to keep it published (`keepPublished:`) is dated and shaped so
 * that it answers the "may now be archived" flag. The rules are `archivalProblems()` in
 * src/utils/publication.ts; this step locates them in the report's frontmatter.
 */
import { archivalProblems } from '../../utils/publication.ts';
import type { Problem } from '../../utils/problems.ts';
import type { CheckStep } from '../types.ts';
import { error } from './problem-at.ts';

/** Archival dates and keep-published decisions follow the minimum period. */
export const archivalStep: CheckStep = {
  id: 'archival',
  title: 'Reports stay on the site for the minimum period',
  run(project) {
    const problems: Problem[] = [];
    for (const r of project.reviews) {
      const report = r.report;
      if (!report) continue;
      for (const p of archivalProblems(report.data, project.monitoring.archiveAfterMonths, project.today)) {
        problems.push(error(report, p.path, 'archival', p.message));
      }
    }
    return problems;
  },
};
