/**
 * How to build the site in a folder as `npm run build` does, for scripts and tests that build a
 * copy: `node scripts/build.ts` (Astro, then the search index once Astro has ended). A copy of an
 * older commit without that script (build-equivalence.ts builds those) is built with `astro build`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export function siteBuildCommand(dir: string, args: readonly string[] = []): { command: string; args: string[] } {
  const script = path.join(dir, 'scripts', 'build.ts');
  if (existsSync(script)) return { command: process.execPath, args: [script, ...args] };
  return { command: path.join(dir, 'node_modules', '.bin', 'astro'), args: ['build', ...args] };
}
