/**
 * Working days in England: not a Saturday or Sunday, and not a bank holiday in England and Wales.
 *
 * Bank holidays come from `date-holidays` (a maintained list with the rules for Easter and
 * substitute days, and one-off days such as 19 September 2022 and 8 May 2023), never from a
 * hand-typed list. Only its `public` holidays count (it also knows observances such as Mother's
 * Day, which are working days).
 */
import Holidays from 'date-holidays';
import { addDays, dayOfWeek, isIsoDate, type IsoDate } from './dates.ts';

let calendar: Holidays | undefined;
const byYear = new Map<number, Map<IsoDate, string>>();

/** The England and Wales bank holidays of `year`, date to name. */
export function bankHolidays(year: number): ReadonlyMap<IsoDate, string> {
  let days = byYear.get(year);
  if (!days) {
    calendar ??= new Holidays('GB', 'ENG');
    days = new Map();
    for (const h of calendar.getHolidays(year)) {
      if (h.type === 'public') days.set(h.date.slice(0, 10), h.name);
    }
    byYear.set(year, days);
  }
  return days;
}

/** The name of the bank holiday on `date`, or undefined. */
export function bankHolidayName(date: IsoDate): string | undefined {
  return bankHolidays(Number(date.slice(0, 4))).get(date);
}

/** True on a weekday that is not a bank holiday in England. */
export function isWorkingDay(date: IsoDate): boolean {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  const dow = dayOfWeek(date);
  if (dow === 0 || dow === 6) return false;
  return bankHolidayName(date) === undefined;
}

/**
 * The `n`-th working day after `date` (before it when `n` is negative). `n = 0` gives `date`
 * itself, whatever day it is.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number: ${n}`);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let day = date;
  while (left > 0) {
    day = addDays(day, step);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/**
 * Working days from `from` to `to`: the working days after `from`, up to and including `to`
 * (negative when `to` is earlier). So `workingDaysBetween(d, addWorkingDays(d, n)) === n` for `n >= 0`, and a
 * report sent on a Monday and published the Wednesday of the next week is 7 working days later
 * (when there is no bank holiday between).
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  if (from === to) return 0;
  if (to < from) return -workingDaysBetween(to, from);
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day)) count++;
  }
  return count;
}
