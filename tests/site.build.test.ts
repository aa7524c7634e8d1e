/**
 * Builds the sample site, with canary text planted in every kind of non-public document, and
 * checks that every public review has its page and that no canary reaches the output: HTML, RSS,
 * sitemap, JSON, scripts, PDFs or the Pagefind index (decompressed). A plan's public progress page
 * exists exactly when the partners approved publishing it and its review allows it.
 *
 * Case files (reviews/<slug>/case.yaml) are partners-only, whatever the case: canaries are planted
 * in a folder holding only a case file, in a "no review" case and in a case beside a public
 * review, and none may reach the public output. The same copy is then built for the partners,
 * whose cases page must show every one of them (which also proves the canaries are real).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { makeSiteCopy, type SiteCopy } from './support/site-copy.ts';
import { files, textOf } from './support/output.ts';
import { PNG } from './support/docx-fixtures.ts';
import { runCheck } from '../src/check/index.ts';
import { parseFrontmatter } from '../src/utils/yaml/frontmatter.ts';
import { reportSchema, statementSchema } from '../src/schemas/documents.ts';
import { planIsPublic, reviewState } from '../src/utils/publication.ts';
import { readPlan } from '../src/check/project.ts';

const TODAY = '2026-11-23';
const run = Math.random().toString(36).slice(2, 8);
const canary = (name: string) => `CANARY${name.toUpperCase().replace(/[^A-Z]/g, '')}${run}`;

const briefing = (title: string, published: string, extra = '', secret = '') => `---
title: "${title}"
published: ${published}
${extra}
---
${[1, 2, 3, 4, 5, 6, 7].map((n) => `## ${n}. Part ${n}\n\nText of part ${n}. ${n === 4 ? secret : ''}\n`).join('\n')}`;

const statement = (title: string, published: string, secret: string, extra = '') => `---
title: "${title}"
published: ${published}
${extra}
---
The partners accept the findings. ${secret}
`;

interface ReportOptions {
  slug: string;
  publication?: string;
  published?: string;
  extra?: string;
  secret: string;
  summarySecret?: string;
}
const report = (o: ReportOptions) => `---
title: "Child ${o.slug.toUpperCase()}"
type: lcspr
document: overview-report
publication: ${o.publication ?? 'published'}
published: ${o.published ?? '2026-01-10'}
partnerships: [example-borough]
reviewers: [A. N. Example]
summary: A fictional test review. ${o.summarySecret ?? ''}
themes: [neglect]
sentToPanel: 2025-12-01
anonymisation: { date: 2026-01-05, role: Business Manager }
${o.extra ?? ''}
---
## Introduction

This is a fictional test report. ${o.secret}
`;



/** A case file (partners only): an LCSPR past six months with a delay notice, or a "no review" decision. */
const caseFile = (o: { title: string; outcome: 'lcspr' | 'no-review'; secret: string }) => `# yaml-language-server: $schema=../../content/schemas/case.schema.json
title: ${o.title}
aware: 2025-12-01
notifiedPanel: 2025-12-03
reportedToPartners: 2025-12-03
rapidReview:
  meeting: 2025-12-15
  completed: 2025-12-17
  sentToPanel: 2025-12-17
decision:
  outcome: ${o.outcome}
  date: 2025-12-17
  reason: A fictional decision. ${o.secret}
${
  o.outcome === 'lcspr'
    ? `lcspr:
  commissioned: 2026-01-19
  leadReviewer: ${o.secret} Reviewer
  delay:
    notified: 2026-05-27
    reason: A fictional delay. ${o.secret}
    revisedDate: 2027-01-29
`
    : ''
}`;

