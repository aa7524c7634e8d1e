/**
 * The benchmark's two sites, in a temporary folder (never in the repository):
 * - `site/`: this project (src/, scripts/, public/, content/, its config files) with `reviews/`
 *   replaced by the generated corpus;
 * - `bare/`: a bare Astro + MDX site in the shape of Astro's blog starter (one layout, one glob
 *   content collection, one page per entry) over the same report files.
 *
 * Both get their own `node_modules/` folder whose entries are symbolic links to the project's
 * packages, so Astro's and Vite's caches (`node_modules/.astro`, `node_modules/.vite`) stay in the
 * temporary folder and never touch the project's.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';

/** What of the project the site needs, besides reviews/ and node_modules/. */
const PROJECT_ENTRIES = ['src', 'scripts', 'public', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
/** Caches that must stay per workspace. */
const LOCAL_CACHES = new Set(['.astro', '.vite', '.cache']);

function linkNodeModules(project: string, target: string): void {
  const from = path.join(project, 'node_modules');
  const to = path.join(target, 'node_modules');
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (LOCAL_CACHES.has(name)) continue;
    symlinkSync(path.join(from, name), path.join(to, name));
  }
}

/** Copies the project into `dir` (without reviews/ or build output) and links its packages. */
export function prepareSite(project: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const entry of PROJECT_ENTRIES) {
    const src = path.join(project, entry);
    if (!existsSync(src)) continue;
    cpSync(src, path.join(dir, entry), {
      recursive: true,
      // content/ (settings, themes, agencies, national entries, pages, standalone briefings) is
      // site-wide and comes along; the project's own reviews/ does not.
      filter: (s) => !/[\\/](dist|dist-partners|\.astro|reports)([\\/]|$)/.test(path.relative(project, s)),
    });
  }
  linkNodeModules(project, dir);
  mkdirSync(path.join(dir, 'reviews'), { recursive: true });
}

const BARE_CONFIG = `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: 'https://example.com',
  integrations: [mdx()],
});
`;

const BARE_CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const reports = defineCollection({
  loader: glob({ base: './reviews', pattern: '*/report.mdx', generateId: ({ entry }) => entry.split('/')[0] }),
  schema: z.object({
    title: z.string(),
    summary: z.string(),
    published: z.coerce.date(),
  }),
});

export const collections = { reports };
`;

const BARE_LAYOUT = `---
const { title, summary, published } = Astro.props;
---
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width,initial-scale=1" />
    <title>{title}</title>
    <meta name="description" content={summary} />
    <style>
      body { font-family: system-ui, sans-serif; max-width: 44rem; margin: 0 auto; padding: 1rem; line-height: 1.5; }
    </style>
  </head>
  <body>
    <main>
      <article>
        <h1>{title}</h1>
        <p><time datetime={published.toISOString()}>{published.toLocaleDateString('en-GB')}</time></p>
        <slot />
      </article>
    </main>
  </body>
</html>
`;

const BARE_PAGE = `---
import { getCollection, render } from 'astro:content';
import Report from '../../layouts/Report.astro';

export async function getStaticPaths() {
  const reports = await getCollection('reports');
  return reports.map((report) => ({ params: { slug: report.id }, props: report }));
}
const report = Astro.props;
const { Content } = await render(report);
---
<Report {...report.data}>
  <Content />
</Report>
`;

const BARE_INDEX = `---
import { getCollection } from 'astro:content';
const reports = (await getCollection('reports')).sort((a, b) => b.data.published.valueOf() - a.data.published.valueOf());
---
<html lang="en"><head><meta charset="utf-8" /><title>Reports</title></head>
<body><ul>{reports.map((r) => <li><a href={\`/reviews/\${r.id}/\`}>{r.data.title}</a></li>)}</ul></body></html>
`;

/** Writes the bare Astro + MDX site into `dir`. */
export function prepareBare(project: string, dir: string): void {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'bare-astro-mdx', private: true, type: 'module', scripts: { build: 'ASTRO_TELEMETRY_DISABLED=1 astro build' } }, null, 2),
    'astro.config.mjs': BARE_CONFIG,
    'src/content.config.ts': BARE_CONTENT_CONFIG,
    'src/layouts/Report.astro': BARE_LAYOUT,
    'src/pages/reviews/[slug].astro': BARE_PAGE,
    'src/pages/index.astro': BARE_INDEX,
    'tsconfig.json': JSON.stringify({ extends: 'astro/tsconfigs/strict' }),
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  linkNodeModules(project, dir);
  mkdirSync(path.join(dir, 'reviews'), { recursive: true });
}

/** Copies each review's report.mdx from the site into the bare site. */
export function copyReports(siteDir: string, bareDir: string): void {
  for (const slug of readdirSync(path.join(siteDir, 'reviews'))) {
    const from = path.join(siteDir, 'reviews', slug, 'report.mdx');
    if (!existsSync(from)) continue;
    mkdirSync(path.join(bareDir, 'reviews', slug), { recursive: true });
    copyFileSync(from, path.join(bareDir, 'reviews', slug, 'report.mdx'));
  }
}
