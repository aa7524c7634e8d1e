/**
 * `npm run check`: validates every review and action plan, prints errors, flags and a summary,
 * writes reports/mesi-report.md and reports/open-actions.csv, and sets the exit code.
 *
 *   npm run check                      today = the date in England at BUILD_NOW, or now
 *   npm run check -- --today 2026-03-14
 *   npm run check -- --json            one JSON document on standard output
 *   npm run check -- --strict          flags fail the check too
 *   npm run check -- --no-reports      do not write reports/
 *   npm run check -- --force           scan every file for identifying details again (by default
 *                                      a file unchanged since the last check or build keeps its
 *                                      findings: .cache/anonymisation-scan.json)
 *
 * Exit code: 0 when there are no errors (and, with --strict, no flags); 1 otherwise; 2 when the
 * command itself is used wrongly.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ciAnnotations, formatResult, resultToJson, runCheck, scanMemo, writeReports } from '../src/check/index.ts';
import { isIsoDate } from '../src/utils/dates.ts';
import { contextOrExit } from './lib/site.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      today: { type: 'string' },
      json: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      'no-reports': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  }).values;
} catch (e) {
  fail(`${e instanceof Error ? e.message : String(e)}\nUsage: npm run check -- [--today YYYY-MM-DD] [--json] [--strict] [--no-reports] [--force]`);
}
if (args.help) {
  console.log('Usage: npm run check -- [--today YYYY-MM-DD] [--json] [--strict] [--no-reports] [--force]');
  process.exit(0);
}

if (args.today !== undefined && !isIsoDate(args.today)) {
  fail(`--today must be a real date written YYYY-MM-DD, for example 2026-03-14; it was "${args.today}".`);
}
// --today stands in for BUILD_NOW.
const context = contextOrExit({ ...process.env, ...(args.today ? { BUILD_NOW: args.today } : {}) });

const memo = scanMemo(process.cwd(), { reuse: !args.force });
const result = runCheck({ root: context.root, today: context.today, strict: args.strict, memo });
memo.save();
let written: { markdown: string; csv: string } | undefined;
if (!args['no-reports']) written = writeReports(result);

if (args.json) {
  process.stdout.write(`${JSON.stringify(resultToJson(result), null, 2)}\n`);
} else {
  const lines = formatResult(result, { strict: args.strict });
  if (written) {
    lines.splice(
      lines.length - 1,
      0,
      `Written: ${path.relative(process.cwd(), written.markdown) || written.markdown} and ${path.relative(process.cwd(), written.csv) || written.csv}`,
      '',
    );
  }
  console.log(lines.join('\n'));
}
if (process.env.CI) {
  // stderr, so that --json output stays one document on stdout.
  for (const line of ciAnnotations(result)) console.error(line);
}
process.exitCode = result.exitCode;
