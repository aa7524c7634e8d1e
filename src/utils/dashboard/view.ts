/**
 * What each dashboard page and component shows, worked out before it renders: the pages in
 * src/pages/actions/, src/pages/reviews/[slug]/actions.astro and src/partners/, and the components
 * in src/components/dashboard/, call one of these with what the data layer gives them
 * (src/data/plans.ts: plans, flags, agencies, `agencyName`, `paths`) and only render the result.
 * Pure functions of plain data, built on ./aggregate.ts, ./sentences.ts and ./charts.ts; the data
 * layer's helpers come in as arguments, so nothing here imports src/data.
 * Unit tests: tests/dashboard-view.test.ts.
 */
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  RECOMMENDATION_RESPONSE_LABELS,
  type ActionStatus,
  type Dissemination,
  type RecommendationResponse,
} from '../../schemas/action-plan.ts';
import { countByStatusAndRag } from '../action-counts.ts';
import { FLAG_LABELS, slippageText, type FlagKind } from '../action-status.ts';
import { formatDate, type IsoDate } from '../dates.ts';
import {
  agencyRows,
  assuranceBacklog,
  backlogBands,
  completionOverTime,
  daysOverdue,
  disseminationProgress,
  flagsOfKind,
  lateBy,
  lateFirst,
  lateTotals,
  ownedBy,
  progress,
  revisedTimescales,
  windowOf,
  WINDOW_LABELS,
  WINDOWS,
  type EntryLike,
  type FlagLike,
  type Progress,
  type Window,
} from './aggregate.ts';
import {
  agenciesChart,
  backlogChart,
  completionChart,
  disseminationChart,
  lateChart,
  progressByReviewChart,
  ragChart,
  statusChart,
  type ChartBlock,
} from './charts.ts';
import { actionListCaption, agencyActionsCaption, allActionsCaption, archivalSummary, keptSummary, overdueText, revisedSummary } from './sentences.ts';

/** What these functions need of a plan (a subset of `PlanView` in src/data/plans.ts). */
export interface PlanLike<E extends EntryLike = EntryLike> {
  slug: string;
  title: string;
  entries: readonly E[];
}

/** An agency's name from its id (src/data/plans.ts `agencyName`). */
export type AgencyName = (id: string) => string;

/** The dashboard paths these functions link to (src/data/plans.ts `paths`). */
export interface DashboardPaths {
  publicPlan: (slug: string) => string;
  partnersPlan: (slug: string) => string;
  partnersAgency: (id: string) => string;
  partnersActions: string;
  partnersWindow: (window: string) => string;
  partnersStatus: (status: string) => string;
}

/** Review titles by slug, in plan order. */
export function planTitles(plans: readonly PlanLike[]): Map<string, string> {
  return new Map(plans.map((p) => [p.slug, p.title]));
}

/** Every action of the plans, plan by plan, in plan order. */
export function allEntries<E extends EntryLike>(plans: readonly PlanLike<E>[]): E[] {
  return plans.flatMap((p) => p.entries);
}

// ----- Components -----

/** One link of the filters that work without JavaScript, with how many actions it holds. */
export interface FilterLink {
  href: string;
  text: string;
  n: number;
}

/**
 * The filter links (src/components/dashboard/FilterLinks.astro): by timescale window, status,
 * review and agency (agencies by name), each link with its count; links to no action left out.
 */
export function filterLinkGroups(
  entries: readonly EntryLike[],
  titles: ReadonlyMap<string, string>,
  today: IsoDate,
  agencyName: AgencyName,
  paths: Pick<DashboardPaths, 'partnersWindow' | 'partnersStatus' | 'partnersPlan' | 'partnersAgency'>,
): { title: string; links: FilterLink[] }[] {
  const count = (f: (e: EntryLike) => boolean) => entries.filter(f).length;
  const groups = [
    {
      title: 'Timescale',
      links: WINDOWS.map((w) => ({ href: paths.partnersWindow(w), text: WINDOW_LABELS[w], n: count((e) => windowOf(e, today) === w) })),
    },
    {
      title: 'Status',
      links: ACTION_STATUSES.map((s) => ({ href: paths.partnersStatus(s), text: ACTION_STATUS_LABELS[s], n: count((e) => e.action.status === s) })),
    },
    {
      title: 'Review',
      links: [...titles].map(([slug, title]) => ({ href: paths.partnersPlan(slug), text: title, n: count((e) => e.review === slug) })),
    },
    {
      title: 'Agency',
      links: ownersByName(entries, agencyName).map((o) => ({ href: paths.partnersAgency(o.id), text: o.name, n: count((e) => ownedBy(e, o.id)) })),
    },
  ];
  return groups.map((g) => ({ title: g.title, links: g.links.filter((l) => l.n > 0) }));
}

