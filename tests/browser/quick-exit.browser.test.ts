/**
 * Quick exit, as the GOV.UK "Exit this page" component promises: clicking the button or pressing
 * Shift three times leaves at once for the destination in content/settings.yaml, the page is
 * blanked before it goes, and without JavaScript the button is still a plain link there. The
 * destination is intercepted: nothing real is fetched. Also the skip link, which is the other
 * thing every page starts with.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Request, Route } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EMPTY_STATE, launch, settled, storedState } from '../support/browser.ts';

const sites = inject('sites');
const settings = parse(readFileSync(path.resolve(import.meta.dirname, '../../content/settings.yaml'), 'utf8')) as { exitPage: string };
const EXIT = settings.exitPage;
/** Pages to try it on: the home page, a review and the search page (which has its own scripts). */
const PAGES = ['/', '/reviews/', '/search/'];

interface Departure {
  url: string;
  referer: string | undefined;
}

/** What the page looked like as it started to leave (reported from its `beforeunload`). */
interface Leaving {
  overlay: boolean;
  /** The overlay covers the whole window, is opaque, and is what is on top in its middle. */
  overlayCovers: boolean;
  overlayText: string;
  contentHidden: boolean;
}

/**
 * A context in which every request is intercepted: the local site is served, the exit destination
 * is recorded and answered with a stub, anything else is aborted and recorded. The page reports
 * its own state as it starts to leave: the blanking must already be there by then.
 */
