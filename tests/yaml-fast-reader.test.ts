/**
 * The one YAML reader's fast path (`readPlainBlockYaml` in src/utils/yaml/fast-reader.ts) must never
 * disagree with the `yaml` package on what a file means or where anything is: for every file it
 * reads, it must build the same nodes (kinds, values, scalar types, ranges), the same line starts
 * and the same plain data as `parseDocument`, and the helpers the checker reads sources with
 * (locate, scalarAt, scalarsOf, yamlData) must answer the same from its tree as from the
 * package's nodes, for every path; for anything else (or anything wrong) it must decline,
 * so the package reads it. Checked over every sample file, the templates of `npm run new`, the
 * benchmark corpus, and random YAML full of awkward values and broken indentation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { CorpusGenerator, optionsFromProject } from '../scripts/bench/corpus.ts';
import { reviewTemplates } from '../src/check/new-review.ts';
import { readSiteConfig } from '../src/config/site-config.ts';
import { readPlainBlockYaml } from '../src/utils/yaml/fast-reader.ts';
import { splitFrontmatter } from '../src/utils/yaml/frontmatter.ts';
import { locate, parseYaml, parseYamlFully, scalarAt, scalarsOf, yamlData, type YamlSource } from '../src/utils/yaml/source.ts';

const ROOT = process.cwd();

/** The first difference between two node trees, or undefined. */
function difference(a: unknown, b: unknown, where = '$'): string | undefined {
  const kind = (n: unknown) => (isMap(n) ? 'map' : isSeq(n) ? 'seq' : isScalar(n) ? 'scalar' : isPair(n) ? 'pair' : n === null ? 'null' : 'other');
  if (kind(a) !== kind(b)) return `${where}: ${kind(a)} / ${kind(b)}`;
  if (isPair(a) && isPair(b)) return difference(a.key, b.key, `${where}.key`) ?? difference(a.value, b.value, `${where}.value`);
  if (a === null) return undefined;
  const x = a as { range?: unknown; flow?: boolean; items?: unknown[] };
  const y = b as typeof x;
  if (!isDeepStrictEqual(x.range, y.range)) return `${where}: range ${JSON.stringify(x.range)} / ${JSON.stringify(y.range)}`;
  if (isScalar(a) && isScalar(b)) {
    if (!Object.is(a.value, b.value)) return `${where}: value ${JSON.stringify(a.value)} / ${JSON.stringify(b.value)}`;
    if (a.type !== b.type) return `${where}: type ${a.type} / ${b.type}`;
    if (a.source !== b.source || a.format !== b.format) return `${where}: source or format`;
    return undefined;
  }
  if (Boolean(x.flow) !== Boolean(y.flow)) return `${where}: flow`;
  if (x.items!.length !== y.items!.length) return `${where}: ${x.items!.length} / ${y.items!.length} items`;
  for (let i = 0; i < x.items!.length; i++) {
    const d = difference(x.items![i], y.items![i], `${where}[${i}]`);
    if (d) return d;
  }
  return undefined;
}

/** Every path to a node of the package's tree, and a few that lead nowhere. */
function pathsOf(node: unknown, path: PropertyKey[] = [], out: PropertyKey[][] = []): PropertyKey[][] {
  out.push(path, [...path, 'nowhere'], [...path, 99], [...path, '0']);
  if (isMap(node)) for (const pair of node.items) if (isScalar(pair.key)) pathsOf(pair.value, [...path, String(pair.key.value)], out);
  if (isSeq(node)) node.items.forEach((item, i) => pathsOf(item, [...path, i], out));
  return out;
}

/** The first way the helpers (locate, scalarAt, scalarsOf, yamlData) answer differently from the two sources. */
function helperDifference(fast: YamlSource, full: YamlSource): string | undefined {
  if (!isDeepStrictEqual(yamlData(fast), full.doc.toJS())) return 'yamlData';
  if (!isDeepStrictEqual(scalarsOf(fast), scalarsOf(full))) return 'scalarsOf';
  for (const p of pathsOf(full.doc.contents)) {
    for (const which of ['key', 'value'] as const) {
      if (!isDeepStrictEqual(locate(fast, p, which), locate(full, p, which))) return `locate ${which} ${JSON.stringify(p)}`;
    }
    if (!isDeepStrictEqual(scalarAt(fast, p), scalarAt(full, p))) return `scalarAt ${JSON.stringify(p)}`;
  }
  return undefined;
}

/** 'fast' when the fast path read the text exactly as the package does, 'declined' when it left it, else the difference. */
function compare(text: string): string {
  const fast = readPlainBlockYaml(text);
  if (!fast) return 'declined';
  const ref = parseYamlFully(text, 'x.yaml');
  if (ref.problems.length > 0) return `read a text the package reports: ${ref.problems[0]!.message}`;
  const doc = ref.source.doc;
  const source = parseYaml(text, 'x.yaml').source;
  return (
    difference(doc.contents, fast.doc.contents) ??
    (isDeepStrictEqual(ref.source.lines.lineStarts, fast.lines.lineStarts) ? undefined : 'line starts') ??
    (isDeepStrictEqual(doc.range, fast.doc.range) ? undefined : `document range ${JSON.stringify(doc.range)} / ${JSON.stringify(fast.doc.range)}`) ??
    (isDeepStrictEqual(doc.toJS(), fast.doc.toJS()) ? undefined : 'data') ??
    (source.fast ? helperDifference(source, ref.source) : 'parseYaml did not use the fast reader') ??
    'fast'
  );
}

