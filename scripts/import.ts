/**
 * `npm run import -- path/to/report.docx --review child-e [--as report|statement|briefing] [--force]`:
 * a Word document becomes reviews/child-e/report.mdx (a draft; the folder is created from the
 * templates when it is new). Tracked changes are taken as accepted (deleted text never comes
 * across); comments, hidden text and document properties are never imported.
 *
 * `npm run import -- path/to/plan.xlsx --review child-e --plan` (or .csv, or a .docx holding the
 * plan table), and `npm run import -- report.docx --review child-e --recommendations`: an action
 * plan becomes reviews/child-e/action-plan.yaml (a draft).
 *
 * Then the check runs on the new files and prints what it finds (anonymisation findings masked),
 * as `npm run check` would. CONTENT_ROOT points it at another project folder.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contextAndSettings } from './lib/site.ts';
import { parseArgs } from 'node:util';
import { createReview, NewReviewError, slugify } from '../src/check/new-review.ts';
import { loadProject } from '../src/check/project.ts';
import { CHECK_STEPS } from '../src/check/registry.ts';
import { formatProblem } from '../src/utils/problems.ts';
import { importReport, IMPORT_KINDS, type ImportKind } from '../src/utils/import/report.ts';
import { importPlan } from '../src/utils/import/plan-files.ts';
import { addMonths, formatMonth } from '../src/utils/dates.ts';

const usage = `Usage: npm run import -- report.docx --review child-e [--as report|statement|briefing] [--force]
       npm run import -- plan.xlsx|plan.csv|plan.docx --review child-e --plan [--force]
       npm run import -- report.docx --review child-e --recommendations [--force]`;

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      review: { type: 'string' },
      as: { type: 'string', default: 'report' },
      force: { type: 'boolean', default: false },
      plan: { type: 'boolean', default: false },
      recommendations: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}
if (args.values.help) {
  console.log(`${usage}\n\nSee docs/importing.md for what is kept, what is left out and why.`);
  process.exit(0);
}
const [input] = args.positionals;
const slug = slugify(args.values.review ?? '');
const kind = args.values.as as ImportKind;
if (!input || !slug || !IMPORT_KINDS.includes(kind)) {
  console.error(usage);
  process.exit(2);
}
if (!existsSync(input)) {
  console.error(`${input}: no such file. Give the path to the .docx, .xlsx or .csv file.`);
  process.exit(1);
}
const { root, today, config } = contextAndSettings();
const dir = path.join(root, 'reviews', slug);
const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
const force = args.values.force;

/** Creates the review folder from the templates when it is new, and returns the files made. */
function ensureFolder(except: string): string[] {
  if (existsSync(dir)) return [];
  const title = slug.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
  const created = createReview(root, title, config!, today);
  return created.files.filter((f) => path.basename(f) !== except);
}

/** Stops, writing nothing, when the file exists and --force was not given. */
function refuseOverwrite(file: string): void {
  if (existsSync(file) && !force) {
    console.error(`${rel(file)} already exists; nothing was changed. Add --force to replace it.`);
    process.exit(1);
  }
}

const written: string[] = [];
try {
  const data = new Uint8Array(readFileSync(input));
  if (args.values.plan || args.values.recommendations) {
    const target = path.join(dir, 'action-plan.yaml');
    const fresh = !existsSync(dir);
    if (!fresh) refuseOverwrite(target);
    const defaultOwner = (config.agencies.find((a) => a.kind === 'partnership') ?? config.agencies[0])?.id ?? 'lscp';
    const result = await importPlan(input, data, {
      slug,
      agencies: config.agencies,
      defaultOwner,
      dueBy: formatMonth(addMonths(today, 6)),
      mode: args.values.plan ? 'table' : 'recommendations',
    });
    for (const line of result.found) console.log(line);
    if (result.errors.length) {
      console.error(`\n${input}: ${result.errors.length === 1 ? '1 problem' : `${result.errors.length} problems`}; nothing was written:`);
      for (const e of result.errors) console.error(`  ${e}`);
      process.exit(1);
    }
    const made = ensureFolder('action-plan.yaml');
    writeFileSync(target, result.yaml);
    written.push(target);
    if (made.length) console.log(`Created ${rel(dir)}/ from the templates: ${made.map(rel).join(', ')}`);
    console.log(`Wrote ${rel(target)} (draft).`);
    for (const w of result.warnings) console.log(`  to do: ${w}`);
  } else {
    const target = path.join(dir, `${kind}.mdx`);
    if (existsSync(dir)) refuseOverwrite(target);
    const theme = config.themes[0]?.id ?? 'neglect';
    const result = await importReport(data, { kind, slug, today, partnership: config.settings.partnership, theme });
    const c = result.counts;
    console.log(`${input}: ${c.headings} headings, ${c.paragraphs} paragraphs, ${c.lists} lists, ${c.tables} tables, ${c.footnotes} footnotes, ${c.endnotes} endnotes, ${c.images} images.`);
    if (result.numbered) console.log(`Word's automatic numbers written into the text as the reader saw them ("4.12"): ${result.numbered} ${result.numbered === 1 ? 'paragraph' : 'paragraphs'}.`);
    if (result.leftOut.length) {
      console.log('Left out:');
      for (const l of result.leftOut) console.log(`  ${l}`);
    }
    if (result.errors.length || !result.mdx) {
      console.error(`\n${input}: ${result.errors.length === 1 ? '1 problem' : `${result.errors.length} problems`}; nothing was written:`);
      for (const e of result.errors) console.error(`  ${e}`);
      process.exit(1);
    }
    // An image already in the folder is never replaced without --force, like the document.
    const taken = result.images.map((image) => path.join(dir, image.name)).filter((file) => existsSync(file));
    if (taken.length && !force) {
      console.error(`\n${taken.map(rel).join(', ')} already ${taken.length === 1 ? 'exists' : 'exist'}; nothing was written. Add --force to replace ${taken.length === 1 ? 'it' : 'them'}.`);
      process.exit(1);
    }
    const made = ensureFolder(`${kind}.mdx`);
    if (made.length) console.log(`Created ${rel(dir)}/ from the templates: ${made.map(rel).join(', ')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(target, result.mdx);
    written.push(target);
    for (const image of result.images) {
      const file = path.join(dir, image.name);
      writeFileSync(file, image.data);
      console.log(`Saved ${rel(file)} (alt text: "${image.alt}").`);
    }
    console.log(`Wrote ${rel(target)} (draft: true).`);
    console.log('Still to do:');
    for (const t of result.todo) console.log(`  ${t}`);
  }
} catch (e) {
  if (e instanceof NewReviewError) {
    console.error(e.message);
    process.exit(1);
  }
  if (e instanceof Error && /zip|central directory|end of data/i.test(e.message)) {
    console.error(`${input}: this is not a Word .docx file (${e.message}). Save it from Word as "Word Document (.docx)" and import again.`);
    process.exit(1);
  }
  throw e;
}

// The check on what was written, as npm run check prints it (anonymisation findings masked).
const project = loadProject(root, today);
const files = new Set(written.map(rel));
const own = [...project.problems, ...CHECK_STEPS.flatMap((s) => s.run(project))].filter((p) => files.has(p.file));
if (own.length) {
  console.log(`\nnpm run check on the imported file (${own.length === 1 ? '1 finding' : `${own.length} findings`}):`);
  for (const p of own) console.log(`  ${formatProblem(p)}`);
  if (own.some((p) => p.severity === 'error')) process.exitCode = 1;
} else {
  console.log('\nIt passes npm run check as a draft.');
}
