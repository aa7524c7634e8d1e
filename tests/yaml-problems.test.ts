/**
 * What editors are told when YAML is wrong in ways that once crashed the checker or spoke to
 * programmers: alias bombs and aliases to nothing, nesting beyond reading, frontmatter that is
 * empty or never closed, syntax errors in the package's words. Every answer is a located
 * sentence saying what is wrong and what is accepted.
 */
import { describe, expect, it } from 'vitest';
import { actionPlanSchema } from '../src/schemas/action-plan.ts';
import { reportSchema } from '../src/schemas/documents.ts';
import type { Problem } from '../src/utils/problems.ts';
import { parseFrontmatter } from '../src/utils/yaml/frontmatter.ts';
import { MAX_NESTING } from '../src/utils/yaml/options.ts';
import { parseYaml } from '../src/utils/yaml/source.ts';
import { parseWithSchema } from '../src/utils/yaml/validate.ts';

const file = 'reviews/child-c/action-plan.yaml';
const plan = (text: string): Problem[] => {
  const parsed = parseWithSchema(text, file, actionPlanSchema, 0, { fieldsDoc: 'docs/action-plans.md', document: 'the action plan' });
  return parsed.ok ? [] : parsed.problems;
};
const brief = (p: Problem) => [p.line, p.column, p.field ?? '', p.message];

/** "billion laughs": each level repeats the one before nine times. */
function aliasBomb(levels: number): string {
  const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

describe('anchors and aliases', () => {
  it('an alias bomb is one located error that says plain YAML is accepted', () => {
    expect(plan(aliasBomb(9)).map(brief)).toEqual([
      [
        2,
        10,
        '',
        'this file uses anchors (&name) and aliases (*name) that repeat its content too many times to be read safely. Write the values out in plain YAML, without & and *: that is always accepted',
      ],
    ]);
  });

  it('an alias to no anchor is located at the alias', () => {
    expect(plan('agreed: 2025-06-12\nreview: *child\n').map(brief)).toEqual([
      [2, 9, '', 'the alias *child refers to no anchor &child earlier in the file. Write the values out in plain YAML, without & and *: that is always accepted'],
    ]);
  });

  it('a few aliases are still read as the YAML says', () => {
    const parsed = parseYaml('a: &x [1, 2]\nb: *x\n', 'x.yaml');
    expect(parsed.problems).toEqual([]);
  });
});

describe('nesting', () => {
  const deep = (n: number) => `review: ${'['.repeat(n)}x${']'.repeat(n)}\n`;
  it(`${MAX_NESTING} levels are read; deeper is one located error, however deep`, () => {
    expect(parseYaml(deep(MAX_NESTING - 1), file).problems).toEqual([]);
    for (const n of [MAX_NESTING, 5_000, 100_000]) {
      const problems = parseYaml(deep(n), file).problems;
      expect(problems, String(n)).toHaveLength(1);
      expect(problems[0]).toMatchObject({ file, line: 1, kind: 'yaml-nesting' });
      expect(problems[0]!.message).toMatch(/^the YAML here is nested too deeply: more than 64 lists or blocks of fields inside each other/);
    }
    // Block nesting, read by the fast reader up to the limit, then by the package.
    const block = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' x\n';
    expect(parseYaml(block(MAX_NESTING), file).problems).toEqual([]);
    expect(parseYaml(block(MAX_NESTING + 1), file).problems).toMatchObject([{ line: MAX_NESTING + 1, kind: 'yaml-nesting' }]);
    expect(parseYaml(`${'- '.repeat(20_000)}x\n`, file).problems).toMatchObject([{ line: 1, kind: 'yaml-nesting' }]);
  });
});

describe('frontmatter', () => {
  const report = (text: string) => {
    const parsed = parseFrontmatter(text, 'reviews/child-c/report.mdx', reportSchema, { document: 'the report' });
    return parsed.ok ? [] : parsed.problems.map(brief);
  };
  const fields = '(title:, published:, type:, publication:, partnerships:, summary:, ...)';
  it.each([
    ['', [1, 1, '', 'the file is empty. It must start with frontmatter: a line "---", the fields, and another line "---"; the text follows']],
    ['---\n', [1, 1, '', 'the frontmatter that starts on this line is never closed: add a line "---" after its last field']],
    ['---\ntitle: Child C\n\nThe report.\n', [1, 1, '', 'the frontmatter that starts on this line is never closed: add a line "---" after its last field']],
    ['---\n---\nThe report.\n', [2, 1, '', `the frontmatter (between the two --- lines) must hold the fields of the report ${fields}, one per line, each written "name: value"; it is empty`]],
    ['---\n- a\n- b\n---\n', [2, 1, '', `the frontmatter (between the two --- lines) must hold the fields of the report ${fields}, one per line, each written "name: value"; it holds a list (2 entries)`]],
    ['# A heading\n', [1, 1, '', 'the file must start with frontmatter: a line "---", the fields, and another line "---"']],
  ])('%j', (text, expected) => {
    expect(report(text)).toEqual([expected]);
  });
});

describe('syntax errors in words for editors', () => {
  it.each([
    ['review: child-c\n---\nreview: other\n', 2, 'a line "---" here starts a second document, but a file holds only one. Remove the line, or everything from it on if that belongs in another file'],
    ['review: child-c\nrecommendations:\n\t- id: R1\n', 3, 'this line is indented with a tab; indent with spaces only'],
    ['review: !child child-c\n', 1, 'the tag here (a word starting with !) is not one this YAML reader knows; remove it, plain values need no tags'],
  ])('%j', (text, line, message) => {
    expect(parseYaml(text, file).problems.map((p) => [p.line, p.message])).toContainEqual([line, message]);
  });
});
