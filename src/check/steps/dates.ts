/**
 * The dates step: updates, completion, assurance, revisions of timescales, impact evidence,
 * dissemination and the partners' approval to publish progress are not dated after today.
 */
import type { ActionPlan } from '../../schemas/action-plan.ts';
import { formatDate, type IsoDate } from '../../utils/dates.ts';
import type { Problem } from '../../utils/problems.ts';
import type { SourceFile } from '../project.ts';
import type { CheckStep } from '../types.ts';
import { error, type Path } from './problem-at.ts';

/** Things that have already happened are not dated after today. */
export const datesStep: CheckStep = {
  id: 'dates',
  title: 'Nothing is recorded as done after today',
  run(project) {
    const problems: Problem[] = [];
    const today = project.today;
    const future = (plan: SourceFile<ActionPlan>, p: Path, date: IsoDate, what: string) => {
      if (date > today) {
        problems.push(error(plan, p, 'future-date', `is ${formatDate(date)}, after today (${formatDate(today)}): ${what} records something that has already happened`));
      }
    };
    for (const r of project.reviews) {
      const plan = r.plan;
      if (!plan) continue;
      plan.data.recommendations.forEach((rec, ri) =>
        rec.actions.forEach((a, ai) => {
          const base: Path = ['recommendations', ri, 'actions', ai];
          a.updates.forEach((u, ui) => future(plan, [...base, 'updates', ui, 'date'], u.date, 'an update'));
          if (a.completedOn) future(plan, [...base, 'completedOn'], a.completedOn, 'completedOn');
          if (a.assuredOn) future(plan, [...base, 'assuredOn'], a.assuredOn, 'assuredOn');
          a.revisions.forEach((v, vi) => future(plan, [...base, 'revisions', vi, 'date'], v.date, 'a revision of the timescale'));
          a.impact.forEach((m, mi) => future(plan, [...base, 'impact', mi, 'date'], m.date, 'evidence of impact'));
        }),
      );
      if (plan.data.publicProgressApproved) {
        future(plan, ['publicProgressApproved'], plan.data.publicProgressApproved, "the partners' approval to publish progress");
      }
      plan.data.dissemination.forEach((d, di) => {
        if (d.done) future(plan, ['dissemination', di, 'done'], d.done, 'done');
      });
    }
    return problems;
  },
};
