/**
 * `npm run bench [-- --sizes 50,150]`: builds a synthetic corpus of N reviews with this project's
 * site and with a bare Astro + MDX site, in a temporary folder, and measures both. Prints a table
 * and writes it to bench/results.md (between the bench:start and bench:end markers; notes outside
 * them are kept).
 *
 * Options:
 *   --sizes 50,150        corpus sizes (reviews); the full run is --sizes 250,750,1500
 *   --seed 1              corpus seed
 *   --today 2026-11-16    the build clock (BUILD_NOW) and the generator's "today"
 *   --query neglect       the first search to measure
 *   --no-bare             skip the bare Astro build
 *   --no-rebuild          skip the rebuild after one change
 *   --no-browser          skip the headless Chromium measurements
 *   --keep                keep the temporary folders (their paths are printed)
 *   --out bench/results.md
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CorpusGenerator, optionsFromProject } from './bench/corpus.ts';
import { measure, type Measured } from './bench/measure.ts';
import { copyReports, prepareBare, prepareSite } from './bench/workspace.ts';
import { firstSearch, folderSize, pageWeight, type PageWeight, type SearchWeight } from './bench/weight.ts';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '50,150' },
    seed: { type: 'string', default: '1' },
    today: { type: 'string', default: '2026-11-16' },
    query: { type: 'string', default: 'neglect' },
    'no-bare': { type: 'boolean', default: false },
    'no-rebuild': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results.md' },
  },
});

const project = process.cwd();
const sizes = args.sizes.split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const seed = Number(args.seed);
const today = args.today;
const MB = 1024 * 1024;
const KB = 1024;

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const secs = (ms: number) => (ms / 1000).toFixed(1);
const mb = (b: number) => (b / MB).toFixed(0);
const kb = (b: number) => (b / KB).toFixed(1);
const version = (pkg: string) => {
  try {
    return (JSON.parse(readFileSync(path.join(project, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
};

/** The calendar day after an ISO date (YYYY-MM-DD). */
function nextDay(day: string): string {
  const d = new Date(`${day.slice(0, 10)}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** How many pages a build copied from the last one (Astro logs them "(cached)" or "(restored)"). */
function reusedPages(m: Measured): number {
  return (m.log.match(/\((?:cached|restored)\)/g) ?? []).length;
}

interface Phase {
  name: string;
  seconds: number;
}

/** Phases of an Astro build from its log (our log lines start with seconds since start). */
function phases(m: Measured): Phase[] {
  const lines = m.log.split('\n');
  const at = (re: RegExp, from?: number) => {
    const i = lines.findIndex((x, k) => k > (from ?? -1) && re.test(x));
    return i < 0 ? undefined : { i, t: Number(lines[i]!.split(' ')[0]) };
  };
  const sync = at(/\[content\] Syncing content/);
  const synced = at(/\[content\] Synced content/);
  const entry = at(/Building static entrypoints/);
  const routes = at(/generating static routes/);
  const rendered = routes ? at(/\[build\] ✓ Completed in/, routes.i) : undefined;
  const built = at(/page\(s\) built in/);
  const out: Phase[] = [];
  const push = (name: string, a?: { t: number }, b?: { t: number }) => {
    if (a && b && b.t >= a.t) out.push({ name, seconds: b.t - a.t });
  };
  const zero = { t: 0 };
  push('start-up (config, check integration, Vite deps)', zero, sync);
  push('content sync', sync, synced);
  push('to entrypoints', synced, entry);
  push('static entrypoints (Vite bundle of pages, styles and every MDX module)', entry, routes);
  push('generating static routes (rendering pages)', routes, rendered);
  // npm run build makes the search index once Astro has ended (scripts/build.ts); the bare build has none.
  const indexed = built ? at(/\[lscp:search\]/, built.i) : undefined;
  push('after routes (sitemap, headers; the Pagefind index when made inside Astro)', rendered, built);
  push('Astro exits, then the search index', built, indexed);
  push('to exit', indexed ?? built, { t: m.ms / 1000 });
  return out;
}

interface SizeResult {
  size: number;
  documents: number;
  publicBodies: number;
  words: number;
  actions: number;
  corpusBytes: number;
  check?: Measured;
  bare?: Measured;
  bareOut?: { bytes: number; files: number };
  ours: Measured;
  ourPhases: Phase[];
  barePhases: Phase[];
  out: { bytes: number; files: number };
  index: { bytes: number; files: number };
  pages: { median: PageWeight; max: PageWeight; count: number } | undefined;
  search?: SearchWeight;
  reviewPageBrowser?: number;
  rebuild?: Measured;
  /** The nightly build: a rebuild where only the date moved on by a day. */
  nightly?: Measured;
  workspace: string;
}

async function runSize(size: number): Promise<SizeResult> {
  const ws = mkdtempSync(path.join(os.tmpdir(), `lscp-bench-${size}-`));
  const site = path.join(ws, 'site');
  const bare = path.join(ws, 'bare');
  log(`\n== ${size} reviews in ${ws}`);
  prepareSite(project, site);
  const gen = new CorpusGenerator(optionsFromProject(project, seed, today));
  let words = 0;
  let actions = 0;
  let corpusBytes = 0;
  let documents = 0;
  const publishedSlugs: string[] = [];
  for (let i = 0; i < size; i++) {
    const r = gen.review(i);
    const dir = path.join(site, 'reviews', r.meta.slug);
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(r.files)) {
      writeFileSync(path.join(dir, name), text);
      corpusBytes += Buffer.byteLength(text);
      if (name.endsWith('.mdx')) documents += 1;
    }
    words += r.meta.words;
    actions += r.meta.actions;
    if (r.meta.state === 'published') publishedSlugs.push(r.meta.slug);
  }
  log(`   corpus: ${documents} documents, ${words.toLocaleString('en-GB')} report words, ${actions} actions, ${mb(corpusBytes)} MB`);
  const env = { BUILD_NOW: today, CONTENT_ROOT: site, ASTRO_TELEMETRY_DISABLED: '1', CI: '' };

  const pkg = JSON.parse(readFileSync(path.join(site, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  let check: Measured | undefined;
  if (pkg.scripts?.check) {
    log('   npm run check ...');
    check = await measure('npm', ['run', 'check'], { cwd: site, env, logFile: path.join(ws, 'check.log') });
    log(`   check: ${secs(check.ms)} s, exit ${check.exitCode}`);
  } else log('   (no check script in package.json: skipped)');

  let bareRun: Measured | undefined;
  let bareOut: { bytes: number; files: number } | undefined;
  if (!args['no-bare']) {
    prepareBare(project, bare);
    copyReports(site, bare);
    log('   bare Astro + MDX build ...');
    bareRun = await measure('npm', ['run', 'build'], { cwd: bare, env: { ASTRO_TELEMETRY_DISABLED: '1' }, logFile: path.join(ws, 'bare-build.log') });
    if (bareRun.exitCode !== 0) throw new Error(`the bare build failed; see ${ws}/bare-build.log\n${bareRun.log.slice(-3000)}`);
    bareOut = folderSize(path.join(bare, 'dist'));
    log(`   bare: ${secs(bareRun.ms)} s, peak ${mb(bareRun.peakRss)} MB`);
  }

  // A cold build: nothing kept from the check above (its anonymisation findings) or any earlier build.
  rmSync(path.join(site, '.cache'), { recursive: true, force: true });
  log('   our build (npm run build) ...');
  const ours = await measure('npm', ['run', 'build'], { cwd: site, env, logFile: path.join(ws, 'build.log') });
  if (ours.exitCode !== 0) throw new Error(`our build failed; see ${ws}/build.log\n${ours.log.slice(-3000)}`);
  log(`   ours: ${secs(ours.ms)} s, peak ${mb(ours.peakRss)} MB`);
  const dist = path.join(site, 'dist');

  // Review pages with a public report body: page weight of each; keep the median and the heaviest.
  const weights: PageWeight[] = [];
  for (const slug of publishedSlugs) {
    const page = `reviews/${slug}/index.html`;
    if (!existsSync(path.join(dist, page))) continue;
    if (!readFileSync(path.join(dist, page), 'utf8').includes('data-pagefind-body')) continue;
    weights.push(pageWeight(dist, page));
  }
  weights.sort((a, b) => a.total - b.total);
  const pages = weights.length > 0 ? { median: weights[Math.floor(weights.length / 2)]!, max: weights[weights.length - 1]!, count: weights.length } : undefined;

  let search: SearchWeight | undefined;
  let reviewPageBrowser: number | undefined;
  if (!args['no-browser']) {
    log('   first search in headless Chromium ...');
    const got = await firstSearch(dist, args.query, pages?.max.page);
    if (got) ({ search, reviewPage: reviewPageBrowser } = got);
    else log('   (no Chromium or playwright-core: browser measurements skipped)');
  }

  let rebuild: Measured | undefined;
  if (!args['no-rebuild'] && publishedSlugs.length > 0) {
    const file = path.join(site, 'reviews', publishedSlugs[0]!, 'report.mdx');
    appendFileSync(file, '\nA paragraph added to measure a rebuild after one change.\n');
    log('   rebuild after one change ...');
    rebuild = await measure('npm', ['run', 'build'], { cwd: site, env, logFile: path.join(ws, 'rebuild.log') });
    log(`   rebuild: ${secs(rebuild.ms)} s, peak ${mb(rebuild.peakRss)} MB, ${reusedPages(rebuild)} pages reused`);
  }
  let nightly: Measured | undefined;
  if (!args['no-rebuild']) {
    log('   rebuild the next day, nothing else changed ...');
    nightly = await measure('npm', ['run', 'build'], { cwd: site, env: { ...env, BUILD_NOW: nextDay(today) }, logFile: path.join(ws, 'nightly.log') });
    if (nightly.exitCode !== 0) throw new Error(`the next day's build failed; see ${ws}/nightly.log`);
    log(`   next day: ${secs(nightly.ms)} s, peak ${mb(nightly.peakRss)} MB, ${reusedPages(nightly)} pages reused`);
  }

  const result: SizeResult = {
    size,
    documents,
    publicBodies: weights.length,
    words,
    actions,
    corpusBytes,
    check,
    bare: bareRun,
    bareOut,
    ours,
    ourPhases: phases(ours),
    barePhases: bareRun ? phases(bareRun) : [],
    out: folderSize(dist),
    index: folderSize(path.join(dist, 'pagefind')),
    pages,
    search,
    reviewPageBrowser,
    rebuild,
    nightly,
    workspace: ws,
  };
  if (!args.keep) rmSync(ws, { recursive: true, force: true });
  return result;
}

