/**
 * The HTTP response headers the site needs that a `<meta>` tag cannot carry, written to a
 * `_headers` file (the format Netlify and Cloudflare Pages read) in the output of every build.
 *
 * Astro's CSP support puts the page's Content-Security-Policy (script and style hashes) in a
 * `<meta http-equiv>` tag. Browsers ignore `frame-ancestors` there, and headers such as
 * `X-Content-Type-Options`, `Referrer-Policy` and `Permissions-Policy` only work as real headers,
 * so the host must send them: docs/hosting.md says how on common static hosts. When a page has
 * both a header policy and a meta policy the browser enforces both, so the header policy below
 * only adds restrictions and never loosens the hashed meta policy.
 *
 * The browser tests serve the built site with these headers (tests/support/static-server.ts) to
 * see what a host would send.
 */
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** One block of a `_headers` file: a path pattern and the headers sent for paths it matches. */
export interface HeaderRule {
  /** `/*` for every path, `/_astro/*` for a folder; `*` (a "splat") matches any rest of the path. */
  path: string;
  headers: [name: string, value: string][];
  /** A comment written above the block. */
  comment?: string;
}

/**
 * Directives for the header Content-Security-Policy. Only ones that cannot be set from a meta
 * tag, or that restate the meta policy's strictest parts so they hold even for non-HTML
 * responses (a PDF opened directly, a JSON file).
 */
export const HEADER_CSP_DIRECTIVES = [
  // Nobody may put the site in a frame (clickjacking); ignored by browsers in a meta tag.
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/**
 * Powerful browser features the site never uses, switched off for it and anything it embeds.
 * Only features Chromium recognises: an unknown one logs an error on every page.
 */
export const DISABLED_FEATURES = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
] as const;

export interface SecurityHeaderOptions {
  /** The partners' intranet build: every response also says "do not index" (PDFs included). */
  partners?: boolean;
}

/** The rules for one build, in the order they are written. */
export function securityHeaderRules(options: SecurityHeaderOptions = {}): HeaderRule[] {
  const every: [string, string][] = [
    ['Content-Security-Policy', HEADER_CSP_DIRECTIVES.join('; ')],
    ['X-Frame-Options', 'DENY'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    ['Permissions-Policy', DISABLED_FEATURES.map((f) => `${f}=()`).join(', ')],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['Strict-Transport-Security', 'max-age=31536000'],
  ];
  if (options.partners) every.push(['X-Robots-Tag', 'noindex, nofollow']);
  return [
    { path: '/*', headers: every, comment: 'Every response. See docs/hosting.md: the host must send these.' },
    {
      path: '/_astro/*',
      headers: [['Cache-Control', 'public, max-age=31536000, immutable']],
      comment: 'Scripts and styles whose names carry a hash of their content never change.',
    },
  ];
}

/** Writes rules in the `_headers` format: a path on its own line, then indented `Name: value` lines. */
export function renderHeadersFile(rules: HeaderRule[]): string {
  const blocks = rules.map((rule) => {
    for (const [name, value] of rule.headers) {
      if (!/^[A-Za-z0-9-]+$/.test(name)) throw new Error(`Not a header name: "${name}"`);
      if (/[\r\n]/.test(value)) throw new Error(`The header ${name} has a line break in its value`);
    }
    const lines = rule.headers.map(([name, value]) => `  ${name}: ${value}`);
    return [...(rule.comment ? [`# ${rule.comment}`] : []), rule.path, ...lines].join('\n');
  });
  return `# Written by src/integrations/security-headers.ts at build: do not edit.\n${blocks.join('\n\n')}\n`;
}

/** Reads a `_headers` file back into rules (comments and blank lines skipped). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ path: raw.trim(), headers: [] });
      continue;
    }
    const current = rules[rules.length - 1];
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(raw);
    if (!current || !m) throw new Error(`_headers line ${i + 1} is not a header under a path: "${raw}"`);
    current.headers.push([m[1]!, m[2]!.trim()]);
  }
  return rules;
}

/** Whether a `_headers` path pattern matches a request path (`*` matches any characters). */
export function pathMatches(pattern: string, pathname: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(pathname);
}

/**
 * The headers a host following the `_headers` rules sends for a path: every matching rule's
 * headers, later rules adding to earlier ones (the same header from two rules is joined with ", ",
 * as Netlify and Cloudflare Pages do).
 */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!pathMatches(rule.path, pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out[key] = out[key] ? `${out[key]}, ${value}` : value;
    }
  }
  return out;
}

/** The Astro integration: writes `_headers` into the build output once every page is written. */
export default function securityHeaders(options: SecurityHeaderOptions = {}): AstroIntegration {
  return {
    name: 'lscp:security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const file = fileURLToPath(new URL('_headers', dir));
        await writeFile(file, renderHeadersFile(securityHeaderRules(options)));
        logger.info(`Security headers for the host written to _headers${options.partners ? ' (partners: noindex)' : ''}`);
      },
    },
  };
}
