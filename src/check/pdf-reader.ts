/**
 * Reads PDFs synchronously for the check: runs src/check/pdf-worker.ts (PDF.js works only
 * asynchronously) in a child Node process and waits for its answer. One process for all the PDFs
 * of a run. A failure of the reader itself is reported on every file, never thrown.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PdfFacts } from '../utils/pdf/facts.ts';

const WORKER = fileURLToPath(new URL('./pdf-worker.ts', import.meta.url));

/** The facts of each file (relative to `root`), in order. */
export function readPdfs(root: string, files: readonly string[]): PdfFacts[] {
  if (files.length === 0) return [];
  const failed = (why: string): PdfFacts[] => files.map((file) => ({ file, error: why, pages: [], metadata: [], marked: false, structureTree: false }));
  const run = spawnSync(process.execPath, [WORKER, root, ...files], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } });
  if (run.status !== 0 || !run.stdout) return failed(`the PDF reader stopped (${(run.stderr || run.error?.message || `exit code ${run.status}`).trim().split('\n')[0]})`);
  try {
    return JSON.parse(run.stdout) as PdfFacts[];
  } catch {
    return failed('the PDF reader gave an answer that could not be read');
  }
}
