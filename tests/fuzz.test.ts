/**
 * Fuzzing the checker: whatever the editors' files hold, `npm run check` answers with errors
 * that name the file (and the line, when the file has any), exit code 1, and no stack trace; and
 * it never leaves an action out of its counts.
 *
 * The sample content (content/ and reviews/) is copied to a temporary folder and each sample file
 * is mutated there, one mutation at a time: random bytes inserted or overwritten, truncation (at
 * every line of one plan and one report), types swapped, deep nesting, aliases and alias bombs,
 * wrong encodings, a folder in place of the file. Most cases run the check in this process
 * (`runCheck`); a sample of them runs the real command line in a child process, as an editor
 * would, to prove that no stack trace reaches the terminal.
 *
 * Exit code 0 is accepted only when the mutated file is still valid, judged independently of
 * the checker: the bytes are UTF-8 without control characters, the `yaml` package reads the YAML
 * without errors, and the file's schema accepts the data.
 *
 * Deterministic: the random choices come from a seeded generator. FUZZ_SEED=<n> picks another
 * seed and FUZZ_PER_FILE=<n> sets the number of random mutations per file, for longer runs.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'astro/zod';
import { runCheck, type CheckResult } from '../src/check/index.ts';
import { actionPlanSchema } from '../src/schemas/action-plan.ts';
import { briefingSchema, nationalSchema, pageSchema, reportSchema, statementSchema } from '../src/schemas/documents.ts';
import { agenciesFileSchema, settingsSchema, themesFileSchema } from '../src/schemas/site.ts';

const PROJECT = path.resolve(import.meta.dirname, '..');
const NODE = path.join(PROJECT, 'node_modules/.bin/node');
const TODAY = '2026-11-23';
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const PER_FILE = Number(process.env.FUZZ_PER_FILE ?? 4);

// ---------------------------------------------------------------------------------------------
// A seeded random generator (mulberry32), so every run mutates the same way.

function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  return { next, int, pick };
}
type Random = ReturnType<typeof random>;

// ---------------------------------------------------------------------------------------------
// The files and what makes one valid, judged without the checker.

/** The frontmatter as the contract defines it: a line "---", the YAML, a line "---". */
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/;
/** Control characters other than tab, line feed and carriage return: never valid in content. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function schemaFor(rel: string): z.ZodType {
  const name = path.basename(rel);
  if (rel.startsWith('reviews/')) {
    if (name === 'report.mdx') return reportSchema;
    if (name === 'statement.mdx') return statementSchema;
    if (name === 'briefing.mdx') return briefingSchema;
    if (name === 'action-plan.yaml') return actionPlanSchema;
  }
  if (rel === 'content/settings.yaml') return settingsSchema;
  if (rel === 'content/themes.yaml') return themesFileSchema;
  if (rel === 'content/agencies.yaml') return agenciesFileSchema;
  if (rel.startsWith('content/national/')) return nationalSchema;
  if (rel.startsWith('content/briefings/')) return briefingSchema;
  if (rel.startsWith('content/pages/')) return pageSchema;
  throw new Error(`no schema for ${rel}`);
}

/** Whether these bytes are a valid `rel`, by the yaml package and the file's schema alone. */
function independentlyValid(rel: string, bytes: Buffer): boolean {
  if (!isUtf8(bytes)) return false;
  let text = bytes.toString('utf8');
  if (text.startsWith('\ufeff')) text = text.slice(1);
  if (CONTROL.test(text)) return false;
  let yamlText = text;
  if (rel.endsWith('.mdx')) {
    const m = FRONTMATTER.exec(text);
    if (!m) return false;
    yamlText = m[1]!;
  }
  const doc = parseDocument(yamlText, { uniqueKeys: true, version: '1.2', logLevel: 'silent' });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return false;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return false;
  }
  return schemaFor(rel).safeParse(data).success;
}

/** The YAML part of a file's text and how to put a changed YAML part back. */
function yamlPart(rel: string, text: string): { yaml: string; rebuild: (yaml: string) => string } | undefined {
  if (!rel.endsWith('.mdx')) return { yaml: text, rebuild: (y) => y };
  const m = FRONTMATTER.exec(text);
  if (!m) return undefined;
  const body = text.slice(m[0].length);
  return { yaml: `${m[1]!}\n`, rebuild: (y) => `---\n${y.endsWith('\n') ? y : `${y}\n`}---\n${body}` };
}

