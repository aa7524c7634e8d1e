/**
 * zod issues as sentences for editors (src/utils/zod-issues.ts): a whole file of the wrong kind
 * says what the file must hold and what it holds; a value of the wrong kind says what the field
 * accepts and what the value is; zod's own messages never reach an editor.
 */
import { describe, expect, it } from 'vitest';
import { actionPlanSchema } from '../src/schemas/action-plan.ts';
import { themesFileSchema } from '../src/schemas/site.ts';
import type { Problem } from '../src/utils/problems.ts';
import { parseWithSchema } from '../src/utils/yaml/validate.ts';
import { describeValue } from '../src/utils/zod-issues.ts';

const file = 'reviews/child-c/action-plan.yaml';
const plan = (text: string): Problem[] => {
  const parsed = parseWithSchema(text, file, actionPlanSchema, 0, { fieldsDoc: 'docs/action-plans.md', document: 'the action plan' });
  return parsed.ok ? [] : parsed.problems;
};
const brief = (p: Problem) => [p.line, p.column, p.field ?? '', p.message];

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
      [3, 18, 'recommendations', 'must be a list, one entry per line starting "- ", each with its own fields (id:, text:, ...); here it is a single piece of text ("hello")'],
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
