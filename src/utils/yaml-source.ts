/**
 * Reads YAML (a whole file, or an MDX file's frontmatter) and validates it against a zod schema,
 * turning every problem into a sentence that names the file, line, column and field.
 *
 * This is the one reader of editors' YAML: the site's loaders and `npm run check` both call it.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'astro/zod';
import { formatPath, nearest, type Problem } from './problems.ts';

/** A parsed YAML document with what is needed to point at its lines. */
export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** Lines before the YAML starts in the file (1 for MDX frontmatter, after the opening `---`). */
  lineOffset: number;
}

export type Parsed<T> = { ok: true; data: T; source: YamlSource } | { ok: false; problems: Problem[]; source?: YamlSource };

/** Parses YAML text; syntax errors and duplicate keys come back as problems. */
export function parseYaml(text: string, file: string, lineOffset = 0): { source: YamlSource; problems: Problem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, version: '1.2' });
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
  const offset = found?.range?.[0] ?? 0;
  const pos = source.lines.linePos(offset);
  return { line: pos.line + source.lineOffset, column: pos.col };
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
  const data = input ?? source.doc.toJS();
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
      (issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.path.length > 0 && valueAt(data, issue.path) === undefined;
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
  const input: unknown = source.doc.toJS({ maxAliasCount: 100 });
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
