/** The action-count step: every action in the plan files is read into the model. */
import type { CheckStep } from '../types.ts';

/** The count of actions read matches the count in the files. */
export const actionCountStep: CheckStep = {
  id: 'action-count',
  title: 'Every action in the files is read',
  run(project) {
    const { inFiles, read, inPlansWithErrors } = project.actionCount;
    if (inFiles === read + inPlansWithErrors && read === project.actions.length) return [];
    return [
      {
        severity: 'error',
        file: 'reviews',
        kind: 'action-count',
        message: `the action plans hold ${inFiles} actions but ${read} were read and ${inPlansWithErrors} are in plans with errors: some actions were lost. This is a fault in the checker; please report it`,
      },
    ];
  },
};
