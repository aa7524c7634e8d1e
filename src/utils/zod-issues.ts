/**
 * Turns zod issues into sentences for editors, each located in the YAML it came from: what is
 * wrong, what is accepted (the fields a block must hold, required first) and what the value is.
 */
import type { z } from 'astro/zod';
import { formatPath, nearest, type Problem } from './problems.ts';
import { locate, yamlData, type YamlSource } from './yaml/source.ts';

/** How zod issues are turned into sentences. */
export interface ProblemOptions {
  /** The schema that was used: lets an unknown key suggest the nearest known field ("did you mean"), and lists the fields a block must hold. */
  schema?: z.ZodType | undefined;
  /** Where editors find the fields listed (default docs/content-contract.md). */
  fieldsDoc?: string | undefined;
  /** What the file holds, for sentences about the whole of it: "the action plan", "themes". */
  document?: string | undefined;
  /** Whether the YAML is a whole file or the frontmatter of a document (default file). */
  container?: 'file' | 'frontmatter' | undefined;
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
    const value = valueAt(data, issue.path);
    const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') && issue.path.length > 0 && value === undefined;
    if (missing && misspelt.has(formatPath(issue.path))) continue;
    problems.push({
      severity: 'error',
      file: source.file,
      ...locate(source, issue.path, missing ? 'key' : 'value'),
      field: formatPath(issue.path) || undefined,
      kind: missing ? 'missing-field' : 'invalid',
      message: missing ? `is missing: it is required and ${describeExpected(issue, options.schema)}` : issueSentence(issue, value, options),
    });
  }
  return problems;
}

/** A field of an object schema and whether it must be given. */
interface FieldOf {
  name: string;
  required: boolean;
}

type Def = { type: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown; in?: unknown; out?: unknown; options?: unknown[] };
const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/** The schemas a value at the end of a wrapper chain (optional, default, pipe, union...) is checked against. */
function unwrap(s: unknown): unknown[] {
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
}

/** Whether a field's schema requires a value (it is not optional and has no default). */
function isRequired(s: unknown): boolean {
  const def = defOf(s);
  if (!def) return true;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
      return false;
    case 'nullable':
    case 'readonly':
    case 'catch':
      return isRequired(def.innerType);
    case 'pipe':
      return defOf(def.in)?.type === 'transform' ? isRequired(def.out) : isRequired(def.in);
    default:
      return true;
  }
}

/** The schemas found at `path` inside `schema`. */
function schemasAt(schema: z.ZodType, path: readonly PropertyKey[]): unknown[] {
  let current = unwrap(schema);
  for (const part of path) {
    current = current.flatMap((s) => {
      const def = defOf(s)!;
      if (def.type === 'object' && typeof part === 'string') return def.shape?.[part] ? unwrap(def.shape[part]) : [];
      if (def.type === 'array' && typeof part === 'number') return unwrap(def.element);
      return [];
    });
  }
  return current;
}

/** The fields of the object schemas among `schemas`, each once. */
function fieldsOf(schemas: readonly unknown[]): FieldOf[] {
  const fields = new Map<string, FieldOf>();
  for (const s of schemas) {
    const def = defOf(s);
    if (def?.type !== 'object') continue;
    for (const [name, field] of Object.entries(def.shape ?? {})) if (!fields.has(name)) fields.set(name, { name, required: isRequired(field) });
  }
  return [...fields.values()];
}

/** The field names of the object schema found at `path` inside `schema` (empty when there is none). */
export function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  return fieldsOf(schemasAt(schema, path)).map((f) => f.name);
}

