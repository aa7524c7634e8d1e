import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../src/check/index.ts';
import { slugify } from '../src/check/new-review.ts';
import { generateJsonSchemas, SCHEMA_DIR } from '../src/schemas/json-schema.ts';
import { makeProject } from './support/check-fixtures.ts';

const node = path.resolve('node_modules/.bin/node');
let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});

describe('JSON Schemas', () => {
  it('the committed files in content/schemas are what npm run schemas generates now', () => {
    const generated = generateJsonSchemas();
    expect(Object.keys(generated).sort()).toEqual([
      'action-plan.schema.json',
      'agencies.schema.json',
      'briefing.schema.json',
      'case.schema.json',
      'national.schema.json',
      'page.schema.json',
      'report.schema.json',
      'settings.schema.json',
      'statement.schema.json',
      'themes.schema.json',
    ]);
    // No file left behind that npm run schemas no longer writes.
    expect(readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json')).sort()).toEqual(Object.keys(generated).sort());
    for (const [file, text] of Object.entries(generated)) {
      expect(readFileSync(path.join(SCHEMA_DIR, file), 'utf8'), `${file} is out of date: run npm run schemas`).toBe(text);
    }
  });

  it('every field of every schema has a description for editors', () => {
    /** The field paths under a JSON Schema node that have no description. */
    const undescribed = (node: unknown, at: string): string[] => {
      if (node === null || typeof node !== 'object') return [];
      const n = node as Record<string, unknown>;
      const out: string[] = [];
      for (const [key, field] of Object.entries((n.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        const p = at ? `${at}.${key}` : key;
        if (typeof field.description !== 'string' || field.description.trim() === '') out.push(p);
        out.push(...undescribed(field, p));
      }
      if (n.items) out.push(...undescribed(n.items, `${at}[]`));
      for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
        if (Array.isArray(n[k])) for (const sub of n[k]) out.push(...undescribed(sub, at));
      }
      return out;
    };
    for (const [file, text] of Object.entries(generateJsonSchemas())) {
      const schema = JSON.parse(text) as unknown;
      const fields = JSON.stringify(schema).match(/"properties"/g)?.length ?? 0;
      expect(fields, `${file} has fields`).toBeGreaterThan(0);
      expect(undescribed(schema, ''), `${file}: fields without a description (add .describe() in src/schemas/)`).toEqual([]);
    }
  });

  it('the report schema describes its fields in plain words and keeps what it accepts', () => {
    const schema = JSON.parse(generateJsonSchemas()['report.schema.json']!);
    expect(schema.properties.published.description).toMatch(/YYYY-MM-DD/);
    expect(schema.properties.published.pattern).toBe('^\\d{4}-\\d{2}-\\d{2}$');
    expect(schema.properties.publication.enum).toEqual(['published', 'withheld', 'delayed']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['title', 'published', 'type', 'publication', 'partnerships', 'summary', 'themes']);
  });

  it('the action-plan schema rejects unknown keys and lists the statuses', () => {
    const schema = JSON.parse(generateJsonSchemas()['action-plan.schema.json']!);
    const action = schema.properties.recommendations.items.properties.actions.items;
    expect(action.additionalProperties).toBe(false);
    expect(action.properties.status.enum).toEqual(['not-started', 'in-progress', 'complete', 'assured', 'withdrawn']);
    expect(action.required).toEqual(['id', 'issue', 'action', 'owner', 'outcome', 'timescale', 'status']);
  });

  it('the case schema rejects unknown keys, lists the decisions and requires only the name and the day of awareness', () => {
    const schema = JSON.parse(generateJsonSchemas()['case.schema.json']!);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['title', 'aware']);
    expect(schema.properties.decision.properties.outcome.enum).toEqual(['lcspr', 'national-review', 'no-review']);
    expect(schema.properties.lcspr.properties.delay.required).toEqual(['notified', 'reason', 'revisedDate']);
  });

  it('every case file in the project points at the case schema', () => {
    const files = readdirSync('reviews', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(path.join('reviews', d.name)).filter((f) => f === 'case.yaml').map((f) => path.join('reviews', d.name, f)));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) expect(readFileSync(f, 'utf8').split('\n')[0], f).toBe('# yaml-language-server: $schema=../../content/schemas/case.schema.json');
  });

  it('every action-plan file in the project points at the schema', () => {
    const reviews = readdirSync('reviews', { withFileTypes: true }).filter((d) => d.isDirectory());
    for (const d of reviews) {
      let text: string;
      try {
        text = readFileSync(path.join('reviews', d.name, 'action-plan.yaml'), 'utf8');
      } catch {
        continue;
      }
      expect(text.split('\n')[0], d.name).toBe('# yaml-language-server: $schema=../../content/schemas/action-plan.schema.json');
    }
  });
});

