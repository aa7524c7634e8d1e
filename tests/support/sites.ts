/**
 * Builds the sample site for the browser tests: a temporary copy of the project (its node_modules
 * linked, never copied) with non-public "canary" documents planted in it, built twice with
 * BUILD_NOW fixed: the public build and the partners build, each into its own temporary folder.
 * Nothing in the working tree (dist/, .astro/) is touched.
 *
 * Each canary is a made-up word in a document the publication gate must keep off the public
 * site (a draft, a scheduled review, withheld, delayed and archived report bodies, a report
 * without its anonymisation sign-off, a draft briefing and national entry, and case files, which
 * are partners-only: one in a folder of its own, one decided "no review", one beside a public
 * review). The tests check no public page, and no search, ever shows one.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { reportDocx } from './docx-fixtures.ts';

export const BUILD_NOW = '2026-11-23';
const PROJECT = path.resolve(import.meta.dirname, '../..');
/** What a build needs from the project. */
const COPIED = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'reviews', 'public'];

export interface Canary {
  word: string;
  /** Where it was planted and why it must not be public. */
  where: string;
}

export interface BuiltSites {
  /** The temporary folder holding everything below. */
  tmp: string;
  publicDir: string;
  partnersDir: string;
  canaries: Canary[];
}

const SEVEN_PARTS = (word: string) =>
  [1, 2, 3, 4, 5, 6, 7].map((n) => `## ${n}. Part ${n}\n\nA fictional test paragraph ${n} with ${word} in it.\n`).join('\n');

function report(fields: Record<string, string>, word: string): string {
  const front = {
    type: 'lcspr',
    partnerships: '[example-borough]',
    themes: '[neglect]',
    ...fields,
  };
  const yaml = Object.entries(front)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `---\n${yaml}\n---\n\nA fictional test report planted by the browser tests. ${word}\n\n## Findings\n\nThe word ${word} must never be public.\n`;
}

