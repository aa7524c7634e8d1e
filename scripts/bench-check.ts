/**
 * `npm run bench:check`: generates 10,000 actions (200 reviews of 50 actions) in a temporary
 * folder, runs the whole check on them and prints the time. Target: under 1 second.
 * Not a test: timings depend on the machine. `--actions N` changes the number.
 *
 * `npm run bench:check -- --reviews 1500` instead checks a national-size corpus made by the
 * benchmark's generator (scripts/bench/corpus.ts: reports of 3,000 to 8,000 words, statements,
 * briefings and plans), to show the anonymisation scan of report prose stays linear and quick.
 *
 * Times are wall-clock and, in brackets, CPU time of this process: on a busy machine (other
 * builds sharing the cores) the CPU time is the steadier figure.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHECK_STEPS, loadProject, runCheck } from '../src/check/index.ts';
import { addDays } from '../src/utils/dates.ts';
import { parseYaml } from '../src/utils/yaml/source.ts';
import { CorpusGenerator, optionsFromProject } from './bench/corpus.ts';

const { values } = parseArgs({
  options: {
    actions: { type: 'string', default: '10000' },
    reviews: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const total = Number(values.actions);
const national = values.reviews !== undefined ? Number(values.reviews) : undefined;
const perReview = 50;
const perRecommendation = 5;
const today = national !== undefined ? '2026-11-16' : '2026-03-14';
const forms = ['2026-03-31', '31/03/2026', '2026/06/30', 'March 2026', 'Q2 2026', '2025/26 Q4', 'ongoing'];
const statuses = ['not-started', 'in-progress', 'complete', 'assured', 'withdrawn'] as const;
const owners = ['icb', 'police', 'childrens-services', 'schools', 'community-health', 'lscp'];

/** Runs `f`, returning its result with wall-clock and CPU milliseconds. */
function timed<T>(f: () => T): { value: T; ms: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const value = f();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu0);
  return { value, ms, cpu: (used.user + used.system) / 1000 };
}
const fmt = (t: { ms: number; cpu: number }) => `${t.ms.toFixed(0)} ms (${t.cpu.toFixed(0)} ms CPU)`;

