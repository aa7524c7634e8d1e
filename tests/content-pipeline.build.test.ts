/**
 * The HTML content pipeline (src/loaders/mdx-html.ts) must give readers exactly what MDX gives:
 * the sample site is built with `CONTENT_PIPELINE=mdx` (Astro's glob loader, every document a Vite
 * MDX module) and with the HTML pipeline, cold and from its warm content cache, and every output
 * file (pages, feed, sitemap, headers, assets, Pagefind's index) is compared byte for byte, with
 * nothing excluded. The comparison is shown to catch a one-character change in the renderer, and
 * a document using an MDX feature the pipeline does not render must stop the build, naming it.
 * `node scripts/content-equivalence.ts --reviews 250` runs the same comparison over the benchmark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareSite } from '../scripts/bench/workspace.ts';
import { buildWith, compareTrees } from '../scripts/content-equivalence.ts';

const PROJECT = path.resolve(import.meta.dirname, '..');
const env = { BUILD_NOW: '2026-11-23' };

describe('the HTML content pipeline', () => {
  let ws: string;
  let site: string;
  let mdxOut: string;

  beforeAll(() => {
    ws = mkdtempSync(path.join(os.tmpdir(), 'lscp-pipeline-'));
    site = path.join(ws, 'site');
    // Its own node_modules of links, so Astro's content cache stays in the temporary folder.
    prepareSite(PROJECT, site);
    cpSync(path.join(PROJECT, 'reviews'), path.join(site, 'reviews'), { recursive: true });
    mdxOut = buildWith(site, 'mdx', 'mdx', { ...env, CONTENT_ROOT: site }).outDir;
  });

  afterAll(() => {
    if (ws) rmSync(ws, { recursive: true, force: true });
  });

  it('builds every output file byte for byte as the MDX pipeline does, cold and from its cache', () => {
    for (const label of ['html', 'html-warm']) {
      const out = buildWith(site, 'html', label, { ...env, CONTENT_ROOT: site }).outDir;
      const { files, differences } = compareTrees(mdxOut, out);
      expect(differences, `${label}: ${differences.map((d) => `${d.file}: ${d.detail}`).join('\n')}`).toEqual([]);
      expect(files).toBeGreaterThan(100);
      // The report bodies are there (not two empty renderings compared).
      expect(readFileSync(path.join(out, 'reviews/child-kestrel/index.html'), 'utf8')).toMatch(/<h2 id="[a-z0-9-]+">/);
    }
  });

  it('renders again the bodies whose files were deleted from the cache, and builds the same files', () => {
    // The content layer still holds every entry (with the name of its body file); the files are gone.
    const bodies = path.join(site, '.cache/public/lscp-bodies');
    expect(readdirSync(bodies).length).toBeGreaterThan(10);
    rmSync(bodies, { recursive: true, force: true });
    const out = buildWith(site, 'html', 'html-bodies-lost', { ...env, CONTENT_ROOT: site }).outDir;
    const { differences } = compareTrees(mdxOut, out);
    expect(differences, differences.map((d) => `${d.file}: ${d.detail}`).join('\n')).toEqual([]);
    expect(readdirSync(bodies).length).toBeGreaterThan(10);
    expect(readFileSync(path.join(out, 'reviews/child-kestrel/index.html'), 'utf8')).toMatch(/<h2 id="[a-z0-9-]+">/);
  });

  it("builds the partners' site (PARTNERS_BUILD=1) byte for byte as the MDX pipeline does", () => {
    const partners = { ...env, CONTENT_ROOT: site, PARTNERS_BUILD: '1' };
    const a = buildWith(site, 'mdx', 'partners-mdx', partners).outDir;
    const b = buildWith(site, 'html', 'partners-html', partners).outDir;
    const { files, differences } = compareTrees(a, b);
    expect(differences, differences.map((d) => `${d.file}: ${d.detail}`).join('\n')).toEqual([]);
    expect(files).toBeGreaterThan(100);
  });

  it('notices a one-character change in the renderer (and renders again when the renderer changes)', () => {
    const loader = path.join(site, 'src/loaders/mdx-html.ts');
    const original = readFileSync(loader, 'utf8');
    const marker = 'const html = String(await renderJSX(';
    expect(original).toContain(marker);
    writeFileSync(loader, original.replace(/(const html = String\(await renderJSX\([^;]*\));/, '$1.replace("</p>", "</p> ");'));
    try {
      const out = buildWith(site, 'html', 'html-perturbed', { ...env, CONTENT_ROOT: site }).outDir;
      const { differences } = compareTrees(mdxOut, out);
      expect(differences.map((d) => d.file)).toContain('reviews/child-kestrel/index.html');
    } finally {
      writeFileSync(loader, original);
    }
  });

  it('stops the build, naming the file, for MDX it does not render (a JSX component)', () => {
    const file = path.join(site, 'reviews/child-kestrel/report.mdx');
    const original = readFileSync(file, 'utf8');
    appendFileSync(file, '\n<Callout>Not rendered by the HTML pipeline.</Callout>\n');
    try {
      expect(() => buildWith(site, 'html', 'html-jsx', { ...env, CONTENT_ROOT: site })).toThrow(/reviews\/child-kestrel\/report\.mdx:\d+: uses a JSX element or component/);
    } finally {
      writeFileSync(file, original);
    }
  });
});
