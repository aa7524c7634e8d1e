/**
 * Reads YAML (a whole file, or an MDX file's frontmatter) and validates it against a zod schema,
 * turning every problem into a sentence that names the file, line, column and field.
 *
 * This is the one reader of editors' YAML: the site's loaders and `npm run check` both call it.
 */
import { Document, isMap, isPair, isScalar, isSeq, LineCounter, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import type { z } from 'astro/zod';
import { formatPath, nearest, type Problem } from './problems.ts';

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

export type Parsed<T> = { ok: true; data: T; source: YamlSource } | { ok: false; problems: Problem[]; source?: YamlSource };

/** How every editor's YAML is read: YAML 1.2, core schema, a key twice is an error. */
const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false, version: '1.2' } as const;

/**
 * Parses YAML text; syntax errors and duplicate keys come back as problems.
 *
 * Plain block YAML (what editors and our templates write) is read by `readPlainBlockYaml` below,
 * about ten times faster, to the very values, ranges and line starts the `yaml` package gives
 * (proven over every sample, template and generated file in tests/yaml-source.test.ts);
 * anything else, and anything wrong, is read by the `yaml` package itself. Read a source through
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
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, ...PARSE_OPTIONS });
  const source: YamlSource = { file, doc, lines, lineOffset };
  const problems: Problem[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    // An unclosed quote is reported where the text ends; point at the quote that is never closed.
    const quote = e.code === 'MISSING_CHAR' && /quote/i.test(e.message) ? unclosedQuote(text) : undefined;
    const pos = lines.linePos(quote ?? e.pos[0]);
    const duplicate = e.code === 'DUPLICATE_KEY';
    problems.push({
      severity: 'error',
      file,
      line: pos.line + lineOffset,
      column: pos.col,
      kind: duplicate ? 'duplicate-key' : 'yaml-syntax',
      message: duplicate
        ? 'this key appears twice in the same block; keep one of them'
        : `the YAML cannot be read here (${firstLine(e.message)}). Check the indentation, colons and quotes around this line`,
    });
  }
  return { source, problems };
}

// ---------------------------------------------------------------------------------------------
// The fast reader of plain block YAML.
//
// The `yaml` package reads about 3 MB a second (its lexer, parser and composer are generators),
// so 10,000 actions take 1.5 s to parse. Editors' files are nearly always plain block YAML:
// `key: value` maps, `- ` lists, one-line plain or simply quoted values, one-line `[a, b]` lists
// and comments before the content or at the end of a line. For exactly that, this reader builds
// a light tree (kinds, values, ranges), the plain data, and the package's line starts in one
// pass; the package's own `Document` (the same YAMLMap, YAMLSeq, Pair and Scalar nodes with the
// same values, types and ranges the package builds) is made from the tree only if someone asks
// for `source.doc`. Plain values are resolved with the package's own core-schema tests and
// resolvers. It returns undefined, and the package reads the file, at the first thing outside
// that subset: anchors, aliases, tags, block scalars (| and >), multi-line values, flow maps,
// escapes other than \" and \\, document markers, tabs, control characters, empty values, keys
// that are not simple words, comment lines among the content, and every error (a key twice, bad
// indentation, a quote not closed), so errors are always the package's own.

/** A scalar tag of the core schema (null, booleans, numbers), as the package defines it. */
interface CoreTag {
  default?: unknown;
  test?: RegExp;
  tag: string;
  format?: string;
  resolve: (value: string, onError: (message: string) => void, options: object) => unknown;
}
/** The core schema's tags for plain values that are not text, from the package itself: the package's own tests and resolvers. */
const NOT_TEXT: CoreTag[] = (new Document(undefined, { version: '1.2' }).schema.tags as CoreTag[]).filter(
  (t) => t.default === true && t.test !== undefined && t.tag !== 'tag:yaml.org,2002:str',
);

