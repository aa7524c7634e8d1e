/**
 * Shared by the steps: a problem located at a field of a content file (file, line, column and
 * the field's path, for example `recommendations[0].actions[2].timescale`).
 */
import { formatPath, type Problem } from '../../utils/problems.ts';
import { locate, type YamlSource } from '../../utils/yaml/source.ts';
import type { SourceFile } from '../project.ts';

/** A field's path in a file: keys and list positions. */
export type Path = (string | number)[];

/** Where a field is: the file, its line and column, and the field's path as text. */
export function at(source: YamlSource, file: string, p: Path, which: 'key' | 'value' = 'value') {
  return { file, ...locate(source, p, which), field: formatPath(p) };
}

/** An error at a field of a content file (at its value, or at its key). */
export function error(file: SourceFile<unknown>, p: Path, kind: string, message: string, which: 'key' | 'value' = 'value'): Problem {
  return { severity: 'error', kind, message, ...at(file.source, file.file, p, which) };
}
