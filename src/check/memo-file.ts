/**
 * Results of a pure, slow function kept in a file between runs, by a digest of everything the
 * result depends on. The anonymisation scan uses it (src/check/steps/anonymisation.ts): scanning
 * 88 MB of reports takes most of the check at 1,500 reviews, and a rebuild changes a file or two.
 *
 * It is safe only because of how a key is made, so every key is the digest of:
 * - the store's `version`: a digest of the site's code (src/check/code-digest.ts), so a change to
 *   any rule, or to a package, gives every result again;
 * - every input of the call, in full (the file's whole text, not its name or date; every option).
 *
 * A store that cannot be read (missing, cut short, another version) is empty: the results are
 * worked out again, never guessed. A store is written whole to a new file and renamed over the
 * old, so a run cut short leaves the last good one. It keeps the entries this run used, so it
 * never grows past one run's worth.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { digestOf } from '../utils/digest.ts';

/** Remembers results by their inputs. */
export interface Memo {
  /** The result of `compute()` for these inputs: the kept one if there is one, else computed and kept. */
  get<T>(inputs: readonly unknown[], compute: () => T): T;
}

/** Computes every time: for runs that must not reuse anything. */
export const NO_MEMO: Memo = { get: (_inputs, compute) => compute() };

interface StoreFile {
  version: string;
  entries: Record<string, unknown>;
}

/** A memo kept in a JSON file. Results must be plain JSON data (undefined members are dropped). */
export class FileMemo implements Memo {
  readonly #file: string;
  readonly #version: string;
  readonly #old: Record<string, unknown>;
  readonly #used = new Map<string, unknown>();
  /** Results taken from the file and worked out, for the caller to report. */
  hits = 0;
  misses = 0;

  /** With `reuse: false` the file is not read (every result is worked out again) but is written. */
  constructor(file: string, version: string, options: { reuse?: boolean } = {}) {
    this.#file = file;
    this.#version = version;
    this.#old = options.reuse === false ? {} : FileMemo.#read(file, version);
  }

  static #read(file: string, version: string): Record<string, unknown> {
    try {
      const store = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoreFile>;
      if (store.version !== version || typeof store.entries !== 'object' || store.entries === null) return {};
      return store.entries;
    } catch {
      return {};
    }
  }

  get<T>(inputs: readonly unknown[], compute: () => T): T {
    const key = digestOf(this.#version, inputs);
    if (this.#used.has(key)) {
      this.hits++;
      return this.#used.get(key) as T;
    }
    if (Object.hasOwn(this.#old, key)) {
      this.hits++;
      const kept = this.#old[key] as T;
      this.#used.set(key, kept);
      return kept;
    }
    this.misses++;
    // Through JSON, as a later run will read it: this run sees exactly what the next one will.
    const value = JSON.parse(JSON.stringify(compute()) ?? 'null') as T;
    this.#used.set(key, value);
    return value;
  }

  /** Writes the entries this run used (and only those). A store that cannot be written is left alone. */
  save(): void {
    const store: StoreFile = { version: this.#version, entries: Object.fromEntries(this.#used) };
    const temp = `${this.#file}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(this.#file), { recursive: true });
      writeFileSync(temp, JSON.stringify(store));
      renameSync(temp, this.#file);
    } catch {
      rmSync(temp, { force: true });
    }
  }
}
