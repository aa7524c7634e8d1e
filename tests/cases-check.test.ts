/**
 * Case files in the checker: read through the one YAML reader with located errors, a folder may
 * hold only a case file, the `cases` step's errors and flags, the counts and output, the MESI
 * report's "Cases in progress", and the site model (nothing of a case in the public build's).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatResult, mesiReport, resultToJson, runCheck, type CheckResult } from '../src/check/index.ts';
import { toSiteModel } from '../src/check/model.ts';
import type { BuildContext } from '../src/config/build-context.ts';
import { edit, makeProject, REPORT } from './support/check-fixtures.ts';

const today = '2026-11-23';
let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});

function check(files: Record<string, string | undefined>): CheckResult {
  const p = makeProject(files);
  cleanup.push(p.remove);
  return runCheck({ root: p.root, today });
}

/** A case whose rapid review went to the Panel late... not at all: due 20 November 2026, 3 days overdue today. Line numbers matter. */
const LATE = `# yaml-language-server: $schema=../../content/schemas/case.schema.json
title: Child E
aware: 2026-10-26
notifiedPanel: 2026-10-28
reportedToPartners: 2026-10-29
rapidReview:
  meeting: 2026-11-18
  completed: 2026-11-19
decision:
  outcome: lcspr
  date: 2026-11-19
  reason: The criteria for a local review are met.
`;

const NO_REVIEW = `title: Child N
aware: 2026-09-14
notifiedPanel: 2026-09-16
reportedToPartners: 2026-09-16
decision:
  outcome: no-review
  date: 2026-10-01
  reason: The criteria are not met.
`;

describe('a folder that holds only a case file', () => {
  it('is valid, is not counted as a review, and is flagged where the missing date goes', () => {
    const r = check({ 'reviews/child-e/case.yaml': LATE });
    expect(r.errors).toEqual([]);
    expect(r.counts.reviews).toBe(1); // child-c only
    expect(r.counts.cases).toEqual({ total: 1, open: 1, byRag: { red: 1, amber: 0, green: 0, grey: 0 } });
    const flags = r.flags.filter((f) => f.review === 'child-e');
    expect(flags.map((f) => [f.kind, f.stage, f.date, f.days, f.file, f.line, f.field])).toEqual([
      // rapidReview.sentToPanel is missing: the flag points at the rapidReview block, where it goes.
      ['case-overdue', 'rapid-review-sent', '2026-11-20', 3, 'reviews/child-e/case.yaml', 6, 'rapidReview.sentToPanel'],
    ]);
    expect(flags[0]!.message).toBe(
      'Case Child E: Rapid review sent to the Panel was due on 20 November 2026 (2 working days after the rapid review meeting on 18 November 2026) and is 3 days overdue',
    );
    expect(r.project.cases.map((c) => [c.slug, c.lifecycle.phase, c.lifecycle.rag.rag])).toEqual([['child-e', 'lcspr-to-commission', 'red']]);
  });

  it('prints the flags and a line of case counts', () => {
    const text = formatResult(check({ 'reviews/child-e/case.yaml': LATE, 'reviews/child-n/case.yaml': NO_REVIEW })).join('\n');
    expect(text).toContain('Case stages overdue (1)\n  child-e\n    reviews/child-e/case.yaml:6:1  Case Child E: Rapid review sent to the Panel');
    expect(text).toContain('  Cases:    2 (1 open: red 1, amber 0, green 0; 1 closed)');
  });

  it('gives the cases in the JSON, without the reasons written in the file', () => {
    const json = JSON.stringify(resultToJson(check({ 'reviews/child-e/case.yaml': LATE })));
    expect(json).toContain('"phase":"lcspr-to-commission"');
    expect(json).not.toContain('The criteria for a local review are met');
  });
});

describe('errors in a case file', () => {
  it.each<[string, string, number, number, string, RegExp]>([
    ['a misspelt field, with a suggestion', edit(LATE, 'notifiedPanel:', 'notifedPanel:'), 4, 1, 'notifedPanel', /Did you mean "notifiedPanel"\?.*docs\/case-lifecycle\.md/],
    ['an unknown decision', edit(LATE, 'outcome: lcspr', 'outcome: local'), 10, 12, 'decision.outcome', /must be one of: lcspr, national-review, no-review/],
    // A missing field is reported at the first line of its block, as for every other file.
    ['a decision without its reason', edit(LATE, '  reason: The criteria for a local review are met.\n', ''), 10, 3, 'decision.reason', /is missing/],
    ['a date that is not one', edit(LATE, 'aware: 2026-10-26', 'aware: 26/10/2026'), 3, 8, 'aware', /YYYY-MM-DD/],
    ['a date after today', edit(LATE, 'completed: 2026-11-19', 'completed: 2026-11-24'), 8, 14, 'rapidReview.completed', /after today/],
    ['the rapid review before its meeting', edit(LATE, 'completed: 2026-11-19', 'completed: 2026-11-17'), 8, 14, 'rapidReview.completed', /before the rapid review meeting/],
    ['LCSPR fields for a case not decided lcspr', edit(LATE, 'outcome: lcspr', 'outcome: national-review') + 'lcspr:\n  commissioned: 2026-11-20\n', 14, 3, 'lcspr', /only applies when decision.outcome is lcspr/],
  ])('%s', (_why, text, line, column, field, message) => {
    const r = check({ 'reviews/child-e/case.yaml': text });
    expect(r.errors, r.errors.map((e) => `${e.line}:${e.column} ${e.field} ${e.message}`).join('\n')).toHaveLength(1);
    const e = r.errors[0]!;
    expect([e.file, e.line, e.column, e.field]).toEqual(['reviews/child-e/case.yaml', line, column, field]);
    expect(e.message).toMatch(message);
  });

  it('a "no review" case cannot sit beside anything that could be published', () => {
    const r = check({ 'reviews/child-c/case.yaml': NO_REVIEW });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'reviews/child-c/case.yaml', line: 6, field: 'decision.outcome', kind: 'case-no-review' });
    expect(r.errors[0]!.message).toMatch(/also holds report\.mdx, statement\.mdx, briefing\.mdx and action-plan\.yaml: a case decided "no review" never leads to anything public/);
  });

  it('a folder with a case file and a briefing but no report still needs its report', () => {
    const r = check({ 'reviews/child-e/case.yaml': LATE, 'reviews/child-e/briefing.mdx': '---\ntitle: x\npublished: 2026-01-01\n---\n' });
    expect(r.errors.map((e) => [e.file, e.kind])).toContainEqual(['reviews/child-e/report.mdx', 'missing-file']);
  });
});

