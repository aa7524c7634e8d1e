/**
 * The layers of src/, with arrows one way and no import cycles.
 *
 * Every .ts, .mjs and .astro file under src/ is read (for .astro, the frontmatter between the
 * leading `---` lines; client-side <script> tags are bundled separately and not counted), its
 * relative imports are extracted (static `import`, `export ... from`, dynamic `import()`; type
 * imports count too) and resolved. Then:
 *
 * - no import cycles among src/ modules, reported as a path `a -> b -> a`;
 * - no upward arrows: a layer may import a lower one or its own, never a higher one:
 *
 *     pages, layouts, components, partners   (src/pages, src/layouts, src/components, src/partners)
 *     > data                                 (src/data)
 *     > check                                (src/check)
 *     > config                               (src/config)
 *     > utils, schemas                       (src/utils, src/schemas: may import each other)
 *
 *   src/integrations, src/loaders, src/scripts (client-side) and src/content.config.ts are outside
 *   the ranking, except that nothing ranked may import src/integrations or src/loaders.
 *
 * Every violation is listed, as `from -> to (layer a imports layer b)`. Those in `KNOWN` are
 * allowed for now; the list may only shrink (an entry that no longer occurs fails the test too).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Violations allowed for now, written exactly as the test prints them. The list may only shrink:
 * an entry that no longer occurs fails the test, so remove it with the import that caused it.
 * Add one only with a TODO saying why it is there and what removes it.
 */
const KNOWN: readonly string[] = [
  // None today. An entry looks like this:
  // TODO(one model, one clock): the rule moves from src/data/x.ts to src/utils/; remove then.
  // 'src/utils/x.ts -> src/data/x.ts (utils imports data)',
];

/** The layers, highest first: a module may import its own rank or a lower one. */
const RANKS: Record<string, number> = {
  pages: 4,
  layouts: 4,
  components: 4,
  partners: 4,
  data: 3,
  check: 2,
  config: 1,
  utils: 0,
  schemas: 0,
};

/** Folders that nothing ranked may import. */
const FORBIDDEN = new Set(['integrations', 'loaders']);

const CODE = /\.(ts|mjs|astro)$/;

/** A file's layer: the folder under src/ (`undefined` for files directly in src/, like content.config.ts). */
function layerOf(file: string): string | undefined {
  const parts = file.split('/');
  return parts[0] === 'src' && parts.length > 2 ? parts[1] : undefined;
}

/** The code of a module: for .astro, the frontmatter only. */
function moduleCode(file: string, text: string): string {
  if (!file.endsWith('.astro')) return text;
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
  return m ? m[1]! : '';
}

/**
 * The import specifiers of a module's code: static imports (also `import type` and bare
 * `import '...'`), `export ... from` and dynamic `import('...')`. TypeScript's own pre-processor
 * reads them, so imports written in comments or strings do not count.
 */
function importSpecifiers(code: string): string[] {
  return ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);
}

/**
 * The file a relative specifier points at, relative to the project folder with `/`, or
 * `undefined` when it names no existing file. Non-relative specifiers (packages, `astro:content`)
 * give `null`: they are not part of src/'s graph.
 */