function machine(): string[] {
  const cpu = existsSync('/proc/cpuinfo') ? (/model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? '?') : os.cpus()[0]?.model ?? '?';
  let nproc = String(os.availableParallelism());
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    /* keep os's */
  }
  return [
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; command: \`npm run bench -- --sizes ${sizes.join(',')}\` (seed ${seed}, BUILD_NOW ${today}, query "${args.query}")`,
    `- Machine: \`nproc\` ${nproc}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB memory, ${cpu}; load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
    `- Versions: Node ${process.version}, Astro ${version('astro')}, @astrojs/mdx ${version('@astrojs/mdx')}, Pagefind ${version('pagefind')}, Vite ${version('vite')}`,
  ];
}

function tables(results: SizeResult[]): string {
  const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  const out: string[] = [];
  out.push(
    row(['Reviews', 'Documents', 'Report words', 'Actions', '`npm run check`', 'Our build', 'Our peak RSS', 'Bare build', 'Bare peak RSS', 'Time ours/bare', 'Memory ours/bare', 'Rebuild after one change', 'Next day\'s rebuild', 'Rebuilds / bare cold (one change; next day)']),
    row(Array(14).fill('---')),
  );
  for (const r of results) {
    out.push(
      row([
        r.size,
        r.documents,
        r.words.toLocaleString('en-GB'),
        r.actions,
        r.check ? `${secs(r.check.ms)} s${r.check.exitCode ? ` (exit ${r.check.exitCode})` : ''}` : 'n/a',
        `${secs(r.ours.ms)} s`,
        `${mb(r.ours.peakRss)} MB`,
        r.bare ? `${secs(r.bare.ms)} s` : 'n/a',
        r.bare ? `${mb(r.bare.peakRss)} MB` : 'n/a',
        r.bare ? (r.ours.ms / r.bare.ms).toFixed(2) : 'n/a',
        r.bare && r.bare.peakRss ? (r.ours.peakRss / r.bare.peakRss).toFixed(2) : 'n/a',
        r.rebuild ? `${secs(r.rebuild.ms)} s (${reusedPages(r.rebuild)} pages reused)` : 'n/a',
        r.nightly ? `${secs(r.nightly.ms)} s (${reusedPages(r.nightly)} pages reused)` : 'n/a',
        r.bare && r.rebuild && r.nightly ? `${(r.rebuild.ms / r.bare.ms).toFixed(2)}; ${(r.nightly.ms / r.bare.ms).toFixed(2)}` : 'n/a',
      ]),
    );
  }
  out.push('', row(['Reviews', 'Output', 'Output files', 'Bare output', 'Search index', 'Index files', 'First search (Pagefind bytes)', 'Of which fragments', 'Search page itself', 'Review page HTML+CSS+JS gzip (median / max)', 'Of which JS']), row(Array(11).fill('---')));
  for (const r of results) {
    out.push(
      row([
        r.size,
        `${mb(r.out.bytes)} MB`,
        r.out.files,
        r.bareOut ? `${mb(r.bareOut.bytes)} MB` : 'n/a',
        `${(r.index.bytes / MB).toFixed(1)} MB`,
        r.index.files,
        r.search ? `${kb(r.search.pagefind)} KB in ${r.search.pagefindRequests} requests (${r.search.results})` : 'n/a',
        r.search ? `${kb(r.search.fragments)} KB in ${r.search.fragmentRequests}` : 'n/a',
        r.search ? `${kb(r.search.page)} KB` : 'n/a',
        r.pages ? `${kb(r.pages.median.total)} / ${kb(r.pages.max.total)} KB` : 'n/a',
        r.pages ? `${kb(r.pages.max.js)} KB` : 'n/a',
      ]),
    );
  }
  if (results.length > 1) {
    out.push('', 'Growth from one size to the next (a linear build grows by the size factor):', '', row(['From → to', 'Size ×', 'Our time ×', 'Our memory ×', 'Bare time ×', 'Bare memory ×', 'Check time ×']), row(Array(7).fill('---')));
    for (let i = 1; i < results.length; i++) {
      const a = results[i - 1]!;
      const b = results[i]!;
      const f = (x?: number, y?: number) => (x && y ? (y / x).toFixed(2) : 'n/a');
      out.push(row([`${a.size} → ${b.size}`, f(a.size, b.size), f(a.ours.ms, b.ours.ms), f(a.ours.peakRss, b.ours.peakRss), f(a.bare?.ms, b.bare?.ms), f(a.bare?.peakRss, b.bare?.peakRss), f(a.check?.ms, b.check?.ms)]));
    }
  }
  out.push('', 'Where the time goes (from the build logs, seconds):', '');
  for (const r of results) {
    out.push(`- ${r.size} reviews, ours: ${r.ourPhases.map((p) => `${p.name} ${p.seconds.toFixed(1)}`).join('; ')}`);
    if (r.rebuild) out.push(`- ${r.size} reviews, ours, rebuild after one change: ${phases(r.rebuild).map((p) => `${p.name} ${p.seconds.toFixed(1)}`).join('; ')}`);
    if (r.nightly) out.push(`- ${r.size} reviews, ours, next day's rebuild: ${phases(r.nightly).map((p) => `${p.name} ${p.seconds.toFixed(1)}`).join('; ')}`);
    if (r.bare) out.push(`- ${r.size} reviews, bare: ${r.barePhases.map((p) => `${p.name} ${p.seconds.toFixed(1)}`).join('; ')}`);
  }
  return out.join('\n');
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

