/**
 * Rendered bodies are kept as files, not in Astro's data store (src/utils/document-body.ts). A page
 * that called Astro's `render()` on such an entry would print an empty body, so the one place that
 * prints bodies is src/components/DocumentBody.astro: this test fails if any other file under src/
 * imports `render` from `astro:content`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BODY_KEY, bodyFileName, recordedBodyFile } from '../src/utils/document-body.ts';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

describe('document bodies', () => {
  it('names a body file by its digest, and refuses a digest that is not letters and digits', () => {
    expect(bodyFileName('0fef8583017d2948')).toBe('0fef8583017d2948.html');
    for (const bad of ['', '../x', 'a/b', 'a.b']) expect(() => bodyFileName(bad)).toThrow();
  });

  it('reads the file name an entry records, and nothing from an entry Astro renders itself', () => {
    expect(recordedBodyFile({ rendered: { metadata: { [BODY_KEY]: 'abc.html' } } })).toBe('abc.html');
    expect(recordedBodyFile({ rendered: { metadata: { headings: [] } } })).toBeUndefined();
    expect(recordedBodyFile({})).toBeUndefined();
  });

  it("only DocumentBody.astro uses Astro's render() on content entries", () => {
    const users = files(SRC)
      .filter((f) => /\.(astro|ts|mjs)$/.test(f))
      .filter((f) => /import\s*\{[^}]*\brender\b[^}]*\}\s*from\s*['"]astro:content['"]/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(SRC, f));
    expect(users).toEqual([path.join('components', 'DocumentBody.astro')]);
  });
});