describe('a case beside its report', () => {
  const CASE_C = `title: Child C
aware: 2025-06-02
notifiedPanel: 2025-06-04
reportedToPartners: 2025-06-04
rapidReview:
  meeting: 2025-06-16
  completed: 2025-06-18
  sentToPanel: 2025-06-18
decision:
  outcome: lcspr
  date: 2025-06-18
  reason: Met.
lcspr:
  commissioned: 2025-07-01
  completed: 2025-12-10
`;
  it('reads sentToPanel and published from report.mdx, and flags the NSPCC submission from the day of publication', () => {
    // The fixture report: published 20 January 2026, sent to the Panel on 5 January 2026.
    const r = check({ 'reviews/child-c/case.yaml': CASE_C });
    expect(r.errors).toEqual([]);
    const c = r.project.cases[0]!;
    const stage = (id: string) => c.lifecycle.stages.find((s) => s.id === id)!;
    expect(stage('report-sent')).toMatchObject({ done: '2026-01-05', due: '2026-01-09', state: 'done' }); // 7 working days before Tue 20 Jan: 19, 16, 15, 14, 13, 12, 9
    expect(stage('published')).toMatchObject({ done: '2026-01-20', state: 'done' });
    expect(r.flags.filter((f) => f.kind === 'case-overdue').map((f) => [f.stage, f.date, f.days, f.file, f.field])).toEqual([
      ['nspcc-submitted', '2026-01-20', 307, 'reviews/child-c/case.yaml', 'nspccSubmitted'],
    ]);
  });

  it('a scheduled report sets the day it must go to the Panel by', () => {
    const report = edit(edit(REPORT, 'published: 2026-01-20', 'published: 2026-12-09'), 'sentToPanel: 2026-01-05\n', '');
    const r = check({ 'reviews/child-c/case.yaml': CASE_C, 'reviews/child-c/report.mdx': report });
    const flag = r.flags.find((f) => f.stage === 'report-sent')!;
    expect(flag).toMatchObject({ kind: 'case-due-soon', date: '2026-11-30', days: 7, file: 'reviews/child-c/report.mdx', field: 'sentToPanel' });
  });
});

describe('the MESI report and the site model', () => {
  const context = (build: 'public' | 'partners'): BuildContext => ({ today, root: '/x', build }) as BuildContext;

  it('the MESI report has a "Cases in progress" section with every case and every stage overdue', () => {
    const md = mesiReport(check({ 'reviews/child-e/case.yaml': LATE, 'reviews/child-n/case.yaml': NO_REVIEW }));
    const section = md.slice(md.indexOf('## Cases in progress'));
    expect(section).toContain('| Child E (child-e) | LCSPR to be commissioned | Rapid review sent to the Panel | 20 November 2026 | 3 days overdue | Red |');
    expect(section).toContain('| Child N (child-n) | Closed: no review |  |  |  | Grey | closed: no review |');
    expect(section).toMatch(/### Case stages overdue\n\n\| Case \| Stage \| Due \| Days late \| Flag \|\n.*\n\| Child E \(child-e\) \| Rapid review sent to the Panel \| 20 November 2026 \| 3 \|/);
  });

  it('the public build model holds nothing of a case; the partners model holds every case', () => {
    const r = check({ 'reviews/child-e/case.yaml': LATE, 'reviews/child-c/case.yaml': edit(LATE, 'title: Child E', 'title: Child C') });
    const pub = toSiteModel(r, context('public'));
    const serialised = JSON.stringify(pub);
    expect(pub.project.cases).toEqual([]);
    expect(pub.project.reviews.map((x) => x.slug)).toEqual(['child-c']);
    expect(pub.project.reviews[0]!.files).not.toContain('case.yaml');
    expect(pub.flags.filter((f) => f.kind.startsWith('case-'))).toEqual([]);
    expect(pub.counts.cases.total).toBe(0);
    expect(pub.counts.flags).toBe(pub.flags.length);
    expect(serialised).not.toContain('child-e');
    expect(serialised).not.toContain('The criteria for a local review are met');
    const partners = toSiteModel(r, context('partners'));
    expect(partners.project.cases.map((c) => c.slug)).toEqual(['child-c', 'child-e']);
    expect(partners.project.reviews.find((x) => x.slug === 'child-c')?.case?.data.title).toBe('Child C');
    expect(partners.flags).toEqual(r.flags);
  });
});