async function exitContext(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
  const departures: Departure[] = [];
  const leaving: Leaving[] = [];
  const elsewhere: string[] = [];
  let onDeparture: ((d: Departure) => void) | undefined;
  await context.exposeBinding('__lscpLeaving', (_source, state: string) => {
    leaving.push(JSON.parse(state) as Leaving);
  });
  await context.addInitScript(() => {
    window.addEventListener('beforeunload', () => {
      const overlay = document.querySelector<HTMLElement>('.govuk-exit-this-page-overlay');
      const rect = overlay?.getBoundingClientRect();
      const style = overlay ? getComputedStyle(overlay) : undefined;
      const top = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
      const main = document.querySelector('main');
      const state = {
        overlay: !!overlay,
        overlayCovers:
          !!overlay && !!rect && !!style && rect.left <= 0 && rect.top <= 0 && rect.right >= innerWidth && rect.bottom >= innerHeight &&
          style.visibility !== 'hidden' && style.display !== 'none' && !/rgba\([^)]*,\s*0\)|transparent/.test(style.backgroundColor) &&
          !!top && (top === overlay || overlay.contains(top)),
        overlayText: overlay?.textContent ?? '',
        contentHidden: !!main && !main.checkVisibility({ visibilityProperty: true }),
      };
      (window as unknown as { __lscpLeaving: (s: string) => void }).__lscpLeaving(JSON.stringify(state));
    });
  });
  await context.route(
    (url) => url.origin !== sites.public.origin,
    async (route: Route, request: Request) => {
      if (request.url() !== EXIT || !request.isNavigationRequest()) {
        elsewhere.push(request.url());
        return route.abort('blockedbyclient');
      }
      const departure = { url: request.url(), referer: (await request.headerValue('referer')) ?? undefined };
      departures.push(departure);
      onDeparture?.(departure);
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Stub destination</title><p>Intercepted exit destination.</p>' });
    },
  );
  const departed = () => new Promise<Departure>((resolve) => (onDeparture = resolve));
  return { context, departures, leaving, elsewhere, departed };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('Exit this page (JavaScript on)', () => {
  let context: BrowserContext;
  let page: Page;
  let ctx: Awaited<ReturnType<typeof exitContext>>;
  beforeAll(async () => {
    ctx = await exitContext(browser, true);
    context = ctx.context;
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('the destination is a real address in settings', () => {
    expect(new URL(EXIT).protocol).toBe('https:');
  });

  it.each(PAGES)('clicking the button on %s blanks the page and leaves for the destination', async (p) => {
    await page.goto(sites.public.origin + p);
    ctx.leaving.length = 0;
    const button = page.getByRole('button', { name: /Exit this page/ });
    await expect.poll(() => button.getAttribute('href')).toBe(EXIT);
    const departed = ctx.departed();
    await button.click();
    const d = await departed;
    await page.waitForURL(EXIT);
    expect(d.url).toBe(EXIT);
    const left = ctx.leaving.at(-1);
    expect(left?.overlayCovers, 'a full-window overlay covers the page before it goes').toBe(true);
    expect(left?.contentHidden, 'the page content is hidden before it goes').toBe(true);
    expect(d.referer, 'no Referer tells the destination where the visitor was').toBeUndefined();
    expect(await page.title()).toBe('Stub destination');
  });

  it.each(PAGES)('pressing Shift three times on %s leaves for the destination', async (p) => {
    await page.goto(sites.public.origin + p);
    await settled(page);
    ctx.leaving.length = 0;
    const departed = ctx.departed();
    // Focus somewhere ordinary first: the visitor may be typing in the search box.
    await page.locator('#site-search').focus();
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    const d = await departed;
    await page.waitForURL(EXIT);
    expect(ctx.leaving.at(-1)?.overlayCovers).toBe(true);
    expect(d.referer).toBeUndefined();
  });

  it('twice is not enough: two presses of Shift stay on the page and say how many more', async () => {
    const before = ctx.departures.length;
    await page.goto(sites.public.origin + '/');
    await settled(page);
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await expect.poll(() => page.locator('.govuk-exit-this-page__indicator').getAttribute('class')).toContain('--visible');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(sites.public.origin + '/');
    expect(ctx.departures.length).toBe(before);
  });

  it('coming back, the page is shown again (no overlay left behind)', async () => {
    await page.goto(sites.public.origin + '/reviews/');
    const departed = ctx.departed();
    await page.getByRole('button', { name: /Exit this page/ }).click();
    await departed;
    await page.waitForURL(EXIT);
    await page.goBack();
    await page.waitForURL(`${sites.public.origin}/reviews/`);
    await settled(page);
    await expect.poll(() => page.locator('.govuk-exit-this-page-overlay').count()).toBe(0);
    expect(await page.locator('main h1').isVisible()).toBe(true);
  });

  it('leaves nothing behind and asks nothing of anyone else', async () => {
    await page.goto(sites.public.origin + '/');
    expect(await storedState(context, page)).toEqual(EMPTY_STATE);
    expect(ctx.elsewhere).toEqual([]);
  });
});

describe('Exit this page (JavaScript off)', () => {
  it.each(PAGES)('on %s the button is a link to the destination', async (p) => {
    const ctx = await exitContext(browser, false);
    try {
      const page = await ctx.context.newPage();
      await page.goto(sites.public.origin + p);
      const departed = ctx.departed();
      await page.getByRole('button', { name: /Exit this page/ }).click();
      const d = await departed;
      await page.waitForURL(EXIT);
      expect(d.url).toBe(EXIT);
      expect(d.referer).toBeUndefined();
      expect(ctx.elsewhere).toEqual([]);
    } finally {
      await ctx.context.close();
    }
  });
});

describe('Skip link', () => {
  it.each(['/', '/reviews/', '/search/'])('on %s it is the first Tab stop and moves focus to the main content', async (p) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(sites.public.origin + p);
      await page.keyboard.press('Tab');
      const skip = page.locator(':focus');
      expect(await skip.textContent()).toBe('Skip to main content');
      // Visible when focused (it is visually hidden until then).
      const box = await skip.boundingBox();
      expect(box && box.width > 20 && box.height > 10).toBe(true);
      await page.screenshot({ path: process.env.SCREENSHOT_DIR ? `${process.env.SCREENSHOT_DIR}/skip${p.replace(/\//g, '_')}.png` : undefined });
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main-content');
      expect(new URL(page.url()).hash).toBe('#main-content');
      // The next Tab goes to the first control inside or after the main content, not back to the header.
      await page.keyboard.press('Tab');
      const after = await page.evaluate(() => {
        const main = document.getElementById('main-content')!;
        const el = document.activeElement!;
        return main.contains(el) || !!(main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      expect(after).toBe(true);
    } finally {
      await context.close();
    }
  });
});
