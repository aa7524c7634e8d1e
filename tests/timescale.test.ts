import { describe, expect, it } from 'vitest';
import { DATED_TIMESCALE_PATTERN, dueDate, parseTimescale, TIMESCALE_PATTERN } from '../src/utils/timescale.ts';

describe('parseTimescale: every accepted form', () => {
  it.each([
    // [written, due, form]
    ['2026-03-31', '2026-03-31', 'iso'],
    ['2026-3-5', '2026-03-05', 'iso'],
    ['31/03/2026', '2026-03-31', 'day-first'],
    ['1/4/2026', '2026-04-01', 'day-first'],
    ['05/11/2026', '2026-11-05', 'day-first'], // day first: 5 November, never 11 May
    ['2026/03/31', '2026-03-31', 'year-first-slashes'],
    ['March 2026', '2026-03-31', 'month'],
    ['february 2028', '2028-02-29', 'month'], // leap year
    ['February 2026', '2026-02-28', 'month'],
    ['  April 2026 ', '2026-04-30', 'month'],
    ['Q1 2026', '2026-03-31', 'quarter'],
    ['Q2 2026', '2026-06-30', 'quarter'],
    ['Q3 2026', '2026-09-30', 'quarter'],
    ['q4 2026', '2026-12-31', 'quarter'],
    ['2025/26 Q1', '2025-06-30', 'financial-quarter'],
    ['2025/26 Q2', '2025-09-30', 'financial-quarter'],
    ['2025/26 Q3', '2025-12-31', 'financial-quarter'],
    ['2025/26 Q4', '2026-03-31', 'financial-quarter'],
    ['2025/2026 Q4', '2026-03-31', 'financial-quarter'],
    ['2099/00 Q4', '2100-03-31', 'financial-quarter'],
  ])('%s is due on %s (%s)', (written, due, form) => {
    const r = parseTimescale(written);
    expect(r).toEqual({ ok: true, timescale: { kind: 'date', due, form, text: written.trim() } });
    expect(new RegExp(TIMESCALE_PATTERN).test(written)).toBe(true);
  });

  it.each(['ongoing', 'Ongoing', 'ONGOING'])('%s is ongoing', (written) => {
    expect(parseTimescale(written)).toEqual({ ok: true, timescale: { kind: 'ongoing', text: written } });
    expect(dueDate(written)).toBeUndefined();
  });

  it('a Date from a YAML 1.1 reader (unquoted 2026-03-31) is that calendar date', () => {
    expect(parseTimescale(new Date(Date.UTC(2026, 2, 31)))).toEqual({
      ok: true,
      timescale: { kind: 'date', due: '2026-03-31', form: 'iso', text: '2026-03-31' },
    });
  });
});

describe('parseTimescale: anything else is an error listing the accepted forms', () => {
  it.each([
    ['31/02/2026', 'February 2026 has no day 31'],
    ['2026-02-29', 'February 2026 has no day 29'],
    ['13/13/2026', 'there is no month 13'],
    ['Q5 2026', ''],
    ['2025/27 Q4', '2025 is followed by 26'],
    ['Marhc 2026', '"Marhc" is not a month'],
    ['Mar 2026', '"Mar" is not a month'],
    ['end of March', ''],
    ['31.03.2026', ''],
    ['03/31/2026', 'there is no month 31'],
    ['TBC', ''],
    ['', 'must not be empty'],
  ])('%j', (written, why) => {
    const r = parseTimescale(written);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain(why);
    for (const form of ['2026-03-31', '31/03/2026', '2026/03/31', 'March 2026', 'Q1 2026', '2025/26 Q4', 'ongoing']) {
      expect(r.message).toContain(form);
    }
  });

  it.each([
    [2026, 'a number on its own is not a date'],
    [null, 'must be text'],
    [['2026-03-31'], 'must be text'],
    [new Date('nonsense'), 'not a real date'],
  ])('%j is not a timescale', (value, why) => {
    const r = parseTimescale(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(why);
  });

  it('the JSON Schema pattern rejects what the parser rejects for its shape', () => {
    for (const bad of ['TBC', '31.03.2026', 'end of March', 'Q5 2026']) expect(new RegExp(TIMESCALE_PATTERN).test(bad)).toBe(false);
  });

  it.each([
    ['2026-03-31', true],
    ['31/03/2026', true],
    ['2026/03/31', true],
    ['march 2026', true],
    ['Q1 2026', true],
    ['2025/26 Q4', true],
    ['ongoing', false],
    ['Ongoing', false],
    ['TBC', false],
  ])('a revised timescale (always a date) takes %s: %s', (written, ok) => {
    expect(new RegExp(DATED_TIMESCALE_PATTERN).test(written)).toBe(ok);
    expect(new RegExp(TIMESCALE_PATTERN).test(written)).toBe(ok || /^ongoing$/i.test(written));
  });
});
