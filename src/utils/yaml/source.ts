/**
 * Reads editors' YAML (a whole file, or an MDX file's frontmatter) into a `YamlSource`, and
 * answers questions about it: where a field path is (`locate`), the scalar at a path
 * (`scalarAt`), every scalar (`scalarsOf`), the plain data (`yamlData`).
 *
 * This is the one reader of editors' YAML: the site's loaders and `npm run check` both call it.
 * Plain block YAML is read by the fast reader (fast-reader.ts); everything else by the `yaml`
 * package. It never throws: syntax errors, duplicate keys, alias bombs, aliases to no anchor and
 * nesting beyond reading come back as located problems. Validation against a schema is in
 * validate.ts, frontmatter in frontmatter.ts.
 */
import { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Scalar } from 'yaml';
import type { Problem } from '../problems.ts';
import { readPlainBlockYaml, type FastNode, type FastYaml, type Range3 } from './fast-reader.ts';
import { MAX_NESTING, PARSE_OPTIONS } from './options.ts';

/** A parsed YAML document with what is needed to point at its lines. */
export interface YamlSource {
  file: string;
  /** The `yaml` package's Document (for a file the fast reader read, built on first use). */
  readonly doc: Document.Parsed;
  lines: LineCounter;
  /** Lines before the YAML starts in the file (1 for MDX frontmatter, after the opening `---`). */
  lineOffset: number;
  /** What the fast reader read (see `readPlainBlockYaml`), when it read the file. */
  fast?: FastYaml | undefined;
}

/** How many times aliases may repeat anchored content when the data is built (the package's default). */
const MAX_ALIAS_COUNT = 100;

const TOO_DEEP = `the YAML here is nested too deeply: more than ${MAX_NESTING} lists or blocks of fields inside each other. Content needs only a few levels; check the indentation and the brackets [ ] and { } around this line`;
const PLAIN_YAML = 'Write the values out in plain YAML, without & and *: that is always accepted';

/** The plain data of sources the `yaml` package read (the fast reader keeps its own). */
const fullData = new WeakMap<YamlSource, { data: unknown }>();

/**
 * Parses YAML text; syntax errors and duplicate keys come back as problems.
 *
 * Plain block YAML (what editors and our templates write) is read by `readPlainBlockYaml`
 * (fast-reader.ts), about ten times faster, to the very values, ranges and line starts the `yaml`
 * package gives (proven over every sample, template and generated file in
 * tests/yaml-fast-reader.test.ts); anything else, and anything wrong, is read by the `yaml`
 * package itself. Read a source through
 * `locate`, `scalarAt`, `scalarsOf` and `yamlData`, which use the fast reader's tree when there
 * is one; `source.doc` is always there too, built on first use.
 */
export function parseYaml(text: string, file: string, lineOffset = 0): { source: YamlSource; problems: Problem[] } {
  const read = readPlainBlockYaml(text);
  if (!read) return parseYamlFully(text, file, lineOffset);
  const source: YamlSource = {
    file,
    lines: read.lines,
    lineOffset,
    fast: read.fast,
    get doc() {
      return read.doc;
    },
  };
  return { source, problems: [] };
}

/** `parseYaml` by the `yaml` package alone (the reference the fast reader is tested against). */
export function parseYamlFully(text: string, file: string, lineOffset = 0): { source: YamlSource; problems: Problem[] } {
  let lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lines, ...PARSE_OPTIONS });
  } catch {
    // The package turns the stack overflows it meets into errors of its own; should one escape
    // it, the text is nested beyond reading.
    lines = lineCounterOf(text);
    doc = parseDocument('', PARSE_OPTIONS);
    const source: YamlSource = { file, doc, lines, lineOffset };
    return { source, problems: [problemAt(source, deepestOffset(text), 'yaml-nesting', TOO_DEEP)] };
  }
  const source: YamlSource = { file, doc, lines, lineOffset };
  const problems: Problem[] = [];
  let tooDeep = false;
  for (const e of [...doc.errors, ...doc.warnings]) {
    if (e.code === 'RESOURCE_EXHAUSTION') {
      // The package ran out of stack on nesting: say it once.
      if (!tooDeep) problems.push(problemAt(source, e.pos[0], 'yaml-nesting', TOO_DEEP));
      tooDeep = true;
      continue;
    }
    // An unclosed quote is reported where the text ends; point at the quote that is never closed.
    const quote = e.code === 'MISSING_CHAR' && /quote/i.test(e.message) ? unclosedQuote(text) : undefined;
    const duplicate = e.code === 'DUPLICATE_KEY';
    problems.push(
      problemAt(
        source,
        quote ?? e.pos[0],
        duplicate ? 'duplicate-key' : 'yaml-syntax',
        duplicate ? 'this key appears twice in the same block; keep one of them' : syntaxMessage(e.code, e.message),
      ),
    );
  }
  if (problems.length > 0) return { source, problems };
  const deep = tooDeepNode(doc);
  if (deep) return { source, problems: [problemAt(source, deep.range?.[0] ?? 0, 'yaml-nesting', TOO_DEEP)] };
  try {
    fullData.set(source, { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) });
  } catch (e) {
    problems.push(dataProblem(source, e));
  }
  return { source, problems };
}

