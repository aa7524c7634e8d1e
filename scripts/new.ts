/**
 * `npm run new -- review "Child D"`: creates reviews/child-d/ with a draft report, statement,
 * 7-minute briefing and action plan that pass `npm run check`. Never overwrites a folder (one
 * that holds only a case file gets the review's files beside it).
 * `npm run new -- case "Child E"`: creates reviews/child-e/case.yaml (PARTNERS ONLY), the case's
 * lifecycle from the day the local authority became aware of the incident (today). Never
 * overwrites a case file.
 * CONTENT_ROOT points it at another project folder (the tests use a temporary one).
 */
import path from 'node:path';
import { contextAndSettings } from './lib/site.ts';
import { createCase, createReview, NewReviewError } from '../src/check/new-review.ts';
import { loadProject } from '../src/check/project.ts';
import { CHECK_STEPS } from '../src/check/registry.ts';
import { formatProblem } from '../src/utils/problems.ts';

const usage = 'Usage: npm run new -- review "Child D"   (a review folder with draft templates)\n       npm run new -- case "Child E"     (a case file, partners only)';
const [kind, ...words] = process.argv.slice(2);
if ((kind !== 'review' && kind !== 'case') || words.length === 0) {
  console.error(usage);
  process.exit(2);
}
const title = words.join(' ');
const { root, today, config } = contextAndSettings();
try {
  let slug: string;
  if (kind === 'case') {
    const created = createCase(root, title, today);
    slug = created.slug;
    console.log(`Created reviews/${slug}/case.yaml (partners only; never published).`);
    console.log(`  aware: ${today}. Change it to the day the local authority became aware of the incident, and add each stage's date as it happens.`);
  } else {
    const created = createReview(root, title, config, today);
    slug = created.slug;
    console.log(`Created reviews/${slug}/ (drafts):`);
    for (const f of created.files) console.log(`  ${path.relative(root, f)}`);
  }
  // The templates must pass the check: say so if they do not.
  const project = loadProject(root, today);
  const own = [...project.problems, ...CHECK_STEPS.flatMap((s) => s.run(project))].filter(
    (p) => p.severity === 'error' && p.file.startsWith(`reviews/${slug}/`),
  );
  if (own.length) {
    console.error('The new files do not pass the check:');
    for (const p of own) console.error(`  ${formatProblem(p)}`);
    process.exitCode = 1;
  } else if (kind === 'case') {
    console.log('It passes npm run check. The partners build shows it at /partners/cases/.');
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
