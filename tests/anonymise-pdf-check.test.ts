/**
 * The whole check on a copy of the sample content whose published PDF is replaced: a name in its
 * Author field, or an identifier under a drawn black box, is an error (the build stops); a clean,
 * tagged PDF gives nothing; a corrupt one is an error naming the file, not a crash.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../src/check/index.ts';
import { anonymisationStep } from '../src/check/steps/anonymisation.ts';
import { CORRUPT_PDF, makePdf } from './support/pdf-fixtures.ts';

const TODAY = '2026-11-23';
const PDF = 'reviews/baby-wren/baby-wren-overview-report.pdf';
const dir = mkdtempSync(path.join(os.tmpdir(), 'pdf-check-'));
cpSync(path.join(process.cwd(), 'content'), path.join(dir, 'content'), { recursive: true });
cpSync(path.join(process.cwd(), 'reviews'), path.join(dir, 'reviews'), { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function checkWith(bytes: Uint8Array) {
  writeFileSync(path.join(dir, PDF), bytes);
  const result = runCheck({ root: dir, today: TODAY, steps: [anonymisationStep] });
  return { errors: result.errors.filter((p) => p.file === PDF), warnings: result.warnings.filter((p) => p.file === PDF), exitCode: result.exitCode };
}

const ACCESSIBLE = { title: 'Baby Wren: overview report', language: 'en-GB', tagged: true, pages: [['Baby Wren: overview report', 'Fictional sample document.']] };

describe('a public review whose PDF', () => {
  it('is clean and tagged: nothing to say', async () => {
    const r = await checkWith(await makePdf(ACCESSIBLE));
    expect([...r.errors, ...r.warnings]).toEqual([]);
  });
  it("has a person's name in its Author field: the build stops", async () => {
    const r = await checkWith(await makePdf({ ...ACCESSIBLE, author: 'Sarah Jones' }));
    expect(r.exitCode).toBe(1);
    expect(r.errors.map((p) => p.field)).toEqual(['metadata Author']);
  });
  it('has an identifier under a drawn black box: the build stops, and the message says why', async () => {
    const r = await checkWith(await makePdf({ ...ACCESSIBLE, pages: [['NHS number 943 476 5919 on file.']], coverText: '943 476 5919' }));
    expect(r.exitCode).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toMatch(/covering text does not remove it/);
  });
  it('is corrupt: an error naming the file', async () => {
    const r = await checkWith(CORRUPT_PDF);
    expect(r.errors.map((p) => p.kind)).toEqual(['pdf-unreadable']);
  });
});
