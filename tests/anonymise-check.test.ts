/**
 * The anonymisation step of `npm run check`, on a small project written to a temporary folder:
 * findings in public documents are errors, in documents not yet public are warnings, and a
 * published report without its sign-off is reported with why its text is not published.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { anonymisationStep } from '../src/check/steps/anonymisation.ts';
import { CHECK_STEPS, runCheck } from '../src/check/index.ts';
import type { Problem } from '../src/utils/problems.ts';
import { buildToday } from '../src/utils/dates.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TODAY = '2026-03-14';
const dir = mkdtempSync(path.join(tmpdir(), 'anonymise-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

mkdirSync(path.join(dir, 'content'), { recursive: true });
for (const f of ['settings.yaml', 'themes.yaml', 'agencies.yaml']) cpSync(path.join(ROOT, 'content', f), path.join(dir, 'content', f));

function report(slug: string, fields: string, body: string): void {
  mkdirSync(path.join(dir, 'reviews', slug), { recursive: true });
  writeFileSync(
    path.join(dir, 'reviews', slug, 'report.mdx'),
    `---\ntype: lcspr\ndocument: overview-report\npartnerships: [example-borough]\nreviewers: [A. Reviewer]\nthemes: [neglect]\n${fields}\n---\n\n${body}\n`,
  );
}

// Public: published, signed off, dated before today.
report(
  'child-p',
  'title: Child P\npublished: 2026-01-10\npublication: published\nsummary: Child P was seriously injured.\nanonymisation:\n  date: 2026-01-05\n  role: Business Manager',
  "Child P's mother was called on 07700 900417. The front door is on 020 7946 0018.",
);
writeFileSync(
  path.join(dir, 'reviews', 'child-p', 'action-plan.yaml'),
  `review: child-p
agreed: 2026-01-20
publicProgressApproved: 2026-01-25
recommendations:
  - id: R1
    text: Record fathers' details.
    actions:
      - id: R1.1
        issue: The father lived at 14 Acacia Road and nobody visited.
        action: Audit records.
        owner: ${'childrens-services'}
        outcome: Fathers are seen.
        timescale: 2026-06-30
        status: not-started
        notes: INTERNAL 943 476 5919 is never scanned
`,
);
// Public, with an approved plan: the new public fields of a plan are scanned too (errors).
report('child-u', 'title: Child U\npublished: 2026-01-10\npublication: published\nsummary: Child U was neglected.\nanonymisation:\n  date: 2026-01-05\n  role: Business Manager', 'Nothing identifying here.');
const fieldsPlan = (slug: string, approved: string) => `review: ${slug}
agreed: 2026-01-20
${approved}recommendations:
  - id: R1
    text: Record fathers' details.
    response: partly-accepted
    responseReason: Write to sam.smith@example.org instead.
    actions:
      - id: R1.1
        issue: Fathers were not seen.
        action: Audit records.
        owner: [childrens-services, police]
        outcome: Fathers are seen.
        evidence: Audit done.
        timescale: 2026-01-31
        revisions:
          - date: 2026-01-25
            timescale: 2026-02-28
            reason: The office at EX1 1AA closed.
            agreedBy: MESI subgroup
            notes: INTERNAL 943 476 5919 is never scanned
        status: complete
        completedOn: 2026-02-20
        impact:
          - measure: Fathers seen
            finding: All but the family at 14 Acacia Road.
            date: 2026-02-25
            source: Case audit
`;
writeFileSync(path.join(dir, 'reviews', 'child-u', 'action-plan.yaml'), fieldsPlan('child-u', 'publicProgressApproved: 2026-01-25\n'));
// Public report, plan without the partners' approval to publish progress: not public, so warnings.
report('child-v', 'title: Child V\npublished: 2026-01-10\npublication: published\nsummary: Child V was neglected.\nanonymisation:\n  date: 2026-01-05\n  role: Business Manager', 'Nothing identifying here.');
writeFileSync(path.join(dir, 'reviews', 'child-v', 'action-plan.yaml'), fieldsPlan('child-v', ''));
// Not public yet: a future date. Its title and summary are not public either.
report('child-q', 'title: Child Q\npublished: 2026-05-01\npublication: published\nsummary: Child Q was born on 14 March 2019.', 'NHS number 943 476 5919.');
// Public entry, withheld body: the summary is public (error), the body is not (warning).
report('child-r', 'title: Child R\npublished: 2026-01-10\npublication: withheld\nsummary: Email jo.bloggs@example.org for details.', 'Child R lived at 22 Mill Lane.');
// Marked published, date passed, but no sign-off: the body is not published, and the check says why.
report('child-s', 'title: Child S\npublished: 2026-02-01\npublication: published\nsummary: Child S was neglected.', 'Child S and Child L were seen at EX4 4QJ.');
// Scheduled without a sign-off: warned before the date.
report('child-t', 'title: Child T\npublished: 2026-04-01\npublication: published\nsummary: Child T was neglected.', 'Nothing identifying here.');

const result = runCheck({ root: dir, today: TODAY, steps: [anonymisationStep] });
const all: Problem[] = [...result.errors, ...result.warnings];
const of = (slug: string) => all.filter((p) => p.file.startsWith(`reviews/${slug}/`));
/** `file:line:column` of the first occurrence of `needle` in a file of the temporary project. */
function at(file: string, needle: string): string {
  const text = readFileSync(path.join(dir, 'reviews', file), 'utf8');
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  if (!text.includes(needle)) throw new Error(`"${needle}" is not in ${file}`);
  return `${file}:${before.length}:${before[before.length - 1]!.length + 1}`;
}
const short = (p: Problem) => `${p.severity} ${p.file.split('/').slice(1).join('/')}:${p.line}:${p.column} ${p.field ?? 'body'} ${p.message.split(' found')[0]}`;

