/**
 * The action-plan dashboards (issue 4), built twice from one copy of the sample site: the public
 * build and the partners build (PARTNERS_BUILD=1).
 *
 * - Canary text planted in INTERNAL fields (`notes` on an action, an update and a revision of a
 *   timescale) and in the plans of reviews that are not public (a draft review, a delayed report)
 *   or whose progress the partners have not approved for publication reaches no file of the
 *   public output (HTML, search index after decompression, feed, sitemap, JSON, JS) and does reach
 *   the partners pages.
 * - A public progress page shows each recommendation's response and reason, and both the
 *   timescale first agreed and the current one; an action with two owners is counted for each.
 * - The partners pages exist only in the partners build, every one noindex and kept out of the
 *   search index.
 * - The numbers the dashboards show equal what `runCheck()` computes for the same copy and date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { makeSiteCopy, type SiteCopy } from './support/site-copy.ts';
import { files, textOf } from './support/output.ts';
import { openActionsCsv, runCheck, type CheckResult } from '../src/check/index.ts';
import { ACTION_STATUSES, ACTION_STATUS_LABELS } from '../src/schemas/action-plan.ts';
import { FLAG_LABELS, RAG_LABELS, type Rag } from '../src/utils/action-status.ts';

const TODAY = '2026-11-23';
const run = Math.random().toString(36).slice(2, 8);
const canary = (name: string) => `CANARY${name.toUpperCase().replace(/[^A-Z]/g, '')}${run}`;

const report = (title: string, extra: string) => `---
title: "${title}"
type: lcspr
document: overview-report
publication: published
published: 2026-01-10
partnerships: [example-borough]
reviewers: [A. N. Example]
summary: A fictional test review.
themes: [neglect]
sentToPanel: 2025-12-01
anonymisation: { date: 2026-01-05, role: Business Manager }
${extra}
---
## Introduction

A fictional test report.
`;

/**
 * A plan with one overdue action (with INTERNAL notes, and its timescale revised once), one due
 * soon owned by two agencies, and one assured; the partners approved publishing its progress
 * unless `approved` is false.
 */
const plan = (slug: string, o: { actionNotes?: string; updateNotes?: string; revisionNotes?: string; text?: string; approved?: boolean }) => `review: ${slug}
agreed: 2026-02-01
${o.approved === false ? '' : 'publicProgressApproved: 2026-02-15\n'}recommendations:
  - id: R1
    text: Agencies should test the dashboards.
    response: partly-accepted
    responseReason: The partnership will test the public pages first.
    actions:
      - id: R1.1
        issue: The dashboards were untested.
        action: ${o.text ?? 'Write a test.'}
        owner: police
        lead: Detective Inspector
        outcome: The dashboards are tested.
        timescale: 2026-09-30
        revisions:
          - date: 2026-09-20
            timescale: 2026-10-31
            reason: The test server was moved.
            agreedBy: MESI subgroup
${o.revisionNotes ? `            notes: ${o.revisionNotes}\n` : ''}        status: in-progress
${o.actionNotes ? `        notes: ${o.actionNotes}\n` : ''}        updates:
          - date: 2026-09-01
            note: Test drafted.
${o.updateNotes ? `            notes: ${o.updateNotes}\n` : ''}      - id: R1.2
        issue: Nobody checked the numbers.
        action: Check the numbers.
        owner: [icb, police]
        outcome: The numbers match.
        timescale: 2026-12-05
        status: not-started
      - id: R1.3
        issue: The key was missing.
        action: Add the key.
        owner: lscp
        outcome: Every page has the key.
        evidence: Seen on every page.
        timescale: 2026-06-30
        status: assured
        completedOn: 2026-06-01
        assuredOn: 2026-07-01
dissemination:
  - activity: Briefing on the dashboards
    audience: [police]
    due: 2026-10-01
`;



/** The rows of the table with this id, as [row header, ...cells] with tags stripped. */
function tableRows(html: string, id: string): string[][] {
  const table = html.match(new RegExp(`<table[^>]*id="${id}"[^>]*>([\\s\\S]*?)</table>`))?.[1];
  if (!table) throw new Error(`no table #${id}`);
  const body = table.match(/<tbody[^>]*>([\s\S]*?)<\/tbody>/)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim()),
  );
}

