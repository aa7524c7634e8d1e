/**
 * Measures the anonymisation check on text written independently of its detectors: the sample
 * content (the check as it runs) and the benchmark's generated corpus (scripts/bench/corpus.ts),
 * neither of which holds a real identifier, so every finding there is a false positive. Prints
 * the findings by kind and severity. docs/anonymisation.md quotes the figures.
 *
 *   node scripts/measure-anonymisation.ts [--reviews 300] [--today 2026-11-23]
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCheck } from '../src/check/index.ts';
import { anonymisationStep } from '../src/check/steps/anonymisation.ts';
import { FINDING_LABELS } from '../src/utils/anonymise/index.ts';
import type { Problem } from '../src/utils/problems.ts';
import { CorpusGenerator, optionsFromProject } from './bench/corpus.ts';

const { values } = parseArgs({ options: { reviews: { type: 'string', default: '300' }, today: { type: 'string', default: '2026-11-23' } } });
const today = values.today;
const root = process.cwd();

/** Counts identifier problems by label ("person's name", "named local institution", ...) and severity. */
function tally(problems: readonly Problem[]): Record<string, number> {
  const out: Record<string, number> = {};
  const labels = Object.values(FINDING_LABELS).sort((a, b) => b.length - a.length);
  for (const p of problems) {
    if (p.kind !== 'identifier') continue;
    const label = labels.find((l) => p.message.includes(`${l} `)) ?? 'other';
    const key = `${label} (${p.severity})`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

function measure(dir: string): { findings: Record<string, number>; other: number } {
  const result = runCheck({ root: dir, today, steps: [anonymisationStep] });
  const all = [...result.errors, ...result.warnings];
  return { findings: tally(all), other: all.filter((p) => p.kind !== 'identifier').length };
}

console.log('Sample content:', JSON.stringify(measure(root)));

const n = Number(values.reviews);
const generator = new CorpusGenerator(optionsFromProject(root, 1, today));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'measure-anonymisation-'));
try {
  cpSync(path.join(root, 'content'), path.join(tmp, 'content'), { recursive: true });
  let words = 0;
  for (let i = 0; i < n; i++) {
    const r = generator.review(i);
    words += r.meta.words;
    mkdirSync(path.join(tmp, 'reviews', r.meta.slug), { recursive: true });
    for (const [name, text] of Object.entries(r.files)) writeFileSync(path.join(tmp, 'reviews', r.meta.slug, name), text);
  }
  console.log(`Generated corpus (${n} reviews, ${words.toLocaleString('en-GB')} words in reports):`, JSON.stringify(measure(tmp)));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
