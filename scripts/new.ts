/**
 * `npm run new -- review "Child D"`: creates reviews/child-d/ with a draft report, statement,
 * 7-minute briefing and action plan that pass `npm run check`. Never overwrites a folder.
 * CONTENT_ROOT points it at another project folder (the tests use a temporary one).
 */
import path from 'node:path';
import { readSiteConfig } from '../src/config/site-config.ts';
import { createReview, NewReviewError } from '../src/check/new-review.ts';
import { loadProject } from '../src/check/project.ts';
import { CHECK_STEPS } from '../src/check/registry.ts';
import { readBuildContext } from '../src/config/build-context.ts';
import { formatProblem } from '../src/utils/problems.ts';

const usage = 'Usage: npm run new -- review "Child D"';
const [kind, ...words] = process.argv.slice(2);
if (kind !== 'review' || words.length === 0) {
  console.error(usage);
  process.exit(2);
}
const title = words.join(' ');
const { root, today } = readBuildContext(process.env, process.cwd());
const { config, problems } = readSiteConfig(root);
if (!config) {
  console.error('The site settings have errors; fix them first:');
  for (const p of problems) console.error(`  ${formatProblem(p)}`);
  process.exit(1);
}
try {
  const { slug, files } = createReview(root, title, config, today);
  console.log(`Created reviews/${slug}/ (drafts):`);
  for (const f of files) console.log(`  ${path.relative(root, f)}`);
  // The templates must pass the check: say so if they do not.
  const project = loadProject(root, today);
  const own = [...project.problems, ...CHECK_STEPS.flatMap((s) => s.run(project))].filter(
    (p) => p.severity === 'error' && p.file.startsWith(`reviews/${slug}/`),
  );
  if (own.length) {
    console.error('The new files do not pass the check:');
    for (const p of own) console.error(`  ${formatProblem(p)}`);
    process.exitCode = 1;
  } else {
    console.log('They pass npm run check. Fill them in; remove "draft: true" when each is ready.');
  }
} catch (e) {
  if (e instanceof NewReviewError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