/** The agencies that own the actions (alone or with others), each once, by name. */
export function ownersByName(entries: readonly EntryLike[], agencyName: AgencyName): { id: string; name: string }[] {
  return [...new Set(entries.flatMap((e) => e.action.owner))]
    .sort((a, b) => agencyName(a).localeCompare(agencyName(b)))
    .map((id) => ({ id, name: agencyName(id) }));
}

/** One row of an action table (src/components/dashboard/ActionTable.astro). */
export interface ActionRow<E extends EntryLike = EntryLike> {
  entry: E;
  /** The review's title (its slug when unknown). */
  title: string;
  /** The action on its plan's partners page. */
  href: string;
  /** Its owners, by name, each with its agency page. */
  owners: { id: string; name: string; href: string }[];
  /** The owners' ids, space-separated, for the script filter (`data-owner`). */
  ownerIds: string;
  /** Its timescale window today, for the script filter. */
  window: Window;
  /** Days overdue, when it is overdue. */
  overdueDays?: number | undefined;
  /** "Revised twice, now 92 days later than first agreed (31 March 2026)", when its timescale was revised. */
  revised?: string | undefined;
}

/** The owners of an action, by name, each with its agency page. */
export function ownerLinks(
  entry: EntryLike,
  agencyName: AgencyName,
  paths: Pick<DashboardPaths, 'partnersAgency'>,
): { id: string; name: string; href: string }[] {
  return entry.action.owner.map((id) => ({ id, name: agencyName(id), href: paths.partnersAgency(id) }));
}

/** "Revised twice, now 92 days later than first agreed (31 March 2026)", or undefined when never revised. */
export function revisedText(entry: EntryLike, withDate = true): string | undefined {
  const text = slippageText({ revisions: entry.revisions ?? 0, originalDue: entry.originalDue, due: entry.due, days: entry.slipDays }, withDate);
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : undefined;
}

/** The rows of an action table, in the order given. */
export function actionRows<E extends EntryLike>(
  entries: readonly E[],
  titles: ReadonlyMap<string, string>,
  today: IsoDate,
  agencyName: AgencyName,
  paths: Pick<DashboardPaths, 'partnersPlan' | 'partnersAgency'>,
): ActionRow<E>[] {
  return entries.map((entry) => ({
    entry,
    title: titles.get(entry.review) ?? entry.review,
    href: `${paths.partnersPlan(entry.review)}#action-${entry.action.id}`,
    owners: ownerLinks(entry, agencyName, paths),
    ownerIds: entry.action.owner.join(' '),
    window: windowOf(entry, today),
    overdueDays: daysOverdue(entry),
    revised: revisedText(entry),
  }));
}

/** What an action card shows of one revision of its timescale. */
export interface RevisionItem {
  /** The day the new timescale was agreed. */
  date: IsoDate;
  /** The new timescale as written. */
  timescale: string;
  reason: string;
  agreedBy: string;
  /** INTERNAL: only on partners pages (public plans have it removed already). */
  notes?: string | undefined;
}

/**
 * What an action card (src/components/dashboard/ActionCard.astro) works out: "3 days overdue",
 * the owners, the update log latest first, and, when the timescale was revised, the slippage in
 * words and the revisions latest first (the card shows both the timescale first agreed and the
 * current one).
 */
export function actionCardView<U, R extends RevisionItem>(
  entry: EntryLike & { action: { updates: readonly U[]; revisions?: readonly R[] | undefined } },
  agencyName: AgencyName,
  paths: Pick<DashboardPaths, 'partnersAgency'>,
): {
  overdue?: string | undefined;
  owners: { id: string; name: string; href: string }[];
  updatesLatestFirst: U[];
  revised?: string | undefined;
  revisionsLatestFirst: R[];
} {
  const days = daysOverdue(entry);
  return {
    overdue: days === undefined ? undefined : overdueText(days),
    owners: ownerLinks(entry, agencyName, paths),
    updatesLatestFirst: [...entry.action.updates].reverse(),
    revised: revisedText(entry, false),
    revisionsLatestFirst: [...(entry.action.revisions ?? [])].reverse(),
  };
}

