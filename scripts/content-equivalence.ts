/**
 * Proves the HTML content pipeline (src/loaders/mdx-html.ts) gives exactly what MDX gives: builds
 * one site twice in a temporary folder, once with `CONTENT_PIPELINE=mdx` (Astro's glob loader,
 * every document a Vite MDX module) and once with `CONTENT_PIPELINE=html`, then again with the
 * HTML pipeline from its warm content cache, and compares every output file byte for byte
 * (pages, feed, sitemap, `_headers`, CSS and JS, PDFs, Pagefind's index). Nothing is excluded.
 *
 *   node scripts/content-equivalence.ts                  # the project's own sample content
 *   node scripts/content-equivalence.ts --reviews 250    # the benchmark's generated corpus
 *   options: --seed 1 --today YYYY-MM-DD (BUILD_NOW) --keep --no-rebuild
 *            --partners (also the partners' build, PARTNERS_BUILD=1, both ways)
 *
 * Exit code 0 when the trees are identical, 1 when anything differs (listed).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { prepareSite } from './bench/workspace.ts';
import { CorpusGenerator, optionsFromProject } from './bench/corpus.ts';
import { siteBuildCommand, siteBuildEnv } from './lib/build-command.ts';
import { REUSABLE_PAGES } from '../src/integrations/incremental.ts';

export interface TreeDifference {
  file: string;
  /** `only in <side>` or the first differing byte offset with a little context. */
  detail: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

/** Every file of both trees compared byte for byte. */
export function compareTrees(a: string, b: string): { files: number; differences: TreeDifference[] } {
  const left = filesUnder(a);
  const right = new Set(filesUnder(b));
  const differences: TreeDifference[] = [];
  for (const file of left) {
    if (!right.delete(file)) {
      differences.push({ file, detail: `only in ${a}` });
      continue;
    }
    const x = readFileSync(path.join(a, file));
    const y = readFileSync(path.join(b, file));
    if (x.equals(y)) continue;
    let i = 0;
    while (i < x.length && i < y.length && x[i] === y[i]) i++;
    const around = (buf: Buffer) => JSON.stringify(buf.subarray(Math.max(0, i - 60), i + 60).toString('utf8'));
    differences.push({ file, detail: `first difference at byte ${i}:\n    ${around(x)}\n    ${around(y)}` });
  }
  for (const file of right) differences.push({ file, detail: `only in ${b}` });
  return { files: left.length, differences };
}

/** Compares two output trees, prints the count and the first differences; true when they are identical. */
export function reportComparison(label: string, before: string, after: string): boolean {
  const { files, differences } = compareTrees(before, after);
  console.log(`${label}: ${files} files compared, ${differences.length} differ`);
  for (const d of differences.slice(0, 20)) console.log(`  ${d.file}: ${d.detail}`);
  return differences.length === 0;
}

/** Removes the workspace (or says where it was kept) and sets the exit code. */
export function finish(ws: string, keep: boolean, failed: boolean): void {
  if (keep) console.log(`kept ${ws}`);
  else rmSync(ws, { recursive: true, force: true });
  process.exitCode = failed ? 1 : 0;
}

/**
 * `astro build` in `dir` with the given pipeline; the output is moved to `dist-<label>`. Every page
 * is rendered (no page is reused from an earlier build: the incremental build's cache is emptied
 * first); the content layer's cache is kept, so a second build is one from a warm content cache.
 */
