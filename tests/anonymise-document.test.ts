/**
 * Scanning whole files: frontmatter strings and MDX bodies located by line and column in the
 * original file, MDX syntax skipped, messages masked, and YAML fields (an action plan's public
 * fields) located through the YAML source.
 */
import { describe, expect, it } from 'vitest';
import { mdxProse, scanDocument, scanDocumentFindings, scanFields, scanFieldFindings } from '../src/utils/anonymise/index.ts';
import { parseYaml } from '../src/utils/yaml/source.ts';

/** Line and column (1-based) of the first occurrence of `needle` in `text`. */
function at(text: string, needle: string, from = 0): { line: number; column: number } {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const REPORT = `---
title: Child C
published: 2025-06-01
summary: >-
  Child C, who was born on
  14 March 2019, was seriously injured.
reviewers: [An Independent Reviewer]
allow:
  - text: 20 Station Road
    reason: the address of the public library where the learning event was held
---
import Callout from '../../src/components/Callout.astro';
export const meta = { phone: '020 7946 0999', nhs: '943 476 5919' };

# Child C

{/* Draft note: the mother's number is 07700 900123 */}

<Callout title="Family contact: 07700 900417" href="https://example.org/9434765919">
  The learning event was held at 20 Station Road.
</Callout>

The family lived at 14 Acacia Road. See [the national report](https://www.gov.uk/government/publications/943-476-5919)
and write to <mailto:jo.bloggs@example.org> or [the reviewer](mailto:reviewer@example.org). Child L's case is different.

\`\`\`
NHS 943 476 5919
\`\`\`
`;

describe('scanDocument', () => {
  const problems = scanDocument(REPORT, { file: 'reviews/child-c/report.mdx' });

  it('locates every finding at its line and column in the original file', () => {
    const expected = [
      { ...at(REPORT, '14 March 2019'), field: 'summary' },
      { ...at(REPORT, '07700 900417'), field: undefined },
      { ...at(REPORT, '14 Acacia Road'), field: undefined },
      { ...at(REPORT, 'jo.bloggs@example.org'), field: undefined },
      { ...at(REPORT, 'reviewer@example.org'), field: undefined },
      { ...at(REPORT, "Child L's"), field: undefined },
      { ...at(REPORT, '943 476 5919', REPORT.indexOf('```')), field: undefined },
    ];
    expect(problems.map((p) => ({ line: p.line, column: p.column, field: p.field }))).toEqual(expected);
    expect(problems.every((p) => p.file === 'reviews/child-c/report.mdx' && p.severity === 'error' && p.kind === 'identifier')).toBe(true);
  });

  it('skips imports, exports, comments, JSX names and expressions and link addresses, but not shown text', () => {
    // 020 7946 0999 (export), 07700 900123 (comment) and the numbers in web addresses are not reported;
    // the attribute value shown on the page, the allowed library address and the code block are handled as text.
    const messages = problems.map((p) => p.message).join('\n');
    expect(messages).not.toMatch(/0999|0123/);
    expect(problems).toHaveLength(7);
  });

  it('masks the match in the message and says how to allow it', () => {
    const nhs = problems.find((p) => p.message.startsWith('NHS number'))!;
    expect(nhs.message).toBe(
      "NHS number 943 *** **** found; remove it, or if a person has checked it does not identify anyone, add it under allow: in this document's frontmatter with a reason",
    );
    for (const p of problems) expect(p.message).not.toMatch(/943 476 5919|07700 900417|14 Acacia|jo\.bloggs|14 March 2019/);
    const pseudonym = problems.find((p) => p.message.includes('pseudonym'))!;
    expect(pseudonym.message).toContain('Child *');
    expect(pseudonym.message).toContain('this review is Child C');
  });

  it('reports warnings when asked, and uses the pseudonyms it is given', () => {
    const warnings = scanDocument(REPORT, { file: 'x.mdx', severity: 'warning', pseudonyms: ['Child C', 'Child L'] });
    expect(warnings.every((p) => p.severity === 'warning')).toBe(true);
    expect(warnings.some((p) => p.message.includes('pseudonym'))).toBe(false);
  });

  it('applies the allow list of the frontmatter and of the options', () => {
    const allowed = scanDocumentFindings(REPORT, { file: 'x.mdx', allow: [{ text: 'The family lived at 14 Acacia Road.', reason: 'test' }] });
    expect(allowed.map((f) => f.kind)).not.toContain('address');
    const withoutFrontmatterAllow = scanDocumentFindings(REPORT.replace('20 Station Road\n    reason', '99 Nowhere Road\n    reason'), { file: 'x.mdx' });
    expect(withoutFrontmatterAllow.filter((f) => f.kind === 'address')).toHaveLength(2);
  });

  it('scans a file without frontmatter as body only', () => {
    const text = 'Line one\nCall 020 7946 0321.\n';
    expect(scanDocument(text, { file: 'a.md' }).map((p) => [p.line, p.column])).toEqual([[2, 6]]);
  });
});

describe('mdxProse', () => {
  it('keeps every offset and line break', () => {
    const prose = mdxProse(REPORT);
    expect(prose.length).toBe(REPORT.length);
    expect(prose.split('\n').length).toBe(REPORT.split('\n').length);
  });
  it('keeps prose and quoted attribute values, blanks tags and expressions', () => {
    const prose = mdxProse('<Note kind={x > 1 ? "a" : "b"} title="Shown text">Body {value} here</Note> and <b>bold</b>, < 5 years');
    expect(prose).toContain('Shown text');
    expect(prose).toContain('Body');
    expect(prose).toContain('here');
    expect(prose).toContain('< 5 years');
    expect(prose).not.toMatch(/Note|value|kind/);
  });
});

describe('scanFields (an action plan\'s public fields)', () => {
  const yaml = `review: child-c
recommendations:
  - id: R1
    text: "Agencies should record fathers' details."
    actions:
      - id: R1.1
        issue: The GP had the father's number, 07700 900417, but did not share it.
        action: >-
          Audit records, including the family at
          14 Acacia Road.
        notes: internal 943 476 5919
`;
  const { source } = parseYaml(yaml, 'reviews/child-c/action-plan.yaml');
  const fields = [
    { path: ['recommendations', 0, 'text'], text: "Agencies should record fathers' details." },
    { path: ['recommendations', 0, 'actions', 0, 'issue'], text: "The GP had the father's number, 07700 900417, but did not share it." },
    { path: ['recommendations', 0, 'actions', 0, 'action'], text: 'Audit records, including the family at 14 Acacia Road.' },
  ];

  it('locates findings exactly with the source text', () => {
    const found = scanFieldFindings(fields, { file: 'plan.yaml', source, sourceText: yaml, pseudonyms: ['Child C'] });
    expect(found.map((f) => [f.kind, f.line, f.column, f.field])).toEqual([
      ['phone', at(yaml, '07700').line, at(yaml, '07700').column, 'recommendations[0].actions[0].issue'],
      ['address', at(yaml, '14 Acacia').line, at(yaml, '14 Acacia').column, 'recommendations[0].actions[0].action'],
    ]);
  });

  it('without the source text, locates a one-line value exactly and a folded one at its field', () => {
    const found = scanFieldFindings(fields, { file: 'plan.yaml', source, pseudonyms: ['Child C'] });
    expect(found.map((f) => [f.line, f.column])).toEqual([
      [at(yaml, '07700').line, at(yaml, '07700').column],
      [at(yaml, '>-').line, at(yaml, '>-').column],
    ]);
  });

  it('only scans the fields it is given, and says where to allow', () => {
    const problems = scanFields(fields, { file: 'plan.yaml', source, sourceText: yaml, pseudonyms: ['Child C'] });
    expect(problems.map((p) => p.message).join()).not.toContain('NHS');
    expect(problems[0]!.message).toContain('add it under allow: at the top of this file');
  });
});
