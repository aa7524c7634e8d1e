/**
 * The learning-loop outputs for the MESI subgroup's meeting papers, written by `npm run check`
 * to `reports/` (outside the site, git-ignored):
 * - `mesi-report.md`: the as-at date, counts, and tables of overdue and due-soon actions by agency
 *   and by review, actions awaiting assurance, assured actions with no evidence of impact, revised
 *   timescales (slippage), ongoing actions past review, stale plans, dissemination, reports that
 *   may now be archived (and those the partners keep published) and publication notice, and
 *   actions by agency and by review. An action owned by several agencies is listed and counted
 *   under each of them; then the cases in progress
 *   (reviews/<slug>/case.yaml): one row per case, and every stage overdue or due soon.
 * - `open-actions.csv`: one row per open action (not yet assured or withdrawn) of every plan that
 *   is not a draft, quoted as RFC 4180 says, for a spreadsheet.
 * INTERNAL fields (`notes`) are never written to either.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from '../schemas/action-plan.ts';
import { FLAG_LABELS, RAG_LABELS, type FlagKind, type Rag } from '../utils/action-status.ts';
import { CASE_STAGE_LABELS } from '../utils/case-lifecycle.ts';
import { caseRows } from '../utils/case-view.ts';
import { formatDate, type IsoDate } from '../utils/dates.ts';
import { archivalStatus, type KeepPublished } from '../utils/publication.ts';
import type { CheckView } from './model.ts';
import { plural } from '../utils/text.ts';
import type { ActionEntry } from './project.ts';
import type { Flag } from './types.ts';

/** A Markdown table cell: no line breaks, pipes escaped. */
function cell(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  return String(value).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();
}

