/**
 * The steps `npm run check` runs, in the order they run. A step is a plain function of the loaded
 * project that returns problems: errors (which fail the check) or warnings. It never prints and
 * never reads files other than through the model (the attachments step asks whether a PDF exists,
 * the anonymisation step rereads the files it scans). Each step is a module in src/check/steps/;
 * add a new one to this list, or pass a list of your own to `runCheck({ steps })`.
 */
import type { CheckStep } from './types.ts';
import { actionCountStep } from './steps/action-count.ts';
import { anonymisationStep } from './steps/anonymisation.ts';
import { archivalStep } from './steps/archival.ts';
import { attachmentsStep } from './steps/attachments.ts';
import { briefingSectionsStep } from './steps/briefing-sections.ts';
import { casesStep } from './steps/cases.ts';
import { datesStep } from './steps/dates.ts';
import { flagsStep } from './steps/flags.ts';
import { foldersStep } from './steps/folders.ts';
import { identifiersStep } from './steps/identifiers.ts';
import { planReviewStep } from './steps/plan-review.ts';
import { referencesStep } from './steps/references.ts';

/** The steps `npm run check` runs, in order. */
export const CHECK_STEPS: readonly CheckStep[] = [
  referencesStep,
  planReviewStep,
  identifiersStep,
  datesStep,
  archivalStep,
  attachmentsStep,
  briefingSectionsStep,
  foldersStep,
  actionCountStep,
  anonymisationStep,
  flagsStep,
  casesStep,
];