/** Whether a key is text (not `true:` or `null:`); keys repeat, so the answer is remembered. */
const textKeys = new Map<string, boolean>();
function isTextKey(key: string): boolean {
  let known = textKeys.get(key);
  if (known === undefined) {
    known = !NOT_TEXT.some((t) => t.test!.test(key));
    if (textKeys.size < 10_000) textKeys.set(key, known);
  }
  return known;
}

/** Characters the fast reader leaves to the package: tabs, carriage returns, other controls, BOM, NEL, line separators. */
const OUTSIDE_SUBSET = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
/** A key the fast reader reads: a simple word. */
const SIMPLE_KEY = /[A-Za-z_][A-Za-z0-9_-]*/y;
/** A first character that makes a value something other than a plain one-line scalar. */
const INDICATOR = /^[-?:,\[\]{}#&*!|>'"%@`]/;

class OutsideSubset extends Error {}
const outside = (): never => {
  throw new OutsideSubset();
};

type Range3 = [number, number, number];

/** The fast reader's nodes: what the checker reads of a document, and enough to build the package's nodes. */
export type FastNode = FastScalar | FastMap | FastSeq;
interface FastScalar {
  kind: 'scalar';
  range: Range3;
  /** The text of the value (unquoted, unescaped): the value itself unless `resolved`. */
  value: string;
  type: Scalar.Type;
  /** A value the core schema resolved to a node of its own (null, true, 1.50): that node. */
  resolved?: Scalar | undefined;
}
interface FastMap {
  kind: 'map';
  range: Range3;
  keys: FastScalar[];
  values: FastNode[];
}
interface FastSeq {
  kind: 'seq';
  range: Range3;
  items: FastNode[];
  flow: boolean;
}

/** What the fast reader read: the tree, the plain data (what `doc.toJS()` gives), the document's range. */
export interface FastYaml {
  tree: FastNode;
  data: unknown;
  range: Range3;
}

/** One line that holds content (not blank, not only a comment). */
interface ContentLine {
  /** Offset of the line's first character. */
  start: number;
  /** Offset of its first non-space character. */
  first: number;
  /** Offset of its end (the newline, or the text's end). */
  end: number;
}

/**
 * Reads plain block YAML, or returns undefined for the `yaml` package to read it. `doc` is the
 * package's Document for it, built on first use.
 */
export function readPlainBlockYaml(text: string): { fast: FastYaml; lines: LineCounter; readonly doc: Document.Parsed } | undefined {
  if (OUTSIDE_SUBSET.test(text)) return undefined;
  const lines = new LineCounter();
  lines.addNewLine(0);
  const content: ContentLine[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    else lines.addNewLine(end + 1);
    let first = start;
    while (first < end && text.charCodeAt(first) === 32) first++;
    // A comment line after the content has begun can stretch the ranges of the nodes around it
    // in ways of the package's own: such files are left to it.
    if (first < end && text[first] === '#' && content.length > 0) return undefined;
    if (first < end && text[first] !== '#') {
      // Document markers and directives are the package's business.
      if (first === start && (text.startsWith('---', start) || text.startsWith('...', start) || text[start] === '%')) return undefined;
      content.push({ start, first, end });
    }
    start = end + 1;
  }
  if (content.length === 0) return undefined;
  const top = content[0]!;
  if (top.first !== top.start) return undefined;
  let fast: FastYaml;
  try {
    const reader = new BlockReader(text, content);
    const { node, data } = reader.block(0, top.first);
    if (reader.next < content.length) return undefined;
    fast = { tree: node, data, range: [top.start, node.range[1], text.length] };
  } catch (e) {
    if (e instanceof OutsideSubset) return undefined;
    throw e;
  }
  let doc: Document.Parsed | undefined;
  return {
    fast,
    lines,
    get doc() {
      return (doc ??= fastDocument(fast));
    },
  };
}

/** The package's Document for what the fast reader read: the nodes the package itself builds. */
function fastDocument(fast: FastYaml): Document.Parsed {
  const doc = new Document(undefined, PARSE_OPTIONS) as unknown as Document.Parsed;
  const build = (n: FastNode): Node => {
    if (n.kind === 'scalar') {
      const node = n.resolved ?? new Scalar(n.value);
      node.range = n.range;
      node.source = n.value;
      node.type = n.type;
      return node;
    }
    if (n.kind === 'map') {
      const map = new YAMLMap(doc.schema);
      n.keys.forEach((k, i) => map.items.push(new Pair(build(k), build(n.values[i]!))));
      map.range = n.range;
      return map;
    }
    const seq = new YAMLSeq(doc.schema);
    if (n.flow) seq.flow = true;
    for (const item of n.items) seq.items.push(build(item));
    seq.range = n.range;
    return seq;
  };
  doc.contents = build(fast.tree) as Document.Parsed['contents'];
  doc.range = fast.range;
  return doc;
}

type Read = { node: FastNode; data: unknown };

class BlockReader {
  /** The next content line to read. */
  next = 0;
  private readonly text: string;
  private readonly content: ContentLine[];
  constructor(text: string, content: ContentLine[]) {
    this.text = text;
    this.content = content;
  }

  /** The block (map or list) whose first entry starts at `at` on content line `this.next`, indented `indent`. */
  block(indent: number, at: number): Read {
    return this.text[at] === '-' ? this.list(indent, at) : this.map(indent, at);
  }

  /** Whether a `- ` entry starts at `at`. */
  private isItem(at: number): boolean {
    const c = this.text[at + 1];
    return this.text[at] === '-' && (c === ' ' || c === '\n' || c === undefined);
  }

  map(indent: number, at: number): Read {
    const text = this.text;
    const node: FastMap = { kind: 'map', range: [at, at, at], keys: [], values: [] };
    const data: Record<string, unknown> = {};
    const seen: string[] = [];
    let end = at;
    for (;;) {
      SIMPLE_KEY.lastIndex = at;
      const m = SIMPLE_KEY.exec(text);
      if (!m) outside();
      const key = m![0];
      const colon = at + key.length;
      const after = text[colon + 1];
      if (text[colon] !== ':' || !(after === ' ' || after === '\n' || after === undefined)) outside();
      if (!isTextKey(key) || key === '__proto__' || seen.includes(key)) outside();
      seen.push(key);
      const line = this.content[this.next]!;
      let valueAt = colon + 1;
      while (valueAt < line.end && text.charCodeAt(valueAt) === 32) valueAt++;
      let value: Read;
      if (valueAt === line.end || text[valueAt] === '#') {
        // The value is the block on the following lines: deeper, or a list at the same indent.
        if (valueAt < line.end && text.charCodeAt(valueAt - 1) !== 32) outside();
        this.next++;
        const below = this.content[this.next];
        if (!below) outside();
        const depth = below!.first - below!.start;
        if (depth > indent) value = this.block(depth, below!.first);
        else if (depth === indent && this.isItem(below!.first)) value = this.list(depth, below!.first);
        else value = outside();
      } else {
        value = this.inline(valueAt, line.end);
        this.next++;
        const below = this.content[this.next];
        if (below && below.first - below.start > indent) outside(); // a value running on, or an error
      }
      node.keys.push({ kind: 'scalar', range: [at, colon, colon], value: key, type: 'PLAIN' });
      node.values.push(value.node);
      data[key] = value.data;
      end = value.node.range[2];
      const following = this.content[this.next];
      if (!following || following.first - following.start !== indent) break;
      if (this.isItem(following.first)) break; // the parent list's next entry (or an error, left to the parent)
      at = following.first;
    }
    node.range = [node.keys[0]!.range[0], end, end];
    return { node, data };
  }

  list(indent: number, at: number): Read {
    const text = this.text;
    const node: FastSeq = { kind: 'seq', range: [at, at, at], items: [], flow: false };
    const data: unknown[] = [];
    const from = at;
    let end = at;
    for (;;) {
      if (!this.isItem(at)) outside();
      const line = this.content[this.next]!;
      let itemAt = at + 1;
      while (itemAt < line.end && text.charCodeAt(itemAt) === 32) itemAt++;
      if (itemAt === line.end || text[itemAt] === '#') outside(); // "-" alone: the item on the next lines
      let item: Read;
      SIMPLE_KEY.lastIndex = itemAt;
      const key = SIMPLE_KEY.exec(text);
      const afterKey = key ? text[itemAt + key[0].length] : undefined;
      const nextChar = key ? text[itemAt + key[0].length + 1] : undefined;
      if (key && afterKey === ':' && (nextChar === ' ' || nextChar === '\n' || nextChar === undefined)) {
        // "- id: R1": a map whose keys line up with this first one.
        item = this.map(itemAt - line.start, itemAt);
      } else {
        item = this.inline(itemAt, line.end);
        this.next++;
        const below = this.content[this.next];
        if (below && below.first - below.start > indent) outside();
      }
      node.items.push(item.node);
      data.push(item.data);
      end = item.node.range[2];
      const following = this.content[this.next];
      if (!following || following.first - following.start !== indent || !this.isItem(following.first)) break;
      at = following.first;
    }
    node.range = [from, end, end];
    return { node, data };
  }

  /** The offset after the line's trailing spaces and comment and its newline; `outside()` if anything else follows. */
  private rest(from: number, lineEnd: number): number {
    const text = this.text;
    let i = from;
    while (i < lineEnd && text.charCodeAt(i) === 32) i++;
    if (i < lineEnd && !(text[i] === '#' && i > from)) outside();
    return lineEnd < text.length ? lineEnd + 1 : lineEnd;
  }

  /** A one-line value starting at `at`: plain, quoted, or a `[...]` list. */
  inline(at: number, lineEnd: number): Read {
    const text = this.text;
    const ch = text[at];
    if (ch === '"' || ch === "'") {
      const q = this.quoted(at, lineEnd);
      return this.scalar(q.value, ch === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', at, q.end, this.rest(q.end, lineEnd));
    }
    if (ch === '[') return this.flowList(at, lineEnd);
    if (INDICATOR.test(ch!)) outside();
    // A plain value runs to a " #" comment or the end of the line, trailing spaces left out.
    const comment = text.slice(at, lineEnd).indexOf(' #');
    const stop = comment === -1 ? lineEnd : at + comment;
    let valueEnd = stop;
    while (valueEnd > at && text.charCodeAt(valueEnd - 1) === 32) valueEnd--;
    const value = text.slice(at, valueEnd);
    if (value.includes(': ') || value.endsWith(':')) outside();
    return this.plain(value, at, valueEnd, lineEnd < text.length ? lineEnd + 1 : lineEnd);
  }

  /** A plain value, resolved as the package's composer does: the first core tag whose test matches, else text. */
  private plain(value: string, start: number, valueEnd: number, end: number): Read {
    const tag = NOT_TEXT.find((t) => t.test!.test(value));
    if (!tag) return this.scalar(value, 'PLAIN', start, valueEnd, end);
    const result = tag.resolve(value, outside, PARSE_OPTIONS);
    const resolved = isScalar(result) ? result : new Scalar(result);
    if (tag.format) resolved.format = tag.format;
    const node: FastScalar = { kind: 'scalar', range: [start, valueEnd, end], value, type: 'PLAIN', resolved };
    return { node, data: resolved.value };
  }

  /** A quoted value closed on its line: its text and the offset after the closing quote. */
  private quoted(at: number, lineEnd: number): { value: string; end: number } {
    const text = this.text;
    const quote = text[at]!;
    if (quote === '"') {
      // Only the escapes \" and \\ are read here; any other is the package's business.
      let value = '';
      let from = at + 1;
      for (let i = from; i < lineEnd; i++) {
        const c = text.charCodeAt(i);
        if (c === 34) return { value: value + text.slice(from, i), end: i + 1 };
        if (c === 92) {
          const escaped = text[i + 1];
          if (escaped !== '"' && escaped !== '\\') outside();
          value += text.slice(from, i) + escaped;
          i++;
          from = i + 1;
        }
      }
      outside();
    }
    let i = at + 1;
    for (;;) {
      const close = text.indexOf("'", i);
      if (close === -1 || close > lineEnd) outside();
      if (text[close + 1] === "'") {
        i = close + 2;
        continue;
      }
      return { value: text.slice(at + 1, close).replaceAll("''", "'"), end: close + 1 };
    }
  }

  /** `[a, "b c"]` on one line, items plain or quoted. */
  private flowList(at: number, lineEnd: number): Read {
    const text = this.text;
    const node: FastSeq = { kind: 'seq', range: [at, at, at], items: [], flow: true };
    const data: unknown[] = [];
    let i = at + 1;
    const skip = () => {
      while (i < lineEnd && text.charCodeAt(i) === 32) i++;
    };
    skip();
    if (text[i] === ']') i++;
    else {
      for (;;) {
        const ch = text[i];
        let item: Read;
        if (ch === '"' || ch === "'") {
          const q = this.quoted(i, lineEnd);
          item = this.scalar(q.value, ch === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', i, q.end, q.end);
          i = q.end;
        } else {
          const from = i;
          while (i < lineEnd && !/[,\]\[{}#:'"]/.test(text[i]!)) i++;
          let valueEnd = i;
          while (valueEnd > from && text.charCodeAt(valueEnd - 1) === 32) valueEnd--;
          const value = text.slice(from, valueEnd);
          if (value === '' || valueEnd !== i || INDICATOR.test(value)) outside();
          item = this.plain(value, from, valueEnd, valueEnd);
        }
        node.items.push(item.node);
        data.push(item.data);
        if (text[i] === ',') {
          i++;
          skip();
          continue;
        }
        if (text[i] === ']') {
          i++;
          break;
        }
        outside();
      }
    }
    node.range = [at, i, this.rest(i, lineEnd)];
    return { node, data };
  }

  private scalar(value: string, type: Scalar.Type, start: number, valueEnd: number, end: number): Read {
    return { node: { kind: 'scalar', range: [start, valueEnd, end], value, type }, data: value };
  }
}

/** The plain data of a source: what `source.doc.toJS()` gives. */
export function yamlData(source: YamlSource): unknown {
  return source.fast ? source.fast.data : source.doc.toJS({ maxAliasCount: 100 });
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

/** How zod issues are turned into sentences. */
export interface ProblemOptions {
  /** The schema that was used: lets an unknown key suggest the nearest known field ("did you mean"). */
  schema?: z.ZodType | undefined;
  /** Where editors find the fields listed (default docs/content-contract.md). */
  fieldsDoc?: string | undefined;
}

/** Turns zod issues into located problems. */
export function zodProblems(source: YamlSource, error: z.core.$ZodError, input?: unknown, options: ProblemOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const data = input ?? yamlData(source);
  const fieldsDoc = options.fieldsDoc ?? 'docs/content-contract.md';
  // A misspelt key ("timscale") also makes its field missing; say it once, at the misspelling.
  const misspelt = new Set<string>();
  if (options.schema) {
    for (const issue of error.issues) {
      if (issue.code !== 'unrecognized_keys') continue;
      const known = objectKeysAt(options.schema, issue.path);
      for (const key of issue.keys) {
        const suggestion = nearest(key, known);
        if (suggestion && valueAt(data, [...issue.path, suggestion]) === undefined) misspelt.add(formatPath([...issue.path, suggestion]));
      }
    }
  }
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = options.schema ? objectKeysAt(options.schema, issue.path) : [];
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const suggestion = nearest(key, known);
        problems.push({
          severity: 'error',
          file: source.file,
          ...locate(source, path, 'key'),
          field: formatPath(path),
          kind: 'unknown-key',
          message: suggestion
            ? `"${key}" is not a field here. Did you mean "${suggestion}"? The fields are listed in ${fieldsDoc}`
            : `"${key}" is not a field here. Check the spelling; the fields are listed in ${fieldsDoc}`,
        });
      }
      continue;
    }
    const missing =
      (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') &&
      issue.path.length > 0 && valueAt(data, issue.path) === undefined;
    if (missing && misspelt.has(formatPath(issue.path))) continue;
    problems.push({
      severity: 'error',
      file: source.file,
      ...locate(source, issue.path, missing ? 'key' : 'value'),
      field: formatPath(issue.path) || undefined,
      kind: missing ? 'missing-field' : 'invalid',
      message: missing ? `is missing: it is required and ${describeExpected(issue.message)}` : issue.message,
    });
  }
  return problems;
}

/** The field names of the object schema found at `path` inside `schema` (empty when there is none). */
export function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  type Def = { type: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown; in?: unknown; out?: unknown; options?: unknown[] };
  const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;
  const unwrap = (s: unknown): unknown[] => {
    const def = defOf(s);
    if (!def) return [];
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        return unwrap(def.innerType);
      case 'pipe':
        return defOf(def.in)?.type === 'transform' ? unwrap(def.out) : unwrap(def.in);
      case 'union':
        return (def.options ?? []).flatMap(unwrap);
      default:
        return [s];
    }
  };
  let current = unwrap(schema);
  for (const part of path) {
    current = current.flatMap((s) => {
      const def = defOf(s)!;
      if (def.type === 'object' && typeof part === 'string') return def.shape?.[part] ? unwrap(def.shape[part]) : [];
      if (def.type === 'array' && typeof part === 'number') return unwrap(def.element);
      return [];
    });
  }
  return [...new Set(current.flatMap((s) => (defOf(s)?.type === 'object' ? Object.keys(defOf(s)!.shape ?? {}) : [])))];
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function describeExpected(message: string): string {
  // zod's own "Invalid input: expected string, received undefined" reads badly; our schemas set
  // their own messages, which we keep.
  const m = /^Invalid input: expected (\w+), received undefined$/.exec(message);
  if (!m) return message.startsWith('Invalid input') ? 'must be given' : message;
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    array: 'a list',
    object: 'a block of fields',
    boolean: 'true or false',
  };
  return `must be ${words[m[1]!] ?? m[1]}`;
}

/** Parses YAML text and validates it; every problem is reported. */
export function parseWithSchema<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  lineOffset = 0,
  options: Omit<ProblemOptions, 'schema'> = {},
): Parsed<z.output<S>> {
  const { source, problems } = parseYaml(text, file, lineOffset);
  if (problems.length > 0) return { ok: false, problems, source };
  const input: unknown = yamlData(source);
  const result = schema.safeParse(input);
  if (!result.success) return { ok: false, problems: zodProblems(source, result.error, input, { ...options, schema }), source };
  return { ok: true, data: result.data, source };
}

/** Splits an MDX or Markdown file into its frontmatter text, the line it starts on, and its body. */
export function splitFrontmatter(text: string): { frontmatter: string; lineOffset: number; body: string; bodyLine: number } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  if (!m) return undefined;
  const frontmatter = m[1]!;
  const bodyLine = frontmatter.split('\n').length + 3;
  return { frontmatter, lineOffset: 1, body: text.slice(m[0].length), bodyLine };
}

/** Parses and validates an MDX file's frontmatter. */
export function parseFrontmatter<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  options: Omit<ProblemOptions, 'schema'> = {},
): Parsed<z.output<S>> & { body?: string; bodyLine?: number } {
  const split = splitFrontmatter(text);
  if (!split) {
    return {
      ok: false,
      problems: [
        {
          severity: 'error',
          file,
          line: 1,
          column: 1,
          kind: 'missing-frontmatter',
          message: 'the file must start with frontmatter: a line "---", the fields, and another line "---"',
        },
      ],
    };
  }
  const parsed = parseWithSchema(split.frontmatter, file, schema, split.lineOffset, options);
  return { ...parsed, body: split.body, bodyLine: split.bodyLine };
}
