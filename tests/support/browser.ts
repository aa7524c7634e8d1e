/**
 * Helpers for the browser tests: Debian's Chromium driven by playwright-core, the list of pages
 * to visit in each build, a watcher that records everything a page did that a safe site must not
 * (requests elsewhere, CSP violations, console errors), axe-core, and the keyboard walk.
 */
import axe from 'axe-core';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's chromium package (CI installs it with apt-get); never Playwright's own download. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/** A context that can never reach the internet: any request to another origin is recorded and aborted. */
export async function isolatedContext(browser: Browser, origin: string, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; offsite: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const offsite: string[] = [];
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      offsite.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  return { context, offsite };
}

/** Every page of a build that a visitor can reach: the public sitemap, or (partners) every HTML file. */
export async function publicPages(dir: string): Promise<string[]> {
  const xml = await readFile(path.join(dir, 'sitemap-0.xml'), 'utf8');
  const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  if (urls.length === 0) throw new Error('The public sitemap lists no pages');
  return [...urls, '/404.html'];
}

export async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) out.push(path.relative(dir, path.join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

/** The address a static host serves an HTML file at. */
export function fileToPath(rel: string): string {
  const p = `/${rel.split(path.sep).join('/')}`;
  return p.endsWith('/index.html') ? p.slice(0, -'index.html'.length) : p;
}

export async function allPages(dir: string): Promise<string[]> {
  return (await htmlFiles(dir)).map(fileToPath);
}

export interface Incidents {
  csp: string[];
  consoleErrors: string[];
  /** Chromium's warnings (an unrecognised Permissions-Policy feature is one). */
  consoleWarnings: string[];
  pageErrors: string[];
  failedRequests: string[];
  requests: string[];
}

/**
 * Records what a page does. CSP violations come from the page's own `securitypolicyviolation`
 * events (reported to the test through a binding, so they survive navigation) and from the
 * console messages Chromium writes for them.
 */
const cspSinks = new WeakMap<Page, (violation: string) => void>();
const watchedContexts = new WeakSet<BrowserContext>();
const BINDING = '__lscpReportCspViolation';

export async function watch(context: BrowserContext, page: Page): Promise<{ take(): Incidents }> {
  let now: Incidents = { csp: [], consoleErrors: [], consoleWarnings: [], pageErrors: [], failedRequests: [], requests: [] };
  if (!watchedContexts.has(context)) {
    watchedContexts.add(context);
    await context.exposeBinding(BINDING, ({ page: from }, v: string) => cspSinks.get(from)?.(v));
    await context.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => {
      window.${BINDING}(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber + ' (' + e.disposition + ')');
    });`);
  }
  cspSinks.set(page, (v) => now.csp.push(v));
  page.on('console', (m) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) now.csp.push(`console: ${m.text()}`);
    else if (m.type() === 'warning') now.consoleWarnings.push(m.text());
    else now.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => now.pageErrors.push(String(e)));
  page.on('request', (r) => now.requests.push(r.url()));
  page.on('requestfailed', (r) => now.failedRequests.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document') now.failedRequests.push(`${r.url()}: HTTP ${r.status()}`);
  });
  return {
    take() {
      const was = now;
      now = { csp: [], consoleErrors: [], consoleWarnings: [], pageErrors: [], failedRequests: [], requests: [] };
      return was;
    },
  };
}

/** What the page keeps about its visitor: cookies, web storage, IndexedDB, Cache Storage. */
export async function storedState(context: BrowserContext, page: Page) {
  const cookies = (await context.cookies()).map((c) => `${c.domain} ${c.name}`);
  const inPage = await page.evaluate(async () => ({
    documentCookie: document.cookie,
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name ?? ''),
    caches: 'caches' in window ? await caches.keys() : [],
  }));
  return { cookies, ...inPage };
}

export const EMPTY_STATE = { cookies: [], documentCookie: '', localStorage: [], sessionStorage: [], indexedDB: [], caches: [] };

/** The WCAG 2.0, 2.1 and 2.2 A and AA rules. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Violations axe may report that have been checked by hand and stand, each for one rule on one
 * element (CSS selector as axe reports it), with the reason. Never a whole rule.
 */
export const AXE_EXCEPTIONS: { rule: string; target: string; reason: string }[] = [];

export interface AxeProblem {
  rule: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

export async function runAxe(page: Page): Promise<AxeProblem[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const result = await page.evaluate(
    async (tags) =>
      (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  const problems: AxeProblem[] = [];
  for (const v of result.violations) {
    const targets = v.nodes
      .map((n) => n.target.join(' '))
      .filter((t) => !AXE_EXCEPTIONS.some((e) => e.rule === v.id && e.target === t));
    if (targets.length) problems.push({ rule: v.id, impact: v.impact, help: v.help, targets });
  }
  return problems;
}

export interface TabStop {
  index: number;
  desc: string;
  visibleFocus: boolean;
}

/**
 * Presses Tab from the top of the page until focus comes back round, and reports each stop,
 * whether focus is visible there, and the controls Tab never reached. Focus counts as visible
 * when the focused element (or, for a GOV.UK checkbox, whose input is invisible, its label's
 * box) gains an outline, a shadow, a background or a border it does not have unfocused; a change
 * of text colour or underline alone does not count.
 */
export async function tabWalk(page: Page): Promise<{ stops: TabStop[]; unreached: string[] }> {
  const count = await page.evaluate(() => {
    type Stop = { index: number; desc: string; visibleFocus: boolean };
    const w = window as unknown as { __kbd: Element[]; __kbdLog: Stop[]; __kbdDescribe: (el: Element) => string; __kbdListener?: (e: FocusEvent) => void };
    const describe = (el: Element) => {
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('href') ? ` href=${el.getAttribute('href')}` : ''}${el.getAttribute('name') ? ` name=${el.getAttribute('name')}` : ''}>${text}`;
    };
    const selector = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [contenteditable=""], [contenteditable="true"], [tabindex]';
    const candidates = [...document.querySelectorAll(selector)].filter((el) => {
      const h = el as HTMLElement;
      if (h.tabIndex < 0 || (h as HTMLButtonElement).disabled) return false;
      if (h.closest('[inert]')) return false;
      if (h.tagName === 'SUMMARY' && h.parentElement?.tagName !== 'DETAILS') return false;
      // Rendered: checkVisibility sees display:none, closed details and visibility:hidden.
      if (!h.checkVisibility({ visibilityProperty: true })) {
        // A GOV.UK checkbox is an invisible input (opacity 0) under its visible label.
        if (!(h instanceof HTMLInputElement && h.getClientRects().length)) return false;
      }
      return true;
    });
    const transparent = (c: string) => c === 'transparent' || /^rgba\([^)]*,\s*0\)$/.test(c);
    const styleOf = (e: Element, pseudo?: string) => {
      const s = getComputedStyle(e, pseudo);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !transparent(s.outlineColor) ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : 'none';
      // A border counts only where it has a width (its colour follows the text colour otherwise).
      const borders = (['Top', 'Right', 'Bottom', 'Left'] as const).map((side) => {
        const width = s.getPropertyValue(`border-${side.toLowerCase()}-width`);
        return parseFloat(width) > 0 ? `${width} ${s.getPropertyValue(`border-${side.toLowerCase()}-color`)}` : '0';
      });
      return [outline, s.boxShadow, transparent(s.backgroundColor) ? 'none' : s.backgroundColor, ...borders].join('|');
    };
    const look = (el: Element) => {
      const parts = [styleOf(el)];
      if (el instanceof HTMLInputElement && el.labels?.[0]) parts.push(styleOf(el.labels[0], '::before'), styleOf(el.labels[0], '::after'));
      return parts.join(' / ');
    };
    (document.activeElement as HTMLElement | null)?.blur();
    const rest = candidates.map(look);
    w.__kbd = candidates;
    w.__kbdDescribe = describe;
    w.__kbdLog = [];
    if (w.__kbdListener) document.removeEventListener('focusin', w.__kbdListener);
    w.__kbdListener = (e: FocusEvent) => {
      const el = e.target as Element;
      const index = candidates.indexOf(el);
      // An element missing from the list is reported by its index -1 (the selector above missed it).
      w.__kbdLog.push({ index, desc: describe(el), visibleFocus: index >= 0 && look(el) !== rest[index] });
    };
    document.addEventListener('focusin', w.__kbdListener);
    return candidates.length;
  });
  // Enough presses to go all the way round (focus leaves the page once at the end).
  for (let i = 0; i < count + 3; i++) await page.keyboard.press('Tab');
  return page.evaluate(() => {
    type Stop = { index: number; desc: string; visibleFocus: boolean };
    const w = window as unknown as { __kbd: Element[]; __kbdLog: Stop[]; __kbdDescribe: (el: Element) => string };
    const stops: Stop[] = [];
    const seen = new Set<number>();
    for (const stop of w.__kbdLog) {
      if (seen.has(stop.index) && stop.index >= 0) break;
      seen.add(stop.index);
      stops.push(stop);
    }
    return { stops, unreached: w.__kbd.filter((_, i) => !seen.has(i)).map(w.__kbdDescribe) };
  });
}

/** Waits for web fonts and layout to settle (there are no web fonts; this is one frame). */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
