import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECK_STEPS, openActionsCsv, runCheck, type CheckResult } from '../src/check/index.ts';
import { csvField, mesiReport } from '../src/check/report.ts';
import type { Problem } from '../src/utils/problems.ts';
import { buildToday } from '../src/utils/dates.ts';
import { BRIEFING, edit, makeProject, PLAN, REPORT, SETTINGS, STATEMENT } from './support/check-fixtures.ts';

const today = '2026-03-14';
const node = path.resolve('node_modules/.bin/node');
let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});

function check(files: Record<string, string | undefined>, options: { strict?: boolean } = {}): CheckResult {
  const p = makeProject(files);
  cleanup.push(p.remove);
  return runCheck({ root: p.root, today, ...options });
}

function only(result: CheckResult): Problem {
  expect(result.errors, result.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n')).toHaveLength(1);
  return result.errors[0]!;
}

const planFile = 'reviews/child-c/action-plan.yaml';
const plan = (text: string) => ({ [planFile]: text });

/** R1.2's timescale followed by these revisions (lines 26 and 27 on: "revisions:" is line 27). */
const revised = (...items: string[]) => `        timescale: Q2 2026\n        revisions:\n${items.join('')}`;
/** One revision, as written under revisions: (five lines). */
const revision = (date: string, timescale = '2026-09-30') =>
  `          - date: ${date}\n            timescale: ${timescale}\n            reason: The audit was moved.\n            agreedBy: MESI subgroup\n`;
/** The cells of one CSV line (RFC 4180 quoting). */
const csvCells = (line: string) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"([\s\S]*)"$/, '$1').replace(/""/g, '"'));
/** Evidence of impact measured on `date`, as written under an action. */
const impact = (date: string) => `        impact:\n          - measure: m\n            finding: f\n            date: ${date}\n            source: s\n`;

describe('a valid project', () => {
  it('has no errors, and every action is read and reported', () => {
    const r = check({});
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.counts.actions).toMatchObject({ inFiles: 2, read: 2, inPlansWithErrors: 0, reported: 2 });
    expect(r.project.actions.map((a) => [a.action.id, a.due, a.rag.rag])).toEqual([
      ['R1.1', '2026-03-31', 'amber'], // complete 41 days ago, awaiting assurance
      ['R1.2', '2026-06-30', 'grey'],
    ]);
    expect(r.flags.map((f) => [f.kind, f.line, f.column])).toEqual([['awaiting-assurance', 17, 22]]);
  });

  it('--strict turns flags into a failure', () => {
    expect(check({}, { strict: true }).exitCode).toBe(1);
  });
});

