/**
 * The build context: what one build (or one `npm run dev`, or one `npm run check`) is about,
 * read from the environment exactly once, at the entry point, and handed to everything else.
 *
 * - `today`: the calendar date in England at `BUILD_NOW` (or now); every rule that depends on the
 *   date (publication, archival, overdue actions) is judged on this one day.
 * - `root`: the project folder the content is read from (`CONTENT_ROOT`, or the current folder).
 * - `build`: which site is built: the public one, or the partners' dashboards (`PARTNERS_BUILD=1`).
 *
 * Only entry points call `readBuildContext()`: `astro.config.mjs` (which gives it to the
 * integrations, and through the model to the pages as part of `virtual:lscp/model`) and the scripts in
 * `scripts/`. No other module reads these variables, and no function defaults to them.
 */
import path from 'node:path';
import { buildToday, type IsoDate } from '../utils/dates.ts';

/** Which site a build makes. */
export type BuildKind = 'public' | 'partners';

export interface BuildContext {
  /** The calendar date in England the build is made for (`YYYY-MM-DD`). */
  today: IsoDate;
  /** The project folder, absolute: where `content/` and `reviews/` are. */
  root: string;
  /** The public site, or the partners' dashboards. */
  build: BuildKind;
}

/** A bad value in one of the build's environment variables. */
export class BuildContextError extends Error {
  override name = 'BuildContextError';
}

/** The environment variables the context is read from. */
export interface BuildEnvironment {
  BUILD_NOW?: string | undefined;
  CONTENT_ROOT?: string | undefined;
  PARTNERS_BUILD?: string | undefined;
}

/** `PARTNERS_BUILD`: `1` is the partners' build; unset, empty or `0` the public one; anything else is refused. */
export function buildKind(value: string | undefined): BuildKind {
  if (value === undefined || value === '' || value === '0') return 'public';
  if (value === '1') return 'partners';
  throw new BuildContextError(`PARTNERS_BUILD must be 1 (the partners' build) or unset (the public site); it was "${value}".`);
}

/**
 * Reads the build context from `env` (normally `process.env`), once. `cwd` is the folder to use
 * when `CONTENT_ROOT` is unset; `realNow` stands in for the clock in tests.
 * Throws `BuildContextError` (or `BuildClockError` for `BUILD_NOW`) with a sentence saying what is accepted.
 */
export function readBuildContext(env: BuildEnvironment, cwd: string, realNow?: Date): BuildContext {
  return {
    today: buildToday(env.BUILD_NOW, realNow),
    root: env.CONTENT_ROOT ? path.resolve(cwd, env.CONTENT_ROOT) : path.resolve(cwd),
    build: buildKind(env.PARTNERS_BUILD),
  };
}