function resolveImport(from: string, specifier: string, exists: (file: string) => boolean): string | null | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier.replace(/[?#].*$/, '')));
  for (const candidate of [target, `${target}.ts`, `${target}/index.ts`]) if (exists(candidate)) return candidate;
  return undefined;
}

/** The upward arrows among the edges, as `from -> to (layer a imports layer b)`. */
function upwardArrows(edges: readonly (readonly [string, string])[]): string[] {
  const out: string[] = [];
  for (const [from, to] of edges) {
    const a = layerOf(from);
    const b = layerOf(to);
    if (a === undefined || b === undefined || a === b || RANKS[a] === undefined) continue;
    const upward = RANKS[b] !== undefined ? RANKS[b]! > RANKS[a]! : FORBIDDEN.has(b);
    if (upward) out.push(`${from} -> ${to} (${a} imports ${b})`);
  }
  return out;
}

/**
 * The import cycles of a graph, as `a -> b -> a`: in each group of modules that reach each other
 * (strongly connected component), the shortest cycle through each module of the group.
 */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  // Tarjan's algorithm, iteratively (the graph can be deep).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let next = 0;
  const nodes = [...graph.keys()].sort();
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; i: number }[] = [{ node: root, i: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      const succ = graph.get(top.node) ?? [];
      if (top.i < succ.length) {
        const w = succ[top.i++]!;
        if (!index.has(w)) {
          index.set(w, next);
          low.set(w, next++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, i: 0 });
        } else if (onStack.has(w)) {
          low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) === index.get(top.node)) {
        const group: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          group.push(w);
        } while (w !== top.node);
        groups.push(group);
      }
    }
  }
  const cycles = new Set<string>();
  for (const group of groups) {
    const members = new Set(group);
    for (const start of group) {
      const cycle = shortestCycle(graph, start, members);
      if (!cycle) continue;
      // The same cycle found from each of its modules: written from its first module, once.
      const first = cycle.indexOf([...cycle].sort()[0]!);
      const rotated = [...cycle.slice(first), ...cycle.slice(0, first)];
      cycles.add([...rotated, rotated[0]!].join(' -> '));
    }
  }
  return [...cycles].sort();
}

/** The shortest cycle from start back to start within members (breadth first), without the repeated start. */
function shortestCycle(graph: ReadonlyMap<string, readonly string[]>, start: string, members: ReadonlySet<string>): string[] | undefined {
  const before = new Map<string, string>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q]!;
    for (const w of graph.get(node) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const cycle = [node];
        while (cycle[0] !== start) cycle.unshift(before.get(cycle[0]!)!);
        return cycle;
      }
      if (!before.has(w)) {
        before.set(w, node);
        queue.push(w);
      }
    }
  }
  return undefined;
}

/** Every code file under a folder, relative to the project folder with `/`, sorted. */
function codeFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.posix.join(dir, f.split(path.sep).join('/')))
    .filter((f) => CODE.test(f) && statSync(f).isFile())
    .sort();
}