export function buildWith(dir: string, pipeline: 'mdx' | 'html', label: string, env: Record<string, string> = {}): { outDir: string; ms: number; output: string } {
  for (const kind of ['public', 'partners']) {
    for (const cached of REUSABLE_PAGES) rmSync(path.join(dir, '.cache', kind, cached), { recursive: true, force: true });
  }
  const started = Date.now();
  const { command, args } = siteBuildCommand(dir);
  const result = spawnSync(command, args, {
    cwd: dir,
    encoding: 'utf8',
    env: siteBuildEnv(dir, { CI: '', ...env, CONTENT_PIPELINE: pipeline }),
    maxBuffer: 256 * 1024 * 1024,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`the ${label} build failed (exit ${result.status}):\n${output.slice(-4000)}`);
  const outDir = path.join(dir, `dist-${label}`);
  const built = path.join(dir, env.PARTNERS_BUILD === '1' ? 'dist-partners' : 'dist');
  // The label `partners` names the partners build's own output folder: leave it where it is.
  if (built !== outDir) {
    rmSync(outDir, { recursive: true, force: true });
    renameSync(built, outDir);
  }
  return { outDir, ms: Date.now() - started, output };
}

async function main() {
  const { values: args } = parseArgs({
    options: {
      reviews: { type: 'string' },
      seed: { type: 'string', default: '1' },
      // The bench's clock for its corpus; the build tests' clock for the sample content.
      today: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'no-rebuild': { type: 'boolean', default: false },
      partners: { type: 'boolean', default: false },
    },
  });
  const project = path.resolve(import.meta.dirname, '..');
  const ws = mkdtempSync(path.join(os.tmpdir(), 'lscp-equiv-'));
  const site = path.join(ws, 'site');
  prepareSite(project, site);
  let what: string;
  const today = args.today ?? (args.reviews ? '2026-11-16' : '2026-11-23');
  if (args.reviews) {
    const n = Number(args.reviews);
    const gen = new CorpusGenerator(optionsFromProject(project, Number(args.seed), today));
    let documents = 0;
    for (let i = 0; i < n; i++) {
      const r = gen.review(i);
      const dir = path.join(site, 'reviews', r.meta.slug);
      mkdirSync(dir, { recursive: true });
      for (const [name, text] of Object.entries(r.files)) {
        writeFileSync(path.join(dir, name), text);
        if (name.endsWith('.mdx')) documents++;
      }
    }
    what = `the benchmark corpus of ${n} reviews (${documents} review documents, seed ${args.seed})`;
  } else {
    cpSync(path.join(project, 'reviews'), path.join(site, 'reviews'), { recursive: true });
    what = 'the sample content';
  }
  const env = { BUILD_NOW: today, CONTENT_ROOT: site };
  console.log(`Building ${what} in ${ws} ...`);
  const mdx = buildWith(site, 'mdx', 'mdx', env);
  console.log(`  MDX pipeline:  ${(mdx.ms / 1000).toFixed(1)} s`);
  const html = buildWith(site, 'html', 'html', env);
  console.log(`  HTML pipeline: ${(html.ms / 1000).toFixed(1)} s (cold content cache)`);
  const runs: { label: string; dir: string; against?: string }[] = [{ label: 'HTML pipeline, cold', dir: html.outDir }];
  if (!args['no-rebuild']) {
    const warm = buildWith(site, 'html', 'html-warm', env);
    console.log(`  HTML pipeline: ${(warm.ms / 1000).toFixed(1)} s (warm content cache)`);
    runs.push({ label: 'HTML pipeline, warm cache', dir: warm.outDir });
  }
  if (args.partners) {
    const partnersEnv = { ...env, PARTNERS_BUILD: '1' };
    const a = buildWith(site, 'mdx', 'partners-mdx', partnersEnv);
    const b = buildWith(site, 'html', 'partners-html', partnersEnv);
    console.log(`  partners' build: MDX ${(a.ms / 1000).toFixed(1)} s, HTML ${(b.ms / 1000).toFixed(1)} s`);
    runs.push({ label: "Partners' build, HTML pipeline", dir: b.outDir, against: a.outDir });
  }
  let failed = false;
  for (const run of runs) {
    if (!reportComparison(`${run.label} against MDX`, run.against ?? mdx.outDir, run.dir)) failed = true;
  }
  finish(ws, args.keep, failed);
}

if (import.meta.main) await main();