describe('errors name the file, line, column and field', () => {
  it.each<[string, string, number, number, string, RegExp]>([
    [
      'unknown key timscale, with a suggestion',
      edit(PLAN, '        timescale: 31/03/2026', '        timscale: 31/03/2026'),
      15,
      9,
      'recommendations[0].actions[0].timscale',
      /"timscale" is not a field here\. Did you mean "timescale"\?.*docs\/action-plans\.md/,
    ],
    [
      'duplicate key',
      edit(PLAN, '        owner: icb\n', '        owner: icb\n        owner: police\n'),
      12,
      9,
      '',
      /this key appears twice/,
    ],
    [
      'duplicate action id',
      edit(PLAN, '      - id: R1.2', '      - id: R1.1'),
      21,
      13,
      'recommendations[0].actions[1].id',
      /"R1\.1" is already the id of action recommendations\[0\]\.actions\[0\] \(line 8\)/,
    ],
    [
      'duplicate recommendation id',
      PLAN.replace('dissemination:', '  - id: R1\n    text: Again.\n    actions:\n      - id: R2.1\n        issue: i\n        action: a\n        owner: icb\n        outcome: o\n        timescale: ongoing\n        reviewBy: 2026-06-01\n        status: not-started\ndissemination:'),
      28,
      9,
      'recommendations[1].id',
      /"R1" is already the id of recommendation recommendations\[0\] \(line 5\)/,
    ],
    [
      'missing field',
      edit(PLAN, '        outcome: Fathers attend appointments.\n', ''),
      21,
      9,
      'recommendations[0].actions[1].outcome',
      /is missing: it is required and must be text/,
    ],
    [
      'bad timescale',
      edit(PLAN, 'timescale: Q2 2026', 'timescale: Q5 2026'),
      26,
      20,
      'recommendations[0].actions[1].timescale',
      /"Q5 2026" is not a timescale.*31\/03\/2026 \(day first\).*2025\/26 Q4/,
    ],
    [
      'unknown owner, with a suggestion',
      edit(PLAN, 'owner: community-health', 'owner: comunity-health'),
      24,
      16,
      'recommendations[0].actions[1].owner',
      /"comunity-health" is not an agency in content\/agencies\.yaml\. Did you mean "community-health"\?/,
    ],
    [
      'YAML syntax error: a colon inside a value',
      edit(PLAN, 'outcome: Fathers attend appointments.', 'outcome: Fathers: attend appointments.'),
      25,
      18,
      '',
      /the YAML cannot be read here.*Check the indentation, colons and quotes/,
    ],
    [
      'YAML syntax error: an unclosed quote is shown where it opens',
      edit(PLAN, 'issue: Fathers were not invited to appointments.', 'issue: "Fathers were not invited to appointments.'),
      22,
      16,
      '',
      /Missing closing "quote/,
    ],
    [
      'the plan names another review',
      edit(PLAN, 'review: child-c', 'review: child-d'),
      2,
      9,
      'review',
      /must be "child-c", the name of the folder this plan is in \(it says "child-d"\)/,
    ],
    [
      'an update dated after today',
      edit(PLAN, '- date: 2026-02-10', '- date: 2026-03-15'),
      19,
      19,
      'recommendations[0].actions[0].updates[0].date',
      /is 15 March 2026, after today \(14 March 2026\)/,
    ],
    [
      'complete without evidence',
      edit(PLAN, '        evidence: Audit of 30 records in January 2026 found 28 complete.\n', ''),
      8,
      9,
      'recommendations[0].actions[0].evidence',
      /is required when status is complete/,
    ],
    [
      'complete without completedOn',
      edit(PLAN, '        completedOn: 2026-02-01\n', ''),
      8,
      9,
      'recommendations[0].actions[0].completedOn',
      /is required when status is complete/,
    ],
    [
      'assured without assuredOn',
      edit(PLAN, 'status: complete', 'status: assured'),
      8,
      9,
      'recommendations[0].actions[0].assuredOn',
      /is required when status is assured/,
    ],
    [
      'withdrawn without a reason',
      edit(PLAN, 'status: in-progress', 'status: withdrawn'),
      21,
      9,
      'recommendations[0].actions[1].reason',
      /is required when status is withdrawn/,
    ],
    [
      'ongoing without reviewBy',
      edit(PLAN, 'timescale: Q2 2026', 'timescale: ongoing'),
      21,
      9,
      'recommendations[0].actions[1].reviewBy',
      /is required when timescale is ongoing/,
    ],
    [
      'an unknown status',
      edit(PLAN, 'status: in-progress', 'status: done'),
      27,
      17,
      'recommendations[0].actions[1].status',
      /must be one of: not-started, in-progress, complete, assured, withdrawn/,
    ],
    [
      'no agreed date on a plan that is not a draft',
      edit(PLAN, 'agreed: 2025-06-12\n', ''),
      2,
      1,
      'agreed',
      /is required unless draft is true/,
    ],
    [
      'an unknown agency in a dissemination audience',
      edit(PLAN, 'audience: [icb]', 'audience: [icb, polise]'),
      30,
      21,
      'dissemination[0].audience[1]',
      /Did you mean "police"\?/,
    ],
    [
      'an unknown agency in a list of owners, with a suggestion',
      edit(PLAN, 'owner: community-health', 'owner: [community-health, polise]'),
      24,
      35,
      'recommendations[0].actions[1].owner[1]',
      /"polise" is not an agency in content\/agencies\.yaml\. Did you mean "police"\?/,
    ],
    [
      'an agency listed twice as owner',
      edit(PLAN, 'owner: icb', 'owner: [icb, icb]'),
      11,
      22,
      'recommendations[0].actions[0].owner[1]',
      /"icb" is already listed as an owner of this action; list each agency once/,
    ],
    [
      'an empty list of owners',
      edit(PLAN, 'owner: icb', 'owner: []'),
      11,
      16,
      'recommendations[0].actions[0].owner',
      /must list at least one agency id from content\/agencies\.yaml/,
    ],
    [
      'no owner',
      edit(PLAN, '        owner: community-health\n', ''),
      21,
      9,
      'recommendations[0].actions[1].owner',
      /is missing: it is required and must be an agency id from content\/agencies\.yaml, such as icb, or a list of them, such as \[police, icb\]/,
    ],
    [
      'a revision to ongoing',
      edit(PLAN, '        timescale: Q2 2026\n', revised(revision('2026-03-01', 'ongoing'))),
      29,
      24,
      'recommendations[0].actions[1].revisions[0].timescale',
      /cannot be ongoing: a revision sets a new date/,
    ],
    [
      'a revision in a form no timescale takes',
      edit(PLAN, '        timescale: Q2 2026\n', revised(revision('2026-03-01', 'TBC'))),
      29,
      24,
      'recommendations[0].actions[1].revisions[0].timescale',
      /"TBC" is not a timescale/,
    ],
    [
      'revisions not oldest first',
      edit(PLAN, '        timescale: Q2 2026\n', revised(revision('2026-03-01'), revision('2026-02-01', '2026-10-31'))),
      32,
      19,
      'recommendations[0].actions[1].revisions[1].date',
      /is before the date of the revision above it \(2026-03-01\): list revisions oldest first/,
    ],
    [
      'a revision dated after today',
      edit(PLAN, '        timescale: Q2 2026\n', revised(revision('2026-03-15'))),
      28,
      19,
      'recommendations[0].actions[1].revisions[0].date',
      /is 15 March 2026, after today \(14 March 2026\): a revision of the timescale records something that has already happened/,
    ],
    [
      'a revision without who agreed it',
      edit(PLAN, '        timescale: Q2 2026\n', revised(revision('2026-03-01').replace('            agreedBy: MESI subgroup\n', ''))),
      28,
      13,
      'recommendations[0].actions[1].revisions[0].agreedBy',
      /is missing: it is required and must be text/,
    ],
    [
      'revisions of an ongoing timescale',
      edit(PLAN, '        timescale: Q2 2026\n', `        timescale: ongoing\n        reviewBy: 2026-06-01\n        revisions:\n${revision('2026-03-01')}`),
      29,
      11,
      'recommendations[0].actions[1].revisions',
      /cannot be given when timescale is ongoing/,
    ],
    [
      'evidence of impact on an action that is not done',
      edit(PLAN, '        status: in-progress\n', `        status: in-progress\n${impact('2026-03-01')}`),
      29,
      11,
      'recommendations[0].actions[1].impact',
      /only applies when status is complete or assured \(it is in-progress\)/,
    ],
    [
      'evidence of impact dated after today',
      edit(PLAN, '        completedOn: 2026-02-01\n', `        completedOn: 2026-02-01\n${impact('2026-03-20')}`),
      21,
      19,
      'recommendations[0].actions[0].impact[0].date',
      /is 20 March 2026, after today \(14 March 2026\): evidence of impact records something that has already happened/,
    ],
    [
      'a partly accepted recommendation without a reason',
      edit(PLAN, '    actions:\n', '    response: partly-accepted\n    actions:\n'),
      5,
      5,
      'recommendations[0].responseReason',
      /is required when response is partly-accepted: the partnership's reason/,
    ],
    [
      'an unknown response',
      edit(PLAN, '    actions:\n', '    response: agreed\n    actions:\n'),
      7,
      15,
      'recommendations[0].response',
      /must be one of: accepted, partly-accepted, not-accepted/,
    ],
    [
      'an accepted recommendation with no actions',
      edit(PLAN, 'dissemination:', '  - id: R2\n    text: Another.\n    response: accepted\ndissemination:'),
      28,
      5,
      'recommendations[1].actions',
      /must list at least one action \(only a recommendation whose response is not-accepted may have none\)/,
    ],
    [
      "the partners' approval to publish progress dated after today",
      edit(PLAN, 'agreed: 2025-06-12\n', 'agreed: 2025-06-12\npublicProgressApproved: 2026-03-20\n'),
      4,
      25,
      'publicProgressApproved',
      /is 20 March 2026, after today \(14 March 2026\): the partners' approval to publish progress records something that has already happened/,
    ],
  ])('%s', (_, text, line, column, field, message) => {
    const r = check(plan(text));
    const e = only(r);
    expect(e).toMatchObject({ file: planFile, line, column, severity: 'error' });
    expect(e.field ?? '').toBe(field);
    expect(e.message).toMatch(message);
    expect(r.exitCode).toBe(1);
  });

  it('a draft plan may leave out agreed', () => {
    expect(check(plan(edit(PLAN, 'agreed: 2025-06-12', 'draft: true'))).errors).toEqual([]);
  });

  it('lists every error in every file, then counts them; the actions of a broken plan are still counted', () => {
    const broken = edit(edit(PLAN, 'timescale: Q2 2026', 'timescale: soon'), 'owner: icb', 'owner: nhs');
    const r = check({
      ...plan(broken),
      'reviews/child-e/report.mdx': edit(REPORT, 'themes: [neglect]', 'themes: [neglet]'),
      'reviews/child-e/action-plan.yaml': edit(PLAN, 'review: child-c', 'review: child-e'),
    });
    expect(r.errors.map((e) => [e.file, e.line, e.kind])).toEqual([
      [planFile, 26, 'invalid'],
      ['reviews/child-e/report.mdx', 11, 'unknown-theme'],
    ]);
    // Owners are checked against agencies.yaml once the plan itself is valid.
    const fixed = check(plan(edit(broken, 'timescale: soon', 'timescale: Q2 2026')));
    expect(fixed.errors.map((e) => e.kind)).toEqual(['unknown-owner']);
    expect(r.errors[1]!.message).toMatch(/Did you mean "neglect"\?/);
    expect(r.counts.actions).toMatchObject({ inFiles: 4, read: 2, inPlansWithErrors: 2, reported: 4 });
    expect(r.counts.errors).toBe(2);
    expect(r.counts.filesWithErrors).toBe(2);
  });
});

