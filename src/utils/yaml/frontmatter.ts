/**
 * An MDX or Markdown document's frontmatter: split from the body, parsed and validated, with
 * plain words for frontmatter that is missing, empty or never closed.
 */
import type { z } from 'astro/zod';
import type { Problem } from '../problems.ts';
import type { ProblemOptions } from '../zod-issues.ts';
import { parseWithSchema, type Parsed } from './validate.ts';

/** Splits an MDX or Markdown file into its frontmatter text, the line it starts on, and its body. */
export function splitFrontmatter(text: string): { frontmatter: string; lineOffset: number; body: string; bodyLine: number } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  if (!m) return undefined;
  const frontmatter = m[1]!;
  const bodyLine = frontmatter.split('\n').length + 3;
  return { frontmatter, lineOffset: 1, body: text.slice(m[0].length), bodyLine };
}

/** Parses and validates an MDX file's frontmatter. */
export function parseFrontmatter<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  options: Omit<ProblemOptions, 'schema'> = {},
): Parsed<z.output<S>> & { body?: string; bodyLine?: number } {
  const split = splitFrontmatter(text) ?? emptyFrontmatter(text);
  if (!split) return { ok: false, problems: [frontmatterProblem(text, file)] };
  const parsed = parseWithSchema(split.frontmatter, file, schema, split.lineOffset, { container: 'frontmatter', ...options });
  return { ...parsed, body: split.body, bodyLine: split.bodyLine };
}

/** A line "---" straight after the first: frontmatter with nothing in it (its fields are then reported missing). */
function emptyFrontmatter(text: string): ReturnType<typeof splitFrontmatter> {
  const m = /^---\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  return m ? { frontmatter: '', lineOffset: 1, body: text.slice(m[0].length), bodyLine: 3 } : undefined;
}

/** Why a document has no frontmatter that can be read. */
function frontmatterProblem(text: string, file: string): Problem {
  const problem = (message: string): Problem => ({ severity: 'error', file, line: 1, column: 1, kind: 'missing-frontmatter', message });
  const shape = 'a line "---", the fields, and another line "---"; the text follows';
  if (text.trim() === '') return problem(`the file is empty. It must start with frontmatter: ${shape}`);
  if (/^---\r?(\n|$)/.test(text)) return problem('the frontmatter that starts on this line is never closed: add a line "---" after its last field');
  return problem('the file must start with frontmatter: a line "---", the fields, and another line "---"');
}