/**
 * What the partners' page of a plan says about its public progress page: approved on a day (the
 * page is public once its review is, and not for a delayed review or a withheld one without
 * publishWhenWithheld), or not approved (partners only, whatever the review's state).
 */
export function progressApprovalText(plan: { publicProgressApproved?: IsoDate | undefined }, today: IsoDate): string {
  const approved = plan.publicProgressApproved;
  if (approved && approved <= today) {
    return `The partners approved publishing this plan's progress on ${formatDate(approved)}: it is on the public site while its review is public (never for a delayed review, nor for a withheld one without publishWhenWithheld).`;
  }
  return "The partners have not approved publishing this plan's progress (publicProgressApproved): it is shown to partners only.";
}

/** What a recommendation's heading area shows: the partnership's response and its reason. */
export interface ResponseView {
  /** "Accepted", "Partly accepted", "Not accepted"; undefined when the plan does not record it. */
  label?: string | undefined;
  reason?: string | undefined;
  /** A sentence for a recommendation with no actions (only a not-accepted one may have none). */
  noActions?: string | undefined;
}

/** The partnership's response to a recommendation, as its section on a plan page shows it. */
export function recommendationView(r: { response?: RecommendationResponse | undefined; responseReason?: string | undefined; entries: readonly unknown[] }): ResponseView {
  return {
    label: r.response ? RECOMMENDATION_RESPONSE_LABELS[r.response] : undefined,
    reason: r.responseReason,
    noActions: r.entries.length === 0 ? 'There are no actions for this recommendation: the partnership did not accept it.' : undefined,
  };
}

// ----- Public pages -----

/** The public overview (src/pages/actions/index.astro): progress by review, and every action by rating. */
export function publicOverviewView(plans: readonly PlanLike[], paths: Pick<DashboardPaths, 'publicPlan'>): { byReview: ChartBlock; rag: ChartBlock } {
  const rows = plans.map((p) => ({ slug: p.slug, title: p.title, progress: progress(p.entries) }));
  return { byReview: progressByReviewChart(rows, paths.publicPlan), rag: ragChart(countByStatusAndRag(allEntries(plans)).byRag) };
}

/** One plan's progress and its actions by rating (a plan's public and partners pages). */
export function planProgressView(plan: PlanLike): { progress: Progress; rag: ChartBlock } {
  return { progress: progress(plan.entries), rag: ragChart(countByStatusAndRag(plan.entries).byRag) };
}

// ----- Partners pages -----

/** A flag as the partners pages show it (a subset of the checker's `Flag`). */
export interface FlagView extends FlagLike {
  actionId?: string | undefined;
  date?: IsoDate | undefined;
  message: string;
}

/** One dissemination activity of a plan, with whether the checker flags it past due. */
export interface DisseminationItem {
  activity: string;
  /** The audience's agency names, `; `-separated. */
  audience: string;
  due: IsoDate;
  done?: IsoDate | undefined;
  /** Past due and not done (the checker's dissemination-overdue flag). */
  late: boolean;
}

/**
 * One plan on the partners' page (src/partners/review.astro): its progress and ratings, the
 * checker's flags on the plan itself (not on one action), and its dissemination activities.
 */
export function partnersPlanView<F extends FlagView>(
  plan: PlanLike & { dissemination: readonly Dissemination[] },
  flags: readonly F[],
  agencyName: AgencyName,
): { progress: Progress; rag: ChartBlock; flags: F[]; dissemination: DisseminationItem[] } {
  return {
    ...planProgressView(plan),
    // Flags on a case beside the plan belong to the cases page, not to the plan.
    flags: flags.filter((f) => f.review === plan.slug && !f.actionId && f.kind !== 'case-overdue' && f.kind !== 'case-due-soon'),
    dissemination: plan.dissemination.map((d) => ({
      activity: d.activity,
      audience: d.audience.map(agencyName).join('; '),
      due: d.due,
      done: d.done,
      late: flags.some((f) => f.kind === 'dissemination-overdue' && f.review === plan.slug && f.activity === d.activity),
    })),
  };
}

/** A list of actions, late ones first, and the filters over every action. */
export interface ActionListView<E extends EntryLike> {
  titles: Map<string, string>;
  /** Every monitored action (for the filter counts). */
  all: E[];
  /** The actions listed, late ones first. */
  entries: E[];
  caption: string;
}

