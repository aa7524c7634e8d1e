/**
 * The action plans for the dashboards, read from the checker's validated model
 * (src/data/model.ts): exactly what `npm run check` prints, with each action's RAG rating and
 * flags already computed. Nothing here parses a plan or re-decides a rule.
 *
 * Two doors, one per audience:
 * - `publicPlans()`: the plans the public may see. A plan is shown only when its review is public
 *   in the catalogue (src/data/public.ts, the publication gate) and `planIsPublic()` allows it:
 *   only once the plan records the day the partners approved publishing its progress
 *   (`publicProgressApproved`, on or before today); not for a `delayed` review (its findings are
 *   not published yet, so neither are the actions that answer them), for a `withheld` one only
 *   when the plan says `publishWhenWithheld: true`, never for a draft plan. INTERNAL fields are removed with `stripInternal()` before anything
 *   reaches a page.
 * - `partnersPlans()`: every monitored plan (not draft) with INTERNAL fields, whatever the
 *   publication state of its review. It refuses to run outside the partners build.
 */
import { planIsPublic } from '../utils/publication.ts';
import type { CheckView } from '../check/model.ts';
import { keptReports, type ActionEntry, type Flag } from '../check/index.ts';
import { stripInternal, type Action, type ActionPlan, type Dissemination, type Recommendation } from '../schemas/action-plan.ts';
import type { IsoDate } from '../utils/dates.ts';
import { catalogue } from './public.ts';
import { partnersBuild, siteConfig, siteModel, today } from './model.ts';

export { partnersBuild } from './model.ts';

/** The checker's result for this build (the same numbers `npm run check` prints), as the model holds it. */
export function checkResult(): CheckView {
  return siteModel();
}

/** A plan as a page shows it. */
export interface PlanView {
  slug: string;
  title: string;
  agreed?: IsoDate | undefined;
  /** The day the partners approved publishing the plan's progress (none: partners only). */
  publicProgressApproved?: IsoDate | undefined;
  /** Each recommendation, the partnership's response to it, and its actions (entries from the model, in plan order). */
  recommendations: {
    id: string;
    text: string;
    response?: Recommendation['response'];
    responseReason?: string | undefined;
    entries: ActionEntry[];
  }[];
  /** Every action of the plan, in plan order. */
  entries: ActionEntry[];
  dissemination: Dissemination[];
  /** The review's state in the public catalogue (undefined when the review is not public). */
  publicState?: string | undefined;
}

function reviewTitle(result: CheckView, slug: string): string {
  const r = result.project.reviews.find((x) => x.slug === slug);
  return r?.report?.data.title ?? r?.statement?.data.title ?? slug;
}

function view(result: CheckView, slug: string, plan: ActionPlan, entries: ActionEntry[], publicState?: string): PlanView {
  return {
    slug,
    title: reviewTitle(result, slug),
    agreed: plan.agreed,
    publicProgressApproved: plan.publicProgressApproved,
    recommendations: plan.recommendations.map((r: Recommendation, ri) => ({
      id: r.id,
      text: r.text,
      response: r.response,
      responseReason: r.responseReason,
      entries: entries.filter((e) => e.path[1] === ri),
    })),
    entries,
    dissemination: plan.dissemination,
    publicState,
  };
}

let publicCached: Promise<PlanView[]> | undefined;

/**
 * The plans the public may see, INTERNAL fields removed (see the top of this file). Computed once
 * per build (every review page asks whether its review has a plan: recomputing it per page made
 * the build grow with the square of the corpus); each caller gets its own copy of the list.
 */
export async function publicPlans(): Promise<PlanView[]> {
  publicCached ??= computePublicPlans();
  return [...(await publicCached)];
}

async function computePublicPlans(): Promise<PlanView[]> {
  const result = checkResult();
  const reviews = (await catalogue()).reviews;
  const projectReviews = new Map(result.project.reviews.map((r) => [r.slug, r]));
  const actionsByReview = new Map<string, ActionEntry[]>();
  for (const e of result.project.actions) {
    const list = actionsByReview.get(e.review);
    if (list) list.push(e);
    else actionsByReview.set(e.review, [e]);
  }
  const out: PlanView[] = [];
  for (const review of reviews) {
    const plan = projectReviews.get(review.slug)?.plan;
    if (!plan || !planIsPublic(review.state, plan.data, today)) continue;
    const stripped = stripInternal(plan.data);
    const entries = (actionsByReview.get(review.slug) ?? [])
      .filter((e) => !e.draft)
      .map((e) => {
        const action = stripped.recommendations[e.path[1] as number]?.actions[e.path[3] as number] as Action;
        return { ...e, action };
      });
    const v = view(result, review.slug, stripped, entries, review.state);
    v.title = review.title;
    out.push(v);
  }
  return out;
}

/** Every monitored plan with INTERNAL fields. Only in the partners build. */
export function partnersPlans(): PlanView[] {
  if (!partnersBuild) throw new Error('partnersPlans() is for the partners build only (PARTNERS_BUILD=1)');
  const result = checkResult();
  return result.project.reviews.flatMap((r) => {
    if (!r.plan || r.plan.data.draft) return [];
    const entries = result.project.actions.filter((e) => e.review === r.slug && !e.draft);
    return [view(result, r.slug, r.plan.data, entries)];
  });
}

/** The checker's monitoring flags. Only in the partners build. */
export function partnersFlags(): Flag[] {
  if (!partnersBuild) throw new Error('partnersFlags() is for the partners build only (PARTNERS_BUILD=1)');
  return checkResult().flags;
}

/** The reports the partners decided to keep published (the checker's `keptReports()`, as the MESI report lists them). Only in the partners build. */
export function partnersKeptReports(): ReturnType<typeof keptReports> {
  if (!partnersBuild) throw new Error('partnersKeptReports() is for the partners build only (PARTNERS_BUILD=1)');
  return keptReports(checkResult());
}

/** An agency's name from content/agencies.yaml (its id when unknown). */
export function agencyName(id: string): string {
  return siteConfig().agencies.find((a) => a.id === id)?.name ?? id;
}

/** Every agency in content/agencies.yaml. */
export function agencies() {
  return siteConfig().agencies;
}

/** The latest update of an action (by date), if any. */
export function latestUpdate(action: Pick<Action, 'updates'>) {
  return [...action.updates].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).pop();
}

/** Paths of the dashboard pages. */
export const paths = {
  publicOverview: '/actions/',
  publicPlan: (slug: string) => `/reviews/${slug}/actions/`,
  partnersOverview: '/partners/',
  partnersPlan: (slug: string) => `/partners/reviews/${slug}/`,
  partnersAgency: (id: string) => `/partners/agencies/${id}/`,
  partnersAgencies: '/partners/agencies/',
  partnersActions: '/partners/actions/',
  partnersWindow: (w: string) => `/partners/actions/due/${w}/`,
  partnersStatus: (s: string) => `/partners/actions/status/${s}/`,
  partnersCsv: '/partners/open-actions.csv',
  partnersCases: '/partners/cases/',
};
