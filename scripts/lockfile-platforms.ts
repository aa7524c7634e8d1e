/**
 * `npm run lockfile`: records in package-lock.json the platform builds of optional native
 * packages that the registry this project installs from does not serve (for example
 * `@pagefind/darwin-arm64`). `npm install` silently leaves them out of the lock file, and
 * `npm ci` then refuses the lock as "out of sync". Each one is written as an optional entry for
 * its own os and cpu, so `npm ci` skips it on every other machine without fetching anything.
 *
 * Run it after any `npm install` that changes package-lock.json. `.ci/run` uses `npm ci`, so a
 * lock file that needs it fails CI at once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fixLockfile } from '../src/utils/lockfile.ts';

const file = 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8'));
const added = fixLockfile(lock);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `Recorded ${added.length} platform builds:\n  ${added.join('\n  ')}` : 'package-lock.json already lists every platform build.');
