/**
 * The form editor (docs/editor.md): its generated configuration, the file formats it reads and
 * writes with, and the page's headers. The browser test (tests/browser/editor.browser.test.ts)
 * drives the forms themselves.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../src/check/index.ts';
import { buildHostedEditor, editorHeaders, isLocalRequest, servedEditorConfig } from '../src/integrations/editor.ts';
import { actionPlanSchema, ACTION_STATUSES } from '../src/schemas/action-plan.ts';
import { REVIEW_TYPES, reportSchema } from '../src/schemas/documents.ts';
import { EDITOR_CONFIG_FILE, editorConfig, generateEditorConfig } from '../src/schemas/editor-config.ts';
import { generateJsonSchemas, inputJsonSchema } from '../src/schemas/json-schema.ts';
import { EDITOR_FORMATS, EditorFormatError, fromFile, pruned, toFile, type EditorFormat } from '../src/utils/editor-formats.ts';

type Field = Record<string, unknown> & { name: string; fields?: Field[] };
type Collection = { name: string; fields?: Field[]; files?: { fields: Field[] }[]; format: string; folder?: string; filter?: unknown };

const config = editorConfig() as { collections: Collection[] };
const collection = (name: string) => {
  const c = config.collections.find((x) => x.name === name);
  if (!c) throw new Error(`no collection ${name}`);
  return c;
};
const field = (fields: Field[] | undefined, name: string) => {
  const f = fields?.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
};

describe('the editor configuration', () => {
  it('the committed src/editor/config.yml is what npm run schemas generates now', () => {
    expect(readFileSync(EDITOR_CONFIG_FILE, 'utf8'), `${EDITOR_CONFIG_FILE} is out of date: run npm run schemas`).toBe(generateEditorConfig());
  });

  it('has a collection for every kind of file editors write', () => {
    expect(config.collections.map((c) => c.name)).toEqual([
      'reports', 'review-documents', 'action-plans', 'national', 'briefings', 'pages', 'themes', 'agencies', 'settings',
    ]);
    for (const c of config.collections) expect(Object.keys(EDITOR_FORMATS), c.name).toContain(c.format);
  });

  it('has every field of the schema, required as the schema requires it, with its description as the hint', () => {
    const json = inputJsonSchema(reportSchema) as { properties: Record<string, { description?: string }>; required: string[] };
    const fields = collection('reports').fields!.filter((f) => f.name !== 'body');
    expect(fields.map((f) => f.name).sort()).toEqual(Object.keys(json.properties).sort());
    for (const f of fields) {
      expect(f.required !== false, `${f.name} required`).toBe(json.required.includes(f.name));
      expect(f.hint, f.name).toBe(json.properties[f.name]!.description);
    }
  });

  it('makes enumerations selects, dates date pickers writing YYYY-MM-DD, and owners a pick of agencies', () => {
    const report = collection('reports').fields;
    expect(field(report, 'type')).toMatchObject({ widget: 'select', options: [...REVIEW_TYPES] });
    expect(field(report, 'published')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false, default: '' });
    expect(field(report, 'themes')).toMatchObject({ widget: 'relation', collection: 'themes', multiple: true, min: 1 });
    const recommendations = field(collection('action-plans').fields, 'recommendations');
    expect(recommendations).toMatchObject({ widget: 'list', min: 1 });
    const actions = field(recommendations.fields, 'actions');
    expect(field(actions.fields, 'status')).toMatchObject({ widget: 'select', options: [...ACTION_STATUSES] });
    expect(field(actions.fields, 'owner')).toMatchObject({ widget: 'relation', collection: 'agencies', value_field: 'items.*.id', multiple: true });
    expect(field(field(actions.fields, 'updates').fields, 'date')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD' });
    expect(field(field(collection('action-plans').fields, 'dissemination').fields, 'audience')).toMatchObject({ widget: 'relation', collection: 'agencies' });
    // A field added to a schema appears in the form: every action field is there.
    const actionJson = inputJsonSchema(actionPlanSchema) as { properties: { recommendations: { items: { properties: { actions: { items: { properties: object } } } } } } };
    expect(actions.fields!.map((f) => f.name).sort()).toEqual(Object.keys(actionJson.properties.recommendations.items.properties.actions.items.properties).sort());
  });

  it('inside an optional group nothing is required in the form (the check says what the group needs)', () => {
    const signOff = field(collection('reports').fields, 'anonymisation');
    expect(signOff.required).toBe(false);
    expect(signOff.fields!.every((f) => f.required === false)).toBe(true);
  });

  it('hosted: the GitHub backend with the editorial workflow; locally: the proxy on the same address', () => {
    const text = generateEditorConfig();
    expect(parse(text)).toMatchObject({ backend: { name: 'github' }, publish_mode: 'editorial_workflow', local_backend: true });
    const served = parse(servedEditorConfig(text, 'http://127.0.0.1:4321/admin/api/v1/')) as { local_backend: unknown };
    expect(served.local_backend).toEqual({ url: 'http://127.0.0.1:4321/admin/api/v1/', allowed_hosts: ['localhost', '127.0.0.1'] });
  });
});

describe('the editor page', () => {
  it("its Content-Security-Policy allows no other host", () => {
    const csp = editorHeaders()['Content-Security-Policy']!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
  });

  it('hosted: npm run editor:build writes the editor to a folder of its own, without the local proxy', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'lscp-dist-admin-'));
    try {
      const files = await buildHostedEditor(process.cwd(), out);
      expect(files).toEqual(expect.arrayContaining(['index.html', 'manual-init.js', 'editor-admin.js', 'config.yml', '_headers', 'decap/decap-cms.js']));
      const hosted = parse(readFileSync(path.join(out, 'config.yml'), 'utf8')) as Record<string, unknown>;
      expect(hosted.local_backend).toBeUndefined();
      expect(hosted).toMatchObject({ backend: { name: 'github' }, publish_mode: 'editorial_workflow' });
      // The formats script is self-contained: no import left for the browser to resolve.
      expect(readFileSync(path.join(out, 'editor-admin.js'), 'utf8')).not.toMatch(/^\s*import\s/m);
      expect(readFileSync(path.join(out, '_headers'), 'utf8')).toMatch(/connect-src 'self' https:\/\/api\.github\.com https:\/\/[^ ;]+;/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it.each([
    ['the editor page on 127.0.0.1', { host: '127.0.0.1:4321', origin: 'http://127.0.0.1:4321' }, true],
    ['the editor page on localhost', { host: 'localhost:4321', origin: 'http://localhost:4321' }, true],
    ['a request with no origin (the page itself, a script tag)', { host: '127.0.0.1:4321' }, true],
    ['IPv6 loopback', { host: '[::1]:4321', origin: 'http://[::1]:4321' }, true],
    ['another web page open in the same browser', { host: '127.0.0.1:4321', origin: 'https://evil.example.org' }, false],
    ['another local port', { host: '127.0.0.1:4321', origin: 'http://127.0.0.1:8080' }, false],
    ['a web address made to point at this computer (DNS rebinding)', { host: 'evil.example.org:4321', origin: 'http://evil.example.org:4321' }, false],
    ['no host', {}, false],
  ])('answers or refuses a request: %s', (_name, headers, allowed) => {
    expect(isLocalRequest(headers as { host?: string; origin?: string })).toBe(allowed);
  });

  it('is never part of a build: astro.config.mjs does not add the editor', () => {
    const astroConfig = readFileSync('astro.config.mjs', 'utf8');
    expect(astroConfig).not.toMatch(/integrations\/editor|src\/editor|decap/);
  });
});

describe('the editor file formats', () => {
  const plan = EDITOR_FORMATS['lscp-plan'];
  const mdx = EDITOR_FORMATS['lscp-mdx'];

  it('leave out what a form writes for an empty field', () => {
    expect(pruned({ a: '', b: '  ', c: null, d: false, e: [], f: {}, g: { h: '' }, i: 'kept', j: true, k: 0 })).toEqual({ i: 'kept', j: true, k: 0 });
  });

  it('every yes/no field defaults to false, so leaving out false changes nothing', () => {
    const booleans: unknown[] = [];
    const walk = (n: unknown): void => {
      if (n === null || typeof n !== 'object') return;
      const node = n as Record<string, unknown>;
      if (node.type === 'boolean') booleans.push(node.default);
      for (const v of Object.values(node)) walk(v);
    };
    for (const text of Object.values(generateJsonSchemas())) walk(JSON.parse(text));
    expect(booleans.length).toBeGreaterThan(0);
    expect(booleans.every((d) => d === false)).toBe(true);
  });

  it('read one owner as a list for the picker and write a list of one back as the id', () => {
    const text = 'review: x\nrecommendations:\n  - id: R1\n    actions:\n      - id: R1.1\n        owner: icb\n      - id: R1.2\n        owner: [icb, police]\n';
    const data = fromFile(plan, text);
    expect(data).toMatchObject({ recommendations: [{ actions: [{ owner: ['icb'] }, { owner: ['icb', 'police'] }] }] });
    expect(parse(toFile(plan, data))).toEqual(parse(text));
  });

  it('write dates as YYYY-MM-DD, keys in the form\'s order, the schema line first, and never the kind tag', () => {
    const text = toFile(plan, { _kind: 'plan', agreed: '2026-05-20', review: 'child-x', draft: false, recommendations: [] }, ['review', 'draft', 'agreed']);
    expect(text).toBe(`${plan.header}\nreview: child-x\nagreed: 2026-05-20\n`);
  });

  it('write a document as frontmatter, a blank line and its body', () => {
    const text = toFile(mdx, { title: 'Child X', themes: ['neglect'], summary: '', body: 'A paragraph.' }, ['title', 'themes']);
    expect(text).toBe('---\ntitle: Child X\nthemes: [neglect]\n---\n\nA paragraph.\n');
    expect(fromFile(mdx, text)).toEqual({ title: 'Child X', themes: ['neglect'], body: 'A paragraph.\n', _kind: 'document' });
  });

  it.each([
    ['a plan that is a list', 'lscp-plan', '- review: x\n', /must hold fields.*holds a list/],
    ['a plan that is one line of text', 'lscp-plan', 'just some words\n', /holds a single piece of text/],
    ['a plan with broken YAML', 'lscp-plan', 'review: [x\n', /cannot show this file/],
    ['themes that are not a list', 'lscp-themes', 'neglect: Neglect\n', /must be a list/],
    ['frontmatter that is text', 'lscp-mdx', '---\njust words\n---\n\nBody\n', /the frontmatter .* must hold fields/],
  ] as const)('refuse %s rather than show an empty form that would wipe it when saved', (_name, format, text, message) => {
    expect(() => fromFile(EDITOR_FORMATS[format], text)).toThrow(EditorFormatError);
    expect(() => fromFile(EDITOR_FORMATS[format], text)).toThrow(message);
  });

  it('read an empty file as a new one (no fields yet, an empty list)', () => {
    expect(fromFile(EDITOR_FORMATS['lscp-themes'], '')).toEqual({ items: [], _kind: 'other' });
    expect(fromFile(plan, '')).toEqual({ _kind: 'other' });
  });

  it.each(['lscp-themes', 'lscp-agencies', 'lscp-settings'] as const)('%s: never write the empty form Decap opens for a file it could not read', (name) => {
    const format = EDITOR_FORMATS[name];
    // What Decap hands toFile() after our fromFile() threw: an entry with no data of its own.
    expect(() => toFile(format, {})).toThrow(/Not saved: the editor could not read this file/);
    // A file that was read is written, its tag left out.
    const read = fromFile(format, name === 'lscp-settings' ? 'siteName: X\n' : '- id: x\n  label: X\n');
    expect(toFile(format, read)).not.toContain('_kind');
  });

  describe('every sample file, read and written back by the editor', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'lscp-editor-formats-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    for (const dir of ['content', 'reviews']) cpSync(dir, path.join(root, dir), { recursive: true });
    const files = readdirSync(root, { recursive: true })
      .map(String)
      .filter((f) => /\.(mdx|yaml)$/.test(f) && !f.endsWith('case.yaml'));
    const formatOf = (f: string): EditorFormat =>
      f.endsWith('.mdx') ? mdx
      : f.startsWith('reviews/') ? plan
      : f.startsWith('content/national/') ? EDITOR_FORMATS['lscp-national']
      : f === 'content/themes.yaml' ? EDITOR_FORMATS['lscp-themes']
      : f === 'content/agencies.yaml' ? EDITOR_FORMATS['lscp-agencies']
      : EDITOR_FORMATS['lscp-settings'];

    /** The form's field order for a file (what Decap hands the formats as sortedKeys). */
    const keysOf = (f: string): string[] => {
      const name = f.endsWith('/report.mdx') ? 'reports'
        : f.startsWith('reviews/') && f.endsWith('.mdx') ? 'review-documents'
        : f.startsWith('reviews/') ? 'action-plans'
        : f.startsWith('content/national/') ? 'national'
        : f.startsWith('content/briefings/') ? 'briefings'
        : f.startsWith('content/pages/') ? 'pages'
        : undefined;
      return name ? (collection(name).fields ?? []).map((x) => x.name) : [];
    };

    it('keeps what every file says, and rewrites a file in the house style unchanged, byte for byte', () => {
      expect(files.length).toBeGreaterThan(30);
      let identical = 0;
      for (const f of files) {
        const text = readFileSync(path.join(root, f), 'utf8');
        const written = toFile(formatOf(f), fromFile(formatOf(f), text), keysOf(f));
        // Folded or literal blocks (>- and |) are the one thing written differently: as one line.
        if (!/:\s*[>|][-+]?\s*$/m.test(text)) {
          expect(written, f).toBe(text);
          identical++;
        }
        if (f.endsWith('.mdx')) {
          expect(fromFile(mdx, written), f).toEqual(fromFile(mdx, text));
        } else {
          expect(parse(written), f).toEqual(parse(text));
          const comments = (t: string) => /^(#[^\n]*\n)*/.exec(t)![0];
          expect(comments(written), `${f}: the comment lines at the top`).toBe(comments(text));
        }
        writeFileSync(path.join(root, f), written);
      }
      expect(identical).toBeGreaterThan(files.length / 2);
    });

    it('and the check still passes on the rewritten content', () => {
      const result = runCheck({ root, today: '2026-11-30' });
      expect(result.errors).toEqual([]);
    });
  });
});
