/**
 * Scanning whole documents: an MDX file's frontmatter strings and body, or chosen fields of a YAML
 * file (an action plan's public fields). Findings become located `Problem`s whose messages show
 * the match masked and say how to allow a reviewed false positive.
 */
import { formatPath, type Problem, type Severity } from '../problems.ts';
import { locate, parseYaml, scalarAt, scalarsOf, yamlData, type YamlSource } from '../yaml/source.ts';
import { mdxProse } from './mdx.ts';
import { pseudonymsFromTitle } from './pseudonym.ts';
import { lineStarts, position, scanText } from './scan.ts';
import { FINDING_LABELS, WARNING_KINDS, type AllowedText, type Finding, type ScanOptions } from './types.ts';

/** A finding located in a file. `line`/`column` are those of the original file. */
export interface LocatedFinding extends Finding {
  /** The frontmatter or YAML field it was found in; undefined for the MDX body. */
  field?: string | undefined;
}

export interface DocumentScanOptions extends ScanOptions {
  /** The file, relative to the project folder, for problems. */
  file: string;
  /** `error` for public documents (the default), `warning` for ones not yet public. */
  severity?: Severity | undefined;
  /** Where the reader should add an allow entry, for the message. */
  allowWhere?: string | undefined;
}

/** Frontmatter keys never scanned: the reviewed allow list holds the very texts it allows. */
const SKIP_KEYS = new Set(['allow']);

/** The opening `---` line and the frontmatter text, with the offset at which the YAML starts. */
function frontmatterOf(text: string): { yaml: string; start: number; bodyStart: number } | undefined {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return undefined;
  const start = m[0].indexOf(m[1]!);
  return { yaml: m[1]!, start, bodyStart: m[0].length };
}

/** Every string scalar in a YAML source with its path, skipping `SKIP_KEYS` at the top and bare web addresses. */
function stringScalars(source: YamlSource): Array<{ path: PropertyKey[]; range: [number, number, number] }> {
  return scalarsOf(source).filter(
    (s): s is typeof s & { value: string } =>
      !(s.path.length > 0 && SKIP_KEYS.has(String(s.path[0]))) &&
      typeof s.value === 'string' &&
      (!/^(?:https?:\/\/|mailto:)\S*$/.test(s.value.trim()) || s.value.startsWith('mailto:')),
  );
}

/** Reads the `allow:` list and `title` of a frontmatter without validating the rest. */
function frontmatterFacts(source: YamlSource): { allow: AllowedText[]; title?: string | undefined } {
  const data: unknown = yamlData(source);
  if (!data || typeof data !== 'object') return { allow: [] };
  const record = data as Record<string, unknown>;
  const allow = Array.isArray(record.allow)
    ? record.allow.flatMap((a: unknown) =>
        a && typeof a === 'object' && typeof (a as AllowedText).text === 'string' ? [a as AllowedText] : [],
      )
    : [];
  return { allow, title: typeof record.title === 'string' ? record.title : undefined };
}

/**
 * Finds identifying details in an MDX or Markdown file: its frontmatter strings (except `allow:`)
 * and its body's readable text. The document's own `allow:` entries apply, together with any in
 * `options.allow`; when `options.pseudonyms` is not given, the pseudonym in the title is the
 * review's own.
 */
export function scanDocumentFindings(fileText: string, options: Omit<DocumentScanOptions, 'severity' | 'allowWhere'>): LocatedFinding[] {
  const fm = frontmatterOf(fileText);
  const starts = lineStarts(fileText);
  const findings: LocatedFinding[] = [];
  let allow: AllowedText[] = [...(options.allow ?? [])];
  let pseudonyms = options.pseudonyms;
  let bodyStart = 0;
  if (fm) {
    const { source } = parseYaml(fm.yaml, options.file, 1);
    const facts = frontmatterFacts(source);
    allow = [...allow, ...facts.allow];
    pseudonyms ??= facts.title ? pseudonymsFromTitle(facts.title) : [];
    const scan = { ...options, allow, pseudonyms };
    for (const { path, range } of stringScalars(source)) {
      const [from, to] = range;
      const raw = fm.yaml.slice(from, to);
      for (const f of scanText(raw, scan)) {
        const offset = fm.start + from + f.start;
        findings.push({ ...f, start: offset, end: offset + (f.end - f.start), ...position(starts, offset), field: formatPath(path) });
      }
    }
    bodyStart = fm.bodyStart;
  }
  // The body, scanned in place: the frontmatter is blanked so offsets are the file's own.
  const view = fileText.slice(0, bodyStart).replace(/[^\r\n]/g, ' ') + mdxProse(fileText.slice(bodyStart));
  findings.push(...scanText(view, { ...options, allow, pseudonyms: pseudonyms ?? [] }));
  return findings.sort((a, b) => a.start - b.start);
}