describe('the action-plan dashboards', () => {
  let site: SiteCopy;
  let publicDir: string;
  let partnersDir: string;
  let check: CheckResult;
  const internal: Record<string, string> = {};
  const hidden: Record<string, string> = {};

  beforeAll(() => {
    site = makeSiteCopy('lscp-dashboards-');
    internal.actionNotes = canary('action notes');
    internal.updateNotes = canary('update notes');
    internal.revisionNotes = canary('revision notes');
    hidden.notApproved = canary('not approved plan');
    hidden.draftReview = canary('draft review plan');
    hidden.delayedReview = canary('delayed review plan');
    site.write('reviews/canary-plan/report.mdx', report('Child CPLAN', ''));
    site.write(
      'reviews/canary-plan/action-plan.yaml',
      plan('canary-plan', { actionNotes: internal.actionNotes, updateNotes: internal.updateNotes, revisionNotes: internal.revisionNotes, text: 'Write a public test.' }),
    );
    site.write('reviews/canary-unapproved/report.mdx', report('Child CUNAPP', ''));
    site.write('reviews/canary-unapproved/action-plan.yaml', plan('canary-unapproved', { text: hidden.notApproved, approved: false }));
    site.write('reviews/canary-draftplan/report.mdx', report('Child CDRAFT', 'draft: true'));
    site.write('reviews/canary-draftplan/action-plan.yaml', plan('canary-draftplan', { text: hidden.draftReview }));
    site.write(
      'reviews/canary-delayedplan/report.mdx',
      report('Child CDELAY', 'expected: 2027-06-01\ndelayReason: an ongoing criminal trial').replace('publication: published', 'publication: delayed'),
    );
    site.write('reviews/canary-delayedplan/action-plan.yaml', plan('canary-delayedplan', { text: hidden.delayedReview }));

    check = runCheck({ root: site.root, today: TODAY });
    if (check.errors.length) throw new Error(`The planted content has errors: ${JSON.stringify(check.errors.slice(0, 3))}`);
    const builds: Record<string, string>[] = [{}, { PARTNERS_BUILD: '1' }];
    for (const env of builds) {
      const result = site.build({ BUILD_NOW: TODAY, ...env });
      if (result.status !== 0) throw new Error(`The build failed:\n${result.output.slice(-4000)}`);
      if ('PARTNERS_BUILD' in env) partnersDir = result.outDir;
      else publicDir = result.outDir;
    }
  });

  afterAll(() => site?.dispose());

  const page = (dir: string, p: string) => readFileSync(path.join(dir, p, 'index.html'), 'utf8');

  describe('the public build', () => {
    it('has a progress page for a public review and an overview, and none for reviews that are not public', () => {
      expect(page(publicDir, 'reviews/canary-plan/actions')).toContain('Write a public test.');
      expect(page(publicDir, 'actions')).toContain('/reviews/canary-plan/actions/');
      expect(existsSync(path.join(publicDir, 'reviews/canary-draftplan/actions'))).toBe(false);
      expect(existsSync(path.join(publicDir, 'reviews/canary-delayedplan/actions'))).toBe(false);
    });

    it("shows a public review's progress only once the partners approved publishing it (fail closed)", () => {
      // The review itself is public; its plan's progress is not, without publicProgressApproved.
      expect(existsSync(path.join(publicDir, 'reviews/canary-unapproved/index.html'))).toBe(true);
      expect(existsSync(path.join(publicDir, 'reviews/canary-unapproved/actions'))).toBe(false);
      expect(page(publicDir, 'actions')).not.toContain('/reviews/canary-unapproved/actions/');
      expect(page(publicDir, 'reviews/canary-unapproved')).not.toContain('/reviews/canary-unapproved/actions/');
      // The partners still see it, and are told why it is not public.
      expect(page(partnersDir, 'partners/reviews/canary-unapproved')).toContain(hidden.notApproved);
      expect(page(partnersDir, 'partners/reviews/canary-unapproved')).toContain('have not approved publishing');
    });

    it('shows the response to each recommendation, both timescales of a revised action, and every owner', () => {
      const html = page(publicDir, 'reviews/canary-plan/actions');
      expect(html).toContain("The partnership's response: Partly accepted.");
      expect(html).toContain('The partnership will test the public pages first.');
      expect(html).toContain('Timescale first agreed');
      expect(html).toContain('<time datetime="2026-09-30">30 September 2026</time>');
      expect(html).toContain('Current timescale');
      expect(html).toContain('<time datetime="2026-10-31">31 October 2026</time>');
      expect(html).toContain('Revised once, now 31 days later than first agreed');
      expect(html).toContain('The test server was moved.');
      expect(html).toMatch(/Owners<\/dt>[\s\S]*?Example Integrated Care Board[\s\S]*?Example Constabulary/);
    });

    it('lets no INTERNAL field or non-public plan reach any output file', () => {
      const all = files(publicDir);
      // The scan covers the search index, the feed, the sitemap and the scripts.
      expect(all.some((f) => f.includes(`${path.sep}pagefind${path.sep}fragment`))).toBe(true);
      expect(all.some((f) => f.endsWith('rss.xml'))).toBe(true);
      expect(all.some((f) => /sitemap-\d+\.xml$/.test(f))).toBe(true);
      expect(all.some((f) => f.endsWith('.js'))).toBe(true);
      const leaks: string[] = [];
      for (const file of all) {
        const text = textOf(file);
        for (const [name, secret] of Object.entries({ ...internal, ...hidden })) {
          if (text.includes(secret)) leaks.push(`${name} in ${path.relative(publicDir, file)}`);
        }
      }
      expect(leaks).toEqual([]);
    });

    it('has no partners page, link or CSV at all', () => {
      expect(existsSync(path.join(publicDir, 'partners'))).toBe(false);
      const offenders = files(publicDir)
        .filter((f) => /\.(html|xml|json|js|txt)$/.test(f) || f.endsWith('_headers'))
        .filter((f) => /\/partners\/|open-actions\.csv/.test(textOf(f)))
        .map((f) => path.relative(publicDir, f));
      expect(offenders).toEqual([]);
    });

    it('shows the ratings the checker computes, with the key and the as-at date', () => {
      const html = page(publicDir, 'reviews/canary-plan/actions');
      const entries = check.project.actions.filter((e) => e.review === 'canary-plan');
      const rows = tableRows(html, 'rag-table');
      for (const rag of Object.keys(RAG_LABELS) as Rag[]) {
        expect(rows.find((r) => r[0] === RAG_LABELS[rag])?.[1], rag).toBe(String(entries.filter((e) => e.rag.rag === rag).length));
      }
      const cards = [...html.matchAll(/app-action app-action--(red|amber|green|grey)/g)].map((m) => m[1]);
      expect(cards).toEqual(entries.map((e) => e.rag.rag));
      expect(html).toContain('Key to the ratings');
      expect(html).toContain('As at <time datetime="2026-11-23">23 November 2026</time>');
    });
  });

  describe('the partners build', () => {
    it('shows the INTERNAL notes and the plans of reviews that are not public', () => {
      const html = page(partnersDir, 'partners/reviews/canary-plan');
      expect(html).toContain(internal.actionNotes);
      expect(html).toContain(internal.updateNotes);
      expect(html).toContain(internal.revisionNotes);
      expect(page(partnersDir, 'partners/reviews/canary-delayedplan')).toContain(hidden.delayedReview);
      expect(page(partnersDir, 'partners/reviews/canary-draftplan')).toContain(hidden.draftReview);
    });

    it('marks every partners page noindex and keeps it out of the search index', () => {
      const pages = files(path.join(partnersDir, 'partners')).filter((f) => f.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(10);
      for (const file of pages) {
        const html = readFileSync(file, 'utf8');
        expect(html, file).toMatch(/<meta name="robots" content="noindex[^"]*"/);
        expect(html, file).not.toContain('data-pagefind-body');
      }
      const index = files(path.join(partnersDir, 'pagefind')).map(textOf).join('\n');
      for (const secret of Object.values({ ...internal, ...hidden })) expect(index).not.toContain(secret);
      expect(files(partnersDir).some((f) => /sitemap/.test(f))).toBe(false);
    });

    it('shows the headline flags with the numbers runCheck computes', () => {
      const html = page(partnersDir, 'partners');
      const stats = Object.fromEntries(
        [...html.matchAll(/app-stat__value"[^>]*>(\d+)<\/span>\s*<span class="app-stat__label"[^>]*>([^<]+)</g)].map((m) => [m[2]!.trim(), Number(m[1])]),
      );
      const k = check.counts.flagsByKind;
      const m = check.project.monitoring;
      expect(stats[FLAG_LABELS.overdue]).toBe(k.overdue);
      expect(stats[`Due within ${m.dueSoonDays} days`]).toBe(k['due-soon']);
      expect(stats[`Awaiting assurance over ${m.awaitingAssuranceDays} days`]).toBe(k['awaiting-assurance']);
      expect(stats[FLAG_LABELS['dissemination-overdue']]).toBe(k['dissemination-overdue']);
      expect(stats[FLAG_LABELS['may-archive']]).toBe(k['may-archive']);
      expect(stats['Actions monitored']).toBe(check.counts.actions.read - check.counts.actions.inDraftPlans);
      expect(k.overdue).toBeGreaterThan(0);
    });

    it('counts actions by status as runCheck does (draft plans are not monitored)', () => {
      const rows = tableRows(page(partnersDir, 'partners'), 'status-table');
      for (const s of ACTION_STATUSES) {
        const inDrafts = check.project.actions.filter((e) => e.draft && e.action.status === s).length;
        expect(rows.find((r) => r[0] === ACTION_STATUS_LABELS[s])?.[1], s).toBe(String(check.counts.actions.byStatus[s] - inDrafts));
      }
    });

    it('gives overdue and due-soon actions by agency as the checker flags them', () => {
      const rows = tableRows(page(partnersDir, 'partners'), 'late-agency-table');
      const agencies = check.project.config!.agencies;
      const late = check.flags.filter((f) => f.kind === 'overdue' || f.kind === 'due-soon');
      const owners = new Set(late.flatMap((f) => f.owners!));
      expect(rows.length).toBe(owners.size);
      // An action with several owners counts in the row of each.
      expect(late.some((f) => f.owners!.length > 1)).toBe(true);
      for (const owner of owners) {
        const name = agencies.find((a) => a.id === owner)!.name;
        const row = rows.find((r) => r[0] === name);
        expect(row, name).toBeDefined();
        expect(row![1], `${name} overdue`).toBe(String(check.flags.filter((f) => f.kind === 'overdue' && f.owners!.includes(owner)).length));
        expect(row![2], `${name} due soon`).toBe(String(check.flags.filter((f) => f.kind === 'due-soon' && f.owners!.includes(owner)).length));
      }
    });

    it('lists exactly the overdue actions on the overdue filter page, each overdue in the checker', () => {
      const html = page(partnersDir, 'partners/actions/due/overdue');
      const links = [...html.matchAll(/href="\/partners\/reviews\/([^/]+)\/#action-([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`).sort();
      const expected = check.flags.filter((f) => f.kind === 'overdue').map((f) => `${f.review} ${f.actionId}`).sort();
      expect(links).toEqual(expected);
    });

    it('offers the open actions CSV, written by the checker', () => {
      const csv = readFileSync(path.join(partnersDir, 'partners/open-actions.csv'), 'utf8');
      expect(csv).toBe(openActionsCsv(check));
      expect(csv).not.toContain(internal.actionNotes);
    });

    it('puts the as-at date, the key and an accessible table with every chart on every partners page', () => {
      for (const file of files(path.join(partnersDir, 'partners')).filter((f) => f.endsWith('.html'))) {
        const html = readFileSync(file, 'utf8');
        expect(html, file).toContain('As at <time datetime="2026-11-23">');
        expect(html, file).toContain('Key to the ratings');
        const charts = (html.match(/data-chart=/g) ?? []).length;
        const tables = (html.match(/class="govuk-table app-chart-table"/g) ?? []).length;
        expect(tables, file).toBe(charts);
        if (charts) expect(html, file).toMatch(/<th scope="col"/);
      }
    });
  });
});
