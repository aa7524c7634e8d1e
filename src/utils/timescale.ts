/**
 * The `timescale` of an action, in every form editors write it.
 *
 * Spreadsheets write dates four ways; the action plan accepts each of them and turns it into the
 * one date the action is due (`IsoDate`), or `ongoing` (no end date; the action then needs a
 * `reviewBy` date). Anything else gets a message listing the accepted forms.
 */
import { daysInMonth, isoFromParts, MONTH_NAMES, normaliseYamlDate, type IsoDate } from './dates.ts';

/** How the timescale was written. */
export type TimescaleForm = 'iso' | 'day-first' | 'year-first-slashes' | 'month' | 'quarter' | 'financial-quarter';

/** A timescale that was understood. */
export type Timescale =
  | {
      kind: 'date';
      /** The last day by which the action is due. */
      due: IsoDate;
      /** How it was written. */
      form: TimescaleForm;
      /** The text as the editor wrote it (a Date from YAML is written back as YYYY-MM-DD). */
      text: string;
    }
  | { kind: 'ongoing'; text: string };

export type TimescaleResult = { ok: true; timescale: Timescale } | { ok: false; message: string };

/** The accepted forms, as editors read them (used in error messages and the docs). */
export const TIMESCALE_FORMS: readonly string[] = [
  '2026-03-31',
  '31/03/2026 (day first)',
  '2026/03/31',
  'March 2026 (the end of that month)',
  'Q1 2026 (calendar quarter: Q1 ends 31 March)',
  '2025/26 Q4 (financial-year quarter: Q4 ends 31 March 2026)',
  'ongoing (then give reviewBy)',
];

/** The sentence that ends every timescale error. */
export const TIMESCALE_ACCEPTED = `Write it in one of these forms: ${TIMESCALE_FORMS.join('; ')}.`;

/** The same for a revised timescale, which is always a date (never `ongoing`). */
export const DATED_TIMESCALE_ACCEPTED = `Write it in one of these forms: ${TIMESCALE_FORMS.filter((f) => !f.startsWith('ongoing')).join('; ')}.`;

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const YEAR_FIRST = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const MONTH_YEAR = /^([a-z]+)\s+(\d{4})$/i;
const QUARTER = /^q([1-4])\s+(\d{4})$/i;
const FINANCIAL_QUARTER = /^(\d{4})\/(\d{2}|\d{4})\s+q([1-4])$/i;
const ONGOING = /^ongoing$/i;

/**
 * A regular expression (as a string, for JSON Schema) matching the accepted forms, letters in
 * either case, with or without `ongoing`. The parser decides whether the date is real.
 */
function timescalePattern(ongoing: boolean): string {
  const anyCase = (word: string) => [...word].map((ch) => (/[a-z]/i.test(ch) ? `[${ch.toUpperCase()}${ch.toLowerCase()}]` : ch)).join('');
  const months = MONTH_NAMES.map(anyCase).join('|');
  return (
    '^\\s*(' +
    [
      '\\d{4}-\\d{1,2}-\\d{1,2}',
      '\\d{1,2}/\\d{1,2}/\\d{4}',
      '\\d{4}/\\d{1,2}/\\d{1,2}',
      `(${months})\\s+\\d{4}`,
      '[Qq][1-4]\\s+\\d{4}',
      '\\d{4}/(\\d{2}|\\d{4})\\s+[Qq][1-4]',
      ...(ongoing ? [anyCase('ongoing')] : []),
    ].join('|') +
    ')\\s*$'
  );
}

/** The pattern of every accepted form, `ongoing` included. */
export const TIMESCALE_PATTERN: string = timescalePattern(true);

/** The pattern of a timescale that is a date (a revised timescale: never `ongoing`). */
export const DATED_TIMESCALE_PATTERN: string = timescalePattern(false);

function fail(written: string, why?: string): TimescaleResult {
  return { ok: false, message: `"${written}" is not a timescale this checker can read${why ? ` (${why})` : ''}. ${TIMESCALE_ACCEPTED}` };
}