/** Plants the canary documents in a project copy and returns their words. */
export async function plantCanaries(root: string): Promise<Canary[]> {
  const canaries: Canary[] = [];
  const put = async (rel: string, text: string) => {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  };
  const published = (word: string, extra: Record<string, string>) =>
    report({ document: 'overview-report', publication: 'published', reviewers: '[T. Fixture]', ...extra }, word);

  canaries.push({ word: 'zqcanarydraftreport', where: 'a draft review (report body)' });
  canaries.push({ word: 'zqcanarydraftsummary', where: 'a draft review (summary)' });
  await put(
    'reviews/zz-canary-draft/report.mdx',
    published('zqcanarydraftreport', {
      title: 'Child Canary D',
      published: '2026-01-05',
      draft: 'true',
      summary: 'A draft summary zqcanarydraftsummary.',
      anonymisation: '\n  date: 2026-01-01\n  role: Business Manager',
    }),
  );

  canaries.push({ word: 'zqcanaryscheduledreport', where: 'a review dated after the build (report body)' });
  canaries.push({ word: 'zqcanaryscheduledsummary', where: 'a review dated after the build (summary)' });
  canaries.push({ word: 'zqcanaryscheduledstatement', where: 'a statement dated after the build' });
  await put(
    'reviews/zz-canary-scheduled/report.mdx',
    published('zqcanaryscheduledreport', {
      title: 'Child Canary S',
      published: '2027-03-01',
      summary: 'A scheduled summary zqcanaryscheduledsummary.',
      anonymisation: '\n  date: 2026-01-01\n  role: Business Manager',
    }),
  );
  await put(
    'reviews/zz-canary-scheduled/statement.mdx',
    `---\ntitle: "Partnership statement: Child Canary S"\npublished: 2027-03-01\n---\n\nA scheduled statement zqcanaryscheduledstatement.\n`,
  );

  canaries.push({ word: 'zqcanarywithheldreport', where: 'a withheld report body' });
  canaries.push({ word: 'zqcanarydraftbriefing', where: 'a draft briefing of a public review' });
  await put(
    'reviews/zz-canary-withheld/report.mdx',
    report(
      {
        title: 'Child Canary W',
        publication: 'withheld',
        published: '2026-01-10',
        summary: 'A fictional review planted by the tests, whose report is withheld to protect the family.',
      },
      'zqcanarywithheldreport',
    ),
  );
  await put(
    'reviews/zz-canary-withheld/statement.mdx',
    `---\ntitle: "Partnership statement: Child Canary W"\npublished: 2026-01-10\n---\n\nA fictional statement planted by the browser tests. It is public.\n`,
  );
  await put(
    'reviews/zz-canary-withheld/briefing.mdx',
    `---\ntitle: "7-minute briefing: Child Canary W"\npublished: 2026-01-10\ndraft: true\n---\n\n${SEVEN_PARTS('zqcanarydraftbriefing')}`,
  );

  canaries.push({ word: 'zqcanarydelayedreport', where: 'a delayed report body' });
  await put(
    'reviews/zz-canary-delayed/report.mdx',
    report(
      {
        title: 'Child Canary L',
        publication: 'delayed',
        published: '2026-02-10',
        expected: '2027-01-15',
        delayReason: 'an ongoing criminal trial',
        summary: 'A fictional review planted by the tests, whose report is delayed by a criminal trial.',
      },
      'zqcanarydelayedreport',
    ),
  );

  canaries.push({ word: 'zqcanaryarchivedreport', where: 'an archived report body' });
  await put(
    'reviews/zz-canary-archived/report.mdx',
    published('zqcanaryarchivedreport', {
      title: 'Child Canary A',
      published: '2025-01-10',
      archived: '2026-02-01',
      summary: 'A fictional review planted by the tests, whose full report has been archived.',
      anonymisation: `\n  date: 2024-12-01\n  role: Business Manager`,
    }),
  );

  canaries.push({ word: 'zqcanarynosignoff', where: 'a report without its anonymisation sign-off' });
  await put(
    'reviews/zz-canary-nosignoff/report.mdx',
    published('zqcanarynosignoff', {
      title: 'Child Canary N',
      published: '2026-03-10',
      summary: 'A fictional review planted by the tests, whose anonymisation has not been signed off.',
    }),
  );

  canaries.push({ word: 'zqcanarycaseonly', where: 'a case file in a folder of its own (partners only)' });
  await put(
    'reviews/zz-canary-case-only/case.yaml',
    [
      'title: Child Canary Case zqcanarycaseonly',
      'aware: 2025-12-01',
      'decision:',
      '  outcome: lcspr',
      '  date: 2025-12-17',
      '  reason: A fictional decision zqcanarycaseonly.',
      'lcspr:',
      '  leadReviewer: Reviewer zqcanarycaseonly',
      '  delay:',
      '    notified: 2026-05-27',
      '    reason: A fictional delay zqcanarycaseonly.',
      '    revisedDate: 2027-01-29',
      '',
    ].join('\n'),
  );
  canaries.push({ word: 'zqcanarynoreview', where: 'a case decided "no review" (partners only)' });
  await put(
    'reviews/zz-canary-no-review/case.yaml',
    ['title: Child Canary NR zqcanarynoreview', 'aware: 2026-09-14', 'decision:', '  outcome: no-review', '  date: 2026-10-01', '  reason: Not met zqcanarynoreview.', ''].join('\n'),
  );
  canaries.push({ word: 'zqcanarycasebeside', where: 'a case file beside a public review (partners only)' });
  await put(
    'reviews/zz-canary-withheld/case.yaml',
    ['title: Child Canary W', 'aware: 2025-06-02', 'decision:', '  outcome: lcspr', '  date: 2025-06-20', '  reason: Met zqcanarycasebeside.', ''].join('\n'),
  );

  canaries.push({ word: 'zqcanarydraftnational', where: 'a draft national entry' });
  await put(
    'content/national/zz-canary-draft.yaml',
    [
      'title: A draft national report',
      'kind: thematic-report',
      'publisher: Child Safeguarding Practice Review Panel',
      'published: 2026-01-10',
      'themes: [neglect]',
      'summary: A draft summary zqcanarydraftnational.',
      'url: https://www.example.org/zz-canary',
      'draft: true',
      '',
    ].join('\n'),
  );
  return canaries;
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed (exit ${code}) in ${cwd}:\n${out.slice(-6000)}`)),
    );
  });
}

/** Builds one site from a project folder with the Node that runs the tests. */
export async function buildSite(root: string, outDir: string, partners: boolean): Promise<void> {
  const astro = path.join(PROJECT, 'node_modules/astro/bin/astro.mjs');
  await run(process.execPath, [astro, 'build', '--outDir', outDir], root, {
    BUILD_NOW,
    ASTRO_TELEMETRY_DISABLED: '1',
    PARTNERS_BUILD: partners ? '1' : '',
    CONTENT_ROOT: root,
  });
}

/** Copies the project, plants the canaries and builds the public and partners sites. */
/** The slug of the review imported from a Word document by `npm run import` (scripts/import.ts). */
export const IMPORTED = 'child-e';

/**
 * Imports the test's Word report (tests/support/docx-fixtures.ts) as reviews/child-e/report.mdx
 * with the command editors run, then does the editor's part: publishes it with its sign-off.
 */
async function importReport(root: string): Promise<void> {
  const docx = path.join(root, 'imported-report.docx');
  await writeFile(docx, await reportDocx({ title: 'Child E', hiddenText: true }));
  const result = spawnSync(path.join(PROJECT, 'node_modules/.bin/node'), [path.join(PROJECT, 'scripts/import.ts'), docx, '--review', IMPORTED], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_ROOT: root, BUILD_NOW },
  });
  if (result.status !== 0) throw new Error(`npm run import failed:\n${result.stdout}\n${result.stderr}`);
  const file = path.join(root, 'reviews', IMPORTED, 'report.mdx');
  const mdx = (await readFile(file, 'utf8'))
    .replace('draft: true\n', '')
    .replace(/^published: .*$/m, 'published: 2026-11-01')
    .replace('# anonymisation:\n#   date: YYYY-MM-DD\n#   role: Partnership Business Manager', 'anonymisation:\n  date: 2026-10-20\n  role: Partnership Business Manager');
  await writeFile(file, mdx);
}

export async function buildSites(): Promise<BuiltSites> {
  const tmp = await mkdtemp(path.join(tmpdir(), 'lscp-browser-'));
  const root = path.join(tmp, 'project');
  await mkdir(root);
  for (const item of COPIED) await cp(path.join(PROJECT, item), path.join(root, item), { recursive: true });
  await symlink(path.join(PROJECT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const canaries = await plantCanaries(root);
  await importReport(root);
  const publicDir = path.join(tmp, 'public-site');
  const partnersDir = path.join(tmp, 'partners-site');
  // One after the other: two Astro builds at once would fight over two cores and the cache.
  await buildSite(root, publicDir, false);
  await buildSite(root, partnersDir, true);
  return { tmp, publicDir, partnersDir, canaries };
}
