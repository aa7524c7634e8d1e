/**
 * The guard around Astro's incremental build (`experimental.incrementalBuild`): it decides, before
 * any page is built, whether the last build's pages may be reused at all, and says so.
 *
 * Pages are reused only by key (src/data/page-keys.ts: everything a page shows, from this build's
 * model at today's date) and by the hash Astro makes of the code each page imports. Around that,
 * this integration empties the cache and renders every page again (a clean build), saying why, when:
 * - any file of the site's code changed since the last build (src/, astro.config.mjs, package.json,
 *   package-lock.json, tsconfig.json): belt and braces beside Astro's own hash, which does not see
 *   code that runs outside the pages (the check, the content loader, the integrations);
 * - the last build did not finish (it may have written cached pages its manifest does not match);
 * - the cache was made by another kind of build (public or partners) or another version of this rule;
 * - `npm run build -- --force` was asked for (Astro then ignores its cache itself).
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildContext } from '../config/build-context.ts';
import { codeDigest } from '../check/code-digest.ts';

/** Changed by hand when this guard's rule changes. */
const GUARD_VERSION = 1;

/**
 * What a build reuses pages from, in its cache folder: Astro's manifest and its copies of the
 * pages, and the last search index. Without them every page is rendered and indexed again.
 */
export const REUSABLE_PAGES = ['incremental-build.json', 'dist', 'lscp-pagefind'] as const;

interface GuardRecord {
  version: number;
  build: BuildContext['build'];
  code: string;
  complete: boolean;
}

function readRecord(file: string): GuardRecord | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as GuardRecord;
  } catch {
    return undefined;
  }
}

/** Why the last build's pages may not be reused (undefined: they may, page by page). */
export function cleanBuildReason(previous: GuardRecord | undefined, next: Omit<GuardRecord, 'complete'>): string | undefined {
  if (!previous) return undefined;
  if (previous.version !== next.version) return 'the rule for reusing pages changed';
  if (previous.build !== next.build) return `the last build in this cache was the ${previous.build} build`;
  if (!previous.complete) return 'the last build did not finish';
  if (previous.code !== next.code) return "the site's code changed since the last build";
  return undefined;
}

export default function incrementalGuard(context: BuildContext): AstroIntegration {
  let recordFile = '';
  let record: GuardRecord | undefined;
  return {
    name: 'lscp:incremental',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build') return;
        const cacheDir = fileURLToPath(config.cacheDir);
        recordFile = path.join(cacheDir, 'lscp-incremental.json');
        const next = { version: GUARD_VERSION, build: context.build, code: codeDigest(fileURLToPath(config.root)) };
        const reason = cleanBuildReason(readRecord(recordFile), next);
        if (reason) {
          for (const cached of REUSABLE_PAGES) rmSync(path.join(cacheDir, cached), { recursive: true, force: true });
          logger.info(`Clean build: ${reason}, so every page is rendered again.`);
        } else if (!existsSync(path.join(cacheDir, 'incremental-build.json'))) {
          logger.info('Clean build: no earlier build to reuse pages from.');
        }
        record = { ...next, complete: false };
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(recordFile, JSON.stringify(record));
      },
      'astro:build:done': () => {
        if (!record) return;
        writeFileSync(recordFile, JSON.stringify({ ...record, complete: true }));
      },
    },
  };
}
