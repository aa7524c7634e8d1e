/**
 * What each dashboard page and component shows, worked out before it renders: the pages in
 * src/pages/actions/, src/pages/reviews/[slug]/actions.astro and src/partners/, and the components
 * in src/components/dashboard/, call one of these with what the data layer gives them
 * (src/data/plans.ts: plans, flags, agencies, `agencyName`, `paths`) and only render the result.
 * Pure functions of plain data, built on ./aggregate.ts, ./sentences.ts and ./charts.ts; the data
 * layer's helpers come in as arguments, so nothing here imports src/data.
 * Unit tests: tests/dashboard-view.test.ts.
 */
import { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionStatus, type Dissemination } from '../../schemas/action-plan.ts';
import { countByStatusAndRag } from '../action-counts.ts';
import { FLAG_LABELS, type FlagKind } from '../action-status.ts';
import type { IsoDate } from '../dates.ts';
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
  progress,
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
import { actionListCaption, agencyActionsCaption, allActionsCaption, archivalSummary, overdueText } from './sentences.ts';

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
      links: ownersByName(entries, agencyName).map((o) => ({ href: paths.partnersAgency(o.id), text: o.name, n: count((e) => e.action.owner === o.id) })),
    },
  ];
  return groups.map((g) => ({ title: g.title, links: g.links.filter((l) => l.n > 0) }));
}

/** The agencies that own the actions, each once, by name. */
export function ownersByName(entries: readonly EntryLike[], agencyName: AgencyName): { id: string; name: string }[] {
  return [...new Set(entries.map((e) => e.action.owner))]
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
  ownerName: string;
  ownerHref: string;
  /** Its timescale window today, for the script filter. */
  window: Window;
  /** Days overdue, when it is overdue. */
  overdueDays?: number | undefined;
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
    ownerName: agencyName(entry.action.owner),
    ownerHref: paths.partnersAgency(entry.action.owner),
    window: windowOf(entry, today),
    overdueDays: daysOverdue(entry),
  }));
}

/** What an action card (src/components/dashboard/ActionCard.astro) works out: "3 days overdue", the update log latest first. */
export function actionCardView<U>(entry: EntryLike & { action: { updates: readonly U[] } }): { overdue?: string | undefined; updatesLatestFirst: U[] } {
  const days = daysOverdue(entry);
  return { overdue: days === undefined ? undefined : overdueText(days), updatesLatestFirst: [...entry.action.updates].reverse() };
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
  const owners = new Set(allEntries(plans).map((e) => e.action.owner));
  return agencies.filter((a) => owners.has(a.id));
}

/** One agency's actions across every plan, late first, with their progress and ratings (src/partners/agency.astro). */
export function agencyView<E extends EntryLike>(
  plans: readonly PlanLike<E>[],
  agency: { id: string; name: string },
): ActionListView<E> & { progress: Progress; rag: ChartBlock } {
  const view = actionList(plans, (e) => e.action.owner === agency.id, (n) => agencyActionsCaption(n, agency.name));
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
  monitoring: { dueSoonDays: number; awaitingAssuranceDays: number; archiveAfterMonths: number };
  /** The checker's flag counts (`counts.flagsByKind`). */
  flagsByKind: Record<FlagKind, number>;
  /** Actions in draft plans (`counts.actions.inDraftPlans`): not monitored. */
  draftActions: number;
  /** Every review folder of the checker's model, for the titles and dates of reviews without a monitored plan. */
  reviews: readonly { slug: string; report?: { data: { title: string; published: IsoDate } } | undefined }[];
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
 * backlog, reports due for archival, the other flags and a row per plan. Every number comes from
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
  const archival = flagsOfKind(flags, 'archival-due');
  const headline: Headline[] = [
    { label: 'Actions monitored', value: entries.length, href: paths.partnersActions },
    { label: FLAG_LABELS.overdue, value: byKind.overdue, href: paths.partnersWindow('overdue'), tone: 'red' },
    { label: `Due within ${monitoring.dueSoonDays} days`, value: byKind['due-soon'], href: paths.partnersWindow('due-soon'), tone: 'amber' },
    { label: `Awaiting assurance over ${monitoring.awaitingAssuranceDays} days`, value: byKind['awaiting-assurance'], href: '#backlog-title', tone: 'amber' },
    { label: FLAG_LABELS['dissemination-overdue'], value: byKind['dissemination-overdue'], href: '#dissemination-title' },
    { label: FLAG_LABELS['archival-due'], value: byKind['archival-due'], href: '#archival' },
  ];
  return {
    headline,
    /** Monitored actions, monitored plans and actions in draft plans, for the lead paragraph. */
    actions: entries.length,
    plans: plans.length,
    draftActions: input.draftActions,
    status: statusChart(counts.byStatus),
    rag: ragChart(counts.byRag),
    byAgency: lateChart(lateBy(entries, 'owner'), 'agency', agencyName, paths.partnersAgency),
    byReview: lateChart(lateBy(entries, 'review'), 'review', title, paths.partnersPlan),
    completion: completionChart(completionOverTime(entries, today)),
    backlog: backlogChart(backlogItems, backlogBands(backlogItems), monitoring.awaitingAssuranceDays),
    backlogRows: backlogItems.map((i) => ({
      href: `${paths.partnersPlan(i.entry.review)}#action-${i.entry.action.id}`,
      title: title(i.entry.review),
      actionId: i.entry.action.id,
      owner: agencyName(i.entry.action.owner),
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
    archival: {
      summary: archivalSummary(archival.length, monitoring.archiveAfterMonths),
      rows: archival.map((f) => ({ title: title(f.review), published: reportOf(f.review)?.published, date: f.date, days: f.days })),
    },
    otherFlags: flags
      .filter((f) => f.kind === 'review-date-passed' || f.kind === 'stale-plan' || f.kind === 'publication-notice')
      .map((f) => ({ label: FLAG_LABELS[f.kind], title: title(f.review), actionId: f.actionId, message: f.message })),
    planRows: plans.map((p) => ({ href: paths.partnersPlan(p.slug), title: p.title, progress: progress(p.entries) })),
  };
}