/** The YAML of a file: the whole file, or an MDX file's frontmatter. */
function yamlOf(file: string, text: string): string | undefined {
  return /\.mdx?$/.test(file) ? splitFrontmatter(text)?.frontmatter : text;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else if (/\.(ya?ml|mdx?)$/.test(name)) out.push(p);
  }
  return out;
}

describe('the fast YAML path reads exactly what the yaml package reads', () => {
  it('over every sample file, and reads every sample action plan itself', () => {
    const files = ['reviews', 'content', 'tests/fixtures'].flatMap((d) => filesUnder(path.join(ROOT, d)));
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const yaml = yamlOf(file, readFileSync(file, 'utf8'));
      if (yaml === undefined) continue;
      const result = compare(yaml);
      expect([file, result]).toEqual([file, expect.stringMatching(/^(fast|declined)$/)]);
      if (/reviews\/[^/]+\/action-plan\.yaml$/.test(file)) expect([file, result]).toEqual([file, 'fast']);
    }
  });

  it('over the templates of npm run new', () => {
    const { config } = readSiteConfig(ROOT);
    const files = reviewTemplates('Child D', 'child-d', config!, '2026-03-14');
    for (const [name, text] of Object.entries(files)) {
      const yaml = yamlOf(name, text);
      if (yaml !== undefined) expect([name, compare(yaml)]).toEqual([name, expect.stringMatching(/^(fast|declined)$/)]);
    }
  });

  it('over the benchmark corpus (every file read fast)', () => {
    const generator = new CorpusGenerator(optionsFromProject(ROOT, 1, '2026-11-16'));
    for (let i = 0; i < 30; i++) {
      for (const [name, text] of Object.entries(generator.review(i).files)) {
        const yaml = yamlOf(name, text);
        if (yaml !== undefined) expect([i, name, compare(yaml)]).toEqual([i, name, 'fast']);
      }
    }
  }, 60_000);

  // Values chosen to sit on every edge of the subset: other types, indicators, comments, quotes.
  const VALUES = [
    'text', 'Two words', 'R1.1', 'C#', 'a#b', 'x # comment', 'x  #  c', 'ends in spaces   ', 'a:b', 'a: b', 'ends:', 'http://x.org/a?b=c',
    'true', 'True', 'TRUE', 'false', 'yes', 'no', 'on', 'null', 'Null', 'NULL', '~', '0', '1', '-1', '+1', '007', '0o17', '0o8',
    '0x1F', '0xG', '1e3', '-1.5E-2', '1.5', '.5', '5.', '1.50', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '1_000', '2026-03-31',
    '31/03/2026', 'March 2026', '2025/26 Q4', '"double"', '"with \\" quote"', '"back \\\\ slash"', '"tab \\t"', '"a\\nb"', '""',
    "'single'", "'it''s'", "''", "'unclosed", '"unclosed', '"x" # c', '"x"#c', "'x' trailing", '[a, b]', '[]', '[ a ]', '[a,b]',
    '[a , b]', '["x, y", z]', "['a', b]", '[a, ]', '[a, [b]]', '[a: b]', '[true, 1, null]', '[a', '{a: 1}', '{}', '&x a', '*x',
    '!tag a', '!!str 1', '| x', '|', '>-', '- x', '-x', '? x', '?x', ':x', '@x', '`x', '%x', ',x', '#', '-', '--- x', 'a\tb',
    '\u00a0x', 'é', 'x\u2028y', '',
  ];
  const key = fc.oneof(
    { arbitrary: fc.constantFrom('a', 'b', 'id', 'text', 'review', 'x_y', 'x-y', 'A'), weight: 8 },
    { arbitrary: fc.constantFrom('a', 'true', 'null', '1', '__proto__', 'a b', '"q"', 'a.b', '<<', 'a:', '- a', '? a'), weight: 1 },
  );
  const value = fc.oneof(
    { arbitrary: fc.constantFrom(...VALUES), weight: 1 },
    { arbitrary: fc.constantFrom('text', 'Two words.', 'R1.1', '2026-03-31', '"quoted"', '[a, b]', 'true', '12'), weight: 6 },
  );
  type Tree = { map: Array<[string, Tree]> } | { list: Tree[] } | { value: string };
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      value.map((v) => ({ value: v })),
      fc.uniqueArray(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4, selector: ([k]) => k }).map((map) => ({ map })),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((list) => ({ list })),
    ),
  })).node;
  const style = fc.record({
    step: fc.integer({ min: 1, max: 4 }),
    listAtKeyIndent: fc.boolean(),
    spacesAfterColon: fc.integer({ min: 1, max: 3 }),
    spacesAfterDash: fc.integer({ min: 1, max: 3 }),
    commentAfterKey: fc.boolean(),
    between: fc.constantFrom('nothing', 'nothing', 'blank lines', 'comments'),
    finalNewline: fc.boolean(),
  });

  type Style = typeof style extends fc.Arbitrary<infer S> ? S : never;
  /** Writes a tree as block YAML in the given style. */
  function write(t: Tree, s: Style): string {
    const lines: string[] = [];
    const emit = (node: Tree, indent: number, lead: string) => {
      // `lead` is what comes before the node on its first line ("key:" or "-"), at `indent`.
      const pad = ' '.repeat(indent);
      if ('value' in node) {
        lines.push(`${pad}${lead}${lead.endsWith(':') ? ' '.repeat(s.spacesAfterColon) : lead ? ' '.repeat(s.spacesAfterDash) : ''}${node.value}`);
        return;
      }
      if (lead.endsWith(':')) {
        lines.push(`${pad}${lead}${s.commentAfterKey ? ' # note' : ''}`);
        const deeper = 'list' in node && s.listAtKeyIndent ? indent : indent + s.step;
        emitBlock(node, deeper);
      } else if (lead === '-') {
        // "- key: value" on the dash's line, the rest of the block below it.
        const inner = indent + 1 + s.spacesAfterDash;
        const before = lines.length;
        emitBlock(node, inner);
        lines[before] = `${pad}-${' '.repeat(s.spacesAfterDash)}${lines[before]!.slice(inner)}`;
      } else emitBlock(node, indent);
      if (s.between === 'blank lines') lines.push('', ' '.repeat(indent + 1));
      if (s.between === 'comments') lines.push('', `${' '.repeat(indent + 1)}# a comment`);
    };
    const emitBlock = (node: Tree, indent: number) => {
      if ('map' in node) for (const [k, v] of node.map) emit(v, indent, `${k}:`);
      else if ('list' in node) for (const v of node.list) emit(v, indent, '-');
      else emit(node, indent, '');
    };
    emitBlock(t, 0);
    return lines.join('\n') + (s.finalNewline ? '\n' : '');
  }

  // YAML_FUZZ_RUNS=100000 for a longer run (100,000 runs: 17% read fast, no disagreement).
  it('over random YAML: the same result, or declined', () => {
    const results = { fast: 0, declined: 0 };
    fc.assert(
      fc.property(tree, style, fc.nat(), fc.integer({ min: -3, max: 3 }), (t, s, lineNo, shift) => {
        const text = write(t, s);
        const result = compare(text);
        expect(result).toMatch(/^(fast|declined)$/);
        results[result as keyof typeof results]++;
        // The same text with one line moved left or right, doubled or taken out: often an error, never a disagreement.
        const lines = text.split('\n');
        const i = lineNo % lines.length;
        if (shift === 3) lines.splice(i, 0, lines[i]!);
        else if (shift === -3) lines.splice(i, 1);
        else lines[i] = shift >= 0 ? ' '.repeat(shift) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-shift}}`), '');
        expect(compare(lines.join('\n'))).toMatch(/^(fast|declined)$/);
      }),
      { numRuns: Number(process.env.YAML_FUZZ_RUNS ?? 3000) },
    );
    // The random texts must exercise the fast path, not only its refusals.
    expect(results.fast).toBeGreaterThan((results.fast + results.declined) / 20);
  }, 120_000);

  it('reads plain plans itself, and leaves the rest to the package', () => {
    expect(compare('review: child-c\nrecommendations:\n  - id: R1\n    actions:\n      - id: R1.1\n        status: complete\n')).toBe('fast');
    expect(compare('a: x\nrecommendations:\n- id: R1\n  text: "q"\n')).toBe('fast');
    expect(compare('# comment\nthemes: [neglect, "safe sleep"]  # trailing\ndraft: true\n')).toBe('fast');
    for (const text of ['a: |\n  x\n', 'a: &x b\nc: *x\n', 'a: x\na: y\n', 'a: x\n  y\n', 'a:\n', '---\na: x\n', 'a: x\r\n', 'a: "x\n  y"\n']) {
      expect([text, compare(text)]).toEqual([text, 'declined']);
    }
  });

  it('parseYaml gives the same problems and locations either way', () => {
    const plan = readFileSync(path.join(ROOT, 'reviews', 'child-kestrel', 'action-plan.yaml'), 'utf8');
    const fast = parseYaml(plan, 'p.yaml');
    const full = parseYamlFully(plan, 'p.yaml');
    expect(fast.problems).toEqual([]);
    expect(full.problems).toEqual([]);
    expect(difference(fast.source.doc.contents, full.source.doc.contents)).toBeUndefined();
    const broken = plan.replace('status:', 'status: x\n     status:');
    expect(parseYaml(broken, 'p.yaml').problems).toEqual(parseYamlFully(broken, 'p.yaml').problems);
  });
});
