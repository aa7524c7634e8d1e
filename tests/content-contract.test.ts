/** Every field of every editor-facing schema is described in docs/content-contract.md. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { briefingSchema, nationalSchema, pageSchema, reportSchema, statementSchema } from '../src/schemas/documents.ts';
import { caseSchema, decisionSchema, delayNoticeSchema, lcsprSchema, rapidReviewSchema } from '../src/schemas/case.ts';
import { agencySchema, contactSchema, partnershipSchema, settingsSchema, themeSchema } from '../src/schemas/site.ts';

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

describe('docs/case-lifecycle.md', () => {
  const lifecycle = readFileSync(path.resolve(import.meta.dirname, '../docs/case-lifecycle.md'), 'utf8');
  const schemas = { caseSchema, rapidReviewSchema, decisionSchema, lcsprSchema, delayNoticeSchema };
  it.each(Object.entries(schemas))('describes every field of %s', (_name, schema) => {
    const names = fields(schema);
    expect(names.length).toBeGreaterThan(1);
    expect(names.filter((f) => !lifecycle.includes(`\`${f}\``))).toEqual([]);
  });
});
