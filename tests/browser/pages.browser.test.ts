/**
 * Every page of both builds (the public sitemap, and every HTML file of the partners build, its
 * dashboards included), in Chromium, as a host would serve it: accessibility (axe, WCAG 2.0 to
 * 2.2 A and AA), keyboard (skip link first, visible focus, every control reachable by Tab),
 * privacy (no request elsewhere, nothing stored), the Content-Security-Policy (no violation), the
 * security headers, and (public build) no planted non-public text.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { allPages, EMPTY_STATE, isolatedContext, launch, publicPages, runAxe, settled, storedState, tabWalk, watch, type Incidents } from '../support/browser.ts';

const sites = inject('sites');
const builds = [
  { name: 'public', ...sites.public, pages: await publicPages(sites.public.dir), partners: false },
  { name: 'partners', ...sites.partners, pages: await allPages(sites.partners.dir), partners: true },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(builds)('$name build: every page', (build) => {
  let context: BrowserContext;
  let page: Page;
  let offsite: string[];
  let take: () => Incidents;

  beforeAll(async () => {
    ({ context, offsite } = await isolatedContext(browser, build.origin));
    page = await context.newPage();
    ({ take } = await watch(context, page));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('has pages to visit', () => {
    expect(build.pages.length).toBeGreaterThan(5);
  });

  it.each(build.pages)('%s', async (pagePath) => {
    take();
    offsite.length = 0;
    const response = await page.goto(build.origin + pagePath, { waitUntil: 'load' });
    expect(response?.status(), 'served').toBe(200);
    await settled(page);

    // Security headers, as the host sends them from _headers.
    const headers = response!.headers();
    expect.soft(headers['content-security-policy'], 'CSP header').toContain("frame-ancestors 'none'");
    expect.soft(headers['x-content-type-options']).toBe('nosniff');
    expect.soft(headers['referrer-policy']).toBe('no-referrer');
    expect.soft(headers['permissions-policy']).toContain('camera=()');
    // The page's own policy: Astro's hashes; never inline script.
    const metaCsp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect.soft(metaCsp, 'CSP meta tag').toMatch(/script-src [^;]*'sha256-/);
    expect.soft(metaCsp?.match(/script-src[^;]*/)?.[0]).not.toContain("'unsafe-inline'");
    if (build.partners) {
      expect.soft(headers['x-robots-tag']).toBe('noindex, nofollow');
      expect.soft(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
    }

    // Accessibility: axe with the WCAG A and AA tags, then the keyboard.
    expect.soft(await runAxe(page), 'axe violations').toEqual([]);
    const { stops, unreached } = await tabWalk(page);
    expect.soft(stops[0]?.desc, 'first Tab stop').toMatch(/^<a href=#main-content>Skip to main content/);
    expect.soft(unreached, 'controls Tab never reaches').toEqual([]);
    expect.soft(stops.filter((s) => !s.visibleFocus).map((s) => s.desc), 'focus not visible').toEqual([]);
    expect.soft(stops.some((s) => /Exit this page/.test(s.desc)), 'Exit this page reachable by Tab').toBe(true);

    // Privacy and the policy, over everything the page did.
    const stored = await storedState(context, page);
    const seen = take();
    expect.soft(offsite, 'requests to other origins').toEqual([]);
    expect.soft(seen.requests.filter((u) => !u.startsWith(`${build.origin}/`) && !/^(data|blob):/.test(u)), 'requests to other origins').toEqual([]);
    expect.soft(stored, 'cookies and storage').toEqual(EMPTY_STATE);
    expect.soft(seen.csp, 'CSP violations').toEqual([]);
    expect.soft(seen.pageErrors, 'script errors').toEqual([]);
    expect.soft(seen.consoleErrors, 'console errors').toEqual([]);
    expect.soft(seen.consoleWarnings, 'console warnings').toEqual([]);
    expect.soft(seen.failedRequests, 'failed requests').toEqual([]);

    if (!build.partners) {
      const html = await page.content();
      const leaked = sites.canaries.filter((c) => html.includes(c.word)).map((c) => c.where);
      expect.soft(leaked, 'non-public text on a public page').toEqual([]);
    }
  });
});
