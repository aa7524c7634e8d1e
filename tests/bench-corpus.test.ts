/**
 * The benchmark's corpus generator (scripts/bench/corpus.ts) makes files the project accepts: every
 * generated document validates against its schema, references known themes, agencies and
 * partnerships, and has the shape the issue asks for. If a schema changes, this fails before the
 * benchmark silently measures a corpus the site rejects.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../src/check/index.ts';
import { actionPlanSchema } from '../src/schemas/action-plan.ts';
import { briefingSchema, reportSchema, statementSchema } from '../src/schemas/documents.ts';
import { parseFrontmatter } from '../src/utils/yaml/frontmatter.ts';
import { parseWithSchema } from '../src/utils/yaml/validate.ts';
import { CorpusGenerator, optionsFromProject } from '../scripts/bench/corpus.ts';

const TODAY = '2026-11-16';
const options = optionsFromProject(process.cwd(), 1, TODAY);
const generator = new CorpusGenerator(options);
const SIZE = 120;
const reviews = Array.from({ length: SIZE }, (_, i) => generator.review(i));

const messages = (problems: { message: string; file?: string; path?: string }[]) =>
  problems.map((p) => `${p.file ?? ''} ${p.path ?? ''}: ${p.message}`).join('\n');

describe('benchmark corpus generator', () => {
  it('is deterministic and prefix-stable (review i depends only on the seed and i)', () => {
    const again = new CorpusGenerator(optionsFromProject(process.cwd(), 1, TODAY));
    expect(again.review(7)).toEqual(reviews[7]);
    expect(new Set(reviews.map((r) => r.meta.slug)).size).toBe(SIZE);
  });

  it.each(reviews.map((r) => [r.meta.slug, r] as const))('%s validates against the project schemas', (slug, review) => {
    const report = parseFrontmatter(review.files['report.mdx']!, `reviews/${slug}/report.mdx`, reportSchema);
    expect(report.ok, report.ok ? '' : messages(report.problems)).toBe(true);
    const statement = parseFrontmatter(review.files['statement.mdx']!, `reviews/${slug}/statement.mdx`, statementSchema);
    expect(statement.ok, statement.ok ? '' : messages(statement.problems)).toBe(true);
    const briefing = parseFrontmatter(review.files['briefing.mdx']!, `reviews/${slug}/briefing.mdx`, briefingSchema);
    expect(briefing.ok, briefing.ok ? '' : messages(briefing.problems)).toBe(true);
    const plan = parseWithSchema(review.files['action-plan.yaml']!, `reviews/${slug}/action-plan.yaml`, actionPlanSchema);
    expect(plan.ok, plan.ok ? '' : messages(plan.problems)).toBe(true);
    if (!report.ok || !plan.ok || !briefing.ok) return;

    // References resolve.
    for (const t of report.data.themes) expect(options.themes).toContain(t);
    for (const t of briefing.data.themes) expect(options.themes).toContain(t);
    for (const p of report.data.partnerships) expect(options.partnerships).toContain(p);
    expect(plan.data.review).toBe(slug);
    const actions = plan.data.recommendations.flatMap((r) => r.actions);
    for (const a of actions) {
      for (const id of a.owner) expect(options.agencies).toContain(id);
      expect(new Set(a.owner).size).toBe(a.owner.length);
      for (const u of a.updates) expect(u.date <= TODAY).toBe(true);
      for (const v of a.revisions) expect(v.date <= TODAY).toBe(true);
      for (const m of a.impact) expect(m.date <= TODAY).toBe(true);
    }
    for (const d of plan.data.dissemination) for (const a of d.audience) expect(options.agencies).toContain(a);
    if (plan.data.publicProgressApproved) expect(plan.data.publicProgressApproved <= TODAY).toBe(true);

    // Shape: report of 3,000 to 8,000 words with headings; seven-part briefing; 5 to 30 actions.
    expect(review.meta.words).toBeGreaterThanOrEqual(3000);
    expect(review.meta.words).toBeLessThanOrEqual(8000);
    expect(report.body!.match(/^## /gm)!.length).toBeGreaterThanOrEqual(8);
    expect(report.body).not.toMatch(/[{}<]|(?<!^)>/m);
    const parts = briefing.body!.match(/^## .*/gm)!;
    expect(parts).toHaveLength(7);
    parts.forEach((h, k) => expect(h).toMatch(new RegExp(`^## ${k + 1}\\. \\S`)));
    expect(actions.length).toBe(review.meta.actions);
    expect(actions.length).toBeGreaterThanOrEqual(5);
    expect(actions.length).toBeLessThanOrEqual(30);
  });

  it('passes the whole of `npm run check` (schemas, references, anonymisation, dates) with no errors', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'bench-corpus-'));
    try {
      cpSync(path.join(process.cwd(), 'content'), path.join(root, 'content'), { recursive: true });
      for (const r of reviews.slice(0, 40)) {
        mkdirSync(path.join(root, 'reviews', r.meta.slug), { recursive: true });
        for (const [name, text] of Object.entries(r.files)) writeFileSync(path.join(root, 'reviews', r.meta.slug, name), text);
      }
      const result = runCheck({ root, today: TODAY });
      expect(result.errors.slice(0, 10).map((p) => `${p.file}:${p.line ?? ''} ${p.message}`)).toEqual([]);
      expect(result.project.actionCount.read).toBe(reviews.slice(0, 40).reduce((s, r) => s + r.meta.actions, 0));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  it('includes what real plans record, sometimes: several owners, revised timescales, impact evidence, responses, and the approval to publish progress', () => {
    const plans = reviews.map((r) => parseWithSchema(r.files['action-plan.yaml']!, 'x.yaml', actionPlanSchema)).flatMap((p) => (p.ok ? [p.data] : []));
    expect(plans).toHaveLength(reviews.length);
    const actions = plans.flatMap((p) => p.recommendations.flatMap((r) => r.actions));
    const share = (n: number, of: number) => n / of;
    expect(share(actions.filter((a) => a.owner.length > 1).length, actions.length)).toBeGreaterThan(0.05);
    expect(share(actions.filter((a) => a.revisions.length > 0).length, actions.length)).toBeGreaterThan(0.05);
    expect(actions.some((a) => a.revisions.length > 1)).toBe(true);
    expect(actions.some((a) => a.impact.length > 0)).toBe(true);
    const recs = plans.flatMap((p) => p.recommendations);
    expect(recs.some((r) => r.response === 'accepted') && recs.some((r) => r.response === 'partly-accepted') && recs.some((r) => !r.response)).toBe(true);
    // Most plans that are not drafts may be shown publicly, so public progress pages exist at scale; some may not.
    const live = plans.filter((p) => !p.draft);
    expect(share(live.filter((p) => p.publicProgressApproved).length, live.length)).toBeGreaterThan(0.7);
    expect(live.some((p) => !p.publicProgressApproved)).toBe(true);
  });

  it('spreads types, documents and publication states, including non-public ones', () => {
    const many = Array.from({ length: 600 }, (_, i) => generator.review(i).meta);
    const count = (key: keyof (typeof many)[number]) => new Set(many.map((m) => m[key])).size;
    expect(count('type')).toBeGreaterThanOrEqual(5);
    expect(count('document')).toBe(2);
    const states = new Set(many.map((m) => m.state));
    for (const s of ['published', 'draft', 'future', 'withheld', 'delayed', 'archived']) expect(states).toContain(s);
    expect(many.filter((m) => m.state === 'published').length / many.length).toBeGreaterThan(0.6);
  });
});
