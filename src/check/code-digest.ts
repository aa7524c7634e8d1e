/**
 * A digest of the site's code: every file under src/ and the files that decide what code and
 * packages run (astro.config.mjs, package.json, package-lock.json, tsconfig.json), by path and
 * bytes. Anything kept between builds that code made (the incremental build's pages, the
 * anonymisation scan's findings) is thrown away when it changes.
 */
import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bytesDigest, digestOf } from '../utils/digest.ts';

/** The files of the site's code, relative to the project folder. */
export const CODE_FILES = ['src/**/*', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** The project folder this code is in (the folder above src/). */
export const CODE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A digest of every file of the site's code in `root` (paths and bytes). */
export function codeDigest(root: string = CODE_ROOT): string {
  const files = CODE_FILES.flatMap((pattern) => globSync(pattern, { cwd: root, withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)))
    .sort();
  return digestOf(files.map((f) => [f, bytesDigest(readFileSync(path.join(root, f)))]));
}
