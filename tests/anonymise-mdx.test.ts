/**
 * `mdxProse` was rewritten to run in linear time (it collects the ranges to blank and builds the
 * text once). It must give exactly what the previous version gave, kept as a reference in
 * tests/fixtures/anonymise/mdx-reference.ts: over every sample document, the benchmark corpus and
 * random MDX-like text.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorpusGenerator, optionsFromProject } from '../scripts/bench/corpus.ts';
import { mdxProse } from '../src/utils/anonymise/mdx.ts';
import { mdxProse as reference } from './fixtures/anonymise/mdx-reference.ts';

function mdxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? mdxFiles(p) : /\.mdx?$/.test(name) ? [p] : [];
  });
}

describe('mdxProse gives what it always gave', () => {
  it('over every sample document and test fixture', () => {
    const files = ['reviews', 'content', 'tests/fixtures'].flatMap((d) => mdxFiles(path.join(process.cwd(), d)));
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect([file, mdxProse(text) === reference(text)]).toEqual([file, true]);
    }
  });

  it('over the benchmark corpus', () => {
    const generator = new CorpusGenerator(optionsFromProject(process.cwd(), 1, '2026-11-16'));
    for (let i = 0; i < 40; i++) {
      for (const [name, text] of Object.entries(generator.review(i).files)) {
        if (name.endsWith('.mdx')) expect([i, name, mdxProse(text) === reference(text)]).toEqual([i, name, true]);
      }
    }
  }, 60_000);

  const PIECES = [
    '<', '>', '{', '}', '`', '```', '~~~', '   ```js', '\n', '\n\n', '\n  \n', ' ', '\t', '\\', '"', "'", '/*', '*/', '<!--', '-->',
    'import x from "y"', 'export const a = 1', '[a](http://x.org/1 "t")', '](', '[r]: http://a.b/c', 'https://a.b/1?x=2',
    'www.ex.org/2', '[m](mailto:a@b.org)', '[t](tel:+441234)', '<a@b.org>', '<https://x>', '<tel:0123>', '<Tag a="1" b={2}>', '</Tag>',
    '<br/>', '<>', '{/* c */}', '{"s"}', '\r\n', 'é', '😀', 'x', 'text 07700 900123', '14 March 2019',
  ];
  it('over random MDX-like text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(mdxProse(text)).toBe(reference(text));
      }),
      { numRuns: 20_000 },
    );
  }, 60_000);
});
