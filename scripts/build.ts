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
 * Astro's when the build fails, 1 when the index cannot be made (the pages then have no working
 * search: do not publish them), 0 otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSearchIndex, INDEX_AFTER_ENV, type SearchIndexTarget } from '../src/integrations/pagefind.ts';

const root = process.cwd();
const handoffDir = mkdtempSync(path.join(os.tmpdir(), 'lscp-build-'));
const handoff = path.join(handoffDir, 'search-index.json');
const say = (line: string) => console.log(`${new Date().toTimeString().slice(0, 8)} [lscp:search] ${line}`);

/** Runs the build; returns the exit code. */
async function build(): Promise<number> {
  const astro = spawnSync(path.join(root, 'node_modules', '.bin', 'astro'), ['build', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', [INDEX_AFTER_ENV]: handoff },
  });
  if (astro.status !== 0) return astro.status ?? 1;
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
        `The pages in ${path.relative(root, target.outDir) || target.outDir}/ have no working search: do not publish them. Build again; if it fails again, please report it.`,
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