/** The sentence for one finding. */
export function findingMessage(f: Finding, options: { pseudonyms?: readonly string[] | undefined; allowWhere?: string | undefined } = {}): string {
  const where = options.allowWhere ?? "in this document's frontmatter";
  const allowHint = `if a person has checked it does not identify anyone, add it under allow: ${where} with a reason`;
  if (f.kind === 'pseudonym') {
    const own = options.pseudonyms && options.pseudonyms.length > 0 ? `this review is ${options.pseudonyms.join(', ')}` : 'this document belongs to no review with a pseudonym';
    return `pseudonym ${f.masked} found, which is not this document's own (${own}); text pasted from another report often carries one. Remove it, or ${allowHint.replace('it does not identify anyone', 'it belongs here')}`;
  }
  if (f.kind === 'personal-name') {
    return `${FINDING_LABELS[f.kind]} ${f.masked} found: reports call people by their role or a pseudonym ("the mother", "Practitioner A"). Remove it, or ${allowHint.replace('it does not identify anyone', 'the name may be published (for example a lead reviewer)')}`;
  }
  if (f.kind === 'institution') {
    return `${FINDING_LABELS[f.kind]} ${f.masked} found: a named school, nursery, surgery or children's centre can place a family (a warning, for a person to judge); name the kind of place instead ("the primary school"), or ${allowHint.replace('it does not identify anyone', 'it does not place the family')}`;
  }
  return `${FINDING_LABELS[f.kind]} ${f.masked} found; remove it, or ${allowHint}`;
}

function toProblem(f: LocatedFinding, options: DocumentScanOptions, pseudonyms: readonly string[] | undefined): Problem {
  return {
    severity: WARNING_KINDS.has(f.kind) ? 'warning' : (options.severity ?? 'error'),
    file: options.file,
    line: f.line,
    column: f.column,
    field: f.field,
    kind: 'identifier',
    message: findingMessage(f, { pseudonyms, allowWhere: options.allowWhere }),
  };
}

/** `scanDocumentFindings` as problems for the checker. */
export function scanDocument(fileText: string, options: DocumentScanOptions): Problem[] {
  let pseudonyms = options.pseudonyms;
  if (!pseudonyms) {
    const fm = frontmatterOf(fileText);
    const title = fm ? frontmatterFacts(parseYaml(fm.yaml, options.file, 1).source).title : undefined;
    pseudonyms = title ? pseudonymsFromTitle(title) : [];
  }
  return scanDocumentFindings(fileText, { ...options, pseudonyms }).map((f) => toProblem(f, options, pseudonyms));
}

/** A plain string field of a YAML file, by path: `{ path: ['recommendations', 0, 'text'], text }`. */
export interface TextField {
  path: readonly PropertyKey[];
  text: string;
}

export interface FieldScanOptions extends DocumentScanOptions {
  /** The parsed YAML the fields came from, to locate findings. */
  source?: YamlSource | undefined;
  /** The YAML file's text; with `source`, findings are located to the exact column. */
  sourceText?: string | undefined;
}

/**
 * Finds identifying details in chosen string fields of a YAML file (for example an action plan's
 * public fields). With `source` and `sourceText` each finding is located exactly; with `source`
 * only, at the field (and the column within a single-line value).
 */
export function scanFieldFindings(fields: readonly TextField[], options: Omit<FieldScanOptions, 'severity' | 'allowWhere'>): LocatedFinding[] {
  const out: LocatedFinding[] = [];
  const starts = options.sourceText !== undefined ? lineStarts(options.sourceText) : undefined;
  for (const field of fields) {
    const name = formatPath(field.path);
    const node = options.source ? scalarAt(options.source, field.path) : undefined;
    const range = node?.range;
    if (options.source && options.sourceText !== undefined && starts && range && node && node.value === field.text) {
      const raw = options.sourceText.slice(range[0], range[1]);
      for (const f of scanText(raw, options)) {
        const offset = range[0] + f.start;
        const pos = position(starts, offset);
        out.push({ ...f, start: offset, end: offset + (f.end - f.start), line: pos.line + options.source.lineOffset, column: pos.column, field: name });
      }
      continue;
    }
    for (const f of scanText(field.text, options)) {
      let line = f.line;
      let column = f.column;
      if (options.source) {
        // At the field; on a one-line plain or quoted value, at the finding's own column.
        const at = locate(options.source, field.path);
        line = at.line;
        column = at.column;
        if (range && node && node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED' && !field.text.includes('\n')) {
          const oneLine = options.source.lines.linePos(range[0]).line === options.source.lines.linePos(Math.max(range[0], range[1] - 1)).line;
          if (oneLine) column += (node.type === 'PLAIN' ? 0 : 1) + f.start;
        }
      }
      out.push({ ...f, line, column, field: name });
    }
  }
  return out;
}

/** `scanFieldFindings` as problems for the checker. */
export function scanFields(fields: readonly TextField[], options: FieldScanOptions): Problem[] {
  const allowWhere = options.allowWhere ?? 'at the top of this file';
  return scanFieldFindings(fields, options).map((f) => toProblem(f, { ...options, allowWhere }, options.pseudonyms));
}
