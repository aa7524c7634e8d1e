/**
 * The pieces of the incremental build that are plain functions: digests of data, the guard's
 * decision to build clean, and a rule on the pages themselves (every page made by
 * `getStaticPaths()` gives a cache key from src/data/page-keys.ts, or is listed here with why not).
 * Whether reused pages are right is proved by tests/incremental.build.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, digestOf } from '../src/utils/digest.ts';
import { cleanBuildReason } from '../src/integrations/incremental.ts';

describe('digestOf', () => {
  it.each([
    ['key order', { a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 }, true],
    ['an undefined member is left out, as JSON does', { a: 1, b: undefined }, { a: 1 }, true],
    ['array order matters', [1, 2], [2, 1], false],
    ['a changed value', { published: '2026-12-02' }, { published: '2026-12-03' }, false],
    ['a string and a number', { n: 1 }, { n: '1' }, false],
    ['maps by key, whatever the insertion order', new Map([['a', 1], ['b', 2]]), new Map([['b', 2], ['a', 1]]), true],
    ['sets by member', new Set(['x', 'y']), new Set(['y', 'x']), true],
    ['sets that differ', new Set(['x']), new Set(['x', 'y']), false],
  ])('%s', (_name, a, b, same) => {
    expect(digestOf(a) === digestOf(b)).toBe(same);
  });
  it('gives a different digest for the same values split differently', () => {
    expect(digestOf('ab', 'c')).not.toBe(digestOf('a', 'bc'));
  });
  it('sorts keys at every depth', () => {
    expect(canonicalJson({ z: { y: 1, x: 2 }, a: 0 })).toBe('{"a":0,"z":{"x":2,"y":1}}');
  });
});

describe('cleanBuildReason', () => {
  const next = { version: 1, build: 'public' as const, code: 'abc' };
  it.each([
    ['no earlier build', undefined, undefined],
    ['the same code, finished', { ...next, complete: true }, undefined],
    ['the code changed', { ...next, code: 'old', complete: true }, "the site's code changed since the last build"],
    ['the last build was cut short', { ...next, complete: false }, 'the last build did not finish'],
    ['the other kind of build', { ...next, build: 'partners' as const, complete: true }, 'the last build in this cache was the partners build'],
    ['an older rule', { ...next, version: 0, complete: true }, 'the rule for reusing pages changed'],
  ])('%s', (_name, previous, reason) => {
    expect(cleanBuildReason(previous, next)).toBe(reason);
  });
});

describe('pages made by getStaticPaths()', () => {
  /** Routes rendered on every build, and why. */
  const ALWAYS_RENDERED: Record<string, string> = {
    'src/pages/reviews/[slug]/[file].ts': 'an endpoint copying a PDF or image: cheap, and its bytes are read from disk each build',
  };
  const pages = readdirSync('src/pages', { recursive: true, encoding: 'utf8' })
    .map((f) => path.join('src/pages', f))
    .filter((f) => /\.(astro|ts)$/.test(f))
    .filter((f) => readFileSync(f, 'utf8').includes('getStaticPaths'));

  it('finds the dynamic routes', () => {
    expect(pages.length).toBeGreaterThan(5);
  });
  it.each(pages)('%s gives a cache key from src/data/page-keys.ts, or is always rendered', (file) => {
    const text = readFileSync(file, 'utf8');
    if (ALWAYS_RENDERED[file]) {
      expect(text).not.toContain('cacheKey');
      return;
    }
    expect(text).toMatch(/cacheKey: (await )?\w+PageKey\(/);
    expect(text).toContain("data/page-keys.ts'");
  });
});