describe('what real action plans record', () => {
  it('a recommendation that is not accepted may have no actions; its reason is kept', () => {
    const text = edit(PLAN, 'dissemination:', '  - id: R2\n    text: Another.\n    response: not-accepted\n    responseReason: A national programme already covers it.\ndissemination:');
    const r = check(plan(text));
    expect(r.errors).toEqual([]);
    const rec = r.project.reviews[0]!.plan!.data.recommendations[1]!;
    expect([rec.response, rec.responseReason, rec.actions]).toEqual(['not-accepted', 'A national programme already covers it.', []]);
    expect(r.counts.actions).toMatchObject({ inFiles: 2, read: 2, reported: 2 });
  });

  it('an action owned by several agencies: one id or a list, always a list in the model; flags, the report and the CSV name every owner', () => {
    const text = edit(edit(PLAN, 'owner: community-health', 'owner: [community-health, police]'), 'timescale: Q2 2026', 'timescale: 2026-02-28');
    const r = check(plan(text));
    expect(r.errors).toEqual([]);
    expect(r.project.actions.map((e) => e.action.owner)).toEqual([['icb'], ['community-health', 'police']]);
    const overdue = r.flags.find((f) => f.kind === 'overdue')!;
    expect(overdue).toMatchObject({ actionId: 'R1.2', owners: ['community-health', 'police'] });
    expect(overdue.message).toMatch(/^Action R1\.2 \(community-health, police\) is 14 days overdue/);
    const report = mesiReport(r);
    // Listed under each owner in "by agency", once in "by review".
    expect(report).toContain('#### Example Community Health NHS Trust (1)');
    expect(report).toContain('#### Example Constabulary (1)');
    expect(report).toContain('#### Child C (child-c) (1)');
    expect(report).toMatch(/## Actions by review[\s\S]*\| Child C \(child-c\) \| 2 \| 1 \| 1 \| 0 \| 0 \|/);
    expect(report).toMatch(/## Actions by agency[\s\S]*\| Example Constabulary \| 1 \| 1 \| 0 \| 0 \| 0 \|/);
    const rows = openActionsCsv(r).trimEnd().split('\r\n');
    expect(rows[0]).toContain('Owners,Owner names');
    expect(rows[2]).toContain('community-health; police,Example Community Health NHS Trust; Example Constabulary');
  });

  it('a revised timescale: judged against the latest; the report, the CSV and the JSON keep the one first agreed', () => {
    const text = edit(PLAN, '        timescale: Q2 2026\n', revised(revision('2026-01-10', '2026-02-27'), revision('2026-02-01', '2026-03-04')));
    const r = check(plan(text));
    expect(r.errors).toEqual([]);
    const e = r.project.actions[1]!;
    expect([e.action.timescale, e.originalDue, e.timescale, e.due, e.revisions, e.slipDays]).toEqual(['Q2 2026', '2026-06-30', '2026-03-04', '2026-03-04', 2, -118]);
    const overdue = r.flags.find((f) => f.kind === 'overdue')!;
    // Located at the latest revision's timescale, overdue from it.
    expect([overdue.line, overdue.field, overdue.days]).toEqual([33, 'recommendations[0].actions[1].revisions[1].timescale', 10]);
    const report = mesiReport(r);
    expect(report).toContain('## Revised timescales');
    expect(report).toContain('| Child C (child-c) | R1.2 | Example Community Health NHS Trust | In progress | 30 June 2026 | 4 March 2026 | 2 | -118 | 1 February 2026: The audit was moved. (agreed by MESI subgroup) |');
    expect(report).toMatch(/\| Actions with a revised timescale \| 1 \|/);
    const csv = openActionsCsv(r).trimEnd().split('\r\n').map(csvCells);
    const header = csv[0]!;
    const row = csv.find((c) => c[3] === 'R1.2')!;
    const col = (name: string) => row[header.indexOf(name)];
    expect([col('Timescale'), col('Due'), col('First agreed timescale'), col('First agreed due'), col('Times revised'), col('Days later than first agreed'), col('Days overdue')]).toEqual([
      '2026-03-04',
      '2026-03-04',
      'Q2 2026',
      '2026-06-30',
      '2',
      '-118',
      '10',
    ]);
  });

  it('assured more than 6 months ago without evidence of impact: flagged at assuredOn, cleared by impact evidence', () => {
    const assured = edit(PLAN, '        status: complete\n        completedOn: 2026-02-01\n', '        status: assured\n        completedOn: 2025-08-01\n        assuredOn: 2025-09-01\n');
    const r = check(plan(assured));
    expect(r.errors).toEqual([]);
    expect(r.flags.filter((f) => f.kind === 'no-impact-evidence').map((f) => [f.field, f.line, f.date, f.days])).toEqual([
      ['recommendations[0].actions[0].assuredOn', 18, '2025-09-01', 194],
    ]);
    expect(mesiReport(r)).toMatch(/## Assured, no evidence of impact \(assured more than 6 months ago\)[\s\S]*\| Child C \(child-c\) \| R1\.1 \| Example Integrated Care Board \| 1 September 2025 \| 194 \|/);
    const withImpact = check(plan(edit(assured, '        assuredOn: 2025-09-01\n', `        assuredOn: 2025-09-01\n${impact('2026-01-15')}`)));
    expect(withImpact.errors).toEqual([]);
    expect(withImpact.flags.filter((f) => f.kind === 'no-impact-evidence')).toEqual([]);
    const longer = check({ ...plan(assured), 'content/settings.yaml': `${SETTINGS}monitoring:\n  impactAfterMonths: 7\n` });
    expect(longer.flags.filter((f) => f.kind === 'no-impact-evidence')).toEqual([]);
  });
});

describe('documents', () => {
  it('a briefing must have seven numbered sections: the error says how many it found', () => {
    const six = edit(BRIEFING, '## 7. Questions\n', '');
    const e = only(check({ 'reviews/child-c/briefing.mdx': six }));
    expect(e).toMatchObject({ file: 'reviews/child-c/briefing.mdx', kind: 'briefing-sections' });
    expect(e.message).toMatch(/exactly 7 numbered sections.*this file has 6 level-2 headings/);
  });

  it('a briefing section out of order is pointed at', () => {
    const e = only(check({ 'reviews/child-c/briefing.mdx': edit(BRIEFING, '## 3. What happened', '## 4. What happened') }));
    expect(e.line).toBe(10);
    expect(e.message).toMatch(/heading 3 should start "## 3\. "/);
  });

  it('headings inside a code block do not count', () => {
    const withCode = BRIEFING.replace('## 1. Background\n', '## 1. Background\n\n```\n## not a heading\n```\n');
    expect(check({ 'reviews/child-c/briefing.mdx': withCode }).errors).toEqual([]);
  });

  it('a standalone briefing needs seven sections too, a summary, and a name no review has', () => {
    const r = check({ 'content/briefings/child-c.mdx': edit(BRIEFING, '## 7. Questions\n', '') });
    expect(r.errors.map((e) => e.kind).sort()).toEqual(['briefing-id', 'briefing-sections', 'missing-field']);
  });

  it('a review folder needs report.mdx unless its statement is about another area', () => {
    const e = only(check({ 'reviews/child-c/report.mdx': undefined }));
    expect(e).toMatchObject({ file: 'reviews/child-c/report.mdx', kind: 'missing-file' });
    const about = STATEMENT.replace('---\n\n', 'about:\n  partnership: Example Vale\n  url: https://example.org/review\n  type: lcspr\n---\n\n');
    expect(check({ 'reviews/child-c/report.mdx': undefined, 'reviews/child-c/statement.mdx': about, 'reviews/child-c/briefing.mdx': edit(BRIEFING, 'published', 'themes: [neglect]\npublished') }).errors).toEqual([]);
  });

  it('a listed PDF must exist', () => {
    const withPdf = edit(REPORT, 'themes: [neglect]', 'themes: [neglect]\npdfs:\n  - file: child-c-report.pdf\n    title: The report');
    const e = only(check({ 'reviews/child-c/report.mdx': withPdf, 'reviews/child-c/child-c-reprot.pdf': '%PDF' }));
    expect(e).toMatchObject({ line: 13, column: 11, field: 'pdfs[0].file', kind: 'missing-pdf' });
    expect(e.message).toMatch(/Did you mean "child-c-reprot\.pdf"\?/);
    expect(check({ 'reviews/child-c/report.mdx': withPdf, 'reviews/child-c/child-c-report.pdf': '%PDF' }).errors).toEqual([]);
  });

  it('frontmatter errors are located on the file line (after the opening ---)', () => {
    const e = only(check({ 'reviews/child-c/report.mdx': edit(REPORT, 'publication: published', 'publication: publish') }));
    expect(e).toMatchObject({ file: 'reviews/child-c/report.mdx', line: 5, column: 14, field: 'publication' });
  });
});

describe('reports that may now be archived, and publication notice', () => {
  const oldReport = edit(edit(REPORT, 'published: 2026-01-20', 'published: 2025-02-10'), 'sentToPanel: 2026-01-05', 'sentToPanel: 2025-01-20');

  it('flags a report on the site for 12 months as one that may now be archived, from the day it may be', () => {
    const r = check({ 'reviews/child-c/report.mdx': oldReport });
    expect(r.flags.filter((f) => f.kind === 'may-archive').map((f) => [f.date, f.days, f.line])).toEqual([['2026-02-10', 32, 6]]);
    expect(r.errors).toEqual([]);
  });

  it('a decision to keep it published answers the flag until the day to look again, where the flag then points', () => {
    const kept = (lookAgain: string) => check({ 'reviews/child-c/report.mdx': edit(oldReport, 'themes: [neglect]', `themes: [neglect]\nkeepPublished:\n  decided: 2026-02-20\n  reason: Used in training\n  lookAgain: ${lookAgain}`) });
    const answered = kept('2027-02-20');
    expect(answered.errors).toEqual([]);
    expect(answered.flags.filter((f) => f.kind === 'may-archive')).toEqual([]);
    const again = kept('2026-03-14');
    expect(again.flags.filter((f) => f.kind === 'may-archive').map((f) => [f.date, f.days, f.line, f.field])).toEqual([['2026-03-14', 0, 15, 'keepPublished.lookAgain']]);
  });

  it('archiving before the minimum period, or a decision taken before the question arises, is an error at the field', () => {
    const early = only(check({ 'reviews/child-c/report.mdx': edit(oldReport, 'themes: [neglect]', 'themes: [neglect]\narchived: 2026-02-09') }));
    expect(early).toMatchObject({ file: 'reviews/child-c/report.mdx', line: 12, column: 11, field: 'archived', kind: 'archival' });
    expect(early.message).toMatch(/before 10 February 2026: a report stays on the site for at least 12 months/);
    const decided = only(
      check({ 'reviews/child-c/report.mdx': edit(oldReport, 'themes: [neglect]', 'themes: [neglect]\nkeepPublished:\n  decided: 2025-12-01\n  reason: Used in training\n  lookAgain: 2026-12-01') }),
    );
    expect(decided).toMatchObject({ line: 13, field: 'keepPublished.decided', kind: 'archival' });
  });

  it('flags a report sent to the Panel too late, and one with no date', () => {
    const late = check({ 'reviews/child-c/report.mdx': edit(REPORT, 'sentToPanel: 2026-01-05', 'sentToPanel: 2026-01-14') });
    expect(late.flags.filter((f) => f.kind === 'publication-notice').map((f) => [f.date, f.days, f.line])).toEqual([['2026-01-23', 4, 7]]);
    const none = check({ 'reviews/child-c/report.mdx': edit(REPORT, 'sentToPanel: 2026-01-05\n', '') });
    expect(none.flags.filter((f) => f.kind === 'publication-notice')).toHaveLength(1);
  });

  it('does not ask a learning review or a partnership review for the notice', () => {
    for (const type of ['learning-review', 'partnership-review']) {
      const r = check({ 'reviews/child-c/report.mdx': edit(edit(REPORT, 'type: lcspr', `type: ${type}`), 'sentToPanel: 2026-01-05\n', '') });
      expect(r.flags.filter((f) => f.kind === 'publication-notice')).toEqual([]);
    }
  });

  it('a national review is not a report.mdx; a statement about it needs no notice', () => {
    const e = only(check({ 'reviews/child-c/report.mdx': edit(REPORT, 'type: lcspr', 'type: national-cspr') }));
    expect(e).toMatchObject({ file: 'reviews/child-c/report.mdx', line: 3, field: 'type' });
    const about = STATEMENT.replace('---\n\n', 'about:\n  partnership: Child Safeguarding Practice Review Panel\n  url: https://example.org/national-review\n  type: national-cspr\nthemes: [neglect]\n---\n\n');
    const r = check({ 'reviews/child-c/report.mdx': undefined, 'reviews/child-c/statement.mdx': about, 'reviews/child-c/briefing.mdx': edit(BRIEFING, 'published', 'themes: [neglect]\npublished') });
    expect(r.errors).toEqual([]);
    expect(r.flags.filter((f) => f.kind === 'publication-notice')).toEqual([]);
  });
});

describe('outputs', () => {
  it('CSV fields are quoted as RFC 4180 says, and formulas are defused', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hello"')).toBe('"say ""hello"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField(undefined)).toBe('');
    expect(csvField(12)).toBe('12');
  });

  it('the CSV has one row per open action, never INTERNAL notes', () => {
    const text = edit(PLAN, 'action: Invite fathers, with evening appointments.', 'action: Invite "fathers", with evening appointments.\n        notes: SECRET partners only');
    const r = check(plan(text));
    const csv = openActionsCsv(r);
    const rows = csv.trimEnd().split('\r\n');
    expect(rows).toHaveLength(3); // header, R1.1 (complete, not assured), R1.2
    expect(rows[2]).toContain('"Invite ""fathers"", with evening appointments."');
    expect(csv).not.toContain('SECRET');
  });

  it('npm run check: prints, writes the report and CSV, sets the exit code, annotates only under CI', () => {
    const p = makeProject(plan(edit(PLAN, 'owner: icb', 'owner: icbb')));
    cleanup.push(p.remove);
    const run = (env: Record<string, string>, ...args: string[]) =>
      spawnSync(node, [path.resolve('scripts/check.ts'), '--today', today, ...args], {
        cwd: p.root,
        env: { ...process.env, CI: '', ...env },
        encoding: 'utf8',
      });
    const plain = run({});
    expect(plain.status).toBe(1);
    expect(plain.stdout).toContain('reviews/child-c/action-plan.yaml');
    expect(plain.stdout).toMatch(/11:16 +recommendations\[0\]\.actions\[0\]\.owner: "icbb" is not an agency/);
    expect(plain.stdout).toMatch(/Actions: +2 in the files, 2 read, 2 reported/);
    expect(plain.stdout).toContain('The check failed: fix the 1 error listed above.');
    expect(plain.stderr).not.toContain('::error');
    expect(readFileSync(path.join(p.root, 'reports/mesi-report.md'), 'utf8')).toContain('As at **14 March 2026**');
    expect(existsSync(path.join(p.root, 'reports/open-actions.csv'))).toBe(true);
    const ci = run({ CI: 'true' }, '--json');
    expect(ci.status).toBe(1);
    const json = JSON.parse(ci.stdout) as { ok: boolean; errors: Problem[]; counts: { actions: { inFiles: number } } };
    expect(json.ok).toBe(false);
    expect(json.errors[0]).toMatchObject({ line: 11, column: 16, kind: 'unknown-owner' });
    expect(json.counts.actions.inFiles).toBe(2);
    expect(ci.stderr).toContain('::error file=reviews/child-c/action-plan.yaml,line=11,col=16,title=unknown-owner::');
    expect(run({}, '--today', '2026-02-30').status).toBe(2);
  });

  it('a valid project exits 0, and 1 with --strict when there are flags', () => {
    const p = makeProject();
    cleanup.push(p.remove);
    const run = (...args: string[]) => spawnSync(node, [path.resolve('scripts/check.ts'), '--today', today, '--no-reports', ...args], { cwd: p.root, encoding: 'utf8' });
    expect(run().status).toBe(0);
    expect(run('--strict').status).toBe(1);
    expect(existsSync(path.join(p.root, 'reports'))).toBe(false);
  });
});

describe('the steps', () => {
  it('every step has a distinct id', () => {
    expect(new Set(CHECK_STEPS.map((s) => s.id)).size).toBe(CHECK_STEPS.length);
  });

  it('a step that throws is reported as an error, not swallowed', () => {
    const p = makeProject();
    cleanup.push(p.remove);
    const r = runCheck({ root: p.root, today, steps: [{ id: 'boom', title: 'Boom', run: () => { throw new Error('bang'); } }] });
    expect(r.errors.map((e) => e.message)).toEqual([expect.stringContaining('"boom" check stopped with a fault (bang)')]);
  });
});

describe('the sample content', () => {
  const hasSample = existsSync('reviews') && execFileSync('ls', ['reviews'], { encoding: 'utf8' }).trim().length > 0;
  it.runIf(hasSample)('validates with no errors, and every action is reported', () => {
    // The sample content is dated around the real build clock, so it is checked as at today.
    const r = runCheck({ root: process.cwd(), today: buildToday(undefined) });
    expect(r.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`)).toEqual([]);
    expect(r.counts.actions.reported).toBe(r.counts.actions.inFiles);
    expect(r.counts.actions.inFiles).toBeGreaterThan(0);
  });
});
