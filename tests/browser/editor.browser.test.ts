/**
 * The form editor (`npm run editor`, docs/editor.md) on a temporary copy of the sample content,
 * driven as a person would: clicks and typing in the forms, never a file written behind its back.
 *
 * 1. A new review's report (title, type, summary, a paragraph, and what publishing needs); Baby
 *    Wren's report's summary changed (the rest of that file unchanged, byte for byte); and Baby
 *    Wren's action R1.3 marked complete with its evidence and completion date, with an update.
 *    The files on disk hold what was entered (and nothing else of the plan changed), `npm run
 *    check` passes on the copy, and a build of the copy shows the new review and the action
 *    complete, with nothing of the editor in the output.
 * 2. A required field left empty is refused by the form, and nothing is written.
 *
 * Any request from the editor to another host is aborted and fails the test.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/utils/yaml/frontmatter.ts';
import { isolatedContext, launch } from '../support/browser.ts';
import { freePort, serverEnv, waitForServer } from '../support/dev-server.ts';
import { makeSiteCopy, PROJECT, type SiteCopy } from '../support/site-copy.ts';

const TODAY = '2026-11-30';
const PLAN = 'reviews/baby-wren/action-plan.yaml';
const WREN_REPORT = 'reviews/baby-wren/report.mdx';
const EDITED_SUMMARY = 'Its summary was edited in the form editor.';

const REPORT = {
  title: 'Child Zephyr',
  slug: 'child-zephyr',
  type: 'learning-review',
  publication: 'published',
  document: 'overview-report',
  published: '2026-11-27',
  partnership: { id: 'example-borough', name: 'Example Borough Safeguarding Children Partnership' },
  reviewer: 'A. N. Example',
  summary: 'A fictional sample review, written through the form editor, about a teenager who stopped attending school.',
  theme: { id: 'neglect', label: 'Neglect' },
  signedOff: { date: '2026-11-20', role: 'Partnership Business Manager' },
  paragraph: 'This fictional paragraph was typed into the form editor by a test.',
};
const ACTION = {
  id: 'R1.3',
  evidence: 'Audit of 20 handover forms in November 2026 found every adult in the household listed.',
  completedOn: '2026-11-24',
  update: { date: '2026-11-25', note: 'Handover form changed and in use on every maternity ward.' },
};

let site: SiteCopy;
let editor: ChildProcess | undefined;
let log = '';
let origin: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** Every request to another host, from every page the tests opened (each was aborted). */
const offsite: string[] = [];

