/**
 * A Word report and a spreadsheet plan imported into a copy of the project with `npm run import`
 * (scripts/import.ts), then published and built: the page has the report's headings in order,
 * its table and footnotes with links both ways; and the deleted text of a tracked change, hidden
 * text, the comment and the author's name reach nothing: not the .mdx, not the site, not the
 * search index. An image file already there is not replaced without --force; a plan saying "TBC"
 * and "Complete" imports as a draft the check accepts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { makeSiteCopy, PROJECT, type SiteCopy } from './support/site-copy.ts';
import { files, textOf } from './support/output.ts';
import { reportDocx, SECRETS } from './support/docx-fixtures.ts';

const TODAY = '2026-11-23';
let site: SiteCopy;
let build: ReturnType<SiteCopy['build']>;
const runs: { status: number | null; output: string }[] = [];
let imageAfterRefusal = '';
let reportAfterRefusal = true;

function importCli(...args: string[]) {
  const r = spawnSync(path.join(PROJECT, 'node_modules/.bin/node'), [path.join(site.root, 'scripts/import.ts'), ...args], {
    cwd: site.root,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_ROOT: site.root, BUILD_NOW: TODAY },
  });
  const run = { status: r.status, output: `${r.stdout}\n${r.stderr}` };
  runs.push(run);
  return run;
}

beforeAll(async () => {
  site = makeSiteCopy('lscp-import-');
  site.write('in/report.docx', Buffer.from(await reportDocx({ title: 'Child E', hiddenText: true })));
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Plan');
  sheet.addRow(['Child E action plan']);
  sheet.addRow(['Recommendation', 'Issue', 'Action', 'By whom', 'Outcome sought', 'Evidence', 'Timescale', 'Status']);
  sheet.addRow(['1. Escalate concerns', 'Concerns were not escalated', 'Write a guide', 'example constabulary', 'Concerns escalated', '', 'March 2027', 'On track']);
  // What a plan often says before it is finished: a valid draft with no edit, nothing guessed.
  sheet.addRow(['', 'Concerns were not escalated', 'Train staff', 'example constabulary', 'Staff know the guide', 'Training records', 'TBC', 'Complete']);
  sheet.mergeCells('A1:H1');
  site.write('in/plan.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  importCli('in/report.docx', '--review', 'child-e');
  // Imported again without the report but with its image still there: nothing is replaced without --force.
  rmSync(path.join(site.root, 'reviews/child-e/report.mdx'));
  writeFileSync(path.join(site.root, 'reviews/child-e/report-image-1.png'), 'an image the editor replaced');
  importCli('in/report.docx', '--review', 'child-e');
  imageAfterRefusal = readFileSync(path.join(site.root, 'reviews/child-e/report-image-1.png'), 'utf8');
  reportAfterRefusal = existsSync(path.join(site.root, 'reviews/child-e/report.mdx'));
  importCli('in/report.docx', '--review', 'child-e', '--force');
  importCli('in/plan.xlsx', '--review', 'child-e', '--plan', '--force');
  // The editor's part: publish it.
  const file = path.join(site.root, 'reviews/child-e/report.mdx');
  const mdx = readFileSync(file, 'utf8')
    .replace('draft: true\n', '')
    .replace(/^published: .*$/m, 'published: 2026-11-01')
    .replace('# anonymisation:\n#   date: YYYY-MM-DD\n#   role: Partnership Business Manager', 'anonymisation:\n  date: 2026-10-20\n  role: Partnership Business Manager');
  writeFileSync(file, mdx);
  build = site.build({ BUILD_NOW: TODAY });
}, 600_000);

afterAll(() => site?.dispose());

describe('an imported report, built', () => {
  it('imports and builds', () => {
    expect(runs.map((r) => r.status), runs.map((r) => r.output).join('\n')).toEqual([0, 1, 0, 0]);
    expect(runs[0]!.output).toMatch(/2 tracked changes/);
    expect(runs[0]!.output).toContain('1 piece of hidden text left out');
    expect(runs[1]!.output).toContain('reviews/child-e/report-image-1.png already exists; nothing was written. Add --force to replace it.');
    expect(imageAfterRefusal).toBe('an image the editor replaced');
    expect(reportAfterRefusal).toBe(false);
    // The plan with "TBC" and "Complete" passes the check as a draft, and the import says what is left to do, where.
    expect(runs[3]!.output).toContain('It passes npm run check as a draft.');
    expect(runs[3]!.output).toMatch(/to do: plan\.xlsx, sheet "Plan", row 4, column G: R1\.2: the timescale said "TBC"/);
    expect(runs[3]!.output).toMatch(/to do: plan\.xlsx, sheet "Plan", row 4, column H: R1\.2: the status said "Complete"; it is in-progress until you add completedOn/);
    expect(build.status, build.output).toBe(0);
  });

  it('shows the headings in order, the table and footnotes with links both ways', () => {
    const html = readFileSync(path.join(build.outDir, 'reviews/child-e/index.html'), 'utf8');
    const order = ['Introduction', 'Agencies involved', 'Recommendations'].map((h) => html.search(new RegExp(`<h3[^>]*>${h}</h3>`)));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toMatch(/<table>[^]*<th>Agency<\/th>[^]*<td>Police<\/td>/);
    // The image, saved beside the report with Word's alt text, shown as a plain <img> and served.
    expect(html).toMatch(/<img src="\/reviews\/child-e\/report-image-1\.png" alt="A chart of referrals by month"\/?>/);
    expect(readFileSync(path.join(build.outDir, 'reviews/child-e/report-image-1.png'))).toEqual(readFileSync(path.join(site.root, 'reviews/child-e/report-image-1.png')));
    const ref = /<a href="#([^"]+)" id="([^"]+)"[^>]*data-footnote-ref[^>]*>/.exec(html);
    expect(ref).not.toBeNull();
    expect(html).toContain(`<li id="${ref![1]}">`);
    expect(html).toMatch(new RegExp(`<a href="#${ref![2]}"[^>]*data-footnote-backref`));
  });

  it('carries no deleted text, hidden text, comment or document property anywhere', () => {
    const mdx = readFileSync(path.join(site.root, 'reviews/child-e/report.mdx'), 'utf8');
    const plan = readFileSync(path.join(site.root, 'reviews/child-e/action-plan.yaml'), 'utf8');
    const out = files(build.outDir).map(textOf);
    expect(out.some((t) => t.includes('Practitioners saw Child E') || t.includes('Practitioners saw'))).toBe(true);
    expect(files(build.outDir).some((f) => f.includes('pagefind'))).toBe(true);
    for (const secret of Object.values(SECRETS)) {
      expect(mdx).not.toContain(secret);
      expect(plan).not.toContain(secret);
      expect(runs.map((r) => r.output).join('\n')).not.toContain(secret);
      expect(out.filter((t) => t.includes(secret))).toEqual([]);
    }
  });
});
