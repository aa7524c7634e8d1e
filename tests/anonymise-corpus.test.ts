/**
 * The anonymisation scanner against corpora: a planted corpus (every synthetic identifier must be
 * found, with its kind and position), realistic report prose full of legitimate numbers (nothing
 * may be found), and the project's own sample content (nothing may be found). Precision and
 * recall over all of them are measured and printed; docs/anonymisation.md quotes the figures.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  contactsFromSettings,
  FINDING_KINDS,
  isValidNhsNumber,
  pseudonymsFromTitle,
  scanDocumentFindings,
  scanFieldFindings,
  scanText,
  type LocatedFinding,
} from '../src/utils/anonymise/index.ts';
import { fixture, parsePlanted, score, type Planted } from './anonymise-corpus.ts';

const OWN = { pseudonyms: ['Child C'] };
const planted = parsePlanted(fixture('planted.md'));
const clean = fixture('clean.md');

describe('the planted corpus', () => {
  const found = scanText(planted.text, OWN);

  it('holds at least 50 identifiers across every kind', () => {
    expect(planted.planted.length).toBeGreaterThanOrEqual(50);
    expect(new Set(planted.planted.map((p) => p.kind))).toEqual(new Set(FINDING_KINDS));
  });

  it('uses NHS numbers with a correct check digit, so the check-digit test is not what finds them', () => {
    for (const p of planted.planted.filter((x) => x.kind === 'nhs-number')) expect(isValidNhsNumber(p.text), p.text).toBe(true);
  });

  it.each(planted.planted.map((p): [string, Planted] => [`${p.kind} "${p.text}"`, p]))('finds %s at its place', (_, p) => {
    const match = found.find((f) => f.start === p.start && f.end === p.end);
    expect(match, `nothing found at ${p.start}-${p.end}`).toBeDefined();
    expect(match!.kind).toBe(p.kind);
    expect(match!.masked).not.toBe(p.text);
    expect(match!.masked).not.toContain(p.text);
  });

  it('finds nothing that was not planted', () => {
    const extra = found.filter((f) => !planted.planted.some((p) => p.start === f.start && p.end === f.end));
    expect(extra.map((f) => `${f.kind} at line ${f.line}:${f.column} (${f.masked})`)).toEqual([]);
  });
});

describe('realistic report prose without identifiers', () => {
  it('gives no finding', () => {
    const found = scanText(clean, OWN);
    expect(found.map((f) => `${f.kind} at line ${f.line}:${f.column} (${f.masked})`)).toEqual([]);
  });
  it('really is full of numbers, dates and service names', () => {
    for (const phrase of ['Working Together to Safeguard Children 2023', 'section 47', 'section 17', '15 working days', 'R1.1', 'Recommendation 3', 'On 14 March 2024 a strategy meeting was held', 'aged 7 months', 'Children Act 1989', '28 of 30 records (93%)', 'at 10:30', 'page 27', 'Q1 2026', '2025/26 Q4', 'Child Death Overview Panel']) {
      expect(clean).toContain(phrase);
    }
  });
});

// The project's sample content, scanned as the checker scans it.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STRUCTURAL_KEYS = new Set(['review', 'owner', 'audience', 'status', 'timescale', 'id', 'themes', 'partnerships', 'kind', 'url', 'file', 'allow']);

function yamlFields(text: string): Array<{ path: (string | number)[]; text: string }> {
  const out: Array<{ path: (string | number)[]; text: string }> = [];
  const walk = (node: unknown, p: (string | number)[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isPair(pair) && isScalar(pair.key) && !STRUCTURAL_KEYS.has(String(pair.key.value))) walk(pair.value, [...p, String(pair.key.value)]);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...p, i]));
    else if (isScalar(node) && typeof node.value === 'string') out.push({ path: p, text: node.value });
  };
  walk(parseDocument(text).contents, []);
  return out;
}

interface SampleFinding extends LocatedFinding {
  file: string;
}

function scanSampleContent(): { files: string[]; findings: SampleFinding[] } {
  const files: string[] = [];
  const findings: SampleFinding[] = [];
  const settingsFile = path.join(ROOT, 'content', 'settings.yaml');
  const contacts = existsSync(settingsFile) ? contactsFromSettings(parseDocument(readFileSync(settingsFile, 'utf8')).toJS()) : {};
  const add = (file: string, list: LocatedFinding[]) => {
    files.push(file);
    findings.push(...list.map((f) => ({ ...f, file })));
  };
  const reviews = path.join(ROOT, 'reviews');
  for (const slug of existsSync(reviews) ? readdirSync(reviews) : []) {
    const dir = path.join(reviews, slug);
    if (!statSync(dir).isDirectory()) continue;
    const report = path.join(dir, 'report.mdx');
    const title = existsSync(report) ? /^title:\s*["']?(.+?)["']?\s*$/m.exec(readFileSync(report, 'utf8'))?.[1] : undefined;
    const pseudonyms = title ? pseudonymsFromTitle(title) : undefined;
    for (const name of readdirSync(dir)) {
      // A case file is never published (docs/case-lifecycle.md), so the checker does not scan it:
      // the case's own pseudonym is its name, before any report gives one.
      if (name === 'case.yaml') continue;
      const file = path.join(dir, name);
      const text = readFileSync(file, 'utf8');
      if (name.endsWith('.mdx')) add(file, scanDocumentFindings(text, { file, pseudonyms, contacts }));
      else if (name.endsWith('.yaml')) add(file, scanFieldFindings(yamlFields(text), { file, pseudonyms: pseudonyms ?? [], contacts }));
    }
  }
  for (const sub of ['briefings', 'pages', 'national']) {
    const dir = path.join(ROOT, 'content', sub);
    for (const name of existsSync(dir) ? readdirSync(dir) : []) {
      const file = path.join(dir, name);
      const text = readFileSync(file, 'utf8');
      if (/\.mdx?$/.test(name)) add(file, scanDocumentFindings(text, { file, contacts }));
      else if (/\.ya?ml$/.test(name)) add(file, scanFieldFindings(yamlFields(text), { file, pseudonyms: [], contacts }));
    }
  }
  return { files, findings };
}

const sample = scanSampleContent();

describe('the sample content in reviews/ and content/', () => {
  it.skipIf(sample.files.length === 0)('gives no finding', () => {
    const where = sample.findings.map((f) => `${path.relative(ROOT, f.file)}:${f.line}:${f.column} ${f.kind} ${f.masked}`);
    expect(where).toEqual([]);
  });
});

describe('precision and recall', () => {
  it('finds every planted identifier (recall 1) with precision of at least 0.95', () => {
    // The planted text and the clean prose scanned as one; every finding in the sample content is a false positive.
    const joined = `${planted.text}\n\n${clean}`;
    const s = score(planted.planted, scanText(joined, OWN), sample.findings.length);
    console.log(
      `anonymisation scanner: ${planted.planted.length} planted identifiers in ${planted.text.split(/\s+/).length} words;` +
        ` ${clean.split(/\s+/).length} words of clean report prose; ${sample.files.length} sample content files.\n` +
        `  true positives ${s.truePositives}, false positives ${s.falsePositives}, false negatives ${s.falseNegatives}\n` +
        `  precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}`,
    );
    expect(s.recall).toBe(1);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
  });
});