/** src/'s import graph, and the relative imports that name no file. */
function sourceGraph(): { graph: Map<string, string[]>; unresolved: string[] } {
  const files = codeFiles('src');
  const graph = new Map<string, string[]>();
  const unresolved: string[] = [];
  const isFile = (f: string) => existsSync(f) && statSync(f).isFile();
  for (const file of files) {
    const targets = new Set<string>();
    for (const specifier of importSpecifiers(moduleCode(file, readFileSync(file, 'utf8')))) {
      const target = resolveImport(file, specifier, isFile);
      if (target === undefined) unresolved.push(`${file} -> ${specifier} (no such file)`);
      else if (target !== null && target.startsWith('src/') && CODE.test(target)) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return { graph, unresolved };
}

describe('the reader and the rules (on made-up modules)', () => {
  it('reads static, type, re-export and dynamic imports, not ones in comments or strings', () => {
    const code = [
      '/** import { a } from "./in-a-comment.ts"; */',
      "// import b from './in-a-line-comment.ts';",
      "import a from './a.ts';",
      "import type { B } from '../b.ts';",
      "import {\n  c,\n  type D,\n} from './c.ts';",
      "import './side-effect.ts';",
      "export { e } from './e.ts';",
      "export * from './f.ts';",
      "const g = await import('./g.ts');",
      "const s = \"import h from './in-a-string.ts'\";",
      "import { z } from 'astro/zod';",
    ].join('\n');
    expect(importSpecifiers(code)).toEqual(['./a.ts', '../b.ts', './c.ts', './side-effect.ts', './e.ts', './f.ts', './g.ts', 'astro/zod']);
  });

  it('reads only the frontmatter of an .astro file', () => {
    const text = "---\nimport A from '../components/A.astro';\n---\n<A />\n<script>\nimport './client.ts';\n</script>\n";
    expect(importSpecifiers(moduleCode('src/pages/x.astro', text))).toEqual(['../components/A.astro']);
    expect(moduleCode('src/pages/y.astro', '<p>No frontmatter</p>')).toBe('');
  });

  it('resolves relative specifiers against the importing file', () => {
    const files = new Set(['src/utils/dates.ts', 'src/check/index.ts', 'src/styles/site.scss']);
    const exists = (f: string) => files.has(f);
    expect(resolveImport('src/check/steps/dates.ts', '../../utils/dates.ts', exists)).toBe('src/utils/dates.ts');
    expect(resolveImport('src/data/plans.ts', '../check', exists)).toBe('src/check/index.ts');
    expect(resolveImport('src/layouts/Base.astro', '../styles/site.scss?inline', exists)).toBe('src/styles/site.scss');
    expect(resolveImport('src/data/plans.ts', './missing.ts', exists)).toBeUndefined();
    expect(resolveImport('src/data/plans.ts', 'astro:content', exists)).toBeNull();
  });

  it('finds upward arrows and arrows into integrations and loaders, not downward or unranked ones', () => {
    expect(
      upwardArrows([
        ['src/utils/a.ts', 'src/check/b.ts'],
        ['src/config/a.ts', 'src/data/b.ts'],
        ['src/check/a.ts', 'src/components/B.astro'],
        ['src/data/a.ts', 'src/loaders/b.ts'],
        ['src/pages/a.astro', 'src/integrations/b.ts'],
        ['src/pages/a.astro', 'src/data/b.ts'],
        ['src/components/A.astro', 'src/layouts/B.astro'],
        ['src/utils/a.ts', 'src/schemas/b.ts'],
        ['src/schemas/a.ts', 'src/utils/b.ts'],
        ['src/integrations/a.ts', 'src/check/b.ts'],
        ['src/content.config.ts', 'src/loaders/b.ts'],
        ['src/scripts/a.ts', 'src/data/b.ts'],
      ]),
    ).toEqual([
      'src/utils/a.ts -> src/check/b.ts (utils imports check)',
      'src/config/a.ts -> src/data/b.ts (config imports data)',
      'src/check/a.ts -> src/components/B.astro (check imports components)',
      'src/data/a.ts -> src/loaders/b.ts (data imports loaders)',
      'src/pages/a.astro -> src/integrations/b.ts (pages imports integrations)',
    ]);
  });

  it('reports each cycle as a path back to where it starts, and none in a graph without one', () => {
    const graph = new Map<string, string[]>([
      ['c', ['a']],
      ['a', ['b', 'x']],
      ['b', ['c']],
      ['x', ['y']],
      ['y', ['x']],
      ['self', ['self']],
      ['free', ['a']],
    ]);
    expect(importCycles(graph)).toEqual(['a -> b -> c -> a', 'self -> self', 'x -> y -> x']);
    // Two cycles through one module: both are reported.
    expect(importCycles(new Map([['index', ['output', 'report']], ['output', ['index']], ['report', ['index']]]))).toEqual([
      'index -> output -> index',
      'index -> report -> index',
    ]);
    expect(importCycles(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toEqual([]);
  });
});

describe('the layers of src/', () => {
  const { graph, unresolved } = sourceGraph();
  const edges = [...graph].flatMap(([from, tos]) => tos.map((to) => [from, to] as const));
  const violations = [...unresolved, ...importCycles(graph).map((c) => `cycle: ${c}`), ...upwardArrows(edges)];

  it('reads the whole of src/', () => {
    // A guard against the reader silently finding nothing: src/check imports src/utils.
    expect(graph.size).toBeGreaterThan(50);
    expect(edges.some(([from, to]) => from.startsWith('src/check/') && to.startsWith('src/utils/'))).toBe(true);
  });

  it('has no import cycles and no upward arrows, apart from the known ones', () => {
    const unexpected = violations.filter((v) => !KNOWN.includes(v));
    expect(unexpected, `Layer violations (from -> to). Import only from a lower layer, and never in a circle:\n${unexpected.join('\n')}`).toEqual([]);
  });

  it('lists no known violation that no longer occurs', () => {
    const stale = KNOWN.filter((k) => !violations.includes(k));
    expect(stale, `Remove these from KNOWN in tests/layers.test.ts, they are fixed:\n${stale.join('\n')}`).toEqual([]);
  });
});
