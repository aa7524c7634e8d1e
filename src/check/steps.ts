/**
 * The checks `npm run check` runs on the project model, one step each.
 *
 * A step is a plain function of the loaded project that returns problems: errors (which fail the
 * check) or warnings. It never prints and never reads files other than through the model (the
 * attachments step asks whether a PDF exists). Steps are listed in `CHECK_STEPS`, in the order
 * they run; another step (for example the anonymisation scanner) can be added to that list or
 * passed to `runCheck({ steps })`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ActionPlan } from '../schemas/action-plan.ts';
import { formatDate, type IsoDate } from '../utils/dates.ts';
import { disseminationFlags, planFlags, reportFlags, type FlagKind, type StatusFlag } from '../utils/action-status.ts';
import { formatPath, nearest, type Problem } from '../utils/problems.ts';
import { locate, type YamlSource } from '../utils/yaml/source.ts';
import { type MdxFile, type Project, type SourceFile } from './project.ts';
import { anonymisationStep } from './anonymisation.ts';

/** One step of the check. */
export interface CheckStep {
  /** A short id, for example `references`. */
  id: string;
  /** What it checks, for the output. */
  title: string;
  run(project: Project): Problem[];
}

/** A monitoring flag: a warning about an action, a plan, an activity or a report. */
export interface Flag extends Problem {
  severity: 'warning';
  kind: FlagKind;
  /** The review folder's slug. */
  review: string;
  /** The action's id, for flags on an action. */
  actionId?: string | undefined;
  /** The owning agency's id, for flags on an action. */
  owner?: string | undefined;
  /** The activity, for a dissemination flag. */
  activity?: string | undefined;
  /** The date the flag is about (due date, completion date, review date...). */
  date?: IsoDate | undefined;
  /** The days that go with it (days overdue, days to go, days since...). */
  days?: number | undefined;
}

type Path = (string | number)[];

function at(source: YamlSource, file: string, p: Path, which: 'key' | 'value' = 'value') {
  return { file, ...locate(source, p, which), field: formatPath(p) };
}

function error(file: SourceFile<unknown>, p: Path, kind: string, message: string, which: 'key' | 'value' = 'value'): Problem {
  return { severity: 'error', kind, message, ...at(file.source, file.file, p, which) };
}

function unknownId(value: string, known: readonly string[], where: string, what: string): string {
  const suggestion = nearest(value, known);
  return `"${value}" is not ${what} in ${where}.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Use one of the ids listed there, or add it there first`;
}

/** Every document with themes, as (file, themes). */
function themedFiles(project: Project): { file: SourceFile<unknown>; themes: readonly string[] }[] {
  const out: { file: SourceFile<unknown>; themes: readonly string[] }[] = [];
  for (const r of project.reviews) {
    for (const doc of [r.report, r.statement, r.briefing]) if (doc) out.push({ file: doc, themes: doc.data.themes });
  }
  for (const b of project.briefings) out.push({ file: b, themes: b.data.themes });
  for (const n of project.national) out.push({ file: n, themes: n.data.themes });
  return out;
}

/** Themes, partnerships and agencies named in the content exist in content/. */
export const referencesStep: CheckStep = {
  id: 'references',
  title: 'Themes, partnerships and agencies exist',
  run(project) {
    const config = project.config;
    if (!config) return []; // settings, themes or agencies have errors of their own
    const problems: Problem[] = [];
    const themes = config.themes.map((t) => t.id);
    for (const { file, themes: used } of themedFiles(project)) {
      used.forEach((id, i) => {
        if (!themes.includes(id)) problems.push(error(file, ['themes', i], 'unknown-theme', unknownId(id, themes, 'content/themes.yaml', 'a theme')));
      });
    }
    const partnerships = config.settings.partnerships.map((p) => p.id);
    for (const r of project.reviews) {
      r.report?.data.partnerships.forEach((id, i) => {
        if (!partnerships.includes(id)) {
          problems.push(error(r.report!, ['partnerships', i], 'unknown-partnership', unknownId(id, partnerships, 'content/settings.yaml (partnerships)', 'a partnership')));
        }
      });
    }
    const agencies = config.agencies.map((a) => a.id);
    for (const r of project.reviews) {
      const plan = r.plan;
      if (!plan) continue;
      plan.data.recommendations.forEach((rec, ri) =>
        rec.actions.forEach((a, ai) => {
          if (!agencies.includes(a.owner)) {
            problems.push(
              error(plan, ['recommendations', ri, 'actions', ai, 'owner'], 'unknown-owner', unknownId(a.owner, agencies, 'content/agencies.yaml', 'an agency')),
            );
          }
        }),
      );
      plan.data.dissemination.forEach((d, di) =>
        d.audience.forEach((id, i) => {
          if (!agencies.includes(id)) {
            problems.push(error(plan, ['dissemination', di, 'audience', i], 'unknown-agency', unknownId(id, agencies, 'content/agencies.yaml', 'an agency')));
          }
        }),
      );
    }
    return problems;
  },
};

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

