/**
 * Print: every public 7-minute briefing printed to PDF by Chromium (print media, A4) fits on the
 * one page the print stylesheet promises. Headers: what the host sends from `_headers` works in a
 * browser (another site cannot frame a page), and reaches non-HTML files too.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isolatedContext, launch } from '../support/browser.ts';

const sites = inject('sites');
const briefings = (await readdir(path.join(sites.public.dir, 'briefings'), { withFileTypes: true }))
  .filter((d) => d.isDirectory())
  .map((d) => `/briefings/${d.name}/`)
  .sort();

/** Pages in a PDF: its page objects (`/Type /Page`, not `/Pages`). Chromium writes them uncompressed. */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

/** The size of each page in points, from its MediaBox. */
function mediaBoxes(pdf: Buffer): number[][] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*([\d.\s-]+)\]/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
}

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  const { context } = await isolatedContext(browser, sites.public.origin);
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('print', () => {
  it('the sample has briefings to print', () => {
    expect(briefings.length).toBeGreaterThan(0);
  });

  it.each(briefings)('%s prints on one A4 page', async (url) => {
    await page.emulateMedia({ media: 'screen' });
    await page.goto(sites.public.origin + url);
    await page.emulateMedia({ media: 'print' });
    // The print stylesheet hides the header, navigation, search, exit button and footer.
    expect(await page.locator('.govuk-footer').isVisible()).toBe(false);
    expect(await page.locator('.govuk-exit-this-page').isVisible()).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    if (process.env.SCREENSHOT_DIR) await import('node:fs/promises').then((fs) => fs.writeFile(`${process.env.SCREENSHOT_DIR}${url.replace(/\//g, '_')}.pdf`, pdf));
    expect(pdfPageCount(pdf), 'pages').toBe(1);
    for (const [x0, y0, x1, y1] of mediaBoxes(pdf)) {
      // A4 is 595 x 842 points.
      expect(Math.round(x1! - x0!)).toBe(595);
      expect(Math.round(y1! - y0!)).toBe(842);
    }
  });

  it('counts pages correctly in a PDF that has several', async () => {
    // A blank page of its own: the site's CSP would refuse the inline styles.
    const blank = await browser.newPage();
    await blank.setContent('<p>one</p><p style="break-before: page">two</p><p style="break-before: page">three</p>');
    const pdf = await blank.pdf({ format: 'A4' });
    await blank.close();
    expect(pdfPageCount(pdf)).toBe(3);
  });
});

describe('security headers in the browser', () => {
  it.each([
    ['public', sites.public.origin],
    ['partners', sites.partners.origin],
  ])('no page can put a %s page in a frame', async (_name, target) => {
    // A blank page with no policy of its own frames the site: only the site's headers can refuse.
    const context = await browser.newContext();
    try {
      const p = await context.newPage();
      const messages: string[] = [];
      p.on('console', (m) => messages.push(m.text()));
      await p.setContent(`<iframe title="test" src="${target}/"></iframe>`, { waitUntil: 'load' });
      const framed = p.frames().find((f) => f !== p.mainFrame());
      // Chromium shows its own error page in place of a refused frame.
      expect(framed?.url()).not.toBe(`${target}/`);
      expect(messages.join('\n')).toMatch(/frame-ancestors 'none'/);
    } finally {
      await context.close();
    }
  });

  it('non-HTML files carry the headers too (and the partners build says noindex on them)', async () => {
    for (const [origin, partners] of [
      [sites.public.origin, false],
      [sites.partners.origin, true],
    ] as const) {
      for (const file of ['/favicon.svg', '/pagefind/pagefind.js']) {
        const res = await fetch(origin + file);
        expect(res.status, file).toBe(200);
        expect(res.headers.get('x-content-type-options'), file).toBe('nosniff');
        expect(res.headers.get('content-security-policy'), file).toContain("frame-ancestors 'none'");
        expect(res.headers.get('x-robots-tag'), file).toBe(partners ? 'noindex, nofollow' : null);
      }
      // _headers is for the host, not for visitors.
      expect((await fetch(`${origin}/_headers`)).status).toBe(404);
    }
  });
});
