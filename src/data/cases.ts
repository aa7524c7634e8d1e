/**
 * PARTNERS ONLY: the cases in progress (reviews/<slug>/case.yaml) with their lifecycle, as the
 * checker worked it out for this build (src/data/model.ts). The public build's model holds no
 * case at all (src/check/model.ts); this door refuses to open outside the partners build too.
 */
import type { CaseEntry } from '../check/project.ts';
import { partnersBuild, siteModel } from './model.ts';

/** Every case, with its lifecycle today. Only in the partners build. */
export function partnersCases(): CaseEntry[] {
  if (!partnersBuild) throw new Error('partnersCases() is for the partners build only (PARTNERS_BUILD=1)');
  return siteModel().project.cases;
}
