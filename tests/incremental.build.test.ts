/**
 * Incremental builds stay correct: the site is built in one copy again and again, each time after
 * one more change (a date passing a scheduled publication, an archival date passing, a report
 * withheld, a statement turned back to draft, an edited briefing, a renamed theme, a changed
 * component), reusing what it may from the build before; a second copy makes the same changes and
 * is built clean every time (its cache emptied first). Every output file of the two must be
 * identical, byte for byte, nothing excluded: pages, feed, sitemap, `_headers`, assets and the
 * search index. A canary in the withheld report's text must leave the output the moment it is
 * withheld, though its page was built (and cached) while it was public.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSiteCopy, type SiteCopy } from './support/site-copy.ts';
import { files, textOf } from './support/output.ts';

const CANARY = `CANARYINCREMENTAL${Date.now().toString(36).toUpperCase()}`;

interface Step {
  name: string;
  today: string;
  change?: (site: SiteCopy) => void;
  /** Pages that must have been reused from the last build (proves the incremental path ran). */
  reused?: string[];
  /** Pages that must have been rendered again. */
  rendered?: string[];
  /** What the build must say. */
  says?: RegExp;
}

const edit = (site: SiteCopy, rel: string, from: string | RegExp, to: string) => {
  const file = path.join(site.root, rel);
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`The test could not change ${rel}: "${String(from)}" is not in it.`);
  site.write(rel, next);
};

const STEPS: Step[] = [
  {
    name: 'the first build',
    today: '2026-11-30',
    change: (site) => {
      // A report that reaches its archival date in step 3 (it may be archived from 11 June 2026).
      edit(site, 'reviews/child-dunlin/report.mdx', /keepPublished:\n(  .*\n)+/, 'archived: 2026-12-03\n');
      // A canary in a public report's text: on its page now, never again once withheld (step 4).
      edit(site, 'reviews/child-kestrel/report.mdx', '## 1. Introduction', `${CANARY} is a word of this report.\n\n## 1. Introduction`);
    },
    says: /Clean build: no earlier build/,
  },
  {
    name: 'the nightly build, nothing changed',
    today: '2026-11-30',
    reused: ['reviews/child-kestrel/index.html', 'briefings/baby-wren/index.html', 'reviews/theme/neglect/index.html'],
    says: /its index was reused/,
  },
  { name: 'a scheduled briefing’s date arrives', today: '2026-12-02', reused: ['reviews/child-kestrel/index.html'], rendered: ['reviews/child-teal/index.html'] },
  { name: 'an archival date arrives', today: '2026-12-03', rendered: ['reviews/child-dunlin/index.html'] },
  {
    name: 'a report is withheld',
    today: '2026-12-03',
    change: (site) => edit(site, 'reviews/child-kestrel/report.mdx', 'publication: published', 'publication: withheld'),
    rendered: ['reviews/child-kestrel/index.html'],
  },
  {
    name: 'a statement is turned back to draft',
    today: '2026-12-03',
    change: (site) => edit(site, 'reviews/child-curlew/statement.mdx', /^published: (.*)$/m, 'published: $1\ndraft: true'),
  },
  {
    name: 'a briefing is edited',
    today: '2026-12-03',
    change: (site) => edit(site, 'reviews/baby-wren/briefing.mdx', /\n## /, '\nA sentence added to the briefing.\n\n## '),
    rendered: ['briefings/baby-wren/index.html'],
    reused: ['reviews/baby-wren/index.html'],
  },
  {
    name: 'a theme is renamed',
    today: '2026-12-03',
    change: (site) => edit(site, 'content/themes.yaml', 'label: Neglect', 'label: Neglect and deprivation'),
    rendered: ['reviews/child-heron/index.html', 'reviews/theme/neglect/index.html'],
  },
  {
    name: 'a component is changed',
    today: '2026-12-03',
    change: (site) => edit(site, 'src/components/DateText.astro', '<time', '<time data-changed'),
    rendered: ['reviews/child-kestrel/index.html'],
    says: /Clean build: the site's code changed/,
  },
];

const build = (site: SiteCopy, today: string) => {
  const result = site.build({ BUILD_NOW: `${today}T12:00:00Z` });
  if (result.status !== 0) throw new Error(`The build failed:\n${result.output.slice(-4000)}`);
  return result;
};

/** The pages Astro copied from its cache in this build (it logs them "(cached)" or "(restored)"). */
function reusedPages(output: string): Set<string> {
  const reused = new Set<string>();
  for (const line of output.split('\n')) {
    const m = /├─ \/(\S+)\s.*\((cached|restored)\)/.exec(line);
    if (m) reused.add(m[1]!);
  }
  return reused;
}

describe('incremental builds give exactly the output of a clean build', () => {
  let incremental: SiteCopy;
  let clean: SiteCopy;
  beforeAll(() => {
    incremental = makeSiteCopy('lscp-incremental-');
    clean = makeSiteCopy('lscp-clean-');
  });
  afterAll(() => {
    incremental?.dispose();
    clean?.dispose();
  });

  it.each(STEPS.map((s, i) => [i + 1, s.name, s] as const))('step %i: %s', (_n, _name, step) => {
    step.change?.(incremental);
    step.change?.(clean);
    const inc = build(incremental, step.today);
    rmSync(path.join(clean.root, '.cache'), { recursive: true, force: true });
    build(clean, step.today);

    const a = path.join(incremental.root, 'dist');
    const b = path.join(clean.root, 'dist');
    const listA = files(a).map((f) => path.relative(a, f)).sort();
    const listB = files(b).map((f) => path.relative(b, f)).sort();
    expect(listA).toEqual(listB);
    const differing = listA.filter((f) => !readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))));
    expect(differing).toEqual([]);

    const reused = reusedPages(inc.output);
    for (const page of step.reused ?? []) expect(reused, `${page} should have been reused`).toContain(page);
    for (const page of step.rendered ?? []) expect(reused, `${page} should have been rendered again`).not.toContain(page);
    if (step.says) expect(inc.output).toMatch(step.says);

    // The canary is public in steps 1 to 4 and must be nowhere once the report is withheld.
    const withheld = STEPS.indexOf(step) >= STEPS.findIndex((s) => s.name === 'a report is withheld');
    const holding = files(a).filter((f) => textOf(f).includes(CANARY)).map((f) => path.relative(a, f));
    if (withheld) expect(holding).toEqual([]);
    else expect(holding).toContain('reviews/child-kestrel/index.html');
  });
});
