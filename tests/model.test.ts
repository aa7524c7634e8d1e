/**
 * The one model: what the checker validated becomes the plain data the pages read
 * (src/check/model.ts), and how the dev server words and locates content errors
 * (src/integrations/model.ts).
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../src/check/index.ts';
import { toSiteModel } from '../src/check/model.ts';
import type { BuildContext } from '../src/config/build-context.ts';
import { ContentErrors, contentErrorMessage, isContentFile } from '../src/integrations/model.ts';
import { edit, makeProject, PLAN } from './support/check-fixtures.ts';

const today = '2026-11-23';
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function project(files: Record<string, string | undefined> = {}) {
  const p = makeProject(files);
  cleanup = p.remove;
  const context: BuildContext = { root: p.root, today, build: 'public' };
  return { context, result: runCheck({ root: p.root, today }) };
}

describe('toSiteModel', () => {
  it('keeps every document, plan, action, flag and count the check found, as plain data', () => {
    const { context, result } = project();
    expect(result.errors).toEqual([]);
    const model = toSiteModel(result, context);
    // What the pages read survives JSON (the model reaches them as JSON).
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(model.context).toEqual(context);
    expect(model.config).toEqual(result.project.config);
    expect(model.project.actions).toEqual(result.project.actions);
    expect(model.flags).toEqual(result.flags);
    expect(model.counts).toEqual(result.counts);
    expect(model.project.reviews.map((r) => r.slug)).toEqual(result.project.reviews.map((r) => r.slug));
    for (const [i, r] of result.project.reviews.entries()) {
      const m = model.project.reviews[i]!;
      expect(m.report?.data).toEqual(r.report?.data);
      expect(m.statement?.data).toEqual(r.statement?.data);
      expect(m.plan?.data).toEqual(r.plan?.data);
    }
  });

  it('leaves out what only the checker needs: YAML trees and bodies', () => {
    const { context, result } = project();
    const json = JSON.stringify(toSiteModel(result, context));
    const report = result.project.reviews.find((r) => r.report)!.report!;
    expect(report.body.length).toBeGreaterThan(0);
    expect(json).not.toContain(JSON.stringify(report.body).slice(1, -1));
    // A document keeps its file, its data and the names of the images its text shows (to serve them only while it is public).
    expect(Object.keys(toSiteModel(result, context).project.reviews[0]!.report ?? {})).toEqual(['file', 'data', 'images']);
  });

  it('refuses a result with errors: the site is never made from content with errors', () => {
    const { context, result } = project({ 'reviews/child-c/action-plan.yaml': edit(PLAN, 'timescale: Q2 2026', 'timescale: next spring') });
    expect(result.errors.length).toBeGreaterThan(0);
    expect(() => toSiteModel(result, context)).toThrow(/without errors/);
  });
});

describe('content errors in the dev server', () => {
  it('lists every error located as npm run check locates it, and points the overlay at the first', () => {
    const { result } = project({ 'reviews/child-c/action-plan.yaml': edit(PLAN, 'timescale: Q2 2026', 'timescale: next spring') });
    const message = contentErrorMessage(result);
    expect(message).toMatch(/^The content has \d+ errors?; the site cannot show/);
    for (const e of result.errors) expect(message).toContain(`${e.file}:${e.line}:${e.column}`);
    const error = new ContentErrors(result);
    const first = result.errors[0]!;
    expect(error.loc).toEqual({ file: path.join(result.root, first.file), line: first.line, column: first.column });
    // No stack for a fault in the content, and nothing for Astro to mistake for a browser API.
    expect(error.stack).not.toMatch(/\n\s+at /);
    expect(error.toString()).toBe('ContentErrors');
  });

  it.each([
    ['content/settings.yaml', true],
    ['reviews/baby-wren/action-plan.yaml', true],
    ['reviews/baby-wren/report.mdx', true],
    ['src/pages/index.astro', false],
    ['package.json', false],
    ['../elsewhere/reviews/x.mdx', false],
  ])('%s is content the model is made from: %s', (rel, expected) => {
    expect(isContentFile('/srv/site', path.resolve('/srv/site', rel))).toBe(expected);
  });
});