/** Recommendation and action ids are unique in their plan. */
export const identifiersStep: CheckStep = {
  id: 'identifiers',
  title: 'Recommendation and action ids are unique',
  run(project) {
    const problems: Problem[] = [];
    for (const r of project.reviews) {
      if (r.plan) problems.push(...duplicateIds(r.plan));
    }
    return problems;
  },
};

/** The duplicate ids of a plan, each reported where it appears again. */
export function duplicateIds(plan: SourceFile<ActionPlan>): Problem[] {
  const problems: Problem[] = [];
  const recs = new Map<string, Path>();
  const actions = new Map<string, Path>();
  const report = (id: string, first: Path, again: Path, what: string) => {
    const firstAt = locate(plan.source, first);
    problems.push(
      error(
        plan,
        again,
        'duplicate-id',
        `"${id}" is already the id of ${what} ${formatPath(first.slice(0, -1))} (line ${firstAt.line}); each ${what} needs its own id`,
      ),
    );
  };
  plan.data.recommendations.forEach((rec, ri) => {
    const p: Path = ['recommendations', ri, 'id'];
    const seen = recs.get(rec.id);
    if (seen) report(rec.id, seen, p, 'recommendation');
    else recs.set(rec.id, p);
    rec.actions.forEach((a, ai) => {
      const ap: Path = ['recommendations', ri, 'actions', ai, 'id'];
      const before = actions.get(a.id);
      if (before) report(a.id, before, ap, 'action');
      else actions.set(a.id, ap);
    });
  });
  return problems;
}

/** Updates, completion, assurance and dissemination dates are not after today. */
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
        }),
      );
      plan.data.dissemination.forEach((d, di) => {
        if (d.done) future(plan, ['dissemination', di, 'done'], d.done, 'done');
      });
    }
    return problems;
  },
};

/** PDFs a report lists are in its folder. */
export const attachmentsStep: CheckStep = {
  id: 'attachments',
  title: 'Listed PDF files exist',
  run(project) {
    const problems: Problem[] = [];
    for (const r of project.reviews) {
      const report = r.report;
      if (!report) continue;
      const pdfs = r.files.filter((f) => f.toLowerCase().endsWith('.pdf'));
      report.data.pdfs.forEach((pdf, i) => {
        if (r.files.includes(pdf.file) && existsSync(path.join(project.root, r.dir, pdf.file))) return;
        const suggestion = nearest(pdf.file, pdfs);
        problems.push(
          error(
            report,
            ['pdfs', i, 'file'],
            'missing-pdf',
            `the file "${pdf.file}" is not in ${r.dir}/.${suggestion ? ` Did you mean "${suggestion}"?` : pdfs.length ? ` The PDFs there are: ${pdfs.join(', ')}.` : ' There are no PDF files there.'} Put the PDF in the review's folder or remove it from the list`,
          ),
        );
      });
    }
    return problems;
  },
};

/** The number of sections a 7-minute briefing has. */
export const BRIEFING_SECTIONS = 7;

/**
 * The problems with a briefing's sections: it must have exactly seven level-2 headings
 * (`## `), numbered `1.` to `7.` in order, for example `## 1. Background`. Headings inside
 * fenced code blocks do not count.
 */
export function briefingSectionProblems(doc: Pick<MdxFile<unknown>, 'file' | 'body' | 'bodyLine'>): Problem[] {
  const headings: { text: string; line: number }[] = [];
  let fence: string | undefined;
  doc.body.split(/\r?\n/).forEach((line, i) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1]![0]!;
      else if (f[1]![0] === fence) fence = undefined;
      return;
    }
    if (!fence && /^##\s/.test(line)) headings.push({ text: line.trim(), line: doc.bodyLine + i });
  });
  const rule = `A 7-minute briefing has exactly ${BRIEFING_SECTIONS} numbered sections: level-2 headings written "## 1. Background" to "## 7. ...", in order`;
  if (headings.length !== BRIEFING_SECTIONS) {
    const first = headings[BRIEFING_SECTIONS] ?? headings[headings.length - 1];
    return [
      {
        severity: 'error',
        file: doc.file,
        line: headings.length > BRIEFING_SECTIONS ? first?.line : doc.bodyLine,
        column: 1,
        kind: 'briefing-sections',
        message: `${rule}; this file has ${headings.length} level-2 heading${headings.length === 1 ? '' : 's'}${headings.length > BRIEFING_SECTIONS ? ' (the first extra one is on this line)' : ''}`,
      },
    ];
  }
  const problems: Problem[] = [];
  headings.forEach((h, i) => {
    const n = i + 1;
    if (!new RegExp(`^##\\s+${n}\\.\\s+\\S`).test(h.text)) {
      problems.push({
        severity: 'error',
        file: doc.file,
        line: h.line,
        column: 1,
        kind: 'briefing-sections',
        message: `${rule}; heading ${n} should start "## ${n}. " followed by its title, but it is "${h.text}"`,
      });
    }
  });
  return problems;
}