// ---------------------------------------------------------------------------------------------
// Mutations. Each returns the new bytes of the file, or 'folder' for a folder in its place.

type Mutated = Buffer | 'folder' | 'broken-link' | 'unreadable';
interface Case {
  file: string;
  label: string;
  content: Mutated;
}

/** Offsets at which the lines of `text` start. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (i + 1 < text.length) starts.push(i + 1);
  return starts;
}

/** Every node of a parsed document with its path (the document's own node has the path []). */
function nodesOf(doc: Document): Array<{ path: (string | number)[]; node: Node }> {
  const out: Array<{ path: (string | number)[]; node: Node }> = [];
  const walk = (node: unknown, p: (string | number)[]) => {
    if (!node) return;
    out.push({ path: p, node: node as Node });
    if (isMap(node)) for (const pair of node.items) if (isScalar(pair.key)) walk(pair.value, [...p, String(pair.key.value)]);
    if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...p, i]));
  };
  walk(doc.contents, []);
  return out;
}

/** A value of another kind than `node`: a map where a list is, text where a map is, numbers for text. */
function otherKind(node: Node, rng: Random): unknown {
  if (isMap(node)) return rng.pick([['a list item'], 'a piece of text', 42, null]);
  if (isSeq(node)) return rng.pick([{ some: 'field' }, 'a piece of text', 7, true]);
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value === 'string') return rng.pick([12, 3.5, true, null, { nested: value }, [value]]);
  return rng.pick(['some text', [value], { field: value }]);
}

