/**
 * Helpers for the anonymisation tests: reading the planted corpus (identifiers written
 * `[[kind:text]]`) into plain text plus the expected findings, and measuring precision and recall.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Finding, FindingKind } from '../src/utils/anonymise/index.ts';

export interface Planted {
  kind: FindingKind;
  start: number;
  end: number;
  text: string;
}

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/anonymise/${name}`, import.meta.url)), 'utf8');
}

/** Strips HTML comments and `[[kind:text]]` markers; returns the text and where each identifier is. */
export function parsePlanted(source: string): { text: string; planted: Planted[] } {
  const withoutComments = source.replace(/<!--[\s\S]*?-->\n?/g, '');
  const planted: Planted[] = [];
  let text = '';
  let last = 0;
  for (const m of withoutComments.matchAll(/\[\[([a-z-]+):([^\]]+)\]\]/g)) {
    text += withoutComments.slice(last, m.index);
    planted.push({ kind: m[1] as FindingKind, start: text.length, end: text.length + m[2]!.length, text: m[2]! });
    text += m[2]!;
    last = m.index + m[0].length;
  }
  text += withoutComments.slice(last);
  return { text, planted };
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

/**
 * A finding counts only when its kind and span are exactly those planted. `otherFalsePositives`
 * adds findings in texts where nothing was planted (the sample content).
 */
export function score(expected: readonly Planted[], found: readonly Finding[], otherFalsePositives = 0): Score {
  const key = (x: { kind: string; start: number; end: number }) => `${x.kind}@${x.start}-${x.end}`;
  const want = new Set(expected.map(key));
  const got = new Set(found.map(key));
  const truePositives = [...got].filter((k) => want.has(k)).length;
  const falsePositives = got.size - truePositives + otherFalsePositives;
  const falseNegatives = want.size - truePositives;
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    precision: truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives),
    recall: want.size === 0 ? 1 : truePositives / want.size,
  };
}
