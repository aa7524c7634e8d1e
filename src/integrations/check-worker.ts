/**
 * The build's one check, in a worker thread of its own (src/integrations/model.ts starts it in
 * `astro build`). It does what the build's check always did: runs the whole check (with the
 * anonymisation scan's kept findings), writes the MESI report and CSV, and, when there are no
 * errors, writes the site model the pages read. It sends back what to print.
 *
 * Why a thread: at 1,500 reviews the check reads 7,500 files and holds them while it runs (about
 * 800 MB). In Astro's own thread that memory stayed with the process for the rest of the build,
 * under everything Astro and Vite then hold; a thread's memory is given back when it ends.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { BuildContext } from '../config/build-context.ts';
import { formatResult, runCheck, scanMemo, writeReports } from '../check/index.ts';
import { toSiteModel } from '../check/model.ts';

/** What the worker is given. */
export interface CheckJob {
  context: BuildContext;
  /** Astro's root, where `.cache/anonymisation-scan.json` is kept. */
  projectDir: string;
  /** `astro build --force`: scan every file again. */
  force: boolean;
  /** Where to write the site model. */
  modelFile: string;
}

/** What it sends back. */
export interface CheckOutcome {
  /** The check's output, as `npm run check` prints it. */
  lines: string[];
  errors: number;
  scanned: { hits: number; misses: number };
  /** The MESI report written. */
  report: string;
  /** True when the model was written to `modelFile`. */
  model: boolean;
}

const job = workerData as CheckJob;
const memo = scanMemo(job.projectDir, { reuse: !job.force });
const result = runCheck({ root: job.context.root, today: job.context.today, memo });
memo.save();
const written = writeReports(result);
let model = false;
if (result.errors.length === 0) {
  mkdirSync(path.dirname(job.modelFile), { recursive: true });
  writeFileSync(job.modelFile, JSON.stringify(toSiteModel(result, job.context)));
  model = true;
}
const outcome: CheckOutcome = {
  lines: formatResult(result),
  errors: result.errors.length,
  scanned: { hits: memo.hits, misses: memo.misses },
  report: written.markdown,
  model,
};
parentPort!.postMessage(outcome);