beforeAll(async () => {
  site = makeSiteCopy('lscp-editor-');
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // `npm run editor -- --port <port>`, in the copy.
  editor = spawn(path.join(PROJECT, 'node_modules/.bin/node'), ['scripts/editor.ts', '--port', String(port)], {
    cwd: site.root,
    env: serverEnv({ BUILD_NOW: TODAY }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  editor.stdout!.on('data', (d) => (log += String(d)));
  editor.stderr!.on('data', (d) => (log += String(d)));
  await waitForServer(origin, () => log);
  browser = await launch();
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  stopEditor();
  site?.dispose();
});

function stopEditor(): void {
  if (editor && editor.exitCode === null) editor.kill('SIGTERM');
  editor = undefined;
}

/** Opens the editor in a new browser profile and signs in to the local proxy. */
async function openEditor(): Promise<Page> {
  const isolated = await isolatedContext(browser, origin);
  contexts.push(isolated.context);
  const page = await isolated.context.newPage();
  page.on('close', () => offsite.push(...isolated.offsite));
  await page.goto(`${origin}/admin/`);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.getByRole('link', { name: 'Review reports' }).first().waitFor();
  return page;
}

/** The control of the field named `name` (the wrapper holding its label, input and errors), within `scope`. */
const control = (scope: Page | Locator, name: string) =>
  scope.locator(`div[aria-label$=" field"]:has(> div > label[for^="${name}-field-"])`).first();
/** The input of a plain field (text, date) named `name`. */
const input = (scope: Page | Locator, name: string) => scope.locator(`[id^="${name}-field-"]`).first();

/** Picks an option of a select or relation field by typing part of it. */
async function choose(page: Page, scope: Page | Locator, name: string, typed: string, option: string | RegExp): Promise<void> {
  await input(scope, name).click();
  await page.keyboard.type(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/**
 * Opens the item of a list whose summary (the line under its top bar) is `summary`, and returns it:
 * Decap's list items show only their summary until their top bar's first button is pressed.
 */
async function openItem(scope: Locator, summary: string): Promise<Locator> {
  const item = scope
    .locator(`xpath=.//div[contains(@class,"listControlItem")][./div[contains(@class,"NestedObjectLabel") and normalize-space(.)="${summary}"]]`)
    .first();
  await item.locator('xpath=./div[contains(@class,"TopBar")]/button').first().click();
  return item;
}

/** Publishes the entry open in the form (Decap's "Publish" menu, "Publish now"). */
async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Publish now', { exact: true }).click();
}

/** Publishes the entry and waits until the form says it is saved. */
async function publishAndWait(page: Page): Promise<void> {
  await expect.poll(() => page.getByText(/unsaved changes/i).isVisible()).toBe(true);
  await publish(page);
  await expect.poll(() => page.getByText(/changes saved/i).isVisible(), { timeout: 20_000 }).toBe(true);
}

const read = (rel: string) => readFileSync(path.join(site.root, rel), 'utf8');

describe('npm run editor: the forms write files the check accepts', () => {
  it('refuses to save a report with a required field left empty, and writes nothing', async () => {
    const page = await openEditor();
    await page.getByText('Review report', { exact: false }).filter({ hasText: '＋' }).first().click();
    await input(page, 'title').fill('Child Empty');
    await publish(page);
    for (const field of ['type', 'publication', 'summary']) {
      await expect.poll(() => control(page, field).getByText(/is required/).isVisible(), { message: `${field} is marked required` }).toBe(true);
    }
    expect(existsSync(path.join(site.root, 'reviews/child-empty'))).toBe(false);
    await page.close();
  });

  it('creates a new review\'s report and marks an action of Baby Wren\'s plan complete, and the site builds with both', async () => {
    const page = await openEditor();

    // 1. A new review report.
    await page.getByRole('link', { name: 'Review reports' }).first().click();
    await page.getByText('Review report', { exact: false }).filter({ hasText: '＋' }).first().click();
    await input(page, 'title').fill(REPORT.title);
    await choose(page, page, 'type', REPORT.type, REPORT.type);
    await choose(page, page, 'document', REPORT.document, REPORT.document);
    await choose(page, page, 'publication', 'publi', /^published$/);
    await input(page, 'published').fill(REPORT.published);
    await choose(page, page, 'partnerships', 'Borough', REPORT.partnership.name);
    await control(page, 'reviewers').getByRole('button', { name: 'Add reviewers' }).click();
    await input(control(page, 'reviewers'), 'item').fill(REPORT.reviewer);
    await input(page, 'summary').fill(REPORT.summary);
    await choose(page, page, 'themes', REPORT.theme.label, REPORT.theme.label);
    const signOff = control(page, 'anonymisation');
    await signOff.getByRole('button', { name: 'Expand' }).click();
    await input(signOff, 'date').fill(REPORT.signedOff.date);
    await input(signOff, 'role').fill(REPORT.signedOff.role);
    await control(page, 'body').locator('[contenteditable="true"]').click();
    await page.keyboard.type(REPORT.paragraph);
    await publishAndWait(page);
    const reportFile = `reviews/${REPORT.slug}/report.mdx`;
    await expect.poll(() => existsSync(path.join(site.root, reportFile)), { timeout: 15_000 }).toBe(true);

    // 2. An existing report: Baby Wren's summary changed in the form; the rest of the file, its
    //    body above all, stays exactly as it was.
    await page.getByRole('link', { name: /Writing in/ }).click();
    await page.getByRole('link', { name: /^Baby Wren/ }).click();
    const summary = input(page, 'summary');
    const wasSummary = await summary.inputValue();
    await summary.click();
    await summary.press('End');
    await page.keyboard.type(` ${EDITED_SUMMARY}`);
    const wrenBefore = read(WREN_REPORT);
    await publishAndWait(page);
    expect(read(WREN_REPORT)).toBe(wrenBefore.replace(`summary: ${wasSummary}\n`, `summary: ${wasSummary} ${EDITED_SUMMARY}\n`));

    // 3. Baby Wren's plan: R1.3 complete, with evidence, the day it was completed and an update.
    await page.getByRole('link', { name: /Writing in/ }).click();
    await page.getByRole('link', { name: 'Action plans' }).first().click();
    await page.getByRole('link', { name: 'baby-wren' }).click();
    const r1 = await openItem(control(page, 'recommendations'), 'R1');
    const action = await openItem(control(r1, 'actions'), ACTION.id);
    await choose(page, action, 'status', 'complete', /^complete$/);
    await input(action, 'evidence').fill(ACTION.evidence);
    await input(action, 'completedOn').fill(ACTION.completedOn);
    const updates = control(action, 'updates');
    await updates.getByRole('button', { name: 'Add update' }).click();
    const added = updates.locator('[id^="date-field-"]').last();
    await added.fill(ACTION.update.date);
    await updates.locator('[id^="note-field-"]').last().fill(ACTION.update.note);
    const before = read(PLAN);
    await publishAndWait(page);
    await expect.poll(() => read(PLAN), { timeout: 15_000 }).not.toBe(before);
    await page.close();
    stopEditor();

    // The report on disk is what was typed.
    const split = splitFrontmatter(read(reportFile));
    expect(split, 'the report has frontmatter').toBeDefined();
    expect(parse(split!.frontmatter)).toEqual({
      title: REPORT.title,
      type: REPORT.type,
      document: REPORT.document,
      publication: REPORT.publication,
      published: REPORT.published,
      partnerships: [REPORT.partnership.id],
      reviewers: [REPORT.reviewer],
      summary: REPORT.summary,
      themes: [REPORT.theme.id],
      anonymisation: REPORT.signedOff,
    });
    expect(split!.body.trim()).toBe(REPORT.paragraph);

    // The plan: R1.3 changed as entered, everything else as it was.
    const original = parse(readFileSync(path.join(PROJECT, PLAN), 'utf8')) as PlanData;
    const expected = structuredClone(original);
    const r13 = findAction(expected, ACTION.id);
    Object.assign(r13, { status: 'complete', evidence: ACTION.evidence, completedOn: ACTION.completedOn });
    r13.updates = [...(r13.updates ?? []), ACTION.update];
    const saved = read(PLAN);
    expect(parse(saved)).toEqual(expected);
    expect(saved.split('\n')[0]).toBe('# yaml-language-server: $schema=../../content/schemas/action-plan.schema.json');

    // The check accepts both.
    const check = spawnSync(path.join(PROJECT, 'node_modules/.bin/node'), ['scripts/check.ts', '--no-reports'], {
      cwd: site.root,
      encoding: 'utf8',
      env: { ...process.env, BUILD_NOW: TODAY },
    });
    expect(check.status, check.stdout + check.stderr).toBe(0);

    // The site builds with the new review and the action complete, and nothing of the editor.
    const built = site.build({ BUILD_NOW: TODAY });
    expect(built.status, built.output.slice(-3000)).toBe(0);
    const reviewPage = readFileSync(path.join(built.outDir, 'reviews', REPORT.slug, 'index.html'), 'utf8');
    expect(reviewPage).toContain(REPORT.title);
    expect(reviewPage).toContain(REPORT.paragraph);
    expect(readFileSync(path.join(built.outDir, 'reviews/baby-wren/index.html'), 'utf8')).toContain(EDITED_SUMMARY);
    const progress = readFileSync(path.join(built.outDir, 'reviews/baby-wren/actions/index.html'), 'utf8');
    const r13Html = progress.slice(progress.indexOf(`id="action-${ACTION.id}"`));
    expect(r13Html, 'the action on the public progress page').toMatch(/Complete \(awaiting assurance\)/);
    expect(r13Html.slice(0, r13Html.indexOf('id="action-', 10))).toContain(ACTION.update.note);
    const files = readdirSync(built.outDir, { recursive: true }).map(String);
    expect(files.filter((f) => /(^|\/)admin(\/|$)|decap|config\.yml/i.test(f))).toEqual([]);
  }, 600_000);

  it('made no request to any other host', () => {
    expect(offsite).toEqual([]);
  });
});

interface ActionData {
  id: string;
  updates?: unknown[];
  [k: string]: unknown;
}
interface PlanData {
  recommendations: { actions: ActionData[] }[];
}

function findAction(plan: PlanData, id: string): ActionData {
  const found = plan.recommendations.flatMap((r) => r.actions).find((a) => a.id === id);
  if (!found) throw new Error(`no action ${id} in the plan`);
  return found;
}