function actionList<E extends EntryLike>(plans: readonly PlanLike<E>[], keep: (e: E) => boolean, caption: (n: number) => string): ActionListView<E> {
  const all = allEntries(plans);
  const entries = lateFirst(all.filter(keep));
  return { titles: planTitles(plans), all, entries, caption: caption(entries.length) };
}

/** Every monitored action, late first (src/partners/actions.astro), with the agencies for the filter form. */
export function allActionsView<E extends EntryLike>(plans: readonly PlanLike<E>[], agencyName: AgencyName): ActionListView<E> & { owners: { id: string; name: string }[] } {
  const view = actionList(plans, () => true, allActionsCaption);
  return { ...view, owners: ownersByName(view.entries, agencyName) };
}

/** The actions in one timescale window (src/partners/window.astro). */
export function windowView<E extends EntryLike>(plans: readonly PlanLike<E>[], window: Window, today: IsoDate): ActionListView<E> {
  return actionList(plans, (e) => windowOf(e, today) === window, (n) => actionListCaption(n, WINDOW_LABELS[window]));
}

/** The actions with one status (src/partners/status.astro). */
export function statusView<E extends EntryLike>(plans: readonly PlanLike<E>[], status: ActionStatus): ActionListView<E> {
  return actionList(plans, (e) => e.action.status === status, (n) => actionListCaption(n, ACTION_STATUS_LABELS[status]));
}

/** The agencies that own at least one monitored action, in the order given (the agency pages to build). */
export function agenciesWithActions<A extends { id: string }>(plans: readonly PlanLike[], agencies: readonly A[]): A[] {
  const owners = new Set(allEntries(plans).flatMap((e) => e.action.owner));
  return agencies.filter((a) => owners.has(a.id));
}

/**
 * One agency's actions across every plan (those it owns alone or with others), late first, with
 * their progress and ratings (src/partners/agency.astro).
 */
export function agencyView<E extends EntryLike>(
  plans: readonly PlanLike<E>[],
  agency: { id: string; name: string },
): ActionListView<E> & { progress: Progress; rag: ChartBlock } {
  const view = actionList(plans, (e) => ownedBy(e, agency.id), (n) => agencyActionsCaption(n, agency.name));
  return { ...view, progress: progress(view.entries), rag: ragChart(countByStatusAndRag(view.entries).byRag) };
}

/** Every agency with actions, by rating (src/partners/agencies.astro). */
export function agenciesView(
  plans: readonly PlanLike[],
  agencies: readonly { id: string; name: string }[],
  paths: Pick<DashboardPaths, 'partnersAgency'>,
): { chart: ChartBlock } {
  return { chart: agenciesChart(agencyRows(allEntries(plans), agencies), paths.partnersAgency) };
}

/** What the partners' overview needs beyond the plans and flags: the checker's counts and settings. */
export interface OverviewInput<E extends EntryLike, F extends FlagView> {
  plans: readonly (PlanLike<E> & { dissemination: readonly Dissemination[] })[];
  /** The checker's monitoring flags. */
  flags: readonly F[];
  today: IsoDate;
  monitoring: { dueSoonDays: number; awaitingAssuranceDays: number; archiveAfterMonths: number; impactAfterMonths: number };
  /** The checker's flag counts (`counts.flagsByKind`). */
  flagsByKind: Record<FlagKind, number>;
  /** Actions in draft plans (`counts.actions.inDraftPlans`): not monitored. */
  draftActions: number;
  /** Every review folder of the checker's model, for the titles and dates of reviews without a monitored plan. */
  reviews: readonly { slug: string; report?: { data: { title: string; published: IsoDate } } | undefined }[];
  /** The reports the partners decided to keep published (the checker's `keptReports()`). */
  kept: readonly { slug: string; published: IsoDate; decision: { decided: IsoDate; reason: string; lookAgain: IsoDate } }[];
  agencyName: AgencyName;
  paths: DashboardPaths;
}

/** One headline figure of the overview. */
export interface Headline {
  label: string;
  value: number;
  href: string;
  tone?: 'red' | 'amber';
}

/**
 * The partners' overview (src/partners/index.astro): headline figures, every chart, the assurance
 * backlog, reports that may now be archived and those kept published, the other flags and a row per plan. Every number comes from
 * the checker's result, the same as `npm run check`.
 */