/** Every briefing has seven numbered sections. */
export const briefingSectionsStep: CheckStep = {
  id: 'briefing-sections',
  title: '7-minute briefings have seven numbered sections',
  run(project) {
    return [...project.reviews.flatMap((r) => (r.briefing ? [r.briefing] : [])), ...project.briefings].flatMap(briefingSectionProblems);
  },
};

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Review folders are named and filled as the site expects; standalone briefings are distinct. */
export const foldersStep: CheckStep = {
  id: 'folders',
  title: 'Review folders hold what the site needs',
  run(project) {
    const problems: Problem[] = [];
    const problem = (file: string, kind: string, message: string) => problems.push({ severity: 'error', file, kind, message });
    for (const r of project.reviews) {
      if (!SLUG.test(r.slug)) {
        problem(r.dir, 'folder-name', `the folder name "${r.slug}" becomes the review's web address: use lower-case letters, digits and single hyphens, for example child-d`);
      }
      const hasReport = r.files.includes('report.mdx');
      const hasStatement = r.files.includes('statement.mdx');
      const about = r.statement?.data.about;
      if (!hasReport && !hasStatement) {
        problem(`${r.dir}/report.mdx`, 'missing-file', 'is missing: every review folder needs a report.mdx (or, for a statement about another area\'s review, a statement.mdx with about:)');
      } else if (!hasReport && r.statement && !about) {
        problem(
          `${r.dir}/report.mdx`,
          'missing-file',
          `is missing: a review folder needs a report.mdx, unless its statement.mdx is about another area's review (then give about: in ${r.dir}/statement.mdx)`,
        );
      } else if (hasReport && about && r.statement) {
        problems.push(
          error(r.statement, ['about'], 'statement-about', `says the review was published by another area (${about.partnership}), but ${r.dir} also has a report.mdx. Remove one of them`, 'key'),
        );
      }
    }
    const slugs = new Set(project.reviews.map((r) => r.slug));
    for (const b of project.briefings) {
      if (slugs.has(b.id)) {
        problem(
          b.file,
          'briefing-id',
          `has the same name as the review folder reviews/${b.id}/, so both briefings would have the same web address. Rename this file`,
        );
      }
      if (!b.data.summary) problems.push(error(b, ['title'], 'missing-field', 'a standalone briefing needs a summary: one sentence for lists and search results', 'key'));
    }
    return problems;
  },
};

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

function flagAt(file: SourceFile<unknown>, p: Path, review: string, f: StatusFlag, subject: string, extra: Partial<Flag> = {}): Flag {
  return {
    severity: 'warning',
    ...at(file.source, file.file, p),
    kind: f.kind,
    review,
    date: f.date,
    days: f.days,
    message: `${subject} ${f.message}`,
    ...extra,
  };
}

const ACTION_FLAG_FIELD: Partial<Record<FlagKind, string>> = {
  overdue: 'timescale',
  'due-soon': 'timescale',
  'review-date-passed': 'reviewBy',
  'awaiting-assurance': 'completedOn',
};

/** Every monitoring flag on the project today, located in its file. Drafts are not monitored. */
export function projectFlags(project: Project): Flag[] {
  const flags: Flag[] = [];
  const plans = new Map(project.reviews.flatMap((r) => (r.plan ? [[r.slug, r.plan] as const] : [])));
  for (const entry of project.actions) {
    const plan = plans.get(entry.review);
    if (!plan) continue;
    for (const f of entry.flags) {
      const field = ACTION_FLAG_FIELD[f.kind];
      flags.push(
        flagAt(plan, field ? [...entry.path, field] : entry.path, entry.review, f, `Action ${entry.action.id} (${entry.action.owner})`, {
          actionId: entry.action.id,
          owner: entry.action.owner,
        }),
      );
    }
  }
  for (const r of project.reviews) {
    const plan = r.plan;
    if (plan && !plan.data.draft) {
      for (const f of planFlags(plan.data, project.today, project.monitoring)) {
        flags.push(flagAt(plan, plan.data.agreed ? ['agreed'] : ['review'], r.slug, f, 'The plan'));
      }
      plan.data.dissemination.forEach((d, di) => {
        for (const f of disseminationFlags(d, project.today)) {
          flags.push(flagAt(plan, ['dissemination', di, 'due'], r.slug, f, 'Dissemination:', { activity: d.activity }));
        }
      });
    }
    const report = r.report;
    if (report) {
      for (const f of reportFlags(report.data, project.today, project.monitoring)) {
        const field = f.kind === 'publication-notice' && report.data.sentToPanel ? 'sentToPanel' : 'published';
        flags.push(flagAt(report, [field], r.slug, f, 'The report'));
      }
    }
  }
  return flags;
}

/** The monitoring flags, as a step (warnings). */
export const flagsStep: CheckStep = {
  id: 'flags',
  title: 'Monitoring flags',
  run: projectFlags,
};

/** The steps `npm run check` runs, in order. */
export const CHECK_STEPS: readonly CheckStep[] = [
  referencesStep,
  planReviewStep,
  identifiersStep,
  datesStep,
  attachmentsStep,
  briefingSectionsStep,
  foldersStep,
  actionCountStep,
  anonymisationStep,
  flagsStep,
];