async function main() {
  log(`Benchmark: sizes ${sizes.join(', ')}; temporary folders under ${os.tmpdir()}`);
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await runSize(size));
  const generated = [
    START,
    '## Latest run (written by `npm run bench`)',
    '',
    ...machine(),
    '- Other engineers were using the same machine: timings are noisy (see the load average).',
    '',
    tables(results),
    '',
    'Peak RSS is the summed resident memory of the whole process tree (npm, Astro, esbuild, Pagefind), sampled from /proc every 100 ms. Page bytes are gzip level 6 as a static host would serve them. First search: headless Chromium loading /search/?q=… from a local server; bytes are as transferred (with headers) for the files under /pagefind/.',
    END,
  ].join('\n');
  const table = tables(results);
  process.stdout.write(`\n${machine().join('\n')}\n\n${table}\n`);
  const out = path.resolve(project, args.out);
  mkdirSync(path.dirname(out), { recursive: true });
  const previous = existsSync(out) ? readFileSync(out, 'utf8') : `# Benchmark: a national-size corpus\n\n${START}\n${END}\n`;
  const next = previous.includes(START) && previous.includes(END)
    ? previous.slice(0, previous.indexOf(START)) + generated + previous.slice(previous.indexOf(END) + END.length)
    : `${previous.trimEnd()}\n\n${generated}\n`;
  writeFileSync(out, next);
  log(`\nWrote ${path.relative(project, out)}`);
  if (args.keep) for (const r of results) log(`kept ${r.workspace}`);
  void readdirSync;
}

await main();
