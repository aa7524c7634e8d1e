/**
 * Proves a change did not alter the site: builds the same content with an earlier commit and with
 * the working tree, then compares every output file byte for byte (pages, feed, sitemap,
 * `_headers`, CSS and JS, PDFs, Pagefind's index). Nothing is excluded.
 *
 *   node scripts/build-equivalence.ts --base <commit>                 # the sample content
 *   node scripts/build-equivalence.ts --base <commit> --reviews 250   # the benchmark's corpus
 *   options: --partners (the partners' build too) --today YYYY-MM-DD (BUILD_NOW) --seed 1 --keep
 *
 * The earlier commit is taken with `git archive` into a temporary folder; both sites get the same
 * content (the working tree's `content/` and `reviews/`, or the same generated corpus) and the
 * project's installed packages. Exit code 0 when every tree is identical, 1 when anything differs.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prepareSite } from './bench/workspace.ts';
import { CorpusGenerator, optionsFromProject } from './bench/corpus.ts';
import { buildWith, finish, reportComparison } from './content-equivalence.ts';

function fillReviews(project: string, site: string, reviews: number | undefined, seed: number, today: string): string {
  // The working tree's content/ goes to both sites, so only the code differs.
  rmSync(path.join(site, 'content'), { recursive: true, force: true });
  cpSync(path.join(project, 'content'), path.join(site, 'content'), { recursive: true });
  rmSync(path.join(site, 'reviews'), { recursive: true, force: true });
  if (reviews === undefined) {
    cpSync(path.join(project, 'reviews'), path.join(site, 'reviews'), { recursive: true });
    return 'the sample content';
  }
  const gen = new CorpusGenerator(optionsFromProject(project, seed, today));
  for (let i = 0; i < reviews; i++) {
    const r = gen.review(i);
    const dir = path.join(site, 'reviews', r.meta.slug);
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(r.files)) writeFileSync(path.join(dir, name), text);
  }
  return `the benchmark corpus of ${reviews} reviews (seed ${seed})`;
}

async function main() {
  const { values: args } = parseArgs({
    options: {
      base: { type: 'string' },
      reviews: { type: 'string' },
      seed: { type: 'string', default: '1' },
      today: { type: 'string' },
      partners: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  if (!args.base) {
    console.error('Give the commit to compare with: --base <commit> (for example --base HEAD~3).');
    process.exitCode = 2;
    return;
  }
  const project = path.resolve(import.meta.dirname, '..');
  const ws = mkdtempSync(path.join(os.tmpdir(), 'lscp-build-equiv-'));
  const baseTree = path.join(ws, 'base-tree');
  mkdirSync(baseTree);
  const archive = execFileSync('git', ['archive', '--format=tar', args.base], { cwd: project, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', baseTree], { input: archive });
  symlinkSync(path.join(project, 'node_modules'), path.join(baseTree, 'node_modules'));
  const reviews = args.reviews ? Number(args.reviews) : undefined;
  const seed = Number(args.seed);
  const today = args.today ?? (reviews ? '2026-11-16' : '2026-11-23');
  const sites = { before: path.join(ws, 'before'), after: path.join(ws, 'after') };
  let what = '';
  for (const [label, from] of [['before', baseTree], ['after', project]] as const) {
    prepareSite(from, sites[label]);
    what = fillReviews(project, sites[label], reviews, seed, today);
  }
  console.log(`Building ${what} with ${args.base} and with the working tree, in ${ws} ...`);
  const builds: { label: string; env: Record<string, string> }[] = [{ label: 'public', env: {} }];
  if (args.partners) builds.push({ label: 'partners', env: { PARTNERS_BUILD: '1' } });
  let failed = false;
  for (const b of builds) {
    const out: Record<string, string> = {};
    for (const side of ['before', 'after'] as const) {
      const env = { BUILD_NOW: today, CONTENT_ROOT: sites[side], ...b.env };
      const r = buildWith(sites[side], 'html', `out-${b.label}`, env);
      out[side] = r.outDir;
      console.log(`  ${b.label} build, ${side}: ${(r.ms / 1000).toFixed(1)} s`);
    }
    if (!reportComparison(`${b.label} build`, out.before!, out.after!)) failed = true;
  }
  finish(ws, args.keep, failed);
}

if (import.meta.main) await main();
