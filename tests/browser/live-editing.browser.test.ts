/**
 * Live editing in `npm run dev` (the one-model issue): on a temporary copy of the project, the dev
 * server runs; saving a plan, a report, a statement, a briefing or the settings updates every
 * page that shows it without a restart; a broken plan shows its located errors in the browser
 * (never a 404 or a blank page), on that page and every other; fixing the file brings the pages
 * back. Each change must show within 2 seconds of the file being saved.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedContext, launch } from '../support/browser.ts';
import { freePort, serverEnv, waitForServer } from '../support/dev-server.ts';
import { makeSiteCopy, PROJECT, type SiteCopy } from '../support/site-copy.ts';

/** The promise: a saved change shows within this long. */
const LIVE_MS = 2000;
const PLAN = 'reviews/baby-wren/action-plan.yaml';

let site: SiteCopy;
let dev: ChildProcess;
let log = '';
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let offsite: string[];
const original = (rel: string) => readFileSync(path.join(PROJECT, rel), 'utf8');

beforeAll(async () => {
  site = makeSiteCopy('lscp-dev-');
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dev = spawn(path.join(site.root, 'node_modules/.bin/astro'), ['dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: site.root,
    // The dev server runs as `npm run dev` runs it.
    env: serverEnv({ BUILD_NOW: '2026-11-23' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout!.on('data', (d) => (log += String(d)));
  dev.stderr!.on('data', (d) => (log += String(d)));
  await waitForServer(origin, () => log);
  browser = await launch();
  ({ context, offsite } = await isolatedContext(browser, origin));
  page = await context.newPage();
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) lastNavigation = Date.now();
  });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  dev?.kill('SIGTERM');
  site?.dispose();
});

/** The text of one action's status on its plan's public progress page. */
const statusOf = (id: string) => page.locator(`[id="action-${id}"] .govuk-summary-list__row`, { hasText: 'Status' }).locator('dd');

let lastNavigation = 0;

/** Waits until the page has not navigated (a reload sent by the dev server) for a moment. */
async function quiet(ms = 800): Promise<void> {
  while (Date.now() - lastNavigation < ms) await new Promise((r) => setTimeout(r, 100));
}

/**
 * Opens a page. A reload the dev server sent for the previous change may cut the navigation short
 * (the browser reloads the page it was on): then open it again.
 */
async function goto(url: string): Promise<void> {
  await quiet();
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(`${origin}${url}`, { waitUntil: 'domcontentloaded' });
      return;
    } catch (e) {
      if (attempt >= 3 || !/ERR_ABORTED|interrupted by another navigation/.test(String(e))) throw e;
    }
  }
}

/** Waits until the locator's element is visible (the error overlay's text included: locators see into its shadow root). */
const shows = (locator: ReturnType<Page['locator']>, timeout = 10_000) => expect.poll(() => locator.isVisible(), { timeout }).toBe(true);

/** Saves `text` to `rel` in the copy, then waits until `check` passes, and returns how long that took. */
async function saveAndWait(rel: string, text: string, check: () => Promise<unknown>): Promise<number> {
  const saved = Date.now();
  site.write(rel, text);
  await check();
  const ms = Date.now() - saved;
  console.log(`live editing: ${rel} showed ${ms} ms after saving`);
  return ms;
}

describe('npm run dev: live editing', () => {
  it('shows a changed action status, a broken plan\'s errors on every page, and recovers when it is fixed, without a restart', async () => {
    const plan = original(PLAN);
    await goto(`/reviews/baby-wren/actions/`);
    await expect.poll(() => statusOf('R1.3').textContent(), { timeout: 60_000 }).toBe('In progress');

    // 1. A changed status shows on the plan's page.
    const changed = plan.replace(/(- id: R1\.3[\s\S]*?status: )in-progress/, '$1not-started');
    expect(changed).not.toBe(plan);
    const t1 = await saveAndWait(PLAN, changed, () => expect.poll(() => statusOf('R1.3').textContent(), { timeout: 10_000 }).toBe('Not started'));
    expect(t1, `the status showed ${t1} ms after saving`).toBeLessThan(LIVE_MS);

    // 2. A broken plan: the located error, in the browser, on this page and on every other.
    const broken = changed.replace(/(- id: R1\.3[\s\S]*?timescale: )Q4 2026/, '$1next spring');
    expect(broken).not.toBe(changed);
    const line = broken.split('\n').findIndex((l) => l.includes('timescale: next spring')) + 1;
    const where = `${PLAN}:${line}:20`;
    const t2 = await saveAndWait(PLAN, broken, () => shows(page.getByText(where).first()));
    expect(t2, `the error showed ${t2} ms after saving`).toBeLessThan(LIVE_MS);
    await shows(page.getByText('recommendations[0].actions[2].timescale').first());
    await shows(page.getByText('"next spring" is not a timescale').first());
    for (const other of ['/', '/reviews/', '/reviews/baby-wren/', '/about-reviews/']) {
      const response = await page.goto(`${origin}${other}`);
      expect(response?.status(), `${other} while the plan is broken`).not.toBe(404);
      await shows(page.getByText(where).first());
    }

    // 3. Fixed: the page comes back by itself.
    await goto(`/reviews/baby-wren/actions/`);
    const t3 = await saveAndWait(PLAN, plan, () => expect.poll(() => statusOf('R1.3').textContent(), { timeout: 10_000 }).toBe('In progress'));
    expect(t3, `the page recovered ${t3} ms after saving`).toBeLessThan(LIVE_MS);
  });

  it.each([
    { file: 'reviews/baby-wren/report.mdx', url: '/reviews/baby-wren/', what: 'summary', find: /^summary: /m },
    { file: 'reviews/baby-wren/statement.mdx', url: '/reviews/baby-wren/statement/', what: 'summary', find: /^summary: /m },
    { file: 'reviews/baby-wren/briefing.mdx', url: '/briefings/baby-wren/', what: 'body', find: /Several agencies were in touch/ },
  ])('shows a changed $what of $file on $url', async ({ file, url, find }) => {
    await goto(url);
    const text = original(file);
    const marker = `Edited live ${Date.now()}.`;
    const edited = text.replace(find, (m) => (m.endsWith(': ') ? `${m}${marker} ` : `${marker} ${m}`));
    expect(edited).not.toBe(text);
    const ms = await saveAndWait(file, edited, () => expect.poll(() => page.content(), { timeout: 10_000 }).toContain(marker));
    expect(ms, `${file} showed ${ms} ms after saving`).toBeLessThan(LIVE_MS);
    await saveAndWait(file, text, () => expect.poll(() => page.content(), { timeout: 10_000 }).not.toContain(marker));
  });

  it('shows a changed site name in the header of every page', async () => {
    const file = 'content/settings.yaml';
    const text = original(file);
    const name = 'Example Live Editing Partnership';
    const edited = text.replace(/^siteName: .*$/m, `siteName: ${name}`);
    expect(edited).not.toBe(text);
    await goto(`/themes/`);
    const ms = await saveAndWait(file, edited, () => expect.poll(() => page.locator('.govuk-service-navigation__service-name').textContent(), { timeout: 10_000 }).toBe(name));
    expect(ms, `the settings showed ${ms} ms after saving`).toBeLessThan(LIVE_MS);
    await goto(`/reviews/`);
    expect(await page.locator('.govuk-service-navigation__service-name').textContent()).toBe(name);
    await saveAndWait(file, text, () => expect.poll(() => page.locator('.govuk-service-navigation__service-name').textContent(), { timeout: 10_000 }).not.toBe(name));
  });

  it('made no request to any other host', () => {
    expect(offsite).toEqual([]);
  });
});