function problemAt(source: YamlSource, offset: number, kind: string, message: string): Problem {
  return { severity: 'error', file: source.file, ...lineAndColumn(source, offset), kind, message };
}

/** The line starts of `text`, as the package's LineCounter records them. */
function lineCounterOf(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

/** Where `text` first nests deeper than MAX_NESTING, by brackets or indentation (0 when it does not). */
function deepestOffset(text: string): number {
  let brackets = 0;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') lineStart = i + 1;
    else if (c === '[' || c === '{') brackets++;
    else if (c === ']' || c === '}') brackets = Math.max(0, brackets - 1);
    else if (c === '-' && text[i + 1] === ' ') brackets++;
    if (brackets > MAX_NESTING || i - lineStart > 2 * MAX_NESTING) return i;
  }
  return 0;
}

/** A list or map nested deeper than MAX_NESTING, the first in the document, if any. */
function tooDeepNode(doc: Document.Parsed): Node | undefined {
  const stack: Array<[unknown, number]> = [[doc.contents, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_NESTING) return node;
    for (let i = node.items.length - 1; i >= 0; i--) {
      const item: unknown = node.items[i];
      if (isPair(item)) stack.push([item.value, depth + 1], [item.key, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

/** Why the package could not build the plain data of a document it read: aliases, almost always. */
function dataProblem(source: YamlSource, e: unknown): Problem {
  // Walk the document in order, knowing the anchors set so far, to find the alias at fault.
  const anchors = new Set<string>();
  let first: Node | undefined;
  const stack: unknown[] = [source.doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      if (!anchors.has(node.source)) {
        return problemAt(
          source,
          node.range?.[0] ?? 0,
          'yaml-alias',
          `the alias *${node.source} refers to no anchor &${node.source} earlier in the file. ${PLAIN_YAML}`,
        );
      }
      first ??= node;
      continue;
    }
    const anchor = (node as { anchor?: string } | undefined)?.anchor;
    if (anchor) anchors.add(anchor);
    if (isMap(node) || isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item: unknown = node.items[i];
        if (isPair(item)) stack.push(item.value, item.key);
        else stack.push(item);
      }
    }
  }
  if (e instanceof RangeError) return problemAt(source, 0, 'yaml-nesting', TOO_DEEP);
  return problemAt(
    source,
    first?.range?.[0] ?? 0,
    'yaml-alias',
    `this file uses anchors (&name) and aliases (*name) that repeat its content too many times to be read safely. ${PLAIN_YAML}`,
  );
}

/** The plain data of a source read without problems (what `source.doc.toJS()` gives); undefined when it could not be built. */
export function plainData(source: YamlSource): { data: unknown } | undefined {
  return source.fast ? { data: source.fast.data } : fullData.get(source);
}

/** The plain data of a source: what `source.doc.toJS()` gives. */
export function yamlData(source: YamlSource): unknown {
  if (source.fast) return source.fast.data;
  const known = fullData.get(source);
  return known ? known.data : source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
}

/** A scalar in the source by path (a map's value or a list's item), with its range and type. */
export interface ScalarAt {
  value: unknown;
  range: Range3;
  type?: Scalar.Type | undefined;
}

/** The scalar at `path` (as `doc.getIn(path, true)` finds it), or undefined when there is none there. */
export function scalarAt(source: YamlSource, path: readonly PropertyKey[]): ScalarAt | undefined {
  if (!source.fast) {
    const node = source.doc.getIn(path as PropertyKey[], true);
    return isScalar(node) && node.range ? { value: node.value, range: node.range, type: node.type } : undefined;
  }
  let node: FastNode | undefined = source.fast.tree;
  for (const part of path) {
    if (node?.kind === 'map') {
      const i: number = node.keys.findIndex((k) => k.value === part);
      node = i === -1 ? undefined : node.values[i];
    } else if (node?.kind === 'seq') {
      // As YAMLSeq.get reads an index: a whole number, or text that is one.
      const index: unknown = part && typeof part === 'string' ? Number(part) : part;
      node = typeof index === 'number' && Number.isInteger(index) && index >= 0 ? node.items[index] : undefined;
    } else return undefined;
  }
  return node?.kind === 'scalar' ? { value: node.resolved ? node.resolved.value : node.value, range: node.range, type: node.type } : undefined;
}

/** Every scalar that is a map's value or a list's item, with its path, in document order (keys are not included). */
export function scalarsOf(source: YamlSource): Array<{ path: PropertyKey[] } & ScalarAt> {
  const out: Array<{ path: PropertyKey[] } & ScalarAt> = [];
  if (source.fast) {
    const walk = (n: FastNode, path: PropertyKey[]) => {
      if (n.kind === 'map') n.keys.forEach((k, i) => walk(n.values[i]!, [...path, k.value as string]));
      else if (n.kind === 'seq') n.items.forEach((item, i) => walk(item, [...path, i]));
      else out.push({ path, value: n.resolved ? n.resolved.value : n.value, range: n.range, type: n.type });
    };
    walk(source.fast.tree, []);
    return out;
  }
  const walk = (node: unknown, path: PropertyKey[]) => {
    if (isMap(node)) {
      for (const pair of node.items) if (isPair(pair) && isScalar(pair.key)) walk(pair.value, [...path, String(pair.key.value)]);
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
    else if (isScalar(node) && node.range) out.push({ path, value: node.value, range: node.range, type: node.type });
  };
  walk(source.doc.contents, []);
  return out;
}

/** The offset of the first quote (after a key or a dash) that is not closed on its line, if any. */
function unclosedQuote(text: string): number | undefined {
  let offset = 0;
  for (const line of text.split('\n')) {
    const m = /^(\s*(?:-\s+)?(?:[^#'"\s][^#]*?:\s+)?)(["'])(.*)$/.exec(line);
    if (m) {
      const rest = m[3]!;
      const closed = m[2] === '"' ? /(^|[^\\])(\\\\)*"/.test(rest) : /'/.test(rest.replace(/''/g, ''));
      if (!closed) return offset + m[1]!.length;
    }
    offset += line.length + 1;
  }
  return undefined;
}

/** The sentence for a syntax error: the package's own words, or ours where its words are for programmers. */
function syntaxMessage(code: string, message: string): string {
  switch (code) {
    case 'MULTIPLE_DOCS':
      return 'a line "---" here starts a second document, but a file holds only one. Remove the line, or everything from it on if that belongs in another file';
    case 'TAB_AS_INDENT':
      return 'this line is indented with a tab; indent with spaces only';
    case 'TAG_RESOLVE_FAILED':
      return 'the tag here (a word starting with !) is not one this YAML reader knows; remove it, plain values need no tags';
    case 'BAD_DIRECTIVE':
      return 'a line starting with % is a YAML directive, which content does not use; remove the line';
  }
  // The package names its tokens ("Unexpected flow-seq-end token"); say what an editor sees.
  const said = /\btoken\b|type:/.test(message) ? 'something here is out of place' : firstLine(message);
  return `the YAML cannot be read here (${said}). Check the indentation, colons and quotes around this line`;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Where a field path points in the source, as 1-based line and column. */
export function locate(source: YamlSource, path: readonly PropertyKey[], which: 'key' | 'value' = 'value'): { line: number; column: number } {
  if (source.fast) return lineAndColumn(source, locateFast(source.fast.tree, path, which));
  let node: unknown = source.doc.contents;
  let found: Node | undefined = node as Node | undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) break;
      const target = which === 'key' && part === path[path.length - 1] ? pair.key : (pair.value ?? pair.key);
      found = target as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part];
      if (!item) break;
      found = item as Node;
      node = item;
    } else break;
  }
  return lineAndColumn(source, found?.range?.[0] ?? 0);
}

function lineAndColumn(source: YamlSource, offset: number): { line: number; column: number } {
  const pos = source.lines.linePos(offset);
  return { line: pos.line + source.lineOffset, column: pos.col };
}

/** `locate`'s walk over the fast reader's tree: the same steps over the same nodes. */
function locateFast(tree: FastNode, path: readonly PropertyKey[], which: 'key' | 'value'): number {
  let node: FastNode | undefined = tree;
  let found: FastNode = tree;
  for (const part of path) {
    if (node?.kind === 'map') {
      const i: number = node.keys.findIndex((k) => String(k.value) === String(part));
      if (i === -1) break;
      found = which === 'key' && part === path[path.length - 1] ? node.keys[i]! : node.values[i]!;
      node = node.values[i];
    } else if (node?.kind === 'seq' && typeof part === 'number') {
      const item: FastNode | undefined = node.items[part];
      if (!item) break;
      found = item;
      node = item;
    } else break;
  }
  return found.range[0];
}
