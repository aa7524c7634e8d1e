/**
 * Reads PDFs synchronously for the check: runs src/check/pdf-worker.ts (PDF.js works only
 * asynchronously) in a child Node process and waits for its answer. One process for all the PDFs
 * of a run that have not been read before; what was read is remembered by the file's bytes (a
 * digest), so a check run again (live editing, tests) does not read an unchanged PDF again.
 * A failure of the reader itself is reported on every file, never thrown.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PdfFacts } from '../utils/pdf/facts.ts';

const WORKER = fileURLToPath(new URL('./pdf-worker.ts', import.meta.url));

/** Facts by digest of the file's bytes, without the file name. Bounded. */
const remembered = new Map<string, Omit<PdfFacts, 'file'>>();
const LIMIT = 500;

function digest(root: string, file: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(path.join(root, file))).digest('hex');
  } catch {
    return undefined;
  }
}

function failed(file: string, why: string): PdfFacts {
  return { file, error: why, pages: [], metadata: [], marked: false, structureTree: false };
}

/** The facts of each file (relative to `root`), in order. */
export function readPdfs(root: string, files: readonly string[]): PdfFacts[] {
  if (files.length === 0) return [];
  const digests = files.map((f) => digest(root, f));
  const toRead = files.filter((f, i) => digests[i] !== undefined && !remembered.has(digests[i]!));
  const read = new Map<string, PdfFacts>();
  if (toRead.length > 0) {
    const run = spawnSync(process.execPath, [WORKER, root, ...toRead], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } });
    let answer: PdfFacts[] | undefined;
    if (run.status === 0 && run.stdout) {
      try {
        answer = JSON.parse(run.stdout) as PdfFacts[];
      } catch {
        answer = undefined;
      }
    }
    const why = `the PDF reader stopped (${(run.stderr || run.error?.message || `exit code ${run.status}`).trim().split('\n')[0]})`;
    toRead.forEach((f, i) => {
      const facts = answer?.[i] ?? failed(f, answer ? 'the PDF reader gave no answer for it' : why);
      read.set(f, facts);
      // Only what the reader answered is remembered: a reader that failed is tried again next time.
      if (answer?.[i]) {
        if (remembered.size >= LIMIT) remembered.clear();
        const { file: _file, ...rest } = facts;
        remembered.set(digests[files.indexOf(f)]!, rest);
      }
    });
  }
  return files.map((file, i) => {
    const d = digests[i];
    if (d === undefined) return failed(file, 'the file could not be read');
    const known = read.get(file) ?? remembered.get(d);
    return known ? { ...known, file } : failed(file, 'the file could not be read');
  });
}
