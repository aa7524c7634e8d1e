import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from '../src/utils/yaml/frontmatter.ts';
import { briefingSchema, panelNoticeApplies, REVIEW_TYPE_RULES, REVIEW_TYPES, reportSchema, statementSchema, type ReviewType } from '../src/schemas/documents.ts';
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

/** The frontmatter lines of a valid report. */
const REPORT_FIELDS = [
  'title: Child X',
  'type: lcspr',
  'document: overview-report',
  'publication: published',
  'published: 2025-03-14',
  'partnerships: [example-borough]',
  'reviewers: [A. N. Example]',
  'summary: A summary.',
  'themes: [neglect]',
];

describe('bad frontmatter is reported by file, line and field', () => {
  const file = 'reviews/child-x/report.mdx';
  const valid = [
    '---',
    ...REPORT_FIELDS,
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

describe('REVIEW_TYPE_RULES: the one table of what each review type means for the rules', () => {
  // The guidance (Lewisham Local CSPR Practice Guidance, "Formal Publication"): the partnership sends the
  // full report to the Panel, Ofsted and the Secretary of State "no later than seven working days before
  // the date of publication" of a local review. National reviews are the Panel's to publish.
  it.each<[ReviewType, boolean, 'partnership' | 'panel']>([
    ['lcspr', true, 'partnership'],
    ['scr', true, 'partnership'],
    ['thematic', true, 'partnership'],
    ['learning-review', false, 'partnership'],
    ['partnership-review', false, 'partnership'],
    ['national-cspr', false, 'panel'],
  ])('%s: notice %s, published by the %s', (type, notice, publisher) => {
    expect(REVIEW_TYPE_RULES[type]).toEqual({ panelNotice: notice, publisher });
    expect(panelNoticeApplies(type)).toBe(notice);
  });

  it('covers every review type', () => expect(Object.keys(REVIEW_TYPE_RULES).sort()).toEqual([...REVIEW_TYPES].sort()));
});

describe('report.mdx: the rules that need only the report', () => {
  const file = 'reviews/child-x/report.mdx';
  const lines = (...extra: string[]) => [
    '---',
    ...REPORT_FIELDS,
    ...extra,
    '---',
    'Body.',
  ];
  const problems = (text: string[]) => {
    const parsed = parseFrontmatter(text.join('\n'), file, reportSchema);
    return parsed.ok ? [] : parsed.problems;
  };

  it('a national review has no report.mdx: the error says where it goes instead', () => {
    const text = lines();
    text[2] = 'type: national-cspr';
    const [p, ...rest] = problems(text);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file, line: 3, field: 'type' });
    expect(p?.message).toMatch(/published by the Child Safeguarding Practice Review Panel, not by the partnership/);
    expect(p?.message).toMatch(/statement\.mdx with about:.*content\/national\//);
  });

  it.each(REVIEW_TYPES.filter((t) => REVIEW_TYPE_RULES[t].publisher === 'partnership'))('a %s report is accepted', (type) => {
    const text = lines();
    text[2] = `type: ${type}`;
    expect(problems(text)).toEqual([]);
  });

  it('a serious case review published in 2021 is accepted: the type is what the editor records, never a date rule', () => {
    const text = lines();
    text[2] = 'type: scr';
    text[5] = 'published: 2021-06-30';
    expect(problems(text)).toEqual([]);
  });

  it('keepPublished takes decided, reason and lookAgain, and nothing else', () => {
    expect(problems(lines('keepPublished:', '  decided: 2026-04-01', '  reason: Used in training', '  lookAgain: 2027-04-01'))).toEqual([]);
    const missing = problems(lines('keepPublished:', '  decided: 2026-04-01', '  lookAgain: 01/04/2027'));
    expect(missing.map((p) => [p.field, p.line])).toEqual([
      ['keepPublished.reason', 12], // a missing field is pointed at its object's first line
      ['keepPublished.lookAgain', 13],
    ]);
    const extra = problems(lines('keepPublished:', '  decided: 2026-04-01', '  reason: x', '  lookAgain: 2027-04-01', '  until: 2028-01-01'));
    expect(extra.map((p) => p.field)).toEqual(['keepPublished.until']);
  });
});
