/**
 * `npm run build:verified` (or `PARTNERS_BUILD=1 npm run build:verified`): the build, with proof
 * that reusing pages from the last build changed nothing.
 *
 * It builds as `npm run build` does (reusing every page whose key is unchanged), sets that output
 * aside, builds again from nothing (`astro build --force`: no page, content or search index reused)
 * and compares every file of the two, byte for byte. The output folder always ends holding the
 * clean build. When the two differ, the files are listed, the incremental cache is emptied (so the
 * next build starts clean too) and the exit code is 3, so a scheduled job can raise the alarm: the
 * difference is never published. It takes about twice a build: run it weekly, or whenever in
 * doubt (README, "Rebuilds reuse what has not changed").
 */
import { spawnSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { contextOrExit } from './lib/site.ts';
import { compareTrees } from './content-equivalence.ts';
import { siteBuildCommand, siteBuildEnv } from './lib/build-command.ts';
import { REUSABLE_PAGES } from '../src/integrations/incremental.ts';

const root = process.cwd();
const context = contextOrExit();
const outDir = path.join(root, context.build === 'partners' ? 'dist-partners' : 'dist');
const cacheDir = path.join(root, '.cache', context.build);
const setAside = path.join(cacheDir, 'verify-incremental');

function astroBuild(...flags: string[]): void {
  const { command, args } = siteBuildCommand(root, flags);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: siteBuildEnv(root),
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

console.log('1 of 2: the build, reusing what it may from the last one');
astroBuild();
rmSync(setAside, { recursive: true, force: true });
renameSync(outDir, setAside);
console.log('\n2 of 2: the same build from nothing, to compare');
astroBuild('--force');

const { files, differences } = compareTrees(setAside, outDir);
rmSync(setAside, { recursive: true, force: true });
if (differences.length === 0) {
  console.log(`\nVerified: reusing pages gave the same ${files} files as a clean build, byte for byte. ${path.relative(root, outDir)}/ holds the build.`);
} else {
  for (const cached of REUSABLE_PAGES) rmSync(path.join(cacheDir, cached), { recursive: true, force: true });
  console.error(`\nThe build that reused pages differed from a clean build in ${differences.length} of ${files} files:`);
  for (const d of differences.slice(0, 50)) console.error(`  ${d.file}: ${d.detail}`);
  console.error(
    `\n${path.relative(root, outDir)}/ holds the clean build, which is safe to publish; the reusable pages were deleted, so the next build starts clean. ` +
      'Please report this (with the list above): a page showed something its cache key (src/data/page-keys.ts) does not cover.',
  );
  process.exitCode = 3;
}
