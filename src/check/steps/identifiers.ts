/** The identifiers step: recommendation and action ids are unique in their plan. */
import type { ActionPlan } from '../../schemas/action-plan.ts';
import { formatPath, type Problem } from '../../utils/problems.ts';
import { locate } from '../../utils/yaml/source.ts';
import type { SourceFile } from '../project.ts';
import type { CheckStep } from '../types.ts';
import { error, type Path } from './problem-at.ts';

/** Recommendation and action ids are unique in their plan. */
export const identifiersStep: CheckStep = {
  id: 'identifiers',
  title: 'Recommendation and action ids are unique',
  run(project) {
    const problems: Problem[] = [];
    for (const r of project.reviews) {
      if (r.plan) problems.push(...duplicateIds(r.plan));
    }
    return problems;
  },
};

/** The duplicate ids of a plan, each reported where it appears again. */
export function duplicateIds(plan: SourceFile<ActionPlan>): Problem[] {
  const problems: Problem[] = [];
  const recs = new Map<string, Path>();
  const actions = new Map<string, Path>();
  const report = (id: string, first: Path, again: Path, what: string) => {
    const firstAt = locate(plan.source, first);
    problems.push(
      error(
        plan,
        again,
        'duplicate-id',
        `"${id}" is already the id of ${what} ${formatPath(first.slice(0, -1))} (line ${firstAt.line}); each ${what} needs its own id`,
      ),
    );
  };
  plan.data.recommendations.forEach((rec, ri) => {
    const p: Path = ['recommendations', ri, 'id'];
    const seen = recs.get(rec.id);
    if (seen) report(rec.id, seen, p, 'recommendation');
    else recs.set(rec.id, p);
    rec.actions.forEach((a, ai) => {
      const ap: Path = ['recommendations', ri, 'actions', ai, 'id'];
      const before = actions.get(a.id);
      if (before) report(a.id, before, ap, 'action');
      else actions.set(a.id, ap);
    });
  });
  return problems;
}
