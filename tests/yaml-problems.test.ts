/**
 * What editors are told when YAML is wrong in ways that once crashed the checker or spoke to
 * programmers: alias bombs and aliases to nothing, nesting beyond reading, a whole file of the
 * wrong kind, values of the wrong kind, frontmatter that is empty or never closed. Every answer is
 * a located sentence saying what is wrong and what is accepted.
 */
import { describe, expect, it } from 'vitest';
import { actionPlanSchema } from '../src/schemas/action-plan.ts';
import { reportSchema } from '../src/schemas/documents.ts';
import { themesFileSchema } from '../src/schemas/site.ts';
import type { Problem } from '../src/utils/problems.ts';
import { describeValue, MAX_NESTING, parseFrontmatter, parseWithSchema, parseYaml } from '../src/utils/yaml-source.ts';

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

describe('a whole file of the wrong kind says what the file must hold', () => {
  it.each([
    ['hello\n', 'it holds a single piece of text ("hello")'],
    ['42\n', 'it holds a number (42)'],
    ['- a\n- b\n', 'it holds a list (2 entries)'],
    ['', 'it is empty'],
    ['---\n', 'it is empty'],
  ])('%j', (text, holds) => {
    const problems = plan(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, line: 1 });
    expect(problems[0]!.message).toBe(
      `this file must hold the fields of the action plan (review:, recommendations:, ...), one per line, each written "name: value"; ${holds}`,
    );
  });

  it('a list file (themes) says it must hold a list, and what each entry holds', () => {
    const parsed = parseWithSchema('id: neglect\nlabel: Neglect\n', 'content/themes.yaml', themesFileSchema, 0, { document: 'themes' });
    expect(parsed.ok ? [] : parsed.problems.map(brief)).toEqual([
      [1, 1, '', 'this file must hold a list of themes, one entry per line starting "- ", each with its own fields (id:, label:, ...); it holds a block of fields (id:, label:)'],
    ]);
  });
});

describe('a value of the wrong kind says what is accepted and what it is', () => {
  const head = 'review: child-c\nagreed: 2025-06-12\n';
  it('recommendations: that is text', () => {
    expect(plan(`${head}recommendations: hello\n`).map(brief)).toEqual([
      [3, 18, 'recommendations', 'must be a list, one entry per line starting "- ", each with its own fields (id:, text:, actions:); here it is a single piece of text ("hello")'],
    ]);
  });

  it('actions: holding text and numbers, or a block of fields', () => {
    const problems = plan(`${head}recommendations:\n  - id: R1\n    text: t\n    actions: [a, 1]\n`).map(brief);
    const each = 'each entry must be a block of fields (id:, issue:, action:, owner:, outcome:, timescale:, ...), one per line, indented below it';
    expect(problems).toEqual([
      [6, 15, 'recommendations[0].actions[0]', `${each}; this one is a single piece of text ("a")`],
      [6, 18, 'recommendations[0].actions[1]', `${each}; this one is a number (1)`],
    ]);
    expect(plan(`${head}recommendations:\n  - id: R1\n    text: t\n    actions: {a: 1}\n`).map((p) => p.message)).toEqual([
      'must be a list, one entry per line starting "- ", each with its own fields (id:, issue:, action:, owner:, outcome:, timescale:, ...); here it is a block of fields (a:)',
    ]);
  });

  it("a schema's own message is kept, with what the value is", () => {
    expect(plan(`${head}recommendations:\n  - id: 11\n    text: t\n    actions: []\n`).map(brief)[0]).toEqual([
      4,
      9,
      'recommendations[0].id',
      'must be a short id such as R1 (a recommendation) or R1.2 (an action); here it is a number (11)',
    ]);
  });

  it('a list that is too short, in words', () => {
    expect(plan(`${head}recommendations: []\n`).map((p) => p.message)).toEqual(['must list at least one recommendation']);
  });

  it('describes values as editors see them', () => {
    expect([null, '', 'x'.repeat(50), 3.5, true, [], [1], {}, { a: 1, b: 2, c: 3, d: 4 }].map(describeValue)).toEqual([
      'empty',
      'empty text',
      `a single piece of text ("${'x'.repeat(37)}...")`,
      'a number (3.5)',
      'the value true',
      'an empty list',
      'a list (1 entry)',
      'an empty block of fields',
      'a block of fields (a:, b:, c:, ...)',
    ]);
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
