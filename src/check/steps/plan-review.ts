/** The plan-review step: an action plan's `review:` is the folder it is in. */
import type { CheckStep } from '../types.ts';
import { error } from './problem-at.ts';

/** An action plan's `review:` is the folder it is in. */
export const planReviewStep: CheckStep = {
  id: 'plan-review',
  title: "Each action plan names its own review",
  run(project) {
    return project.reviews.flatMap((r) =>
      r.plan && r.plan.data.review !== r.slug
        ? [error(r.plan, ['review'], 'wrong-review', `must be "${r.slug}", the name of the folder this plan is in (it says "${r.plan.data.review}")`)]
        : [],
    );
  },
};
