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

/**
 * The environment to build a copy in: this one, with the copy's packages first on PATH (as npm
 * scripts have them, so its Node is the project's), Astro's telemetry off, and `extra` on top.
 */
export function siteBuildEnv(dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${path.join(dir, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
    ASTRO_TELEMETRY_DISABLED: '1',
    ...extra,
  };
}
