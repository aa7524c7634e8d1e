/**
 * The form editor's configuration (Decap CMS `config.yml`), generated from the zod schemas as the
 * JSON Schemas are (json-schema.ts), so a field added to a schema appears in the forms and cannot
 * drift. `npm run schemas` writes it (with the JSON Schemas) to src/editor/config.yml; a test checks the committed
 * file is what this produces. docs/editor.md describes the editor.
 *
 * How a schema becomes a form (from the schema's input JSON Schema):
 * - a field the schema requires is required in the form; every other field is optional (and
 *   inside an optional group, such as `anonymisation`, every field is optional in the form: the
 *   check still says which are needed once the group is given);
 * - an enumeration is a select; a yes/no field a switch; a whole number a number field;
 * - a date (`YYYY-MM-DD`) is a date picker that writes `YYYY-MM-DD`;
 * - other text keeps its pattern; longer prose (by field name, `LONG_TEXT`) is a text area;
 * - lists of groups are nested lists (recommendations, actions, updates, dissemination);
 * - ids of themes, agencies and partnerships are pickers over those files (`RELATIONS`): a relation
 *   reads the file when the form opens, so a theme or agency added in the editor can be chosen at
 *   once, and the configuration does not depend on the content;
 * - every description (`.describe()`) is the field's hint.
 */
import { stringify } from 'yaml';
import type { z } from 'astro/zod';
import { EDITOR_FORMATS, FILE_KINDS, KIND_KEY, ROOT_LIST_KEY, type EditorFormatName } from '../utils/editor-formats.ts';
import { actionPlanSchema } from './action-plan.ts';
import { briefingSchema, nationalSchema, pageSchema, reportSchema, statementSchema } from './documents.ts';
import { inputJsonSchema } from './json-schema.ts';
import { agenciesFileSchema, settingsSchema, themesFileSchema } from './site.ts';

/** Where the configuration is written, relative to the project folder. */
export const EDITOR_CONFIG_FILE = 'src/editor/config.yml';

/**
 * Hosted editing (docs/editor.md): the site's GitHub repository and where the sign-in goes.
 * A partnership changes these to its own and runs `npm run schemas`.
 */
export const HOSTED_BACKEND = {
  name: 'github',
  repo: 'example-partnership/lscp-site',
  branch: 'main',
  // The OAuth client that signs editors in to GitHub (docs/editor.md, "Hosted editing").
  base_url: 'https://editor-auth.example.org',
  auth_endpoint: 'auth',
} as const;

type Json = Record<string, unknown>;
type Field = Record<string, unknown>;

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** Fields of prose, edited in a text area rather than a one-line box. */
const LONG_TEXT = new Set([
  'summary', 'text', 'issue', 'action', 'outcome', 'evidence', 'reason', 'note', 'notes', 'finding', 'responseReason',
  'delayReason', 'description',
]);

/** Lists of ids that pick from another file: the field name and what it picks from. */
const RELATIONS: Record<string, Field> = {
  themes: { collection: 'themes', file: 'themes', value_field: `${ROOT_LIST_KEY}.*.id`, search_fields: [`${ROOT_LIST_KEY}.*.label`, `${ROOT_LIST_KEY}.*.id`], display_fields: [`${ROOT_LIST_KEY}.*.label`] },
  owner: { collection: 'agencies', file: 'agencies', value_field: `${ROOT_LIST_KEY}.*.id`, search_fields: [`${ROOT_LIST_KEY}.*.name`, `${ROOT_LIST_KEY}.*.id`], display_fields: [`${ROOT_LIST_KEY}.*.name`] },
  audience: { collection: 'agencies', file: 'agencies', value_field: `${ROOT_LIST_KEY}.*.id`, search_fields: [`${ROOT_LIST_KEY}.*.name`, `${ROOT_LIST_KEY}.*.id`], display_fields: [`${ROOT_LIST_KEY}.*.name`] },
  partnerships: { collection: 'settings', file: 'settings', value_field: 'partnerships.*.id', search_fields: ['partnerships.*.name', 'partnerships.*.id'], display_fields: ['partnerships.*.name'] },
};

