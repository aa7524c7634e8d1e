/**
 * Where the check keeps the anonymisation scan's findings between runs: `.cache/anonymisation-scan.json`
 * in the project folder (the folder `npm run check` and `npm run build` are run in; never
 * committed). `npm run check` and both builds share it: an entry is found only by a digest of the
 * document's whole text, every option of the scan, the site's code and Node's version (src/check/memo-file.ts).
 */
import path from 'node:path';
import { codeDigest } from './code-digest.ts';
import { digestOf } from '../utils/digest.ts';
import { FileMemo } from './memo-file.ts';

/** Changed by hand if what is kept changes shape without a change to the code's files. */
const STORE_VERSION = 1;

/**
 * The scan's memo for the project folder `projectDir` (where the commands run, not CONTENT_ROOT).
 * With `reuse: false` (`--force`) nothing kept is read: every document is scanned, and the
 * findings are kept for the next run.
 */
export function scanMemo(projectDir: string, options: { reuse?: boolean } = {}): FileMemo {
  const file = path.join(projectDir, '.cache', 'anonymisation-scan.json');
  // Node's version and its Unicode tables too: the detectors' letter and digit classes (\p{L}) come from them.
  const version = digestOf('anonymisation-scan', STORE_VERSION, codeDigest(), process.versions.node, process.versions.unicode);
  return new FileMemo(file, version, { reuse: options.reuse ?? true });
}
