/**
 * Parses YAML text and validates it against a zod schema: the entry point for every YAML file and
 * frontmatter the site and the checker read. Every problem is reported, located.
 */
import type { z } from 'astro/zod';
import type { Problem } from '../problems.ts';
import { zodProblems, type ProblemOptions } from '../zod-issues.ts';
import { parseYaml, yamlData, type YamlSource } from './source.ts';

export type Parsed<T> = { ok: true; data: T; source: YamlSource } | { ok: false; problems: Problem[]; source?: YamlSource };

/** Parses YAML text and validates it; every problem is reported. */
export function parseWithSchema<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  lineOffset = 0,
  options: Omit<ProblemOptions, 'schema'> = {},
): Parsed<z.output<S>> {
  const { source, problems } = parseYaml(text, file, lineOffset);
  if (problems.length > 0) return { ok: false, problems, source };
  const input: unknown = yamlData(source);
  const result = schema.safeParse(input);
  if (!result.success) return { ok: false, problems: zodProblems(source, result.error, input, { ...options, schema }), source };
  return { ok: true, data: result.data, source };
}
