/**
 * PDFs: the text layer is scanned like any text (at page and line), a finding under a drawn black
 * box says covering does not remove it, metadata is scanned, an untagged PDF or one without a
 * language or title is a warning, and a file that is not a PDF is an error, never a crash.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdfs } from '../src/check/pdf-reader.ts';
import { pdfProblems } from '../src/check/steps/anonymisation.ts';
import type { PdfFacts } from '../src/utils/pdf/facts.ts';
import { CORRUPT_PDF, makePdf } from './support/pdf-fixtures.ts';

const PUBLIC = { public: true } as const;
const OPTIONS = { pseudonyms: ['Child C'], contacts: {}, allow: [], allowWhere: 'in the frontmatter of reviews/child-c/report.mdx' };
const ACCESSIBLE = { title: 'Child C: overview report', language: 'en-GB', tagged: true };

let facts: Record<string, PdfFacts> = {};

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pdf-fixtures-'));
  const fixtures: Record<string, Uint8Array> = {
    text: await makePdf({ ...ACCESSIBLE, pages: [['Child C lived with the family.', 'The family was seen weekly.'], ['Contact on 020 7946 0321 was recorded.']] }),
    emailAuthor: await makePdf({ ...ACCESSIBLE, author: 'p.jones@example.org' }),
    nameAuthor: await makePdf({ ...ACCESSIBLE, author: 'Sarah Jones' }),
    teamAuthor: await makePdf({ ...ACCESSIBLE, author: 'Example Borough Safeguarding Children Partnership' }),
    covered: await makePdf({ ...ACCESSIBLE, pages: [['NHS number 943 476 5919 on file.']], coverText: '943 476 5919' }),
    untagged: await makePdf({ pages: [['Fictional sample document.']] }),
    tagged: await makePdf(ACCESSIBLE),
    corrupt: CORRUPT_PDF,
  };
  for (const [name, bytes] of Object.entries(fixtures)) writeFileSync(path.join(dir, `${name}.pdf`), bytes);
  writeFileSync(path.join(dir, 'not-a-pdf.pdf'), 'hello');
  const names = [...Object.keys(fixtures), 'not-a-pdf'];
  const read = readPdfs(dir, names.map((n) => `${n}.pdf`));
  facts = Object.fromEntries(names.map((n, i) => [n, read[i]!]));
});

describe('reading PDFs', () => {
  it('gives the text layer one line per line on the page, page by page', () => {
    expect(facts.text!.pages.map((p) => p.text)).toEqual(['Child C lived with the family.\nThe family was seen weekly.', 'Contact on 020 7946 0321 was recorded.']);
  });
  it('reads tags, language and title', () => {
    expect(facts.tagged).toMatchObject({ marked: true, structureTree: true, language: 'en-GB', title: 'Child C: overview report' });
    expect(facts.untagged).toMatchObject({ marked: false, structureTree: false });
    expect(facts.untagged!.language).toBeUndefined();
  });
  it('says which text lies under a drawn box', () => {
    const page = facts.covered!.pages[0]!;
    const covered = page.covered.map(([s, e]) => page.text.slice(s, e).trim());
    // Characters are placed evenly over a text run's width, so the edges are approximate.
    expect(covered.join(' ')).toContain('476 5919');
    expect(covered.join(' ')).not.toContain('NHS');
  });
  it('reports a file that is not a PDF, without throwing', () => {
    expect(facts.corrupt!.error).toBeTruthy();
    expect(facts['not-a-pdf']!.error).toBeTruthy();
  });
});

describe('the problems of a public PDF', () => {
  it('locates an identifier in the text by page and line, masked', () => {
    const problems = pdfProblems(facts.text!, PUBLIC, OPTIONS);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', file: 'text.pdf', field: 'page 2, line 1', kind: 'identifier' });
    expect(problems[0]!.message).toContain('020 7*** ****');
    expect(problems[0]!.message).not.toContain('7946 0321');
  });
  it('says that covering text with a box does not remove it', () => {
    const [p] = pdfProblems(facts.covered!, PUBLIC, OPTIONS);
    expect(p).toMatchObject({ severity: 'error', field: 'page 1, line 1' });
    expect(p!.message).toMatch(/covering text does not remove it/);
  });
  it('names the metadata field an identifier is in', () => {
    const [p] = pdfProblems(facts.emailAuthor!, PUBLIC, OPTIONS);
    expect(p).toMatchObject({ severity: 'error', field: 'metadata Author' });
    expect(p!.message).toContain("PDF's Author metadata field");
  });
  it("gives an error for a person's name in the Author field, unless that person may be named", () => {
    const [p] = pdfProblems(facts.nameAuthor!, PUBLIC, OPTIONS);
    expect(p).toMatchObject({ severity: 'error', field: 'metadata Author' });
    expect(p!.message).toContain('S**** J****');
    expect(p!.message).not.toContain('Sarah');
    expect(pdfProblems(facts.nameAuthor!, PUBLIC, { ...OPTIONS, people: ['Sarah Jones'] })).toEqual([]);
    expect(pdfProblems(facts.nameAuthor!, PUBLIC, { ...OPTIONS, allow: [{ text: 'Sarah Jones', reason: 'the lead reviewer' }] })).toEqual([]);
    expect(pdfProblems(facts.teamAuthor!, PUBLIC, OPTIONS)).toEqual([]);
  });
  it('warns about an untagged PDF with no language or title, naming each', () => {
    const problems = pdfProblems(facts.untagged!, PUBLIC, OPTIONS);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', kind: 'pdf-accessibility' });
    for (const what of ['tags', 'document language', 'title']) expect(problems[0]!.message).toContain(what);
    expect(pdfProblems(facts.tagged!, PUBLIC, OPTIONS)).toEqual([]);
  });
  it('gives an error naming a file that cannot be read', () => {
    const [p] = pdfProblems(facts.corrupt!, PUBLIC, OPTIONS);
    expect(p).toMatchObject({ severity: 'error', file: 'corrupt.pdf', kind: 'pdf-unreadable' });
  });
  it('gives warnings, not errors, for a PDF not public yet', () => {
    const problems = pdfProblems(facts.covered!, { public: false, reason: 'draft' }, OPTIONS);
    expect(problems.map((p) => p.severity)).toEqual(['warning']);
    expect(problems[0]!.message).toContain('not public yet');
  });
  it('allows a reviewed text under allow:', () => {
    expect(pdfProblems(facts.text!, PUBLIC, { ...OPTIONS, allow: [{ text: '020 7946 0321', reason: 'the venue' }] })).toEqual([]);
  });
});
