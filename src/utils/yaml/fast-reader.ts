/**
 * The fast reader of plain block YAML.
 *
 * The `yaml` package reads about 3 MB a second (its lexer, parser and composer are generators),
 * so 10,000 actions take 1.5 s to parse. Editors' files are nearly always plain block YAML:
 * `key: value` maps, `- ` lists, one-line plain or simply quoted values, one-line `[a, b]` lists
 * and comments before the content or at the end of a line. For exactly that, this reader builds
 * a light tree (kinds, values, ranges), the plain data, and the package's line starts in one
 * pass; the package's own `Document` (the same YAMLMap, YAMLSeq, Pair and Scalar nodes with the
 * same values, types and ranges the package builds) is made from the tree only if someone asks
 * for `source.doc`. Plain values are resolved with the package's own core-schema tests and
 * resolvers. It returns undefined, and the package reads the file, at the first thing outside
 * that subset: anchors, aliases, tags, block scalars (| and >), multi-line values, flow maps,
 * escapes other than \" and \\, document markers, tabs, control characters, empty values, keys
 * that are not simple words, comment lines among the content, nesting deeper than MAX_NESTING,
 * and every error (a key twice, bad indentation, a quote not closed), so errors are always the
 * package's own.
 */
import { Document, isScalar, LineCounter, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { MAX_NESTING, PARSE_OPTIONS } from './options.ts';

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

/** A node's range, as the package gives it: start, end of the value, end of the node with its comment. */
export type Range3 = [number, number, number];

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
    // Outside the subset, or nested beyond the stack: the package reads it (and says what is wrong).
    if (e instanceof OutsideSubset || e instanceof RangeError) return undefined;
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
  /** How many maps and lists are open; beyond MAX_NESTING the package reads the file. */
  private depth = 0;
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
    if (++this.depth > MAX_NESTING) outside();
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
    this.depth--;
    return { node, data };
  }

  list(indent: number, at: number): Read {
    if (++this.depth > MAX_NESTING) outside();
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
    this.depth--;
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
