/** Every field of every editor-facing schema is described in docs/content-contract.md. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { briefingSchema, nationalSchema, pageSchema, reportSchema, statementSchema } from '../src/schemas/documents.ts';
import { caseSchema, decisionSchema, delayNoticeSchema, lcsprSchema, rapidReviewSchema } from '../src/schemas/case.ts';
import { agencySchema, contactSchema, partnershipSchema, settingsSchema, themeSchema } from '../src/schemas/site.ts';
import { actionPlanSchema } from '../src/schemas/action-plan.ts';

const doc = readFileSync(path.resolve(import.meta.dirname, '../docs/content-contract.md'), 'utf8');

/** The field names of an object schema (looking through refinements and defaults). */
function fields(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
  return Object.keys(json.properties ?? {});
}

describe('docs/content-contract.md', () => {
  const schemas = { reportSchema, statementSchema, briefingSchema, nationalSchema, pageSchema, settingsSchema, themeSchema, agencySchema, contactSchema, partnershipSchema };
  it.each(Object.entries(schemas))('describes every field of %s', (_name, schema) => {
    const names = fields(schema);
    expect(names.length).toBeGreaterThan(1);
    expect(names.filter((f) => !doc.includes(`\`${f}\``))).toEqual([]);
  });
});

describe('docs/action-plans.md', () => {
  const plans = readFileSync(path.resolve(import.meta.dirname, '../docs/action-plans.md'), 'utf8');

  /** Every field name at any depth of a JSON Schema, and of the settings' monitoring block. */
  function allFields(node: unknown, out = new Set<string>()): Set<string> {
    if (node === null || typeof node !== 'object') return out;
    const n = node as Record<string, unknown>;
    for (const [key, value] of Object.entries((n.properties ?? {}) as Record<string, unknown>)) {
      out.add(key);
      allFields(value, out);
    }
    for (const k of ['items', 'anyOf', 'oneOf', 'allOf']) {
      const v = n[k];
      if (Array.isArray(v)) for (const sub of v) allFields(sub, out);
      else allFields(v, out);
    }
    return out;
  }

  it('describes every field of the action plan, at every depth', () => {
    const names = [...allFields(z.toJSONSchema(actionPlanSchema, { io: 'input', unrepresentable: 'any' }))];
    expect(names).toEqual(expect.arrayContaining(['owner', 'revisions', 'impact', 'response', 'responseReason', 'publicProgressApproved', 'agreedBy']));
    expect(names.filter((f) => !plans.includes(`\`${f}\``))).toEqual([]);
  });

  it('names every monitoring setting the flags use', () => {
    const monitoring = (z.toJSONSchema(settingsSchema, { io: 'input', unrepresentable: 'any' }) as unknown as { properties: { monitoring: unknown } }).properties.monitoring;
    const names = [...allFields(monitoring)];
    expect(names).toContain('impactAfterMonths');
    expect(names.filter((f) => !plans.includes(`\`${f}\``) || !doc.includes(`\`${f}\``))).toEqual([]);
  });
});

describe('docs/case-lifecycle.md', () => {
  const lifecycle = readFileSync(path.resolve(import.meta.dirname, '../docs/case-lifecycle.md'), 'utf8');
  const schemas = { caseSchema, rapidReviewSchema, decisionSchema, lcsprSchema, delayNoticeSchema };
  it.each(Object.entries(schemas))('describes every field of %s', (_name, schema) => {
    const names = fields(schema);
    expect(names.length).toBeGreaterThan(1);
    expect(names.filter((f) => !lifecycle.includes(`\`${f}\``))).toEqual([]);
  });
});