describe('the anonymisation step', () => {
  it('is one of the steps npm run check runs', () => {
    expect(CHECK_STEPS).toContain(anonymisationStep);
  });

  it('reads the sample project without problems of its own', () => {
    expect(result.project.problems).toEqual([]);
  });

  it('fails the build on a public report and the public fields of its plan; the partnership\'s number is allowed', () => {
    expect(of('child-p').map(short)).toEqual([
      `error ${at('child-p/action-plan.yaml', '14 Acacia Road')} recommendations[0].actions[0].issue street address ** ****** Road`,
      `error ${at('child-p/report.mdx', '07700 900417')} body telephone number 0770* ******`,
    ]);
    const plan = of('child-p').find((p) => p.file.endsWith('action-plan.yaml'))!;
    expect(plan.message).toContain('add it under allow: in the frontmatter of reviews/child-p/report.mdx');
  });

  it('scans the public fields every plan may have: response reason, revisions and impact evidence, never INTERNAL notes', () => {
    const fields = (slug: string) => of(slug).filter((p) => p.kind === 'identifier').map((p) => `${p.severity} ${p.field}`);
    expect(fields('child-u')).toEqual([
      'error recommendations[0].responseReason',
      'error recommendations[0].actions[0].revisions[0].reason',
      'error recommendations[0].actions[0].impact[0].finding',
    ]);
  });

  it("warns, with the reason, for a plan whose progress the partners have not approved for publication", () => {
    const problems = of('child-v').filter((p) => p.kind === 'identifier');
    expect(problems.map((p) => `${p.severity} ${p.field}`)).toEqual([
      'warning recommendations[0].responseReason',
      'warning recommendations[0].actions[0].revisions[0].reason',
      'warning recommendations[0].actions[0].impact[0].finding',
    ]);
    for (const p of problems) expect(p.message).toMatch(/not public yet: the partners have not approved publishing the plan's progress/);
  });

  it('warns, with the reason, for a document not yet public', () => {
    const identifiers = of('child-q').filter((p) => p.kind === 'identifier');
    expect(identifiers.map(short)).toEqual([
      `warning ${at('child-q/report.mdx', '14 March 2019')} summary date of birth ** ***** 2019`,
      `warning ${at('child-q/report.mdx', '943 476 5919')} body NHS number 943 *** ****`,
    ]);
    expect(identifiers[0]!.message).toMatch(/not public yet: its publication date has not been reached\)$/);
  });

  it('errs on the public summary of a withheld report and warns on its body', () => {
    expect(of('child-r').map(short)).toEqual([
      `error ${at('child-r/report.mdx', 'jo.bloggs')} summary email address j***@***.org`,
      `warning ${at('child-r/report.mdx', '22 Mill Lane')} body street address ** **** Lane`,
    ]);
    expect(of('child-r')[1]!.message).toContain('the decision was taken not to publish the report');
  });

  it('says why a published report without a sign-off is not published, and warns on its body', () => {
    const problems = of('child-s');
    const signOff = problems.find((p) => p.kind === 'anonymisation-sign-off')!;
    expect(`${signOff.file.slice('reviews/'.length)}:${signOff.line}:${signOff.column}`).toBe(at('child-s/report.mdx', 'published\n'));
    expect(signOff).toMatchObject({ severity: 'warning', field: 'publication' });
    expect(signOff.message).toMatch(/^the report's text and PDFs are not published: it has no anonymisation sign-off/);
    expect(problems.filter((p) => p.kind === 'identifier').map(short)).toEqual([
      `warning ${at('child-s/report.mdx', 'Child L')} body pseudonym Child *`,
      `warning ${at('child-s/report.mdx', 'EX4 4QJ')} body postcode EX4 ***`,
    ]);
  });

  it('warns before the date when a scheduled report has no sign-off', () => {
    expect(of('child-t').map((p) => p.message)).toEqual([expect.stringMatching(/^the report's text and PDFs will not be published on 1 April 2026: it has no anonymisation sign-off/)]);
  });

  it('never prints a match whole', () => {
    const text = all.map((p) => p.message).join('\n');
    for (const secret of ['07700 900417', '14 Acacia Road', '943 476 5919', '14 March 2019', 'jo.bloggs', '22 Mill Lane', 'EX4 4QJ', 'sam.smith', 'EX1 1AA']) expect(text).not.toContain(secret);
  });

  it('passes the real sample content', () => {
    const real = runCheck({ root: ROOT, today: buildToday(undefined), steps: [anonymisationStep] });
    expect([...real.errors, ...real.warnings].filter((p) => p.kind === 'identifier').map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
  });
});