function aliasBomb(top: 'map' | 'list', levels = 9): string {
  const lines: string[] = [];
  for (let i = 0; i < levels; i++) {
    const items = i === 0 ? Array(9).fill('lol') : Array(9).fill(`*l${i - 1}`);
    lines.push(top === 'map' ? `l${i}: &l${i} [${items.join(', ')}]` : `- &l${i} [${items.join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

const MUTATIONS: Record<string, (rel: string, bytes: Buffer, rng: Random) => { label: string; content: Mutated }> = {
  'insert-bytes': (_rel, bytes, rng) => {
    const at = rng.int(0, bytes.length);
    const inserted = Buffer.from(Array.from({ length: rng.int(1, 6) }, () => rng.int(0, 255)));
    return { label: `insert bytes ${inserted.toString('hex')} at ${at}`, content: Buffer.concat([bytes.subarray(0, at), inserted, bytes.subarray(at)]) };
  },
  'overwrite-bytes': (_rel, bytes, rng) => {
    const out = Buffer.from(bytes);
    const at = rng.int(0, Math.max(0, out.length - 1));
    const n = rng.int(1, 6);
    for (let i = at; i < Math.min(out.length, at + n); i++) out[i] = rng.int(0, 255);
    return { label: `overwrite ${n} bytes at ${at}`, content: out };
  },
  'insert-syntax': (_rel, bytes, rng) => {
    const text = bytes.toString('utf8');
    const at = rng.int(0, text.length);
    const inserted = Array.from({ length: rng.int(1, 3) }, () =>
      rng.pick([':', '- ', '[', ']', '{', '}', '&a ', '*a', '!', '!!str ', '|', '>', "'", '"', '#', '\t', '\n', '\r', '\0', ' ', '---\n', '? ', ',', '%YAML 1.1\n', '\\']),
    ).join('');
    return { label: `insert ${JSON.stringify(inserted)} at ${at}`, content: Buffer.from(text.slice(0, at) + inserted + text.slice(at)) };
  },
  'truncate-line': (_rel, bytes, rng) => {
    const text = bytes.toString('utf8');
    const starts = lineStarts(text);
    const line = rng.int(0, starts.length - 1);
    return { label: `truncate before line ${line + 1}`, content: Buffer.from(text.slice(0, starts[line])) };
  },
  'truncate-anywhere': (_rel, bytes, rng) => {
    const at = rng.int(0, bytes.length);
    return { label: `truncate at byte ${at}`, content: bytes.subarray(0, at) };
  },
  'swap-type': (rel, bytes, rng) => {
    const part = yamlPart(rel, bytes.toString('utf8'));
    if (!part) return { label: 'swap-type (no frontmatter): empty file', content: Buffer.alloc(0) };
    const doc = parseDocument(part.yaml, { version: '1.2' });
    const { path: where, node } = rng.pick(nodesOf(doc));
    const value = otherKind(node, rng);
    if (where.length === 0) doc.contents = doc.createNode(value) as typeof doc.contents;
    else doc.setIn(where, doc.createNode(value));
    return { label: `swap ${JSON.stringify(where)} for ${JSON.stringify(value)}`, content: Buffer.from(part.rebuild(doc.toString({ lineWidth: 0 }))) };
  },
  'deep-nesting': (rel, bytes, rng) => {
    const text = bytes.toString('utf8');
    const part = yamlPart(rel, text);
    if (!part) return { label: 'deep-nesting (no frontmatter): [[[...]]]', content: Buffer.from('['.repeat(20_000)) };
    const top = parseDocument(part.yaml).contents;
    const isList = isSeq(top);
    const kind = rng.pick(['flow', 'dashes', 'maps', 'unclosed']);
    const n = kind === 'maps' ? rng.int(200, 1500) : rng.int(200, 20_000);
    let nested: string;
    if (kind === 'flow') nested = `${'['.repeat(n)}x${']'.repeat(n)}`;
    else if (kind === 'unclosed') nested = '['.repeat(n);
    else if (kind === 'dashes') nested = `\n  ${'- '.repeat(n)}x`;
    else nested = Array.from({ length: n }, (_, i) => `\n${' '.repeat(i + 2)}k${i}:`).join('') + ' x';
    const line = isList ? `- deep: ${nested}\n` : `deep: ${nested}\n`;
    return { label: `${kind} nesting ${n} deep`, content: Buffer.from(part.rebuild(part.yaml + line)) };
  },
  aliases: (rel, bytes, rng) => {
    const part = yamlPart(rel, bytes.toString('utf8'));
    if (!part) return { label: 'aliases (no frontmatter): bomb', content: Buffer.from(aliasBomb('map')) };
    const doc = parseDocument(part.yaml, { version: '1.2' });
    const top = isSeq(doc.contents) ? 'list' : 'map';
    const choice = rng.pick(['bomb', 'bomb', 'alias', 'alias', 'unknown']);
    if (choice === 'bomb') {
      const levels = rng.int(4, 12);
      return { label: `alias bomb ${levels} levels`, content: Buffer.from(part.rebuild(aliasBomb(top, levels) + part.yaml)) };
    }
    const nodes = nodesOf(doc).filter((n) => n.path.length > 0);
    const target = rng.pick(nodes);
    if (choice === 'unknown') {
      doc.setIn(target.path, doc.createNode('ALIAS-PLACEHOLDER'));
      const yaml = doc.toString({ lineWidth: 0 }).replace('ALIAS-PLACEHOLDER', '*nowhere');
      return { label: `unresolved alias at ${JSON.stringify(target.path)}`, content: Buffer.from(part.rebuild(yaml)) };
    }
    // An anchor on one node and an alias to it in place of another (before it, after it or
    // inside it), never in place of the anchored node or a node around it.
    const within = (inner: (string | number)[], outer: (string | number)[]) => outer.every((part, i) => inner[i] === part);
    const anchored = rng.pick(nodes.filter((n) => !within(n.path, target.path)).concat(nodes.length === 1 ? nodes : []));
    if (within(anchored.path, target.path)) return { label: 'alias bomb (one node only)', content: Buffer.from(part.rebuild(aliasBomb(top) + part.yaml)) };
    // Written as text: the package will not write an alias before its anchor, which is a case too.
    (anchored.node as { anchor?: string }).anchor = 'a1';
    doc.setIn(target.path, doc.createNode('ALIAS-PLACEHOLDER'));
    const yaml = doc.toString({ lineWidth: 0 }).replace('ALIAS-PLACEHOLDER', '*a1');
    return { label: `alias of ${JSON.stringify(anchored.path)} at ${JSON.stringify(target.path)}`, content: Buffer.from(part.rebuild(yaml)) };
  },
  encoding: (_rel, bytes, rng) => {
    const text = bytes.toString('utf8');
    const kind = rng.pick(['utf16le-bom', 'utf16be-bom', 'utf16le', 'latin1', 'invalid-utf8', 'utf8-bom']);
    if (kind === 'utf16le-bom') return { label: kind, content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) };
    if (kind === 'utf16le') return { label: kind, content: Buffer.from(text, 'utf16le') };
    if (kind === 'utf16be-bom') return { label: kind, content: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]) };
    if (kind === 'utf8-bom') return { label: kind, content: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) };
    if (kind === 'latin1') {
      // A Latin-1 letter where the text has one, or in a value near the end otherwise.
      const at = rng.int(0, text.length);
      return { label: `${kind} é at ${at}`, content: Buffer.from(`${text.slice(0, at)}é${text.slice(at)}`, 'latin1') };
    }
    const at = rng.int(0, bytes.length);
    const bad = rng.pick([[0xff], [0xc3, 0x28], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]);
    return { label: `${kind} ${Buffer.from(bad).toString('hex')} at ${at}`, content: Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at)]) };
  },
  'lines-and-keys': (_rel, bytes, rng) => {
    const text = bytes.toString('utf8');
    const lines = text.split('\n');
    const i = rng.int(0, lines.length - 1);
    const kind = rng.pick(['duplicate-line', 'tab-indent', 'long-line', 'nul', 'crlf']);
    if (kind === 'duplicate-line') lines.splice(i, 0, lines[i]!);
    else if (kind === 'tab-indent') lines[i] = lines[i]!.replace(/^ +/, '\t');
    else if (kind === 'long-line') lines[i] = `${lines[i]!}${'x'.repeat(rng.int(100_000, 1_000_000))}`;
    else if (kind === 'nul') lines[i] = `${lines[i]!.slice(0, 3)}\0${lines[i]!.slice(3)}`;
    else return { label: kind, content: Buffer.from(text.replace(/\n/g, '\r\n')) };
    return { label: `${kind} at line ${i + 1}`, content: Buffer.from(lines.join('\n')) };
  },
  replace: (rel, _bytes, rng) => {
    const fm = rel.endsWith('.mdx');
    const kind = rng.pick(['empty', 'only ---', 'string', 'number', 'list', 'unclosed', 'spaces']);
    const texts: Record<string, string> = {
      empty: '',
      'only ---': '---\n',
      string: fm ? '---\nhello\n---\nBody.\n' : 'hello\n',
      number: fm ? '---\n42\n---\n' : '42\n',
      list: fm ? '---\n- a\n- b\n---\nBody.\n' : '- a\n- b\n',
      unclosed: fm ? '---\ntitle: A title\npublished: 2026-01-20\n' : 'review: [a, b\n',
      spaces: '   \n\n  \n',
    };
    return { label: `replaced by ${kind}`, content: Buffer.from(texts[kind]!) };
  },
};
const KINDS = Object.keys(MUTATIONS);

// ---------------------------------------------------------------------------------------------
// Running the check and judging the answer.

let root: string;
let files: string[];
const original = new Map<string, Buffer>();

function put(rel: string, content: Mutated): void {
  const file = path.join(root, rel);
  rmSync(file, { recursive: true, force: true });
  if (content === 'folder') mkdirSync(file);
  else if (content === 'broken-link') symlinkSync(path.join(root, 'nowhere', path.basename(rel)), file);
  else if (content === 'unreadable') {
    writeFileSync(file, original.get(rel)!);
    chmodSync(file, 0o000);
  } else writeFileSync(file, content);
}

function restore(rel: string): void {
  put(rel, original.get(rel)!);
}

/** The size of `rel` when it is a file (following links), else undefined. */
function fileSize(rel: string): number | undefined {
  try {
    const s = statSync(path.join(root, rel));
    // A file that may not be opened has no lines to point at.
    return s.isFile() && (s.mode & 0o444) !== 0 ? s.size : undefined;
  } catch {
    return undefined;
  }
}

/** Programmers' words that must never reach an editor. */
const PROGRAMMER_TEXT =
  /\b(TypeError|ReferenceError|RangeError|SyntaxError|EvalError|YAMLParseError|ZodError)\b|\bE(ISDIR|NOENT|ACCES|PERM|LOOP|NOTDIR|IO)\b|Maximum call stack|resource exhaustion|Invalid input|expected \w+, received|\n\s+at /;

/** Why `result` is not an acceptable answer to the mutation `c`, or undefined when it is. */
function judge(c: Case, result: CheckResult): string | undefined {
  const valid = c.content instanceof Buffer && independentlyValid(c.file, c.content);
  if (result.exitCode === 0 && !valid) return 'exit code 0, but the mutated file is not valid';
  if (result.exitCode === 1 && result.errors.length === 0 && !valid) return 'exit code 1 with no error';
  if (!valid && !result.errors.some((e) => e.file === c.file)) return `no error names ${c.file}: ${JSON.stringify(result.errors.slice(0, 3))}`;
  for (const e of result.errors) {
    if (!e.file || e.file === '.') return `an error names no file: ${JSON.stringify(e)}`;
    if (e.kind === 'checker-fault') return `a check stopped with a fault: ${e.message}`;
    const size = fileSize(e.file);
    if (size !== undefined && size > 0 && !(Number.isInteger(e.line) && e.line! >= 1)) return `an error has no line: ${JSON.stringify(e)}`;
    if (PROGRAMMER_TEXT.test(e.message)) return `an error is written for programmers: ${JSON.stringify(e)}`;
    if (!e.message.trim()) return `an error has no message: ${JSON.stringify(e)}`;
  }
  const a = result.counts.actions;
  if (a.reported !== a.inFiles) return `actions dropped from the counts: ${a.inFiles} in the files, ${a.reported} reported`;
  if (a.inFiles !== a.read + a.inPlansWithErrors) return `actions unaccounted for: ${a.inFiles} in the files, ${a.read} read, ${a.inPlansWithErrors} in plans with errors`;
  return undefined;
}

/** Applies the case, runs the check in this process, restores the file; the reason it failed, if it did, and the exit code. */
function runCase(c: Case): { why?: string | undefined; exitCode?: number } {
  put(c.file, c.content);
  try {
    let result: CheckResult;
    try {
      result = runCheck({ root, today: TODAY });
    } catch (e) {
      return { why: `the check threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` };
    }
    return { why: judge(c, result), exitCode: result.exitCode };
  } finally {
    restore(c.file);
  }
}

/** Runs every case and reports all failures together (the file, the mutation, why); returns how many failed the check. */
function expectAllPass(cases: readonly Case[]): { exit1: number } {
  const failures: string[] = [];
  let exit1 = 0;
  for (const c of cases) {
    const { why, exitCode } = runCase(c);
    if (exitCode === 1) exit1++;
    if (why) failures.push(`${c.file}: ${c.label}\n    ${why.split('\n').slice(0, 6).join('\n    ')}`);
  }
  expect(failures, `${failures.length} of ${cases.length} cases failed (seed ${SEED}):\n${failures.slice(0, 25).join('\n')}`).toEqual([]);
  return { exit1 };
}

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'lscp-fuzz-'));
  for (const dir of ['content', 'reviews']) cpSync(path.join(PROJECT, dir), path.join(root, dir), { recursive: true });
  const list = (dir: string, pattern: RegExp) =>
    readdirSync(path.join(root, dir))
      .filter((n) => pattern.test(n))
      .sort()
      .map((n) => `${dir}/${n}`);
  files = [
    'content/settings.yaml',
    'content/themes.yaml',
    'content/agencies.yaml',
    ...list('content/national', /\.yaml$/),
    ...list('content/briefings', /\.mdx$/),
    ...list('content/pages', /\.mdx$/),
    ...readdirSync(path.join(root, 'reviews'))
      .sort()
      .flatMap((slug) => ['report.mdx', 'statement.mdx', 'briefing.mdx', 'action-plan.yaml'].map((n) => `reviews/${slug}/${n}`))
      .filter((rel) => lstatSync(path.join(root, rel), { throwIfNoEntry: false })?.isFile()),
  ];
  for (const rel of files) original.set(rel, readFileSync(path.join(root, rel)));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the fuzz set-up is honest', () => {
  it('the unmutated sample passes the check, every sample file is judged valid, and every kind of file is fuzzed', () => {
    const result = runCheck({ root, today: TODAY });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.counts.actions.inFiles).toBeGreaterThan(0);
    for (const rel of files) expect(independentlyValid(rel, original.get(rel)!), rel).toBe(true);
    for (const kind of [/settings/, /themes/, /agencies/, /national\//, /briefings\//, /pages\//, /report\.mdx/, /statement\.mdx/, /\/briefing\.mdx/, /action-plan/]) {
      expect(files.some((f) => kind.test(f)), String(kind)).toBe(true);
    }
  });

  it('the judge rejects a crash, a silent pass, an unlocated error and a dropped action', () => {
    const plan = files.find((f) => f.endsWith('action-plan.yaml'))!;
    const bad: Case = { file: plan, label: 'not YAML', content: Buffer.from('review: [a\n') };
    const good = runCheck({ root, today: TODAY });
    expect(judge(bad, good)).toMatch(/exit code 0/);
    const unlocated = { ...good, exitCode: 1 as const, errors: [{ severity: 'error' as const, file: plan, message: 'wrong' }] };
    expect(judge(bad, unlocated)).toMatch(/no line/);
    const programmer = { ...unlocated, errors: [{ ...unlocated.errors[0]!, line: 1, message: 'TypeError: x is undefined' }] };
    expect(judge(bad, programmer)).toMatch(/for programmers/);
    const dropped = { ...unlocated, errors: [programmer.errors[0]!], counts: { ...good.counts, actions: { ...good.counts.actions, reported: good.counts.actions.inFiles - 1 } } };
    dropped.errors[0]!.message = 'the YAML cannot be read here';
    expect(judge(bad, dropped)).toMatch(/dropped/);
  });
});

const SHARED_ACTIONS = `review: baby-wren
agreed: 2025-01-01
recommendations:
  - id: R1
    text: t
    actions: &shared
      - id: R1.1
        issue: i
        action: a
        owner: lscp
        outcome: o
        timescale: ongoing
        reviewBy: 2027-01-01
        status: not-started
  - id: R2
    text: t
    actions: *shared
`;

describe('named cases from the issue: a located error, never a crash', () => {
  const plan = 'reviews/baby-wren/action-plan.yaml';
  const report = 'reviews/baby-wren/report.mdx';
  const text = (s: string) => Buffer.from(s);
  const planText = () => original.get(plan)!.toString('utf8');
  const named: Array<[string, string, () => Mutated]> = [
    ['alias bomb in a plan', plan, () => text(aliasBomb('map') + planText())],
    ['alias bomb in frontmatter', report, () => text(`---\n${aliasBomb('map')}---\nBody.\n`)],
    ['alias bomb in settings', 'content/settings.yaml', () => text(aliasBomb('map'))],
    ['an alias to no anchor', plan, () => text(planText().replace(/^review: .*$/m, 'review: *nowhere'))],
    ['a folder named statement.mdx', 'reviews/baby-wren/statement.mdx', () => 'folder'],
    ['a folder named report.mdx', report, () => 'folder'],
    ['a folder named briefing.mdx', 'reviews/baby-wren/briefing.mdx', () => 'folder'],
    ['a folder named action-plan.yaml', plan, () => 'folder'],
    ['a folder named settings.yaml', 'content/settings.yaml', () => 'folder'],
    ['a folder named like a national entry', 'content/national/harm-beyond-the-front-door.yaml', () => 'folder'],
    ['a link to nowhere in place of a plan', plan, () => 'broken-link'],
    ['a plan that is a plain string', plan, () => text('hello\n')],
    ['a plan that is a number', plan, () => text('42\n')],
    ['a plan that is a list', plan, () => text('- a\n- b\n')],
    ['an empty plan', plan, () => text('')],
    ['a plan of only ---', plan, () => text('---\n')],
    ['an empty report', report, () => text('')],
    ['a report of only ---', report, () => text('---\n')],
    ['unterminated frontmatter', report, () => text('---\ntitle: Baby Wren\ntype: lcspr\n\nThe report.\n')],
    ['empty frontmatter', report, () => text('---\n---\nBody.\n')],
    ['frontmatter that is a list', report, () => text('---\n- a\n- b\n---\nBody.\n')],
    ['frontmatter that is text', report, () => text('---\nhello\n---\nBody.\n')],
    ['10,000 levels of [[[[', plan, () => text(`review: ${'['.repeat(10_000)}x${']'.repeat(10_000)}\n`)],
    ['10,000 levels of [[[[ unclosed', plan, () => text(`review: ${'['.repeat(10_000)}\n`)],
    ['5,000 levels of - - - -', plan, () => text(`${'- '.repeat(5_000)}x\n`)],
    ['3,000 levels of nested lists', plan, () => text(Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i * 2)}-`).join('\n') + ' x\n')],
    ['150 levels of indented maps', plan, () => text(Array.from({ length: 150 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' x\n')],
    ['10,000 levels of [[[[ in frontmatter', report, () => text(`---\ntitle: ${'['.repeat(10_000)}\n---\n`)],
    ['a 5 MB line', plan, () => text(`review: ${'x'.repeat(5_000_000)}\n`)],
    ['a NUL byte in a key', plan, () => text(planText().replace('review:', 're\0view:'))],
    ['a NUL byte in a value', plan, () => text(planText().replace(/^review: /m, 'review: \0'))],
    ['a NUL byte in a report body', report, () => text(`${original.get(report)!.toString('utf8')}\0\n`)],
    ['a key twice', plan, () => text(planText().replace(/^review: .*$/m, (l) => `${l}\n${l}`))],
    ['tabs for indentation', plan, () => text(planText().replace(/\n {2}/g, '\n\t'))],
    ['recommendations: that is a string', plan, () => text('review: baby-wren\nagreed: 2025-01-01\nrecommendations: hello\n')],
    ['actions: holding strings and numbers', plan, () => text('review: baby-wren\nagreed: 2025-01-01\nrecommendations:\n  - id: R1\n    text: t\n    actions: [a, 1, 2.5]\n')],
    ['actions: that is a map', plan, () => text('review: baby-wren\nagreed: 2025-01-01\nrecommendations:\n  - id: R1\n    text: t\n    actions: {a: 1}\n')],
    ['an id that is a number', plan, () => text(planText().replace(/id: R1\.1\b/, 'id: 11'))],
    ['actions shared by an alias', plan, () => text(SHARED_ACTIONS)],
    ['a valid plan with an anchor and an alias', plan, () => text(SHARED_ACTIONS.replace('actions: *shared', 'actions:\n      - id: R2.1\n        issue: i\n        action: a\n        owner: *owner\n        outcome: o\n        timescale: ongoing\n        reviewBy: 2027-01-01\n        status: not-started').replace('owner: lscp', 'owner: &owner lscp'))],
    ['a complex key', plan, () => text(`? [a, b]\n: c\n${planText()}`)],
    ['UTF-16 with a BOM', plan, () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(planText(), 'utf16le')])],
    ['UTF-16 report without a BOM', report, () => Buffer.from(original.get(report)!.toString('utf8'), 'utf16le')],
    ['Latin-1 bytes', plan, () => Buffer.from(planText().replace(/^review: .*$/m, (l) => `${l}\n# café`), 'latin1')],
    ['invalid UTF-8 in a report', report, () => Buffer.concat([original.get(report)!, Buffer.from([0xc3, 0x28, 0xff])])],
  ];
  it.each(named)('%s', (_label, file, content) => {
    const c: Case = { file, label: _label, content: content() };
    expect(runCase(c).why).toBeUndefined();
  });

  it.skipIf(process.getuid?.() === 0)('a plan this account may not read (not testable as root)', () => {
    expect(runCase({ file: plan, label: 'unreadable', content: 'unreadable' }).why).toBeUndefined();
  });

  it('a review folder that is a link to nowhere', () => {
    const link = path.join(root, 'reviews', 'zz-broken-link');
    symlinkSync(path.join(root, 'nowhere'), link);
    try {
      const result = runCheck({ root, today: TODAY });
      expect(judge({ file: 'reviews/zz-broken-link', label: 'broken link', content: 'folder' }, result)).toBeUndefined();
      expect(result.errors.map((e) => e.file)).toContain('reviews/zz-broken-link');
    } finally {
      rmSync(link, { force: true });
    }
  });
});

