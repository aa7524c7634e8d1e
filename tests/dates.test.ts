import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  buildInstant,
  buildToday,
  BuildClockError,
  daysBetween,
  formatDate,
  isIsoDate,
  londonDate,
  normaliseYamlDate,
} from '../src/utils/dates.ts';

describe('isIsoDate', () => {
  it.each([
    ['2025-03-14', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['14/03/2025', false],
    ['2025-3-14', false],
  ])('%s -> %s', (value, expected) => expect(isIsoDate(value)).toBe(expected));
});

describe('date arithmetic', () => {
  it.each([
    ['2025-03-30', 1, '2025-03-31'],
    ['2025-03-31', 1, '2025-04-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-10-26', 1, '2025-10-27'], // the day the clocks go back
    ['2025-03-01', -1, '2025-02-28'],
  ])('addDays(%s, %i) = %s', (from, n, expected) => expect(addDays(from, n)).toBe(expected));

  it.each([
    ['2025-03-14', 12, '2026-03-14'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2025-11-30', 3, '2026-02-28'],
  ])('addMonths(%s, %i) = %s', (from, n, expected) => expect(addMonths(from, n)).toBe(expected));

  it('counts days across a clock change', () => {
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2025-03-31', '2025-03-29')).toBe(-2);
  });
});

describe('London calendar date', () => {
  it.each([
    // Winter (GMT): London is UTC.
    ['2025-01-15T23:59:59Z', '2025-01-15'],
    ['2025-01-16T00:00:00Z', '2025-01-16'],
    // Summer (BST, UTC+1): midnight in London is 23:00 UTC the day before.
    ['2025-07-14T22:59:59Z', '2025-07-14'],
    ['2025-07-14T23:00:00Z', '2025-07-15'],
    // The night the clocks go forward (30 March 2025, 01:00 UTC).
    ['2025-03-29T23:30:00Z', '2025-03-29'],
    ['2025-03-30T23:30:00Z', '2025-03-31'],
  ])('%s is %s in London', (instant, expected) => expect(londonDate(new Date(instant))).toBe(expected));
});

describe('build clock', () => {
  it('uses the real time when BUILD_NOW is unset or empty', () => {
    const now = new Date('2026-01-02T10:00:00Z');
    expect(buildInstant(undefined, now)).toBe(now);
    expect(buildInstant('  ', now)).toBe(now);
  });

  it.each([
    ['2025-03-14', '2025-03-14'],
    ['2025-07-14T23:30:00Z', '2025-07-15'],
    ['2025-07-14T23:30:00+01:00', '2025-07-14'],
    ['2025-12-31T23:59:00Z', '2025-12-31'],
  ])('BUILD_NOW=%s means today is %s', (value, expected) => expect(buildToday(value)).toBe(expected));

  it.each(['tomorrow', '2025-02-30', '14/03/2025', '2025-03-14T10:00', '2025-03-14 10:00Z'])(
    'rejects BUILD_NOW=%s rather than guessing',
    (value) => expect(() => buildInstant(value)).toThrow(BuildClockError),
  );
});

describe('display', () => {
  it.each([
    ['2025-03-14', '14 March 2025'],
    ['2026-01-01', '1 January 2026'],
  ])('%s reads %s', (date, expected) => expect(formatDate(date)).toBe(expected));

  it('normalises YAML dates without shifting the day', () => {
    expect(normaliseYamlDate(new Date(Date.UTC(2025, 2, 14)))).toBe('2025-03-14');
    expect(normaliseYamlDate('2025-03-14')).toBe('2025-03-14');
    expect(normaliseYamlDate('14/03/2025')).toBeUndefined();
    expect(normaliseYamlDate(20250314)).toBeUndefined();
  });
});