function dated(year: number, month: number, day: number, form: TimescaleForm, text: string, written: string): TimescaleResult {
  if (month < 1 || month > 12) return fail(written, `there is no month ${month}`);
  if (day < 1 || day > daysInMonth(year, month)) return fail(written, `${MONTH_NAMES[month - 1]} ${year} has no day ${day}`);
  return { ok: true, timescale: { kind: 'date', due: isoFromParts(year, month, day), form, text } };
}

/** The last day of the quarter `q` (1 to 4) that starts in month `firstMonth` of `year`. */
function quarterEnd(year: number, firstMonthOfYear: number, q: number): { year: number; month: number } {
  const total = year * 12 + (firstMonthOfYear - 1) + q * 3 - 1;
  return { year: Math.floor(total / 12), month: (total % 12) + 1 };
}

/**
 * Reads a timescale. `value` is what YAML gave: usually a string; a YAML 1.1 reader turns an
 * unquoted `2026-03-31` into a Date (kept as that calendar date); an unquoted `31/03/2026` is a
 * string.
 */
export function parseTimescale(value: unknown): TimescaleResult {
  const fromDate = value instanceof Date ? normaliseYamlDate(value) : undefined;
  if (value instanceof Date && !fromDate) return fail(String(value), 'not a real date');
  if (fromDate) return { ok: true, timescale: { kind: 'date', due: fromDate, form: 'iso', text: fromDate } };
  if (typeof value === 'number') return fail(String(value), 'a number on its own is not a date');
  if (typeof value !== 'string') return { ok: false, message: `must be text. ${TIMESCALE_ACCEPTED}` };
  const text = value.trim();
  if (text === '') return { ok: false, message: `must not be empty. ${TIMESCALE_ACCEPTED}` };
  let m: RegExpExecArray | null;
  if (ONGOING.test(text)) return { ok: true, timescale: { kind: 'ongoing', text } };
  if ((m = ISO.exec(text))) return dated(Number(m[1]), Number(m[2]), Number(m[3]), 'iso', text, value);
  if ((m = DAY_FIRST.exec(text))) return dated(Number(m[3]), Number(m[2]), Number(m[1]), 'day-first', text, value);
  if ((m = YEAR_FIRST.exec(text))) return dated(Number(m[1]), Number(m[2]), Number(m[3]), 'year-first-slashes', text, value);
  if ((m = MONTH_YEAR.exec(text))) {
    const month = MONTH_NAMES.findIndex((name) => name.toLowerCase() === m![1]!.toLowerCase()) + 1;
    if (month === 0) return fail(value, `"${m[1]}" is not a month; write the month in full, for example March`);
    const year = Number(m[2]);
    return dated(year, month, daysInMonth(year, month), 'month', text, value);
  }
  if ((m = QUARTER.exec(text))) {
    const end = quarterEnd(Number(m[2]), 1, Number(m[1]));
    return dated(end.year, end.month, daysInMonth(end.year, end.month), 'quarter', text, value);
  }
  if ((m = FINANCIAL_QUARTER.exec(text))) {
    const start = Number(m[1]);
    const second = m[2]!;
    const expected = second.length === 2 ? String((start + 1) % 100).padStart(2, '0') : String(start + 1);
    if (second !== expected) {
      return fail(value, `a financial year runs from April to March, so ${start} is followed by ${expected}: ${start}/${expected}`);
    }
    const end = quarterEnd(start, 4, Number(m[3]));
    return dated(end.year, end.month, daysInMonth(end.year, end.month), 'financial-quarter', text, value);
  }
  return fail(value);
}

/** The due date of a timescale, or undefined when it is ongoing or cannot be read. */
export function dueDate(value: unknown): IsoDate | undefined {
  const r = parseTimescale(value);
  return r.ok && r.timescale.kind === 'date' ? r.timescale.due : undefined;
}

/** True when `value` is an understood timescale. */
export function isTimescale(value: unknown): boolean {
  return parseTimescale(value).ok;
}