export function overviewView<E extends EntryLike & { action: { evidence?: string | undefined } }, F extends FlagView>(input: OverviewInput<E, F>) {
  const { plans, flags, today, monitoring, flagsByKind: byKind, agencyName, paths } = input;
  const entries = allEntries(plans);
  const titles = planTitles(plans);
  const reportOf = (slug: string) => input.reviews.find((r) => r.slug === slug)?.report?.data;
  const title = (slug: string) => titles.get(slug) ?? reportOf(slug)?.title ?? slug;
  const counts = countByStatusAndRag(entries);
  const backlogItems = assuranceBacklog(entries, today);
  const archival = flagsOfKind(flags, 'may-archive');
  const revised = revisedTimescales(entries);
  const headline: Headline[] = [
    { label: 'Actions monitored', value: entries.length, href: paths.partnersActions },
    { label: FLAG_LABELS.overdue, value: byKind.overdue, href: paths.partnersWindow('overdue'), tone: 'red' },
    { label: `Due within ${monitoring.dueSoonDays} days`, value: byKind['due-soon'], href: paths.partnersWindow('due-soon'), tone: 'amber' },
    { label: `Awaiting assurance over ${monitoring.awaitingAssuranceDays} days`, value: byKind['awaiting-assurance'], href: '#backlog-title', tone: 'amber' },
    { label: FLAG_LABELS['dissemination-overdue'], value: byKind['dissemination-overdue'], href: '#dissemination-title' },
    { label: FLAG_LABELS['no-impact-evidence'], value: byKind['no-impact-evidence'], href: '#other-flags' },
    { label: 'Timescales revised', value: revised.length, href: '#revised' },
    { label: FLAG_LABELS['may-archive'], value: byKind['may-archive'], href: '#archival' },
  ];
  return {
    headline,
    /** Monitored actions, monitored plans and actions in draft plans, for the lead paragraph. */
    actions: entries.length,
    plans: plans.length,
    draftActions: input.draftActions,
    status: statusChart(counts.byStatus),
    rag: ragChart(counts.byRag),
    byAgency: lateChart(lateBy(entries, 'owner'), 'agency', agencyName, paths.partnersAgency, lateTotals(entries, 'owner')),
    byReview: lateChart(lateBy(entries, 'review'), 'review', title, paths.partnersPlan, lateTotals(entries, 'review')),
    completion: completionChart(completionOverTime(entries, today)),
    backlog: backlogChart(backlogItems, backlogBands(backlogItems), monitoring.awaitingAssuranceDays),
    backlogRows: backlogItems.map((i) => ({
      href: `${paths.partnersPlan(i.entry.review)}#action-${i.entry.action.id}`,
      title: title(i.entry.review),
      actionId: i.entry.action.id,
      owner: i.entry.action.owner.map(agencyName).join('; '),
      completedOn: i.entry.action.completedOn,
      days: i.days,
      flagged: i.flagged,
      evidence: i.entry.action.evidence,
    })),
    dissemination: disseminationChart(
      disseminationProgress(plans.map((p) => ({ review: p.slug, dissemination: p.dissemination })), flags),
      title,
      paths.partnersPlan,
    ),
    revised: {
      summary: revisedSummary(revised),
      rows: revised.map((e) => ({
        href: `${paths.partnersPlan(e.review)}#action-${e.action.id}`,
        title: title(e.review),
        actionId: e.action.id,
        owner: e.action.owner.map(agencyName).join('; '),
        status: ACTION_STATUS_LABELS[e.action.status],
        originalDue: e.originalDue,
        due: e.due,
        revisions: e.revisions ?? 0,
        slipDays: e.slipDays,
      })),
    },
    archival: {
      summary: archivalSummary(archival.length, monitoring.archiveAfterMonths),
      rows: archival.map((f) => ({ title: title(f.review), published: reportOf(f.review)?.published, date: f.date, days: f.days })),
      keptSummary: keptSummary(input.kept.length),
      kept: input.kept.map((k) => ({ title: title(k.slug), published: k.published, ...k.decision })),
    },
    otherFlags: flags
      .filter((f) => f.kind === 'no-impact-evidence' || f.kind === 'review-date-passed' || f.kind === 'stale-plan' || f.kind === 'publication-notice')
      .map((f) => ({ label: FLAG_LABELS[f.kind], title: title(f.review), actionId: f.actionId, message: f.message })),
    planRows: plans.map((p) => ({ href: paths.partnersPlan(p.slug), title: p.title, progress: progress(p.entries) })),
  };
}