/** "(review:, recommendations:, ...)": the required fields, then "..." for the optional ones. */
function fieldList(fields: readonly FieldOf[]): string {
  if (fields.length === 0) return '';
  const shown = fields.filter((f) => f.required);
  const list = (shown.length > 0 ? shown : fields).slice(0, 6).map((f) => `${f.name}:`);
  if (list.length < fields.length) list.push('...');
  return ` (${list.join(', ')})`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** What a value from a YAML file is, in an editor's words: "a single piece of text ("hello")", "a list (2 entries)". */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string') {
    if (value.trim() === '') return 'empty text';
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `a single piece of text ("${shown.replace(/\s+/g, ' ')}")`;
  }
  if (typeof value === 'number') return `a number (${value})`;
  if (typeof value === 'bigint') return `a number (${value})`;
  if (typeof value === 'boolean') return `the value ${value}`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'a date that does not exist' : `a date (${value.toISOString().slice(0, 10)})`;
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list (${value.length} ${value.length === 1 ? 'entry' : 'entries'})`;
  if (ArrayBuffer.isView(value)) return 'binary data';
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return 'an empty block of fields';
    return `a block of fields (${keys
      .slice(0, 3)
      .map((k) => `${k.length > 20 ? `${k.slice(0, 17)}...` : k}:`)
      .join(', ')}${keys.length > 3 ? ', ...' : ''})`;
  }
  return 'something else';
}

/** What a field accepts, by the kind zod expected: "a list, one entry per line starting "- " (each with id:, text:)". */
function acceptedKind(expected: string, schemas: readonly unknown[]): string {
  switch (expected) {
    case 'object':
      return `a block of fields${fieldList(fieldsOf(schemas))}, one per line, indented below it`;
    case 'array': {
      const items = schemas.flatMap((s) => (defOf(s)?.type === 'array' ? unwrap(defOf(s)!.element) : []));
      const itemFields = fieldsOf(items);
      return itemFields.length > 0
        ? `a list, one entry per line starting "- ", each with its own fields${fieldList(itemFields)}`
        : 'a list: [a, b] on one line, or one entry per line starting "- "';
    }
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'date':
      return 'a date written YYYY-MM-DD';
    default:
      return 'a value of another kind';
  }
}

/** zod's own messages ("Invalid input: expected string, received undefined") begin this way; our schemas' messages do not. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Unrecognized)/;

/** The sentence for a problem with a value that is there: the schema's own message, or one written from the issue. */
function issueSentence(issue: z.core.$ZodIssue, value: unknown, options: ProblemOptions): string {
  const schemas = options.schema ? schemasAt(options.schema, issue.path) : [];
  const here = describeValue(value);
  if (issue.code === 'invalid_type') {
    if (issue.path.length === 0) return wholeSentence(issue.expected, schemas, here, options);
    if (!ZOD_DEFAULT.test(issue.message)) {
      // The schema's message says what is accepted; add what was found.
      return /[.!?]$/.test(issue.message) ? `${issue.message} Here it is ${here}.` : `${issue.message}; here it is ${here}`;
    }
    const accepted = acceptedKind(issue.expected, schemas);
    return typeof issue.path.at(-1) === 'number' ? `each entry must be ${accepted}; this one is ${here}` : `must be ${accepted}; here it is ${here}`;
  }
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small':
      return limitSentence(issue.origin, Number(issue.minimum), issue.inclusive !== false, 'least');
    case 'too_big':
      return limitSentence(issue.origin, Number(issue.maximum), issue.inclusive !== false, 'most');
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}; here it is ${here}`;
    case 'invalid_format':
      return `is not written in a form this field accepts; here it is ${here}. The fields are described in ${options.fieldsDoc ?? 'docs/content-contract.md'}`;
    default:
      return `is not a value this field accepts; here it is ${here}. The fields are described in ${options.fieldsDoc ?? 'docs/content-contract.md'}`;
  }
}

/** "must list at least 1 entry", "must be 1 or more", "must be at least 3 characters long". */
function limitSentence(origin: string, limit: number, inclusive: boolean, end: 'least' | 'most'): string {
  const n = inclusive ? limit : end === 'least' ? limit + 1 : limit - 1;
  if (origin === 'array' || origin === 'set') return n === 1 && end === 'least' ? 'must list at least one entry' : `must list at ${end} ${n} entries`;
  if (origin === 'string') return n === 1 && end === 'least' ? 'must not be empty' : `must be at ${end} ${n} characters long`;
  if (origin === 'number' || origin === 'int' || origin === 'bigint') return `must be ${n} or ${end === 'least' ? 'more' : 'less'}`;
  return end === 'least' ? `must be at least ${n}` : `must be at most ${n}`;
}

/** The sentence for a file (or frontmatter) whose whole content is of the wrong kind. */
function wholeSentence(expected: string, schemas: readonly unknown[], here: string, options: ProblemOptions): string {
  const container = options.container === 'frontmatter' ? 'the frontmatter (between the two --- lines)' : 'this file';
  const holds = here === 'empty' ? 'it is empty' : `it holds ${here}`;
  if (expected === 'object') {
    const whose = options.document ? `the fields of ${options.document}` : 'fields';
    return `${container} must hold ${whose}${fieldList(fieldsOf(schemas))}, one per line, each written "name: value"; ${holds}`;
  }
  if (expected === 'array') {
    const items = schemas.flatMap((s) => (defOf(s)?.type === 'array' ? unwrap(defOf(s)!.element) : []));
    const each = fieldsOf(items);
    return `${container} must hold a list${options.document ? ` of ${options.document}` : ''}, one entry per line starting "- "${each.length > 0 ? `, each with its own fields${fieldList(each)}` : ''}; ${holds}`;
  }
  return `${container} must hold ${acceptedKind(expected, schemas)}; ${holds}`;
}

/** What a missing field must be: the schema's own words, or words for the kind zod expected. */
function describeExpected(issue: z.core.$ZodIssue, schema: z.ZodType | undefined): string {
  // zod's own "Invalid input: expected string, received undefined" reads badly; our schemas set
  // their own messages, which we keep.
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  if (issue.code === 'invalid_type') return `must be ${acceptedKind(issue.expected, schema ? schemasAt(schema, issue.path) : [])}`;
  return 'must be given';
}
