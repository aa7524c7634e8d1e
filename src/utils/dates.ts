/**
 * Calendar dates, the build clock and how dates are shown.
 *
 * Every date in the content is a calendar date in England (`YYYY-MM-DD`), never an instant.
 * We keep them as strings of that form (`IsoDate`) and do arithmetic on them through UTC
 * midnights, so no time zone or summer-time change can move a date by a day.
 */

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** The English month names, January first. */
export const MONTH_NAMES: readonly string[] = MONTHS;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (no 31 April, no 29 February 2025). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Number of days in month `month` (1 to 12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Builds an `IsoDate` from numbers (month 1 to 12). */
export function isoFromParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toUtc(date: IsoDate): Date {
  const m = ISO_DATE.exec(date);
  if (!m || !isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function fromUtc(d: Date): IsoDate {
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/**
 * `date` plus `months` calendar months. A day that does not exist in the target month falls back
 * to its last day (31 January plus one month is 28 or 29 February).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = toUtc(date);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return isoFromParts(year, month, Math.min(d.getUTCDate(), daysInMonth(year, month)));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** Day of the week, 0 for Sunday to 6 for Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return toUtc(date).getUTCDay();
}

/** Compares two calendar dates, for sorting: negative when `a` is earlier. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The calendar date in England (Europe/London) at the instant `instant`. */
export function londonDate(instant: Date): IsoDate {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Thrown when `BUILD_NOW` (or `--today`) cannot be read as a date. */
export class BuildClockError extends Error {}

/**
 * The build clock: the instant the build treats as "now".
 *
 * `BUILD_NOW` may be an ISO date (`2025-03-14`, meaning the start of that day in England) or an
 * ISO date-time with an offset or `Z` (`2025-03-14T00:30:00Z`). Unset or empty means the real
 * time. Anything else is an error: a mistyped clock must never publish early.
 */
export function buildInstant(buildNow: string | undefined, realNow: Date = new Date()): Date {
  const value = buildNow?.trim();
  if (!value) return realNow;
  if (ISO_DATE.test(value)) {
    if (!isIsoDate(value)) throw new BuildClockError(`BUILD_NOW is not a real date: "${value}".`);
    // Midday UTC is the same calendar day in London whatever the season.
    return new Date(`${value}T12:00:00Z`);
  }
  const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  const instant = new Date(value);
  if (!dateTime.test(value) || Number.isNaN(instant.getTime()) || !isIsoDate(value.slice(0, 10))) {
    throw new BuildClockError(
      `BUILD_NOW must be a date such as 2025-03-14 or a date-time with a time zone such as 2025-03-14T09:30:00Z; it was "${value}".`,
    );
  }
  return instant;
}

/** "Today" for the build: the calendar date in England at the build clock. */
export function buildToday(buildNow: string | undefined, realNow?: Date): IsoDate {
  return londonDate(buildInstant(buildNow, realNow));
}

/** A date as people in England write it: `14 March 2025`. */
export function formatDate(date: IsoDate): string {
  const d = toUtc(date);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** A month as people write it: `March 2025`. */
export function formatMonth(date: IsoDate): string {
  const d = toUtc(date);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The year of a calendar date, as a number. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/**
 * Normalises a date read from YAML to `YYYY-MM-DD`. YAML 1.1 readers (Astro's) turn an unquoted
 * `2025-03-14` into a JavaScript Date at UTC midnight; YAML 1.2 readers keep the string.
 * Returns undefined for anything that is not a calendar date.
 */
export function normaliseYamlDate(value: unknown): IsoDate | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return fromUtc(value);
  }
  if (typeof value === 'string' && isIsoDate(value.trim())) return value.trim();
  return undefined;
}
