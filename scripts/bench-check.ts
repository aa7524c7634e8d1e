/**
 * `npm run bench:check`: generates 10,000 actions (200 reviews of 50 actions) in a temporary
 * folder, runs the whole check on them and prints the time. Target: under 1 second.
 * Not a test: timings depend on the machine. `--actions N` changes the number.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHECK_STEPS, loadProject, runCheck } from '../src/check/index.ts';
import { addDays } from '../src/utils/dates.ts';

const { values } = parseArgs({ options: { actions: { type: 'string', default: '10000' }, keep: { type: 'boolean', default: false } } });
const total = Number(values.actions);
const perReview = 50;
const perRecommendation = 5;
const today = '2026-03-14';
const forms = ['2026-03-31', '31/03/2026', '2026/06/30', 'March 2026', 'Q2 2026', '2025/26 Q4', 'ongoing'];
const statuses = ['not-started', 'in-progress', 'complete', 'assured', 'withdrawn'] as const;
const owners = ['icb', 'police', 'childrens-services', 'schools', 'community-health', 'lscp'];

const root = mkdtempSync(path.join(os.tmpdir(), 'bench-check-'));
try {
  cpSync(path.join(process.cwd(), 'content', 'settings.yaml'), path.join(root, 'content', 'settings.yaml'), { recursive: true });
  cpSync(path.join(process.cwd(), 'content', 'themes.yaml'), path.join(root, 'content', 'themes.yaml'));
  cpSync(path.join(process.cwd(), 'content', 'agencies.yaml'), path.join(root, 'content', 'agencies.yaml'));
  let made = 0;
  for (let r = 0; made < total; r++) {
    const slug = `child-${r}`;
    const dir = path.join(root, 'reviews', slug);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'report.mdx'),
      `---\ntitle: Child ${r}\ntype: lcspr\ndocument: overview-report\npublication: published\npublished: 2025-06-01\nsentToPanel: 2025-05-01\npartnerships: [example-borough]\nreviewers: [A. Reviewer]\nsummary: A generated review.\nthemes: [neglect]\n---\n\nText.\n`,
    );
    const lines = [`review: ${slug}`, 'agreed: 2025-06-12', 'recommendations:'];
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
        `        owner: ${owners[n % owners.length]}`,
        '        lead: Designated Nurse',
        '        outcome: Something better for children.',
        `        timescale: ${timescale}`,
        `        status: ${status}`,
      );
      if (timescale === 'ongoing') lines.push(`        reviewBy: ${addDays(today, (n % 60) - 30)}`);
      if (status === 'complete' || status === 'assured') lines.push('        evidence: An audit.', `        completedOn: ${addDays(today, -(n % 90))}`);
      if (status === 'assured') lines.push(`        assuredOn: ${today}`);
      if (status === 'withdrawn') lines.push('        reason: Overtaken by a national change.');
      lines.push('        updates:', `          - date: ${addDays(today, -(n % 120))}`, '            note: Progress reported.');
    }
    lines.push('dissemination:', '  - activity: Briefing', '    audience: [icb]', '    due: 2025-09-30');
    writeFileSync(path.join(dir, 'action-plan.yaml'), `${lines.join('\n')}\n`);
    made += count;
  }
  const start = performance.now();
  const result = runCheck({ root, today });
  const ms = performance.now() - start;
  const a = result.counts.actions;
  console.log(`Checked ${a.read} actions in ${result.counts.plans} plans (${a.inFiles} in the files) in ${ms.toFixed(0)} ms.`);
  console.log(`Errors: ${result.errors.length}; flags: ${result.flags.length}.`);
  console.log(ms < 1000 ? 'Within the target of 1 second.' : 'SLOWER than the target of 1 second.');
  // Where the time goes: reading and validating (the model), then each step.
  const loadStart = performance.now();
  const project = loadProject(root, today);
  const parts = [`read and validate ${(performance.now() - loadStart).toFixed(0)} ms`];
  for (const step of CHECK_STEPS) {
    const t = performance.now();
    step.run(project);
    parts.push(`${step.id} ${(performance.now() - t).toFixed(0)} ms`);
  }
  console.log(`Second run, step by step: ${parts.join(', ')}.`);
  // For comparison: the YAML library alone reading the same files (the floor for any check).
  const texts = readdirSync(path.join(root, 'reviews')).map((d) => readFileSync(path.join(root, 'reviews', d, 'action-plan.yaml'), 'utf8'));
  const yamlStart = performance.now();
  for (const t of texts) parseDocument(t);
  console.log(`Parsing the same ${(texts.reduce((n, t) => n + t.length, 0) / 1e6).toFixed(1)} MB of YAML alone (the yaml package) takes ${(performance.now() - yamlStart).toFixed(0)} ms here.`);
  if (result.errors.length) for (const e of result.errors.slice(0, 5)) console.log(`  ${e.file}:${e.line}:${e.column} ${e.field ?? ''} ${e.message}`);
} finally {
  if (!values.keep) rmSync(root, { recursive: true, force: true });
  else console.log(`Kept ${root}`);
}
