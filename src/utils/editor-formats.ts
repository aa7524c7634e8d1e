/**
 * How the form editor (Decap CMS, `npm run editor`, docs/editor.md) reads and writes the content
 * files: one parser and one writer per kind of file, registered in the browser with
 * `CMS.registerCustomFormat()` (src/scripts/editor-admin.ts) and named in the generated
 * configuration (src/schemas/editor-config.ts).
 *
 * Why our own formats rather than Decap's `yaml` and `frontmatter`: what the editor writes must
 * pass `npm run check`, and the files should read as an editor would have written them by hand.
 * - Empty fields are left out (Decap writes `""`, `null`, `[]` or `false` for a field that was
 *   opened and cleared; the schemas reject empty text, and every yes/no field defaults to false).
 * - Dates stay `YYYY-MM-DD` strings (YAML 1.2 core schema: no timestamps).
 * - Short lists of ids or names are written in flow style (`themes: [neglect, male-carers]`), as in
 *   the sample content; keys follow the order of the form's fields.
 * - `themes.yaml` and `agencies.yaml` are lists at the top level, which Decap cannot edit: they are
 *   read as `{ items: [...] }` and written back as the list.
 * - An action's `owner` may be one id or a list; the form's agency picker always works on a list, so
 *   it is read as a list and a list of one is written back as the id.
 * - A review's folder holds several kinds of file with the same extension (report.mdx, statement.mdx
 *   and briefing.mdx; action-plan.yaml and the partners' case.yaml), and Decap lists a folder by
 *   extension only. Each file read is tagged with its kind (`_kind`, from what its fields say:
 *   a report has `publication`, a plan `recommendations`), each collection shows one kind
 *   (`filter:` in the configuration), and the tag is never written to a file.
 * - The comment lines at the top of a YAML file (the `yaml-language-server` schema line editors'
 *   tools read, and any note under it) are kept (`_comments`, like `_kind` never a field); a new
 *   file starts with the schema line. Comments further down a YAML file are not kept (docs/editor.md).
 */
import { Document, isMap, isScalar, isSeq, parse, visit } from 'yaml';
import { splitFrontmatter } from './yaml/frontmatter.ts';

type Data = Record<string, unknown>;

export interface EditorFormat {
  /** The file extension Decap looks for. */
  extension: 'mdx' | 'yaml';
  /** MDX with YAML frontmatter (`body` holds the Markdown), or a YAML file. */
  kind: 'frontmatter' | 'yaml';
  /** The comment written as the first line of a YAML file. */
  header?: string;
  /** The file is a list at the top level, edited as `{ items: [...] }`. */
  rootList?: boolean;
  /**
   * The file always exists (settings, themes, agencies): it is written only from data read from it.
   * When Decap cannot read a file it opens an empty form instead (it catches our error); saving
   * that would wipe the file, so `toFile()` refuses.
   */
  existing?: boolean;
}

const schemaLine = (relative: string) => `# yaml-language-server: $schema=${relative}`;

/** Every format the editor uses, by the name the configuration gives it (`format:`). */
export const EDITOR_FORMATS = {
  'lscp-mdx': { extension: 'mdx', kind: 'frontmatter' },
  'lscp-plan': { extension: 'yaml', kind: 'yaml', header: schemaLine('../../content/schemas/action-plan.schema.json') },
  'lscp-national': { extension: 'yaml', kind: 'yaml', header: schemaLine('../schemas/national.schema.json') },
  'lscp-settings': { extension: 'yaml', kind: 'yaml', existing: true, header: schemaLine('./schemas/settings.schema.json') },
  'lscp-themes': { extension: 'yaml', kind: 'yaml', rootList: true, existing: true, header: schemaLine('./schemas/themes.schema.json') },
  'lscp-agencies': { extension: 'yaml', kind: 'yaml', rootList: true, existing: true, header: schemaLine('./schemas/agencies.schema.json') },
} as const satisfies Record<string, EditorFormat>;
export type EditorFormatName = keyof typeof EDITOR_FORMATS;

/** The key that tags each file read with its kind, for the collections' filters; never written. */
export const KIND_KEY = '_kind';
/** The key that keeps the comment lines at the top of a YAML file while it is edited; never a field. */
export const COMMENTS_KEY = '_comments';
/** The kinds a file is tagged with. */
export const FILE_KINDS = { report: 'report', document: 'document', plan: 'plan', other: 'other' } as const;

/** The key a top-level list is edited under. */
export const ROOT_LIST_KEY = 'items';

/**
 * A file the form cannot show as it is, or a save that would wipe one. Decap catches a read error
 * (it logs it and opens an empty form); a review's file it could not read is then in no collection
 * (each shows only files tagged with their kind), and a site file's empty form cannot be saved
 * (`existing` formats): nothing is written over a file the editor could not read.
 */
export class EditorFormatError extends Error {
  override name = 'EditorFormatError';
}

