import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from '../src/utils/yaml/frontmatter.ts';
import { briefingSchema, reportSchema, statementSchema } from '../src/schemas/documents.ts';
import { formatProblem } from '../src/utils/problems.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('the sample content', () => {
  const reviews = readdirSync(path.join(ROOT, 'reviews'));
  it.each(reviews.flatMap((slug) =>
    ([['report.mdx', reportSchema], ['statement.mdx', statementSchema], ['briefing.mdx', briefingSchema]] as const)
      .filter(([file]) => existsSync(path.join(ROOT, 'reviews', slug, file)))
      .map(([file, schema]) => [`reviews/${slug}/${file}`, schema] as const),
  ))('%s has valid frontmatter', (rel, schema) => {
    const parsed = parseFrontmatter(readFileSync(path.join(ROOT, rel), 'utf8'), rel, schema);
    expect(parsed.ok ? [] : parsed.problems.map(formatProblem)).toEqual([]);
  });
});

describe('bad frontmatter is reported by file, line and field', () => {
  const file = 'reviews/child-x/report.mdx';
  const valid = [
    '---',
    'title: Child X',
    'type: lcspr',
    'document: overview-report',
    'publication: published',
    'published: 2025-03-14',
    'partnerships: [example-borough]',
    'reviewers: [A. N. Example]',
    'summary: A summary.',
    'themes: [neglect]',
    '---',
    'Body.',
  ];
  const problems = (lines: string[]) => {
    const parsed = parseFrontmatter(lines.join('\n'), file, reportSchema);
    return parsed.ok ? [] : parsed.problems;
  };

  it('accepts the valid example', () => expect(problems(valid)).toEqual([]));

  it.each([
    ['an unknown type', 2, 'type: serious', 'type', 3, /must be one of: lcspr, scr/],
    ['an unknown publication state', 4, 'publication: publishd', 'publication', 5, /must be one of: published, withheld, delayed/],
    ['a date written the wrong way', 5, 'published: 14/03/2025', 'published', 6, /YYYY-MM-DD/],
    ['an impossible date', 5, 'published: 2025-02-30', 'published', 6, /real date/],
    ['a misspelt field', 9, 'theme: [neglect]', 'theme', 10, /"theme" is not a field here/],
    ['a published report without reviewers', 7, 'reviewers: []', 'reviewers', 8, /must name its lead reviewer/],
  ])('%s', (_name, index, replacement, field, line, message) => {
    const lines = [...valid];
    lines[index] = replacement;
    const found = problems(lines);
    expect(found.map((p) => p.field)).toContain(field);
    const p = found.find((x) => x.field === field)!;
    expect(p.file).toBe(file);
    expect(p.line).toBe(line);
    expect(p.message).toMatch(message);
  });

  it('reports a missing field and lists every problem, not the first only', () => {
    const found = problems(valid.filter((l) => !l.startsWith('summary') && !l.startsWith('type')));
    expect(found.map((p) => p.field).sort()).toEqual(['summary', 'type']);
    expect(found.every((p) => /is missing/.test(p.message))).toBe(true);
  });

  it('reports a missing state as an error, never a default', () => {
    const found = problems(valid.filter((l) => !l.startsWith('publication')));
    expect(found.map((p) => p.field)).toEqual(['publication']);
  });

  it('reports a file with no frontmatter', () => {
    const parsed = parseFrontmatter('# Just a heading', file, reportSchema);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]!.message).toMatch(/must start with frontmatter/);
  });
});
