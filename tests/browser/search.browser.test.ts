/**
 * Search, in Chromium, over the public build's Pagefind index: a theme finds its briefing and its
 * review, a filter narrows the results, no non-public canary is ever found, and the page with
 * results is as accessible, private and CSP-clean as every other page. The expected pages are
 * read from the built site at test time, never hard-coded.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EMPTY_STATE, htmlFiles, fileToPath, isolatedContext, launch, runAxe, storedState, watch, type Incidents } from '../support/browser.ts';

const sites = inject('sites');
const origin = sites.public.origin;

/** Pagefind filters of each indexed page, read from the built HTML. */
async function indexedPages(): Promise<Map<string, Record<string, string[]>>> {
  const pages = new Map<string, Record<string, string[]>>();
  for (const file of await htmlFiles(sites.public.dir)) {
    const html = await readFile(path.join(sites.public.dir, file), 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const filters: Record<string, string[]> = {};
    for (const m of html.matchAll(/data-pagefind-filter="([^":]+):([^"]+)"/g)) (filters[m[1]!] ??= []).push(m[2]!.replace(/&amp;/g, '&').replace(/&#39;/g, "'"));
    pages.set(fileToPath(file), filters);
  }
  return pages;
}

const indexed = await indexedPages();
/** A review's briefing and the review itself that share a theme: the first such pair in the build. */
const expected = (() => {
  for (const [url, f] of [...indexed].sort(([a], [b]) => a.localeCompare(b))) {
    const m = /^\/briefings\/([^/]+)\/$/.exec(url);
    if (!m || !f.kind?.includes('Briefing')) continue;
    const review = indexed.get(`/reviews/${m[1]}/`);
    const theme = f.theme?.find((t) => review?.theme?.includes(t));
    if (review?.kind?.includes('Report') && theme) return { briefing: url, review: `/reviews/${m[1]}/`, theme };
  }
  return undefined;
})();

let browser: Browser;
let context: BrowserContext;
let page: Page;
let offsite: string[];
let take: () => Incidents;
beforeAll(async () => {
  browser = await launch();
  ({ context, offsite } = await isolatedContext(browser, origin));
  page = await context.newPage();
  ({ take } = await watch(context, page));
});
afterAll(async () => {
  await browser?.close();
});

/** Waits for the search to finish and returns the result links and their kinds. */
async function results(): Promise<{ status: string; hrefs: string[]; kinds: string[] }> {
  const status = page.locator('site-search [data-status]');
  await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/result|not available/);
  // Results may come a few at a time: ask for more until all are shown.
  const more = page.locator('site-search [data-more]');
  for (let i = 0; i < 50 && (await more.isVisible()); i++) {
    const before = await page.locator('site-search [data-results] li').count();
    await more.click();
    await expect.poll(() => page.locator('site-search [data-results] li').count()).toBeGreaterThan(before);
  }
  const text = (await status.textContent()) ?? '';
  const hrefs = await page.locator('site-search [data-results] li h2 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const kinds = await page.locator('site-search [data-results] li .app-meta').evaluateAll((ps) => ps.map((p) => (p.textContent ?? '').split(' · ')[0]!));
  return { status: text, hrefs, kinds };
}

async function clean(label: string) {
  expect.soft(await runAxe(page), `${label}: axe violations`).toEqual([]);
  const seen = take();
  expect.soft(seen.csp, `${label}: CSP violations`).toEqual([]);
  expect.soft(seen.consoleErrors, `${label}: console errors`).toEqual([]);
  expect.soft(seen.consoleWarnings, `${label}: console warnings`).toEqual([]);
  expect.soft(seen.pageErrors, `${label}: script errors`).toEqual([]);
  expect.soft(seen.failedRequests, `${label}: failed requests`).toEqual([]);
  expect.soft(offsite, `${label}: requests to other origins`).toEqual([]);
  // Search runs in the page (noWorker): Pagefind's worker script is never downloaded.
  expect.soft(seen.requests.filter((r) => r.includes('pagefind-worker')), `${label}: Pagefind's worker script`).toEqual([]);
  expect.soft(await storedState(context, page), `${label}: cookies and storage`).toEqual(EMPTY_STATE);
}

describe('search', () => {
  let unfiltered: Awaited<ReturnType<typeof results>>;

  it('the sample has a briefing and its review sharing a theme to search for', () => {
    expect(expected, 'a review with a briefing, both indexed with a common theme').toBeDefined();
  });

  it('searching for a theme from the header box finds its briefing and its review', async () => {
    take();
    await page.goto(`${origin}/`);
    await page.locator('#site-search').fill(expected!.theme);
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    unfiltered = await results();
    expect(unfiltered.status).toMatch(/^\d+ results? for/);
    expect(unfiltered.status).not.toMatch(/showing the first/);
    expect(unfiltered.hrefs).toContain(expected!.briefing);
    expect(unfiltered.hrefs).toContain(expected!.review);
    // The query is kept in the search page's own box.
    expect(await page.locator('#search-q').inputValue()).toBe(expected!.theme);
    // Pagefind (its script and WebAssembly) ran under the page's CSP.
    await clean('search results');
  });

  it('ticking a filter narrows the results to that kind', async () => {
    take();
    await page.getByRole('group', { name: 'Kind' }).getByLabel('Briefing', { exact: true }).check();
    await page.locator('site-search').getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/kind=Briefing/);
    const narrowed = await results();
    expect(narrowed.hrefs).toContain(expected!.briefing);
    expect(narrowed.hrefs).not.toContain(expected!.review);
    expect(narrowed.hrefs.length).toBeLessThan(unfiltered.hrefs.length);
    expect(new Set(narrowed.kinds)).toEqual(new Set(['Briefing']));
    // The ticked box stays ticked, so the visitor sees why there are fewer results.
    expect(await page.getByRole('group', { name: 'Kind' }).getByLabel('Briefing', { exact: true }).isChecked()).toBe(true);
    await clean('filtered results');
  });

  it('a theme filter alone lists the pages with that theme', async () => {
    take();
    await page.goto(`${origin}/search/?theme=${encodeURIComponent(expected!.theme)}`);
    const r = await results();
    const withTheme = [...indexed].filter(([, f]) => f.theme?.includes(expected!.theme)).map(([u]) => u);
    expect(r.hrefs.sort()).toEqual(withTheme.sort());
    await clean('theme filter');
  });

  it.each(sites.canaries)('never finds non-public text: $where', async ({ word }) => {
    take();
    await page.goto(`${origin}/search/?q=${word}`);
    const r = await results();
    expect(r.status).toMatch(/^0 results/);
    expect(r.hrefs).toEqual([]);
    expect(await page.locator('site-search [data-results]').textContent()).not.toContain(word);
    take();
  });

  it('no canary review appears among everything the index lists', async () => {
    const everything = new Set<string>();
    for (const kind of ['Report', 'Statement', 'Briefing', 'National or thematic']) {
      await page.goto(`${origin}/search/?kind=${encodeURIComponent(kind)}`);
      const r = await results();
      r.hrefs.forEach((h) => everything.add(h));
      const text = (await page.locator('site-search [data-results]').textContent()) ?? '';
      expect(sites.canaries.filter((c) => text.includes(c.word))).toEqual([]);
    }
    // Only the canary reviews that are meant to be public at all (withheld, delayed, archived, no sign-off) may be listed.
    expect([...everything].filter((h) => /zz-canary-(draft|scheduled)/.test(h))).toEqual([]);
    expect([...everything].filter((h) => /^\/briefings\/zz-canary/.test(h))).toEqual([]);
    expect(everything.size).toBeGreaterThan(5);
  });
});
