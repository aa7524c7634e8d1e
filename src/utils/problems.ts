/**
 * Problems found in editors' files, and how they are written for people who are not programmers.
 */
import { plural } from './text.ts';

/** How serious a problem is: errors fail the build; warnings are printed. */
export type Severity = 'error' | 'warning';

/** One thing wrong (or worth a look) in one file. */
export interface Problem {
  severity: Severity;
  /** The file, relative to the project folder, with forward slashes. */
  file: string;
  /** 1-based line, when known. */
  line?: number | undefined;
  /** 1-based column, when known. */
  column?: number | undefined;
  /** The field path, for example `recommendations[0].actions[2].timescale`. */
  field?: string | undefined;
  /** What is wrong and what is accepted, as a sentence. */
  message: string;
  /** A short machine-friendly kind, for grouping (for example `overdue`, `schema`, `identifier`). */
  kind?: string | undefined;
}

/** Writes a field path as editors read it: `recommendations[0].actions[2].timescale`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** `file:line:column`, as far as it is known. */
export function formatLocation(p: Pick<Problem, 'file' | 'line' | 'column'>): string {
  return p.line ? `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}` : p.file;
}

/** One problem as one line: `reviews/child-c/action-plan.yaml:12:20 recommendations[0].id: must not be empty`. */
export function formatProblem(p: Problem): string {
  const field = p.field ? `${p.field}: ` : '';
  return `${formatLocation(p)}  ${field}${p.message}`;
}

/** Sorts problems by file, then line, then column, so a list reads top to bottom. */
export function sortProblems<T extends Problem>(problems: readonly T[]): T[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

/** Thrown by loaders when a file has errors; carries every problem, not only the first. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(
      `${plural(problems.length, 'problem')} in the content:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.problems = problems;
  }
}

/**
 * The closest of `candidates` to `value` by edit distance, when it is close enough to be a likely
 * typo (for "did you mean ...?").
 */
export function nearest(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(value.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  const limit = Math.max(2, Math.floor(value.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}
