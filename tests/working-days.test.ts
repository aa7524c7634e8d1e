import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoFromParts } from '../src/utils/dates.ts';
import { addWorkingDays, bankHolidayName, isWorkingDay, workingDaysBetween } from '../src/utils/working-days.ts';

describe('isWorkingDay', () => {
  it.each([
    ['2024-03-29', false, 'Good Friday'],
    ['2024-04-01', false, 'Easter Monday'],
    ['2024-04-02', true, 'the Tuesday after Easter'],
    ['2025-04-18', false, 'Good Friday 2025'],
    ['2025-04-21', false, 'Easter Monday 2025'],
    ['2025-12-25', false, 'Christmas Day'],
    ['2025-12-26', false, 'Boxing Day'],
    ['2025-12-24', true, 'Christmas Eve is a working day'],
    ['2022-12-27', false, 'substitute for Christmas Day 2022 (a Sunday)'],
    ['2021-12-28', false, 'substitute for Boxing Day 2021 (a Sunday)'],
    ['2022-01-03', false, "substitute for New Year's Day 2022 (a Saturday)"],
    ['2023-01-02', false, "substitute for New Year's Day 2023 (a Sunday)"],
    ['2022-09-19', false, 'one-off: the State Funeral of Queen Elizabeth II'],
    ['2023-05-08', false, 'one-off: the Coronation of King Charles III'],
    ['2022-06-03', false, "one-off: the Platinum Jubilee"],
    ['2026-05-04', false, 'Early May bank holiday 2026'],
    ['2026-03-15', false, "a Sunday (Mother's Day is not a bank holiday, but it is a Sunday)"],
    ['2026-03-14', false, 'a Saturday'],
    ['2026-03-16', true, 'an ordinary Monday'],
    ['2025-03-17', true, "St Patrick's Day is not a bank holiday in England"],
    ['2025-11-30', false, "St Andrew's Day 2025 is a Sunday"],
    ['2026-11-30', true, "St Andrew's Day is not a bank holiday in England"],
  ])('%s → %s (%s)', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  it('names the holiday', () => {
    expect(bankHolidayName('2023-05-08')).toMatch(/Coronation/);
    expect(bankHolidayName('2026-03-16')).toBeUndefined();
  });

  it('rejects something that is not a date', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(/Not a calendar date/);
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  it.each([
    // [from, n, result, why]
    ['2026-03-16', 7, '2026-03-25', 'Monday + 7 = Wednesday of the next week'],
    ['2026-03-20', 1, '2026-03-23', 'Friday + 1 = Monday'],
    ['2026-03-21', 1, '2026-03-23', 'Saturday + 1 = Monday'],
    ['2024-03-27', 2, '2024-04-02', 'across Good Friday and Easter Monday'],
    ['2025-12-23', 3, '2025-12-30', 'across Christmas and Boxing Day'],
    ['2022-12-23', 1, '2022-12-28', 'across Christmas 2022 and its substitute day'],
    ['2022-09-16', 1, '2022-09-20', 'across 19 September 2022'],
    ['2023-05-05', 1, '2023-05-09', 'across 8 May 2023'],
    ['2023-04-28', 1, '2023-05-02', 'across Early May 2023'],
    ['2023-05-04', 3, '2023-05-10', 'Early May 2023 is not touched; the coronation is'],
    ['2026-03-25', -7, '2026-03-16', 'backwards'],
    ['2024-04-02', -2, '2024-03-27', 'backwards across Easter'],
    ['2026-03-21', 0, '2026-03-21', 'zero is the day itself'],
  ])('%s + %i working days = %s (%s)', (from, n, to) => {
    expect(addWorkingDays(from, n)).toBe(to);
    if (n > 0) expect(workingDaysBetween(from, to)).toBe(n);
  });

  it.each([
    ['2026-03-16', '2026-03-25', 7],
    ['2026-03-25', '2026-03-16', -7],
    ['2026-03-16', '2026-03-16', 0],
    ['2026-03-20', '2026-03-22', 0], // Friday to Sunday: no working day after Friday
    ['2022-09-12', '2022-09-23', 8], // a week and a half, less the funeral day
    ['2025-12-19', '2026-01-05', 8], // 22, 23, 24, 29, 30, 31 Dec, 2 and 5 Jan: Christmas, Boxing Day and New Year's Day are not
  ])('workingDaysBetween(%s, %s) = %i', (from, to, n) => {
    expect(workingDaysBetween(from, to)).toBe(n);
  });

  const anyDate = fc
    .tuple(fc.integer({ min: 2019, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => isoFromParts(y, m, d));

  it('property: adding n working days gives a day n working days later, and that day is a working day', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 40 }), (date, n) => {
        const later = addWorkingDays(date, n);
        expect(isWorkingDay(later)).toBe(true);
        expect(workingDaysBetween(date, later)).toBe(n);
        // and no working day in between was skipped: the day before `later` is fewer than n working days on
        expect(workingDaysBetween(date, addDays(later, -1))).toBe(n - 1);
      }),
      { numRuns: 300 },
    );
  });
});