const root = mkdtempSync(path.join(os.tmpdir(), 'bench-check-'));
try {
  cpSync(path.join(process.cwd(), 'content', 'settings.yaml'), path.join(root, 'content', 'settings.yaml'), { recursive: true });
  cpSync(path.join(process.cwd(), 'content', 'themes.yaml'), path.join(root, 'content', 'themes.yaml'));
  cpSync(path.join(process.cwd(), 'content', 'agencies.yaml'), path.join(root, 'content', 'agencies.yaml'));
  let corpusBytes = 0;
  if (national !== undefined) {
    // The national-size corpus: the benchmark's own generator, as npm run bench writes it.
    const gen = new CorpusGenerator(optionsFromProject(process.cwd(), 1, today));
    for (let i = 0; i < national; i++) {
      const r = gen.review(i);
      const dir = path.join(root, 'reviews', r.meta.slug);
      mkdirSync(dir, { recursive: true });
      for (const [name, text] of Object.entries(r.files)) {
        writeFileSync(path.join(dir, name), text);
        corpusBytes += Buffer.byteLength(text);
      }
    }
  }
  let made = national === undefined ? 0 : total;
  for (let r = 0; made < total; r++) {
    const slug = `child-${r}`;
    const dir = path.join(root, 'reviews', slug);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'report.mdx'),
      `---\ntitle: Child ${r}\ntype: lcspr\ndocument: overview-report\npublication: published\npublished: 2025-06-01\nsentToPanel: 2025-05-01\npartnerships: [example-borough]\nreviewers: [A. Reviewer]\nsummary: A generated review.\nthemes: [neglect]\n---\n\nText.\n`,
    );
    const lines = [`review: ${slug}`, 'agreed: 2025-06-12', 'publicProgressApproved: 2025-07-01', 'recommendations:'];
    const count = Math.min(perReview, total - made);
    for (let i = 0; i < count; i++) {
      const rec = Math.floor(i / perRecommendation) + 1;
      if (i % perRecommendation === 0) lines.push(`  - id: R${rec}`, `    text: Recommendation ${rec}.`, '    actions:');
      const n = made + i;
      const status = statuses[n % statuses.length]!;
      const timescale = forms[n % forms.length]!;
      lines.push(
        `      - id: R${rec}.${(i % perRecommendation) + 1}`,
        '        issue: Something the review found.',
        '        action: Something to be done.',
        // Every seventh action is owned by two agencies.
        `        owner: ${n % 7 === 3 ? `[${owners[n % owners.length]}, ${owners[(n + 1) % owners.length]}]` : owners[n % owners.length]}`,
        '        lead: Designated Nurse',
        '        outcome: Something better for children.',
        `        timescale: ${timescale}`,
        `        status: ${status}`,
      );
      // Every ninth dated action has had its timescale revised once.
      if (timescale !== 'ongoing' && n % 9 === 4) {
        lines.push('        revisions:', `          - date: ${addDays(today, -(n % 60))}`, '            timescale: Q4 2026', '            reason: Moved by agreement.', '            agreedBy: MESI subgroup');
      }
      if (timescale === 'ongoing') lines.push(`        reviewBy: ${addDays(today, (n % 60) - 30)}`);
      if (status === 'complete' || status === 'assured') lines.push('        evidence: An audit.', `        completedOn: ${addDays(today, -(n % 90))}`);
      if (status === 'assured') lines.push(`        assuredOn: ${today}`);
      if (status === 'assured' && n % 2 === 0) {
        lines.push('        impact:', '          - measure: Records complete', '            finding: 28 of 30.', `            date: ${today}`, '            source: Audit');
      }
      if (status === 'withdrawn') lines.push('        reason: Overtaken by a national change.');
      lines.push('        updates:', `          - date: ${addDays(today, -(n % 120))}`, '            note: Progress reported.');
    }
    lines.push('dissemination:', '  - activity: Briefing', '    audience: [icb]', '    due: 2025-09-30');
    writeFileSync(path.join(dir, 'action-plan.yaml'), `${lines.join('\n')}\n`);
    made += count;
  }
  const run = timed(() => runCheck({ root, today }));
  const result = run.value;
  const a = result.counts.actions;
  const size = national !== undefined ? `${result.counts.reviews} reviews (${(corpusBytes / 1e6).toFixed(1)} MB), ` : '';
  console.log(`Checked ${size}${a.read} actions in ${result.counts.plans} plans (${a.inFiles} in the files) in ${fmt(run)}.`);
  console.log(`Errors: ${result.errors.length}; flags: ${result.flags.length}; warnings: ${result.warnings.length}.`);
  if (national === undefined) console.log(run.ms < 1000 ? 'Within the target of 1 second.' : 'SLOWER than the target of 1 second.');
  // Where the time goes: reading and validating (the model), then each step.
  const load = timed(() => loadProject(root, today));
  const parts = [`read and validate ${fmt(load)}`];
  for (const step of CHECK_STEPS) {
    const t = timed(() => step.run(load.value));
    if (t.ms >= 1 || step.id === 'anonymisation') parts.push(`${step.id} ${fmt(t)}`);
  }
  console.log(`Second run, step by step (steps under 1 ms left out): ${parts.join(', ')}.`);
  // For comparison: the plans' YAML read by the yaml package alone, and by the project's one reader.
  const texts = readdirSync(path.join(root, 'reviews')).flatMap((d) => {
    const file = path.join(root, 'reviews', d, 'action-plan.yaml');
    return existsSync(file) ? [readFileSync(file, 'utf8')] : [];
  });
  const mb = (texts.reduce((n, t) => n + t.length, 0) / 1e6).toFixed(1);
  const pkg = timed(() => texts.forEach((t) => parseDocument(t)));
  const ours = timed(() => texts.forEach((t) => parseYaml(t, 'plan.yaml')));
  console.log(`Parsing the same ${mb} MB of plan YAML: the yaml package alone ${fmt(pkg)}; the project's reader (src/utils/yaml/) ${fmt(ours)}.`);
  if (result.errors.length) for (const e of result.errors.slice(0, 5)) console.log(`  ${e.file}:${e.line}:${e.column} ${e.field ?? ''} ${e.message}`);
} finally {
  if (!values.keep) rmSync(root, { recursive: true, force: true });
  else console.log(`Kept ${root}`);
}