describe('random mutations of every sample file', () => {
  it('truncated at every line: one action plan and one report', () => {
    const cases: Case[] = [];
    for (const rel of ['reviews/child-dunlin/action-plan.yaml', 'reviews/child-dunlin/report.mdx']) {
      const text = original.get(rel)!.toString('utf8');
      for (const [i, at] of lineStarts(text).entries()) cases.push({ file: rel, label: `truncated before line ${i + 1}`, content: Buffer.from(text.slice(0, at)) });
      // And part-way through every third line.
      for (const [i, at] of lineStarts(text).entries()) {
        if (i % 3 === 1) cases.push({ file: rel, label: `truncated inside line ${i + 1}`, content: Buffer.from(text.slice(0, at + 3)) });
      }
    }
    expect(cases.length).toBeGreaterThan(150);
    const { exit1 } = expectAllPass(cases);
    // Most truncations break the plan; cuts in a report's body leave it valid.
    expect(exit1).toBeGreaterThan(cases.length / 2);
  });

  it(`${PER_FILE} random mutations of each file, and a folder in place of some`, () => {
    const rng = random(SEED);
    const cases: Case[] = [];
    files.forEach((rel, i) => {
      for (let j = 0; j < PER_FILE; j++) {
        // Every kind reaches every kind of file: the kinds rotate over the files.
        const kind = KINDS[(i * PER_FILE + j) % KINDS.length]!;
        const { label, content } = MUTATIONS[kind]!(rel, original.get(rel)!, rng);
        cases.push({ file: rel, label: `${kind}: ${label}`, content });
      }
      if (rng.next() < 0.2) cases.push({ file: rel, label: 'a folder in its place', content: 'folder' });
    });
    const { exit1 } = expectAllPass(cases);
    // The mutations do break files: most of them are reported.
    expect(exit1).toBeGreaterThan(cases.length / 2);
  });
});