function table(headers: string[], rows: unknown[][], align: ('l' | 'r')[] = []): string[] {
  if (!rows.length) return ['None.', ''];
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map((_, i) => (align[i] === 'r' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
  ];
}

function date(d: IsoDate | undefined): string {
  return d ? formatDate(d) : '';
}

function reviewTitles(result: CheckView): Map<string, string> {
  return new Map(
    result.project.reviews.map((r) => [r.slug, r.report?.data.title ?? r.statement?.data.title ?? r.slug] as const),
  );
}

function agencyNames(result: CheckView): Map<string, string> {
  return new Map((result.project.config?.agencies ?? []).map((a) => [a.id, a.name] as const));
}

/** "2 (+92 days)": how many times the timescale was revised and how far it moved (empty when never). */
function revisedCell(entry: ActionEntry | undefined): string {
  if (!entry || entry.revisions === 0) return '';
  if (entry.slipDays === undefined) return String(entry.revisions);
  return `${entry.revisions} (${entry.slipDays >= 0 ? '+' : '−'}${plural(Math.abs(entry.slipDays), 'day')})`;
}

/** The latest revision of an action's timescale, in words: "1 May 2026: reason (agreed by)". */
function latestRevisionText(entry: ActionEntry): string {
  const r = entry.action.revisions[entry.action.revisions.length - 1];
  return r ? `${formatDate(r.date)}: ${r.reason} (agreed by ${r.agreedBy})` : '';
}

function lastNote(entry: ActionEntry): string {
  const updates = [...entry.action.updates].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const last = updates[updates.length - 1];
  return last ? `${formatDate(last.date)}: ${last.note}` : '';
}

/**
 * The published reports the partners decided to keep on the site, whose day to look again has not
 * come (`archivalStatus()`: kept), by that day. Drafts are left out, as they are not monitored.
 */
export function keptReports(result: CheckView): { slug: string; published: IsoDate; decision: KeepPublished }[] {
  const { project } = result;
  return project.reviews
    .flatMap((r) => {
      const report = r.report?.data;
      if (!report || report.draft) return [];
      const status = archivalStatus(report, project.today, project.monitoring.archiveAfterMonths);
      return status.status === 'kept' ? [{ slug: r.slug, published: report.published, decision: status.decision }] : [];
    })
    .sort((a, b) => (a.decision.lookAgain < b.decision.lookAgain ? -1 : a.decision.lookAgain > b.decision.lookAgain ? 1 : 0));
}

/** The MESI report, as Markdown. */
export function mesiReport(result: CheckView): string {
  const { counts, project } = result;
  const titles = reviewTitles(result);
  const agencies = agencyNames(result);
  const agencyName = (id: string | undefined) => (id ? (agencies.get(id) ?? id) : '');
  const ownerNames = (ids: readonly string[] | undefined) => (ids ?? []).map(agencyName).join('; ');
  const title = (slug: string) => `${titles.get(slug) ?? slug} (${slug})`;
  const entries = new Map(project.actions.map((a) => [`${a.review}\u0000${a.action.id}`, a] as const));
  const entryOf = (f: Flag) => entries.get(`${f.review}\u0000${f.actionId ?? ''}`);
  const flagsOf = (kind: FlagKind) => result.flags.filter((f) => f.kind === kind);
  const monitoredActions = project.actions.filter((e) => !e.draft);
  const a = counts.actions;
  const out: string[] = [
    '# Action plans: monitoring report',
    '',
    `As at **${formatDate(result.today)}**. Produced by \`npm run check\` from the action plans in \`reviews/\`, for the MESI subgroup's meeting papers. Not for publication.`,
    '',
  ];
  if (result.errors.length) {
    out.push(
      `> **The content has ${plural(result.errors.length, 'error')}.** ${plural(a.inPlansWithErrors, 'action')} ${a.inPlansWithErrors === 1 ? 'is' : 'are'} in plans with errors and ${a.inPlansWithErrors === 1 ? 'is' : 'are'} not in the tables below. Run \`npm run check\` to see the errors.`,
      '',
    );
  }
  out.push('## Summary', '');
  out.push(
    ...table(
      ['', 'Number'],
      [
        ['Reviews', counts.reviews],
        ['Action plans', counts.plans],
        ['Actions in the plans', a.inFiles],
        ...ACTION_STATUSES.map((s) => [`– ${ACTION_STATUS_LABELS[s]}`, a.byStatus[s]]),
        ...(a.inPlansWithErrors ? [['– In plans with errors (not monitored)', a.inPlansWithErrors]] : []),
        ...(a.inDraftPlans ? [['– Of which in draft plans (not monitored)', a.inDraftPlans]] : []),
        ...(Object.keys(RAG_LABELS) as Rag[]).map((r) => [`RAG ${RAG_LABELS[r]}`, a.byRag[r]]),
        ['Actions with a revised timescale', monitoredActions.filter((e) => e.revisions > 0).length],
        ...(Object.keys(FLAG_LABELS) as FlagKind[]).map((k) => [FLAG_LABELS[k], counts.flagsByKind[k]]),
        ['Cases', counts.cases.total],
        ['– Open', counts.cases.open],
      ],
      ['l', 'r'],
    ),
  );

  const actionTables = (kind: 'overdue' | 'due-soon', heading: string, daysHeader: string) => {
    const flags = flagsOf(kind);
    out.push(`## ${heading}`, '');
    if (!flags.length) {
      out.push('None.', '');
      return;
    }
    const row = (f: Flag, first: 'review' | 'owner') => {
      const e = entryOf(f);
      return [
        first === 'review' ? title(f.review) : ownerNames(f.owners),
        f.actionId,
        e?.action.action,
        e?.action.lead,
        e?.timescale,
        date(f.date),
        f.days,
        revisedCell(e),
        e ? ACTION_STATUS_LABELS[e.action.status] : '',
        e ? lastNote(e) : '',
      ];
    };
    const headers = (first: string) => [first, 'Action', 'What', 'Lead', 'Timescale', 'Due', daysHeader, 'Times revised', 'Status', 'Last update'];
    const align: ('l' | 'r')[] = ['l', 'l', 'l', 'l', 'l', 'l', 'r'];
    out.push('### By agency', '', 'An action owned by several agencies is listed under each of them.', '');
    const byAgency = [...new Set(flags.flatMap((f) => f.owners ?? ['']))].sort((x, y) => agencyName(x).localeCompare(agencyName(y)));
    for (const owner of byAgency) {
      const list = flags.filter((f) => (f.owners ?? ['']).includes(owner));
      out.push(`#### ${agencyName(owner)} (${list.length})`, '');
      out.push(...table(headers('Review'), list.map((f) => row(f, 'review')), align));
    }
    out.push('### By review', '');
    for (const review of [...new Set(flags.map((f) => f.review))].sort()) {
      const list = flags.filter((f) => f.review === review);
      out.push(`#### ${title(review)} (${list.length})`, '');
      out.push(...table(headers('Owner'), list.map((f) => row(f, 'owner')), align));
    }
  };
  actionTables('overdue', FLAG_LABELS.overdue, 'Days overdue');
  actionTables('due-soon', `${FLAG_LABELS['due-soon']} (within ${project.monitoring.dueSoonDays} days)`, 'Days to go');

  out.push(`## ${FLAG_LABELS['awaiting-assurance']} (more than ${project.monitoring.awaitingAssuranceDays} days)`, '');
  out.push(
    ...table(
      ['Review', 'Action', 'Owner', 'Completed on', 'Days since', 'Evidence'],
      flagsOf('awaiting-assurance').map((f) => [title(f.review), f.actionId, ownerNames(f.owners), date(f.date), f.days, entryOf(f)?.action.evidence]),
      ['l', 'l', 'l', 'l', 'r'],
    ),
  );
  out.push(`## ${FLAG_LABELS['no-impact-evidence']} (assured more than ${plural(project.monitoring.impactAfterMonths, 'month')} ago)`, '');
  out.push(
    'Evidence of implementation says an action was done; evidence of impact says it made a difference (what was measured, what it showed, when, and the source).',
    '',
  );
  out.push(
    ...table(
      ['Review', 'Action', 'Owner', 'Assured on', 'Days since', 'Evidence of implementation'],
      flagsOf('no-impact-evidence').map((f) => [title(f.review), f.actionId, ownerNames(f.owners), date(f.date), f.days, entryOf(f)?.action.evidence]),
      ['l', 'l', 'l', 'l', 'r'],
    ),
  );
  out.push('## Revised timescales', '');
  out.push(
    'Every action whose timescale was revised, the furthest slipped first. Overdue and due soon are judged against the latest timescale; the one first agreed is kept.',
    '',
  );
  const revised = monitoredActions
    .filter((e) => e.revisions > 0)
    .sort((x, y) => (y.slipDays ?? 0) - (x.slipDays ?? 0) || x.review.localeCompare(y.review) || x.action.id.localeCompare(y.action.id, 'en', { numeric: true }));
  out.push(
    ...table(
      ['Review', 'Action', 'Owner', 'Status', 'First agreed', 'Now due', 'Times revised', 'Days later than first agreed', 'Latest revision'],
      revised.map((e) => [
        title(e.review),
        e.action.id,
        ownerNames(e.action.owner),
        ACTION_STATUS_LABELS[e.action.status],
        date(e.originalDue),
        date(e.due),
        e.revisions,
        e.slipDays ?? '',
        latestRevisionText(e),
      ]),
      ['l', 'l', 'l', 'l', 'l', 'l', 'r', 'r'],
    ),
  );
  out.push(`## ${FLAG_LABELS['review-date-passed']}`, '');
  out.push(
    ...table(
      ['Review', 'Action', 'Owner', 'Review by', 'Days since', 'Last update'],
      flagsOf('review-date-passed').map((f) => {
        const e = entryOf(f);
        return [title(f.review), f.actionId, ownerNames(f.owners), date(f.date), f.days, e ? lastNote(e) : ''];
      }),
      ['l', 'l', 'l', 'l', 'r'],
    ),
  );
  out.push(`## ${FLAG_LABELS['stale-plan']} (${project.monitoring.staleUpdateDays} days or more)`, '');
  out.push(...table(['Review', 'Last update', 'Days since'], flagsOf('stale-plan').map((f) => [title(f.review), date(f.date), f.days]), ['l', 'l', 'r']));
  out.push(`## ${FLAG_LABELS['dissemination-overdue']}`, '');
  const audience = (f: Flag) => {
    const plan = project.reviews.find((r) => r.slug === f.review)?.plan;
    const activity = plan?.data.dissemination.find((d) => d.activity === f.activity);
    return activity?.audience.map(agencyName).join('; ') ?? '';
  };
  out.push(
    ...table(
      ['Review', 'Activity', 'Audience', 'Due', 'Days overdue'],
      flagsOf('dissemination-overdue').map((f) => [title(f.review), f.activity, audience(f), date(f.date), f.days]),
      ['l', 'l', 'l', 'l', 'r'],
    ),
  );
  const months = project.monitoring.archiveAfterMonths;
  out.push(`## ${FLAG_LABELS['may-archive']} (on the site ${months} months or more)`, '');
  out.push(
    `A report stays on the site for at least ${months} months. After that it may be archived: the partners either archive it ` +
      '(`archived:`) or decide to keep it published (`keepPublished:` with a reason and a day to look again).',
    '',
  );
  const reportOf = (slug: string) => project.reviews.find((r) => r.slug === slug)?.report?.data;
  out.push(
    ...table(
      ['Review', 'Published', 'May be archived since', 'Days since', 'Earlier decision'],
      flagsOf('may-archive').map((f) => {
        const keep = reportOf(f.review)?.keepPublished;
        const earlier = keep && keep.lookAgain === f.date ? `kept on ${date(keep.decided)}: ${keep.reason}` : '';
        return [title(f.review), date(reportOf(f.review)?.published), date(f.date), f.days, earlier];
      }),
      ['l', 'l', 'l', 'r'],
    ),
  );
  out.push('### Reports the partners decided to keep published', '');
  out.push(
    ...table(
      ['Review', 'Published', 'Decided', 'Reason', 'Look again on'],
      keptReports(result).map(({ slug, published, decision }) => [title(slug), date(published), date(decision.decided), decision.reason, date(decision.lookAgain)]),
    ),
  );
  out.push(`## ${FLAG_LABELS['publication-notice']} (${project.monitoring.panelNoticeWorkingDays} working days)`, '');
  out.push(
    ...table(
      ['Review', 'Sent to the Panel', 'Published', 'Working days between', 'Earliest publication date'],
      flagsOf('publication-notice').map((f) => {
        const r = reportOf(f.review);
        return [title(f.review), r?.sentToPanel ? date(r.sentToPanel) : 'not recorded', date(r?.published), f.days ?? '', date(f.date)];
      }),
      ['l', 'l', 'l', 'r'],
    ),
  );
  out.push('## Actions by agency', '', 'An action owned by several agencies counts once for each of them.', '');
  const owners = [...new Set(monitoredActions.flatMap((e) => e.action.owner))].sort((x, y) => agencyName(x).localeCompare(agencyName(y)));
  out.push(
    ...table(
      ['Agency', 'Actions', 'Red', 'Amber', 'Green', 'Grey'],
      owners.map((id) => {
        const list = monitoredActions.filter((e) => e.action.owner.includes(id));
        const n = (r: Rag) => list.filter((e) => e.rag.rag === r).length;
        return [agencyName(id), list.length, n('red'), n('amber'), n('green'), n('grey')];
      }),
      ['l', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  out.push('## Actions by review', '');
  const reviews = [...new Set(monitoredActions.map((e) => e.review))].sort();
  out.push(
    ...table(
      ['Review', 'Actions', 'Red', 'Amber', 'Green', 'Grey'],
      reviews.map((slug) => {
        const list = project.actions.filter((e) => e.review === slug && !e.draft);
        const n = (r: Rag) => list.filter((e) => e.rag.rag === r).length;
        return [title(slug), list.length, n('red'), n('amber'), n('green'), n('grey')];
      }),
      ['l', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  out.push(...casesSection(result));
  return `${out.join('\n').trimEnd()}\n`;
}

/** "Cases in progress": one row per case, then every stage overdue or due soon. */
function casesSection(result: CheckView): string[] {
  const { project } = result;
  const out: string[] = ['## Cases in progress', ''];
  if (!project.cases.length) return [...out, 'No case files (reviews/<slug>/case.yaml).', ''];
  out.push(
    'From the case files (`reviews/<slug>/case.yaml`), from the day the local authority became aware of a serious incident to the NSPCC submission. Deadlines and ratings: docs/case-lifecycle.md.',
    '',
  );
  out.push(
    ...table(
      ['Case', 'Stage', 'Next deadline', 'Due', 'Days left', 'RAG', 'Why'],
      caseRows(project.cases).map((r) => [
        `${r.title} (${r.slug})`,
        r.stage,
        r.next?.label,
        date(r.next?.due),
        r.daysLeft,
        RAG_LABELS[r.rag.rag],
        r.rag.reason,
      ]),
    ),
  );
  const titles = new Map(project.cases.map((c) => [c.slug, `${c.title} (${c.slug})`] as const));
  const stageRows = (kind: 'case-overdue' | 'case-due-soon') =>
    result.flags
      .filter((f) => f.kind === kind)
      .map((f) => [titles.get(f.review) ?? f.review, f.stage ? CASE_STAGE_LABELS[f.stage] : '', date(f.date), f.days, f.message]);
  out.push(`### ${FLAG_LABELS['case-overdue']}`, '');
  out.push(...table(['Case', 'Stage', 'Due', 'Days late', 'Flag'], stageRows('case-overdue'), ['l', 'l', 'l', 'r']));
  out.push(`### ${FLAG_LABELS['case-due-soon']} (within ${project.monitoring.dueSoonDays} days)`, '');
  out.push(...table(['Case', 'Stage', 'Due', 'Days to go', 'Flag'], stageRows('case-due-soon'), ['l', 'l', 'l', 'r']));
  return out;
}

/** One CSV field, quoted when it holds a comma, quote, line break or edge space; formulas defused. */
export function csvField(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value);
  // A cell starting = + @ would run as a formula in a spreadsheet.
  if (/^[=+@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The columns of open-actions.csv. */
export const CSV_COLUMNS = [
  'Review',
  'Review title',
  'Recommendation',
  'Action ID',
  'Action',
  'Owners',
  'Owner names',
  'Lead',
  'Timescale',
  'Due',
  'First agreed timescale',
  'First agreed due',
  'Times revised',
  'Days later than first agreed',
  'Review by',
  'Status',
  'RAG',
  'RAG reason',
  'Days overdue',
  'Completed on',
  'Last update',
  'Last update note',
] as const;

/** One row per open action (not assured or withdrawn) of every plan that is not a draft. */
export function openActionsCsv(result: CheckView): string {
  const titles = reviewTitles(result);
  const agencies = agencyNames(result);
  const rows: unknown[][] = [[...CSV_COLUMNS]];
  for (const e of result.project.actions) {
    if (e.draft || e.action.status === 'assured' || e.action.status === 'withdrawn') continue;
    const overdue = e.flags.find((f) => f.kind === 'overdue');
    const last = [...e.action.updates].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)).pop();
    rows.push([
      e.review,
      titles.get(e.review) ?? e.review,
      e.recommendation.id,
      e.action.id,
      e.action.action,
      e.action.owner.join('; '),
      e.action.owner.map((id) => agencies.get(id) ?? id).join('; '),
      e.action.lead,
      e.timescale,
      e.due,
      e.action.timescale,
      e.originalDue,
      e.revisions,
      e.slipDays,
      e.action.reviewBy,
      e.action.status,
      RAG_LABELS[e.rag.rag],
      e.rag.reason,
      overdue?.days,
      e.action.completedOn,
      last?.date,
      last?.note,
    ]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Writes reports/mesi-report.md and reports/open-actions.csv; returns their paths. */
export function writeReports(result: CheckView, dir: string = path.join(result.root, 'reports')): { markdown: string; csv: string } {
  mkdirSync(dir, { recursive: true });
  const markdown = path.join(dir, 'mesi-report.md');
  const csv = path.join(dir, 'open-actions.csv');
  writeFileSync(markdown, mesiReport(result));
  writeFileSync(csv, openActionsCsv(result));
  return { markdown, csv };
}