/** `sentToPanel` → "Sent to panel". */
export function fieldLabel(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The Decap field for one property of a JSON Schema. */
function toField(name: string, node: Json, required: boolean): Field {
  const base: Field = { label: fieldLabel(name), name };
  if (!required) base.required = false;
  if (typeof node.description === 'string') base.hint = node.description;
  const relation = RELATIONS[name];
  const items = node.items as Json | undefined;

  if (relation && (Array.isArray(node.anyOf) || items?.type === 'string')) {
    const min = typeof node.minItems === 'number' ? node.minItems : name === 'owner' ? 1 : undefined;
    return { ...base, widget: 'relation', ...relation, multiple: true, ...(min ? { min } : {}), options_length: 100 };
  }
  if (Array.isArray(node.enum)) return { ...base, widget: 'select', options: node.enum };
  if (node.type === 'boolean') return { ...base, widget: 'boolean', required: false, default: false };
  if (node.type === 'integer' || node.type === 'number') {
    return {
      ...base,
      widget: 'number',
      value_type: node.type === 'integer' ? 'int' : 'float',
      ...(typeof node.minimum === 'number' ? { min: node.minimum } : {}),
      ...(node.default !== undefined ? { default: node.default } : {}),
    };
  }
  if (node.type === 'array' && items) {
    const min = typeof node.minItems === 'number' ? { min: node.minItems } : {};
    if (items.type === 'object') {
      const fields = objectFields(items, true);
      const first = fields.find((f) => f.widget === 'string' || f.widget === 'text' || f.widget === 'datetime');
      return {
        ...base,
        widget: 'list',
        label_singular: fieldLabel(name).replace(/ies$/, 'y').replace(/s$/, ''),
        collapsed: true,
        ...(first ? { summary: `{{fields.${String(first.name)}}}` } : {}),
        ...min,
        fields,
      };
    }
    return { ...base, widget: 'list', ...min, field: toField('item', items, true) };
  }
  if (node.type === 'object') return { ...base, widget: 'object', collapsed: !required, fields: objectFields(node, required) };
  if (node.pattern === DATE_PATTERN) {
    return { ...base, widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: true, default: '' };
  }
  const widget = LONG_TEXT.has(name) ? 'text' : 'string';
  if (typeof node.pattern === 'string') {
    return { ...base, widget, pattern: [node.pattern, 'This is not in a form accepted here: see the hint below the field.'] };
  }
  return { ...base, widget };
}

/** The fields of an object; inside an optional group nothing is required in the form. */
function objectFields(node: Json, groupRequired: boolean): Field[] {
  const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
  return Object.entries((node.properties ?? {}) as Record<string, Json>).map(([name, prop]) => toField(name, prop, groupRequired && required.has(name)));
}

/**
 * The form fields of a schema, in the schema's order with the fields in `first` moved to the top
 * and those in `last` to the bottom: the order the sample files are written in, which is the order
 * the editor writes the keys in (so that saving a file changes no more lines than it must).
 */
function schemaFields(schema: z.ZodType, first: readonly string[] = [], last: readonly string[] = []): Field[] {
  const fields = objectFields(inputJsonSchema(schema), true);
  const rank = (f: Field) => {
    const name = String(f.name);
    if (first.includes(name)) return first.indexOf(name) - first.length;
    return last.includes(name) ? 1 + last.indexOf(name) : 0;
  };
  return [...fields].sort((a, b) => rank(a) - rank(b));
}

const BODY: Field = {
  label: 'Text',
  name: 'body',
  widget: 'markdown',
  required: false,
  modes: ['raw', 'rich_text'],
  hint: 'The document in Markdown: ## for a heading, a blank line between paragraphs, - for a list item. No HTML or code.',
};

function format(name: EditorFormatName): { format: EditorFormatName; extension: string } {
  return { format: name, extension: EDITOR_FORMATS[name].extension };
}

/** A folder collection of one kind of file in each review's folder (`reviews/<slug>/<file>`). */
function reviewFiles(name: string, label: string, singular: string, file: string, kind: string, fields: Field[], extra: Field): Field {
  return {
    name,
    label,
    label_singular: singular,
    folder: 'reviews',
    path: `{{slug}}/${file}`,
    // Only the files of this kind (src/utils/editor-formats.ts: a folder is listed by extension).
    filter: { field: KIND_KEY, value: kind },
    ...extra,
    editor: { preview: false },
    fields,
  };
}

/** The whole configuration, as an object. */
export function editorConfig(): Field {
  const docOrder = ['title', 'type', 'document', 'publication', 'published', 'draft'];
  const docLast = ['anonymisation', 'pdfs', 'allow'];
  const mdx = { ...format('lscp-mdx'), media_folder: '', public_folder: '' };
  return {
    backend: HOSTED_BACKEND,
    // Each change is a pull request that a second person reviews and merges (docs/editor.md).
    publish_mode: 'editorial_workflow',
    // `npm run editor`: the local proxy (decap-server) on this computer; its address is set when the page is served.
    local_backend: true,
    media_folder: 'reviews',
    public_folder: '/reviews',
    show_preview_links: false,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      reviewFiles('reports', 'Review reports', 'Review report', 'report', FILE_KINDS.report, [...schemaFields(reportSchema, docOrder, docLast), BODY], {
        ...mdx,
        create: true,
        identifier_field: 'title',
        // A draft says so first: "published" is the report's intended state, not that it is live.
        summary: "{{title}} ({{draft | ternary('draft, ', '')}}{{publication}}, {{published}})",
        description: 'A review and its report: reviews/<folder>/report.mdx. A new report starts a new review folder named after its title.',
      }),
      // Decap cannot tell a statement.mdx from a briefing.mdx in the same folder (they have the same
      // fields, bar about:), so they share one collection with the statement's fields.
      reviewFiles('review-documents', "Reviews' statements and 7-minute briefings", 'Statement or briefing', 'statement', FILE_KINDS.document, [...schemaFields(statementSchema, docOrder, docLast), BODY], {
        ...mdx,
        create: false,
        identifier_field: 'title',
        description:
          "A review's partnership statement (reviews/<folder>/statement.mdx) or 7-minute briefing (briefing.mdx), by title. " +
          'About is only for a statement. Start new ones with npm run new -- review.',
      }),
      reviewFiles('action-plans', 'Action plans', 'Action plan', 'action-plan', FILE_KINDS.plan, schemaFields(actionPlanSchema), {
        ...format('lscp-plan'),
        create: true,
        identifier_field: 'review',
        summary: '{{review}}',
        description: "A review's multi-agency action plan: reviews/<folder>/action-plan.yaml (docs/action-plans.md). Review is the folder's name.",
      }),
      {
        name: 'national',
        label: 'National and thematic reports',
        label_singular: 'National or thematic report',
        folder: 'content/national',
        ...format('lscp-national'),
        create: true,
        identifier_field: 'title',
        editor: { preview: false },
        fields: schemaFields(nationalSchema),
      },
      {
        name: 'briefings',
        label: 'Standalone 7-minute briefings',
        label_singular: 'Standalone 7-minute briefing',
        folder: 'content/briefings',
        ...mdx,
        create: true,
        identifier_field: 'title',
        editor: { preview: false },
        fields: [...schemaFields(briefingSchema, docOrder, docLast), BODY],
      },
      {
        name: 'pages',
        label: 'Pages',
        label_singular: 'Page',
        folder: 'content/pages',
        ...mdx,
        create: true,
        identifier_field: 'title',
        editor: { preview: false },
        fields: [...schemaFields(pageSchema), BODY],
      },
      siteFile('themes', 'Themes', 'content/themes.yaml', 'lscp-themes', themesFileSchema),
      siteFile('agencies', 'Agencies', 'content/agencies.yaml', 'lscp-agencies', agenciesFileSchema),
      siteFile('settings', 'Settings', 'content/settings.yaml', 'lscp-settings', settingsSchema),
    ],
  };
}

/** A collection of one site-wide file. A file that is a list is edited as one list field. */
function siteFile(name: string, label: string, file: string, fmt: EditorFormatName, schema: z.ZodType): Field {
  const json = inputJsonSchema(schema);
  const fields =
    json.type === 'array'
      ? [{ ...toField(ROOT_LIST_KEY, json, true), label, collapsed: true }]
      : objectFields(json, true);
  return { name, label, ...format(fmt), editor: { preview: false }, files: [{ name, label, file, fields }] };
}

/** The text of src/editor/config.yml. */
export function generateEditorConfig(): string {
  return (
    '# The form editor\'s configuration (Decap CMS): generated by npm run schemas from src/schemas/. Do not edit by hand.\n' +
    '# See docs/editor.md.\n' +
    stringify(editorConfig(), { lineWidth: 0, aliasDuplicateObjects: false })
  );
}
