/**
 * The review imported from Word (tests/support/sites.ts runs `npm run import` on the tests' .docx
 * and publishes it): its page shows the report's headings in order and its table, and a footnote
 * link goes to the note and the note's back-link returns to the text.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { isolatedContext, launch } from '../support/browser.ts';
import { IMPORTED } from '../support/sites.ts';
import { SECRETS } from '../support/docx-fixtures.ts';

const sites = inject('sites');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('a report imported from Word', () => {
  it('shows its headings in order, its table, and footnotes linked both ways', async () => {
    const { context, offsite } = await isolatedContext(browser, sites.public.origin);
    const page = await context.newPage();
    await page.goto(`${sites.public.origin}/reviews/${IMPORTED}/`);
    const headings = await page.locator('main h2, main h3').allInnerTexts();
    const wanted = ['Introduction', 'Agencies involved', 'Recommendations'];
    const at = wanted.map((h) => headings.indexOf(h));
    expect(at.every((i) => i >= 0), headings.join(' | ')).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const table = page.locator('main table').first();
    expect(await table.locator('th').allInnerTexts()).toEqual(['Agency', 'Contacts']);
    expect(await table.locator('tbody tr').count()).toBe(2);

    const ref = page.locator('main a[data-footnote-ref]').first();
    const refId = await ref.getAttribute('id');
    await ref.click();
    const noteId = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const note = page.locator(`[id="${noteId}"]`);
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.innerText()).toContain('Working Together to Safeguard Children 2023.');
    await note.locator('a[data-footnote-backref]').click();
    expect(decodeURIComponent(new URL(page.url()).hash.slice(1))).toBe(refId);
    await expect.poll(() => page.locator(`[id="${refId}"]`).isVisible()).toBe(true);

    const text = await page.content();
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect(offsite).toEqual([]);
    await context.close();
  });
});
