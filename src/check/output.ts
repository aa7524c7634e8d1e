/**
 * How a check result is written: as text for people (errors grouped by file, flags grouped by
 * kind and by review, then a summary), as GitHub Actions annotations when `CI` is set, or as one
 * JSON document. INTERNAL fields of action plans are never written here (CI logs may be public).
 */
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from '../schemas/action-plan.ts';
import { FLAG_KINDS, FLAG_LABELS, RAG_LABELS, type Rag } from '../utils/action-status.ts';
import { formatDate } from '../utils/dates.ts';
import { formatLocation, formatPath, type Problem } from '../utils/problems.ts';
import { plural } from '../utils/text.ts';
import type { CheckResult } from './types.ts';

function problemLine(p: Problem): string {
  const where = p.line ? `${p.line}:${p.column ?? 1}` : '';
  const field = p.field ? `${p.field}: ` : '';
  return `  ${where.padEnd(8)} ${field}${p.message}`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The summary lines (counts). */
export function summaryLines(result: CheckResult): string[] {
  const c = result.counts;
  const a = c.actions;
  const statuses = ACTION_STATUSES.map((s) => `${ACTION_STATUS_LABELS[s].toLowerCase()} ${a.byStatus[s]}`).join(', ');
  const rags = (Object.keys(RAG_LABELS) as Rag[]).map((r) => `${RAG_LABELS[r].toLowerCase()} ${a.byRag[r]}`).join(', ');
  const flagKinds = FLAG_KINDS.filter((k) => c.flagsByKind[k] > 0)
    .map((k) => `${FLAG_LABELS[k].toLowerCase()} ${c.flagsByKind[k]}`)
    .join(', ');
  const lines = [
    'Summary',
    `  As at:    ${formatDate(result.today)}`,
    `  Reviews:  ${c.reviews} (${plural(c.plans, 'action plan')})`,
    `  Actions:  ${a.inFiles} in the files, ${a.read} read, ${a.reported} reported${a.inPlansWithErrors ? ` (${a.inPlansWithErrors} of them in plans with errors, not monitored until fixed)` : ''}`,
    `            ${statuses}`,
    `            RAG: ${rags}${a.inDraftPlans ? ` (${a.inDraftPlans} in draft plans, not monitored)` : ''}`,
    `  Flags:    ${c.flags}${flagKinds ? ` (${flagKinds})` : ''}`,
  ];
  if (c.cases.total) {
    const closed = c.cases.total - c.cases.open;
    const open = (['red', 'amber', 'green'] as const).map((r) => `${RAG_LABELS[r].toLowerCase()} ${c.cases.byRag[r]}`).join(', ');
    lines.push(`  Cases:    ${c.cases.total} (${c.cases.open} open: ${open}; ${closed} closed)`);
  }
  if (c.warnings) lines.push(`  Warnings: ${c.warnings}`);
  lines.push(`  Errors:   ${c.errors ? `${c.errors} in ${plural(c.filesWithErrors, 'file')}` : 'none'}`);
  if (a.reported !== a.inFiles) lines.push(`  WARNING: ${a.inFiles} actions in the files but ${a.reported} reported.`);
  return lines;
}

/** The whole result as lines of text: errors, flags (by kind, then review), warnings, summary. */
export function formatResult(result: CheckResult, options: { strict?: boolean } = {}): string[] {
  const out: string[] = [`Checking the content as at ${formatDate(result.today)} (today in England).`, ''];
  if (result.errors.length) {
    out.push(`Errors (${result.errors.length}): these must be fixed`, '');
    for (const [file, problems] of groupBy(result.errors, (p) => p.file)) {
      out.push(file, ...problems.map(problemLine), '');
    }
  }
  if (result.flags.length) {
    out.push(`Flags (${result.flags.length}): for the MESI subgroup${options.strict ? '; with --strict they fail the check' : ''}`, '');
    for (const kind of FLAG_KINDS) {
      const flags = result.flags.filter((f) => f.kind === kind);
      if (!flags.length) continue;
      out.push(`${FLAG_LABELS[kind]} (${flags.length})`);
      for (const [review, list] of groupBy(flags, (f) => f.review)) {
        out.push(`  ${review}`);
        for (const f of list) out.push(`    ${formatLocation(f)}  ${f.message}`);
      }
      out.push('');
    }
  }
  if (result.warnings.length) {
    out.push(`Warnings (${result.warnings.length})`, '');
    for (const [file, problems] of groupBy(result.warnings, (p) => p.file)) out.push(file, ...problems.map(problemLine), '');
  }
  out.push(...summaryLines(result), '');
  out.push(
    result.exitCode === 0
      ? result.flags.length
        ? 'The check passed; the flags above are for the MESI subgroup.'
        : 'The check passed.'
      : result.errors.length
        ? `The check failed: fix the ${plural(result.errors.length, 'error')} listed above.`
        : 'The check failed because of the flags or warnings above (--strict).',
  );
  return out;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions annotations (`::error file=...,line=...::message`), one per error and flag. */
export function ciAnnotations(result: CheckResult): string[] {
  return [...result.errors, ...result.warnings, ...result.flags].map((p) => {
    const props = [`file=${escapeProperty(p.file)}`];
    if (p.line) props.push(`line=${p.line}`);
    if (p.column) props.push(`col=${p.column}`);
    if (p.kind) props.push(`title=${escapeProperty(p.kind)}`);
    const message = `${p.field ? `${p.field}: ` : ''}${p.message}`;
    return `::${p.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(message)}`;
  });
}

/** The result as one JSON-ready document (no INTERNAL fields). */
export function resultToJson(result: CheckResult): unknown {
  return {
    today: result.today,
    ok: result.errors.length === 0,
    exitCode: result.exitCode,
    counts: result.counts,
    errors: result.errors,
    flags: result.flags,
    warnings: result.warnings,
    actions: result.project.actions.map((a) => ({
      review: a.review,
      file: a.file,
      line: a.line,
      column: a.column,
      field: formatPath(a.path),
      draft: a.draft,
      recommendation: a.recommendation.id,
      id: a.action.id,
      owners: a.action.owner,
      lead: a.action.lead,
      status: a.action.status,
      timescale: a.timescale,
      due: a.due,
      originalTimescale: a.action.timescale,
      originalDue: a.originalDue,
      revisions: a.revisions,
      slipDays: a.slipDays,
      impactEvidence: a.action.impact.length,
      reviewBy: a.action.reviewBy,
      completedOn: a.action.completedOn,
      assuredOn: a.action.assuredOn,
      lastUpdate: a.lastUpdate,
      rag: a.rag.rag,
      ragReason: a.rag.reason,
      flags: a.flags.map((f) => f.kind),
    })),
    // Cases (PARTNERS ONLY): the lifecycle as worked out, without the reasons written in the files.
    cases: result.project.cases.map((c) => ({
      review: c.slug,
      file: c.file,
      title: c.title,
      phase: c.lifecycle.phase,
      closed: c.lifecycle.closed,
      rag: c.lifecycle.rag.rag,
      ragReason: c.lifecycle.rag.reason,
      next: c.lifecycle.next ? { stage: c.lifecycle.next.id, due: c.lifecycle.next.due, state: c.lifecycle.next.state } : undefined,
      stages: c.lifecycle.stages.map((s) => ({ stage: s.id, state: s.state, done: s.done, due: s.due, days: s.days })),
    })),
  };
}