describe('the sample site build', () => {
  let site: SiteCopy;
  let outDir: string;
  let partnersDir: string;
  const secrets: Record<string, string> = {};
  const plant = (name: string) => (secrets[name] = canary(name));
  /** Case canaries: none may reach the public build, every one must be on the partners' cases page. */
  const caseSecrets: string[] = [];
  const plantCase = (name: string) => {
    const word = plant(name);
    caseSecrets.push(word);
    return word;
  };

  beforeAll(() => {
    site = makeSiteCopy();
    // A published review (public) whose statement is dated in the future and whose briefing is a draft.
    site.write('reviews/canary-public/report.mdx', report({ slug: 'cp', secret: 'This review is public.' }));
    site.write('reviews/canary-public/statement.mdx', statement('Statement: Child CP', '2027-02-01', plant('future statement')));
    site.write('reviews/canary-public/briefing.mdx', briefing('Briefing: Child CP', '2026-02-01', 'draft: true', plant('draft briefing')));
    // A draft review: nothing of it is public.
    site.write('reviews/canary-draft/report.mdx', report({ slug: 'cd', extra: 'draft: true', secret: plant('draft report'), summarySecret: plant('draft summary') }));
    site.write('reviews/canary-draft/statement.mdx', statement('Statement: Child CD', '2026-01-10', plant('draft review statement')));
    site.write('reviews/canary-draft/briefing.mdx', briefing('Briefing: Child CD', '2026-01-10', '', plant('draft review briefing')));
    // A review dated in the future: nothing of it is public.
    site.write('reviews/canary-future/report.mdx', report({ slug: 'cf', published: '2027-03-01', secret: plant('future report'), summarySecret: plant('future summary') }));
    site.write('reviews/canary-future/statement.mdx', statement('Statement: Child CF', '2027-03-01', plant('future review statement')));
    // Withheld, delayed, archived and unsigned report bodies: the page exists, the body does not.
    site.write('reviews/canary-withheld/report.mdx', report({ slug: 'cw', publication: 'withheld', secret: `${plant('withheld body')}\n\n![A chart](report-image-1.png)` }));
    // The withheld report's image stays out; the public statement beside it shows (and serves) its own; an image no document shows is never served.
    site.write('reviews/canary-withheld/report-image-1.png', Buffer.concat([PNG, Buffer.from(plant('withheld image'))]));
    site.write('reviews/canary-withheld/statement.mdx', statement('Statement: Child CW', '2026-01-10', 'Shown here:\n\n![A timeline of contacts](statement-image-1.png)'));
    site.write('reviews/canary-withheld/statement-image-1.png', Buffer.from(PNG));
    site.write('reviews/canary-withheld/stray-image.png', Buffer.concat([PNG, Buffer.from(plant('stray image'))]));
    site.write('reviews/canary-delayed/report.mdx', report({ slug: 'cl', publication: 'delayed', extra: 'expected: 2027-06-01\ndelayReason: an ongoing criminal trial', secret: plant('delayed body') }));
    site.write(
      'reviews/canary-archived/report.mdx',
      report({ slug: 'ca', published: '2024-01-10', extra: 'archived: 2025-06-01\npdfs: [{ file: canary.pdf, title: Overview report }]', secret: plant('archived body') }),
    );
    site.write('reviews/canary-archived/canary.pdf', `%PDF-1.4\n${plant('archived pdf')}\n%%EOF\n`);
    site.write('reviews/canary-unsigned/report.mdx', report({ slug: 'cu', secret: plant('unsigned body') }).replace(/^anonymisation:.*\n/m, ''));
    // A national entry dated in the future and a draft standalone briefing.
    site.write(
      'content/national/canary-future.yaml',
      `title: Future national report ${plant('future national')}\nkind: thematic-report\npublisher: Sample panel\npublished: 2027-01-01\nthemes: [neglect]\nsummary: Fictional.\nurl: https://www.example.org/future\n`,
    );
    site.write('content/briefings/canary-standalone.mdx', briefing('Draft standalone briefing', '2026-01-01', 'draft: true\nsummary: x\nthemes: [neglect]', plant('draft standalone')));
    // Case files: partners only, whatever the case.
    site.write('reviews/canary-case-only/case.yaml', caseFile({ title: `Child ${plantCase('case only title')}`, outcome: 'lcspr', secret: plantCase('case only') }));
    site.write('reviews/canary-no-review/case.yaml', caseFile({ title: `Child ${plantCase('no review title')}`, outcome: 'no-review', secret: plantCase('no review') }));
    site.write('reviews/canary-public/case.yaml', caseFile({ title: `Child ${plantCase('case beside title')}`, outcome: 'lcspr', secret: plantCase('case beside') }));

    const result = site.build({ BUILD_NOW: TODAY });
    if (result.status !== 0) throw new Error(`The build failed:\n${result.output.slice(0, 3000)}\n...\n${result.output.slice(-1500)}`);
    outDir = result.outDir;
    const partners = site.build({ BUILD_NOW: TODAY, PARTNERS_BUILD: '1' });
    if (partners.status !== 0) throw new Error(`The partners build failed:\n${partners.output.slice(0, 3000)}\n...\n${partners.output.slice(-1500)}`);
    partnersDir = partners.outDir;
  });

  afterAll(() => site?.dispose());

  it('gives every public review a page, and no page to reviews that are not public', () => {
    const reviewsDir = path.join(site.root, 'reviews');
    let publicCount = 0;
    for (const slug of readdirSync(reviewsDir)) {
      const folder = path.join(reviewsDir, slug);
      if (!statSync(folder).isDirectory()) continue;
      const reportFile = path.join(folder, 'report.mdx');
      let isPublic: boolean;
      if (!existsSync(reportFile) && !existsSync(path.join(folder, 'statement.mdx'))) {
        isPublic = false; // a folder holding only a case file: a case, never public
      } else if (existsSync(reportFile)) {
        const parsed = parseFrontmatter(readFileSync(reportFile, 'utf8'), reportFile, reportSchema);
        expect(parsed.ok, `${slug}/report.mdx should be valid`).toBe(true);
        isPublic = parsed.ok && reviewState(parsed.data, TODAY) !== undefined;
      } else {
        const parsed = parseFrontmatter(readFileSync(path.join(folder, 'statement.mdx'), 'utf8'), slug, statementSchema);
        isPublic = parsed.ok && !parsed.data.draft && parsed.data.published <= TODAY;
      }
      const page = path.join(outDir, 'reviews', slug, 'index.html');
      expect(existsSync(page), `${slug}: page ${isPublic ? 'expected' : 'not expected'}`).toBe(isPublic);
      if (isPublic) publicCount++;
    }
    expect(publicCount).toBeGreaterThan(5);
  });

  it("gives a plan a public progress page only when the partners approved it and its review allows it; child-teal's disappears", () => {
    const reviewsDir = path.join(site.root, 'reviews');
    const expected: Record<string, boolean> = {};
    for (const slug of readdirSync(reviewsDir)) {
      const folder = path.join(reviewsDir, slug);
      const planFile = path.join(folder, 'action-plan.yaml');
      const reportFile = path.join(folder, 'report.mdx');
      if (!existsSync(planFile) || !existsSync(reportFile)) continue;
      const plan = readPlan(readFileSync(planFile, 'utf8'), `reviews/${slug}/action-plan.yaml`).plan;
      const parsed = parseFrontmatter(readFileSync(reportFile, 'utf8'), reportFile, reportSchema);
      expect(plan, slug).toBeDefined();
      const state = parsed.ok ? reviewState(parsed.data, TODAY) : undefined;
      expected[slug] = planIsPublic(state, plan!.data, TODAY);
      const page = path.join(outDir, 'reviews', slug, 'actions', 'index.html');
      expect(existsSync(page), `${slug}: progress page ${expected[slug] ? 'expected' : 'not expected'}`).toBe(expected[slug]);
    }
    // Several sample plans are public, and one public review's plan has no approval: its page is gone.
    expect(Object.values(expected).filter(Boolean).length).toBeGreaterThan(5);
    expect(expected['child-teal']).toBe(false);
    expect(existsSync(path.join(outDir, 'reviews/child-teal/index.html'))).toBe(true);
    expect(readFileSync(path.join(outDir, 'actions/index.html'), 'utf8')).not.toContain('/reviews/child-teal/actions/');
    expect(readFileSync(path.join(outDir, 'reviews/child-teal/index.html'), 'utf8')).not.toContain('/reviews/child-teal/actions/');
  });

  it('shows the right notice for each state', () => {
    const page = (slug: string) => readFileSync(path.join(outDir, 'reviews', slug, 'index.html'), 'utf8');
    expect(page('canary-withheld')).toContain('decided not to publish the report');
    expect(page('canary-delayed')).toContain('delayed because of parallel proceedings');
    expect(page('canary-delayed')).toContain('<time datetime="2027-06-01">1 June 2027</time>');
    expect(page('canary-archived')).toContain('ask for a copy');
    expect(page('canary-public')).toContain('This review is public.');
    expect(existsSync(path.join(outDir, 'reviews/canary-archived/canary.pdf'))).toBe(false);
  });

  it("serves an image while a public document shows it, never a withheld report's or one no document shows", () => {
    const dir = path.join(outDir, 'reviews/canary-withheld');
    expect(readFileSync(path.join(dir, 'statement/index.html'), 'utf8')).toMatch(/<img src="\/reviews\/canary-withheld\/statement-image-1\.png" alt="A timeline of contacts"\/?>/);
    expect(readFileSync(path.join(dir, 'statement-image-1.png'))).toEqual(Buffer.from(PNG));
    expect(existsSync(path.join(dir, 'report-image-1.png'))).toBe(false);
    expect(existsSync(path.join(dir, 'stray-image.png'))).toBe(false);
  });

  it('lets no text of a non-public document reach any output file', () => {
    const all = files(outDir);
    expect(all.some((f) => f.includes(`${path.sep}pagefind${path.sep}fragment`))).toBe(true);
    expect(all.some((f) => f.endsWith('rss.xml'))).toBe(true);
    expect(all.some((f) => /sitemap-\d+\.xml$/.test(f))).toBe(true);
    const leaks: string[] = [];
    for (const file of all) {
      const text = textOf(file);
      for (const [name, secret] of Object.entries(secrets)) {
        if (text.includes(secret)) leaks.push(`${name} in ${path.relative(outDir, file)}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('lets nothing of a case file reach the public build, and shows every case on the partners\' cases page', () => {
    expect(caseSecrets).toHaveLength(6);
    const publicText = files(outDir).map(textOf).join('\n');
    expect(caseSecrets.filter((w) => publicText.includes(w))).toEqual([]);
    expect(existsSync(path.join(outDir, 'partners'))).toBe(false);
    for (const slug of ['canary-case-only', 'canary-no-review']) expect(existsSync(path.join(outDir, 'reviews', slug)), slug).toBe(false);
    // The partners build shows every case, with its rating as the checker works it out.
    const page = readFileSync(path.join(partnersDir, 'partners/cases/index.html'), 'utf8');
    expect(caseSecrets.filter((w) => !page.includes(w))).toEqual([]);
    expect(page).toContain('<meta name="robots" content="noindex, nofollow"');
    const check = runCheck({ root: site.root, today: TODAY });
    expect(check.project.cases.map((c) => c.slug)).toEqual(expect.arrayContaining(['canary-case-only', 'canary-no-review', 'canary-public']));
    for (const c of check.project.cases) {
      const row = new RegExp(`<tr[^>]*data-case="${c.slug}" data-rag="${c.lifecycle.rag.rag}"`);
      expect(page, c.slug).toMatch(row);
    }
    expect(page).toMatch(/data-case="canary-no-review" data-rag="grey"/);
    expect(page).toMatch(/data-case="canary-case-only" data-rag="red"/);
  });

  it('indexes public documents for search, and the check can see the canaries are real', () => {
    // The public review's body is in the search index: proves the scan above can find text there.
    const fragments = files(path.join(outDir, 'pagefind')).map(textOf).join('\n');
    expect(fragments).toContain('This review is public.');
  });

  it('indexes every page that marks a document for search (none falls outside the indexed pages)', () => {
    // src/integrations/pagefind.ts reads only DOCUMENT_PAGES; a page marked data-pagefind-body
    // anywhere else would silently be left out of search.
    const documentPage = /^(reviews\/[^/]+\/(statement\/)?|briefings\/[^/]+\/|national\/[^/]+\/)index\.html$/;
    const marked = files(outDir)
      .filter((f) => f.endsWith('.html') && readFileSync(f, 'utf8').includes('data-pagefind-body'))
      .map((f) => path.relative(outDir, f).split(path.sep).join('/'));
    expect(marked.length).toBeGreaterThan(10);
    expect(marked.filter((f) => !documentPage.test(f))).toEqual([]);
  });

  it('lists public pages in the sitemap and feed, and nothing else', () => {
    const sitemap = readFileSync(path.join(outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/reviews/canary-public/');
    expect(sitemap).not.toContain('/reviews/canary-draft/');
    expect(sitemap).not.toContain('/reviews/canary-future/');
    const rss = readFileSync(path.join(outDir, 'rss.xml'), 'utf8');
    expect(rss).toContain('/reviews/canary-public/');
    expect(rss).not.toContain('canary-future');
  });
});