describe('the command line, as an editor runs it', () => {
  const plan = 'reviews/child-kestrel/action-plan.yaml';
  const sample: Array<[string, string, () => Mutated]> = [
    ['alias bomb', plan, () => Buffer.from(aliasBomb('map') + original.get(plan)!.toString('utf8'))],
    ['a folder named statement.mdx', 'reviews/child-kestrel/statement.mdx', () => 'folder'],
    ['a plan that is a plain string', plan, () => Buffer.from('hello\n')],
    ['UTF-16 with a BOM', 'content/agencies.yaml', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(original.get('content/agencies.yaml')!.toString('utf8'), 'utf16le')])],
    ['invalid UTF-8', 'reviews/child-kestrel/report.mdx', () => Buffer.concat([original.get('reviews/child-kestrel/report.mdx')!, Buffer.from([0xe9, 0x0a])])],
    ['20,000 levels of [[[[', 'content/settings.yaml', () => Buffer.from(`${'['.repeat(20_000)}\n`)],
    ['an alias to no anchor', plan, () => Buffer.from(original.get(plan)!.toString('utf8').replace(/^review: .*$/m, 'review: *nowhere'))],
    ['a NUL byte', 'content/themes.yaml', () => Buffer.from(`\0${original.get('content/themes.yaml')!.toString('utf8')}`)],
  ];
  it.each(sample)('%s: exit code 1, errors listed, no stack trace, every action counted', (_label, file, content) => {
    put(file, content());
    try {
      const run = spawnSync(NODE, ['scripts/check.ts', '--no-reports', '--today', TODAY], {
        cwd: PROJECT,
        env: { ...process.env, CONTENT_ROOT: root, CI: '' },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      const output = `${run.stdout}\n${run.stderr}`;
      expect(run.status, output.slice(0, 3000)).toBe(1);
      expect(output).not.toMatch(/^\s+at /m);
      expect(output).not.toMatch(/\b(TypeError|ReferenceError|RangeError|SyntaxError|YAMLParseError)\b|Error: E[A-Z]+|node:internal|\(node:\d+\) Warning/);
      expect(output).toContain(file);
      const counts = /Actions:\s+(\d+) in the files, (\d+) read, (\d+) reported/.exec(run.stdout);
      expect(counts, run.stdout.slice(-2000)).not.toBeNull();
      expect(counts![3]).toBe(counts![1]);
      expect(run.stdout).toMatch(/Errors \(\d+\)/);
    } finally {
      restore(file);
    }
  });
});
