import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import securityHeaders, {
  headersFor,
  parseHeadersFile,
  pathMatches,
  renderHeadersFile,
  securityHeaderRules,
} from '../src/integrations/security-headers.ts';

describe('security headers for the host (_headers)', () => {
  const publicHeaders = headersFor(securityHeaderRules(), '/reviews/child-c/');

  it('forbids framing, sniffing, referrers and unused browser features on every page', () => {
    expect(publicHeaders['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(publicHeaders['x-frame-options']).toBe('DENY');
    expect(publicHeaders['x-content-type-options']).toBe('nosniff');
    expect(publicHeaders['referrer-policy']).toBe('no-referrer');
    expect(publicHeaders['permissions-policy']).toMatch(/(^|, )camera=\(\)/);
    expect(publicHeaders['permissions-policy']).toMatch(/(^|, )geolocation=\(\)/);
    expect(publicHeaders['permissions-policy']).toMatch(/(^|, )microphone=\(\)/);
  });

  it('never loosens the page policy: no unsafe-inline, no script or style sources in the header', () => {
    const csp = publicHeaders['content-security-policy']!;
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/(^|;\s*)(script|style|default)-src/);
  });

  it('marks every response of the partners build noindex, and only that build', () => {
    expect(publicHeaders['x-robots-tag']).toBeUndefined();
    const partners = headersFor(securityHeaderRules({ partners: true }), '/reviews/child-c/report.pdf');
    expect(partners['x-robots-tag']).toBe('noindex, nofollow');
    expect(partners['x-content-type-options']).toBe('nosniff');
  });

  it('caches hashed assets for a year, and only those', () => {
    expect(headersFor(securityHeaderRules(), '/_astro/Base.abc123.css')['cache-control']).toContain('immutable');
    expect(publicHeaders['cache-control']).toBeUndefined();
  });

  it('round-trips through the _headers format', () => {
    const rules = securityHeaderRules({ partners: true });
    const text = renderHeadersFile(rules);
    expect(text).toMatch(/^\/\*\n {2}Content-Security-Policy: frame-ancestors 'none'/m);
    expect(parseHeadersFile(text).map(({ path: p, headers }) => ({ path: p, headers }))).toEqual(
      rules.map(({ path: p, headers }) => ({ path: p, headers })),
    );
  });

  it('refuses a header value that would break the file', () => {
    expect(() => renderHeadersFile([{ path: '/*', headers: [['X-Test', 'a\nb']] }])).toThrow(/line break/);
    expect(() => renderHeadersFile([{ path: '/*', headers: [['Bad Name', 'a']] }])).toThrow(/header name/);
  });

  it('matches paths as static hosts do', () => {
    expect(pathMatches('/*', '/')).toBe(true);
    expect(pathMatches('/_astro/*', '/_astro/x.js')).toBe(true);
    expect(pathMatches('/_astro/*', '/reviews/_astro/x.js')).toBe(false);
    expect(pathMatches('/search/', '/search/')).toBe(true);
    expect(pathMatches('/search/', '/search/x')).toBe(false);
  });

  it('the integration writes _headers into the build output', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'headers-'));
    try {
      const integration = securityHeaders({ partners: true });
      const hook = integration.hooks['astro:build:done'] as (o: unknown) => Promise<void>;
      const logged: string[] = [];
      await hook({ dir: pathToFileURL(`${dir}/`), logger: { info: (m: string) => logged.push(m) } });
      const written = await readFile(path.join(dir, '_headers'), 'utf8');
      expect(written).toBe(renderHeadersFile(securityHeaderRules({ partners: true })));
      expect(logged.join()).toContain('_headers');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
