/**
 * `npm run build` and `npm run build:partners`: `astro build`, then the search index.
 *
 * Astro builds in a process of its own; the search index (src/integrations/pagefind.ts) is made
 * once that process has ended. Made inside the build, Pagefind's memory came on top of Astro's,
 * which it still held: at 1,500 reviews 1.9 GB and 2.3 GB at once, 1.7 times a bare Astro build's
 * peak. One after the other, the peak is the larger of the two. The pages and the index are the
 * same either way (`astro build` run directly still makes the index itself; CONTRIBUTING.md,
 * "Incremental builds", says how this was compared).
 *
 * Arguments are passed to `astro build` (for example `npm run build -- --force`). The exit code is
 * 2 when BUILD_NOW, CONTENT_ROOT or PARTNERS_BUILD is wrong, Astro's when the build fails, 1 when
 * the index cannot be made (the pages then have no working search: do not publish them), 0 otherwise.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSearchIndex, INDEX_AFTER_ENV, INDEX_PARENT_ENV, type SearchIndexTarget } from '../src/integrations/pagefind.ts';
import { contextOrExit } from './lib/site.ts';

// A wrong BUILD_NOW, CONTENT_ROOT or PARTNERS_BUILD is said plainly (exit code 2) before Astro starts.
contextOrExit();

const root = process.cwd();
const handoffDir = mkdtempSync(path.join(os.tmpdir(), 'lscp-build-'));
const handoff = path.join(handoffDir, 'search-index.json');
const say = (line: string) => console.log(`${new Date().toTimeString().slice(0, 8)} [lscp:search] ${line}`);

/** Runs `astro build` with Node (this one) and the arguments given; resolves to its exit code. */
function astroBuild(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...process.argv.slice(2)], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', [INDEX_AFTER_ENV]: handoff, [INDEX_PARENT_ENV]: String(process.pid) },
    });
    // Stopping this command (Ctrl+C, a CI job cancelled, `timeout`) stops the build too: it never
    // goes on writing dist/ and .cache/ on its own, under the next build.
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of signals) process.on(signal, forward);
    child.on('error', (e) => {
      console.error(`astro build could not be started: ${e.message}. Run npm install (or npm ci) first.`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      if (signal) console.error(`astro build was stopped (${signal}); nothing new was indexed.`);
      resolve(code ?? 1);
    });
  });
}

/** Runs the build; returns the exit code. */
async function build(): Promise<number> {
  const status = await astroBuild();
  if (status !== 0) return status;
  if (!existsSync(handoff)) {
    console.error('astro build finished without saying where it wrote the site, so the search index was not made. Build again; if it happens again, please report it.');
    return 1;
  }
  const target = JSON.parse(readFileSync(handoff, 'utf8')) as SearchIndexTarget;
  const started = performance.now();
  try {
    say(`${await buildSearchIndex(target)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return 0;
  } catch (e) {
    console.error(
      `The search index could not be made: ${e instanceof Error ? e.message : String(e)}. ` +
        `The pages in ${path.relative(root, target.outDir) || target.outDir}/ have no working search: do not publish them. ` +
        'Build again (the next build makes the index again); if it fails again, please report it.',
    );
    return 1;
  }
}

let code = 1;
try {
  code = await build();
} finally {
  rmSync(handoffDir, { recursive: true, force: true });
}
process.exitCode = code;