describe('npm run new -- review', () => {
  it.each([
    ['Child D', 'child-d'],
    ['Baby Wren', 'baby-wren'],
    ['  Child  FA ', 'child-fa'],
    ['Baby Ósk', 'baby-osk'],
    ["Child 'L' & M", 'child-l-m'],
  ])('%j becomes the folder %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('creates draft templates that pass the check, and refuses to overwrite', () => {
    const p = makeProject();
    cleanup.push(p.remove);
    const run = () =>
      spawnSync(node, [path.resolve('scripts/new.ts'), 'review', 'Child D'], {
        cwd: p.root,
        env: { ...process.env, CONTENT_ROOT: p.root, BUILD_NOW: '2026-03-14' },
        encoding: 'utf8',
      });
    const first = run();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const dir = path.join(p.root, 'reviews', 'child-d');
    expect(readdirSync(dir).sort()).toEqual(['action-plan.yaml', 'briefing.mdx', 'report.mdx', 'statement.mdx']);
    const result = runCheck({ root: p.root, today: '2026-03-14' });
    expect(result.errors.filter((e) => e.file.startsWith('reviews/child-d/'))).toEqual([]);
    expect(result.flags.filter((f) => f.review === 'child-d')).toEqual([]); // drafts are not monitored
    const folder = result.project.reviews.find((r) => r.slug === 'child-d')!;
    expect([folder.report?.data.draft, folder.statement?.data.draft, folder.briefing?.data.draft, folder.plan?.data.draft]).toEqual([true, true, true, true]);
    expect(folder.briefing?.body.match(/^## \d\. /gm)).toHaveLength(7);
    expect(readFileSync(path.join(dir, 'action-plan.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/content\/schemas\/action-plan\.schema\.json\n/);

    writeFileSync(path.join(dir, 'report.mdx'), 'edited by hand');
    const second = run();
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('reviews/child-d/ already exists; nothing was changed');
    expect(readFileSync(path.join(dir, 'report.mdx'), 'utf8')).toBe('edited by hand');
  });

  it('without a title it explains how to use it', () => {
    const r = spawnSync(node, [path.resolve('scripts/new.ts'), 'review'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('npm run new -- review "Child D"');
    expect(r.stderr).toContain('npm run new -- case "Child E"');
  });
});

describe('npm run new -- case', () => {
  const run = (root: string, kind: string, title: string) =>
    spawnSync(node, [path.resolve('scripts/new.ts'), kind, title], {
      cwd: root,
      env: { ...process.env, CONTENT_ROOT: root, BUILD_NOW: '2026-11-23' },
      encoding: 'utf8',
    });

  it('starts a folder holding only the case file, aware today, that passes the check; then the review fills the folder', () => {
    const p = makeProject();
    cleanup.push(p.remove);
    const first = run(p.root, 'case', 'Child E');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const dir = path.join(p.root, 'reviews', 'child-e');
    expect(readdirSync(dir)).toEqual(['case.yaml']);
    const text = readFileSync(path.join(dir, 'case.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../content/schemas/case.schema.json');
    const result = runCheck({ root: p.root, today: '2026-11-23' });
    expect(result.errors).toEqual([]);
    const c = result.project.cases.find((x) => x.slug === 'child-e')!;
    expect([c.title, c.case.aware, c.lifecycle.phase, c.lifecycle.rag.rag]).toEqual(['Child E', '2026-11-23', 'notification', 'amber']);
    // Never overwrites the case file.
    writeFileSync(path.join(dir, 'case.yaml'), text.replace('aware: 2026-11-23', 'aware: 2026-11-20'));
    const again = run(p.root, 'case', 'Child E');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('reviews/child-e/case.yaml already exists; nothing was changed');
    expect(readFileSync(path.join(dir, 'case.yaml'), 'utf8')).toContain('aware: 2026-11-20');
    // The review's files join the case file.
    const review = run(p.root, 'review', 'Child E');
    expect(review.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['action-plan.yaml', 'briefing.mdx', 'case.yaml', 'report.mdx', 'statement.mdx']);
    expect(runCheck({ root: p.root, today: '2026-11-23' }).errors).toEqual([]);
  });

  it('adds a case file to an existing review folder', () => {
    const p = makeProject();
    cleanup.push(p.remove);
    const r = run(p.root, 'case', 'Child C');
    expect(r.status).toBe(0);
    expect(readdirSync(path.join(p.root, 'reviews', 'child-c'))).toContain('case.yaml');
  });
});