/** Parses a file's text into the data the form edits. Throws `EditorFormatError` for a file it cannot show. */
export function fromFile(format: EditorFormat, text: string): Data {
  if (format.kind === 'frontmatter') {
    const split = splitFrontmatter(text);
    if (!split) return { body: text };
    const data = mapping(parseYaml(split.frontmatter), 'the frontmatter (between the --- lines)');
    const kind = 'publication' in data ? FILE_KINDS.report : FILE_KINDS.document;
    // One blank line separates the frontmatter from the body; toFile() writes it back.
    return { ...data, body: split.body.replace(/^\r?\n/, ''), [KIND_KEY]: kind };
  }
  const value = parseYaml(text);
  const comments = /^(?:#[^\n]*\n)+/.exec(text.replace(/\r\n/g, '\n'))?.[0];
  const kept = comments ? { [COMMENTS_KEY]: comments } : {};
  if (format.rootList) {
    if (value !== null && value !== undefined && !Array.isArray(value)) {
      throw new EditorFormatError('This file must be a list (each item starting "- id:"); it is not, so the form cannot show it. Run npm run check to see where, fix it in a text editor, then open it here again.');
    }
    return { [ROOT_LIST_KEY]: value ?? [], [KIND_KEY]: FILE_KINDS.other, ...kept };
  }
  const data = mapping(value, 'the file');
  return { ...(ownersAsLists(data) as Data), [KIND_KEY]: 'recommendations' in data ? FILE_KINDS.plan : FILE_KINDS.other, ...kept };
}

/** Writes the form's data as the file's text. `sortedKeys` is the order of the form's fields. Throws `EditorFormatError` rather than wipe a file it could not read. */
export function toFile(format: EditorFormat, data: Data, sortedKeys: readonly string[] = []): string {
  const { [KIND_KEY]: kind, [COMMENTS_KEY]: comments, ...rest } = data;
  if (format.existing && kind === undefined) {
    throw new EditorFormatError('Not saved: the editor could not read this file, so saving its empty form would wipe it. Run npm run check to see what is wrong, fix it in a text editor, then open it here again.');
  }
  data = rest;
  if (format.kind === 'frontmatter') {
    const { body, ...fields } = data;
    const text = typeof body === 'string' ? body.replace(/^\s*\n/, '').replace(/\s*$/, '\n') : '';
    return `---\n${yamlText(ordered(fields, sortedKeys))}---\n\n${text}`;
  }
  const value = format.rootList ? (pruned(data[ROOT_LIST_KEY]) ?? []) : ordered(data, sortedKeys);
  const top = typeof comments === 'string' && /^(#[^\n]*\n)+$/.test(comments) ? comments : format.header ? `${format.header}\n` : '';
  return `${top}${yamlText(value)}`;
}

/** The YAML text parsed, or `EditorFormatError` saying where it could not be read. */
function parseYaml(text: string): unknown {
  try {
    return parse(text);
  } catch (e) {
    throw new EditorFormatError(`The form cannot show this file: ${e instanceof Error ? e.message : String(e)}. Run npm run check to see what is wrong, fix it in a text editor, then open it here again.`);
  }
}

/** Fields (a YAML mapping), or `EditorFormatError`; an empty text is no fields yet. */
function mapping(value: unknown, what: string): Data {
  if (value === null || value === undefined) return {};
  if (typeof value === 'object' && !Array.isArray(value)) return value as Data;
  throw new EditorFormatError(`The form cannot show this file: ${what} must hold fields, one per line as "name: value"; it holds ${Array.isArray(value) ? 'a list' : 'a single piece of text'}. Run npm run check to see where, fix it in a text editor, then open it here again.`);
}

function asRecord(value: unknown): Data {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : {};
}

/** Every `owner: id` as `owner: [id]`, for the agency picker. */
function ownersAsLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ownersAsLists);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === 'owner' && typeof v === 'string' ? [v] : ownersAsLists(v)]),
  );
}

/** The data without empty values (empty text, null, false, empty lists and objects), lists of one owner as the id. */
export function pruned(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(pruned).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => {
        const p = pruned(v);
        return [k, k === 'owner' && Array.isArray(p) && p.length === 1 ? p[0] : p] as const;
      })
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  if (value === null || value === undefined || value === false) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

/** The data pruned, its top-level keys in the form's order (keys the form does not know last, as they were). */
function ordered(data: Data, sortedKeys: readonly string[]): Data {
  const clean = asRecord(pruned(data));
  const rank = (k: string) => {
    const i = sortedKeys.indexOf(k);
    return i < 0 ? sortedKeys.length : i;
  };
  return Object.fromEntries(Object.entries(clean).sort(([a], [b]) => rank(a) - rank(b)));
}

/** YAML text in the sample content's style: block mappings, short lists of plain words (ids, names) in flow style. */
function yamlText(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Seq(_, seq) {
      const words = seq.items.map((item) => (isScalar(item) && typeof item.value === 'string' ? item.value : undefined));
      const short = words.every((w) => w !== undefined && /^[A-Za-z0-9][A-Za-z0-9 .'-]*$/.test(w)) && words.join(', ').length <= 120;
      if (short) seq.flow = true;
    },
  });
  if (isMap(doc.contents) && doc.contents.items.length === 0) return '';
  if (isSeq(doc.contents) && doc.contents.items.length === 0) return '[]\n';
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
