/**
 * UK telephone numbers, found by `libphonenumber-js` (Google's libphonenumber metadata) rather than
 * a home-made pattern.
 *
 * Each run of phone-like characters is given to the library's matcher twice: at its default
 * "valid" leniency, which knows every allocated UK range, then at its "possible" leniency, which
 * also catches numbers in ranges not allocated to anyone (Ofcom's drama ranges
 * 07700 900xxx and 01632 960xxx, or a number mistyped by a digit), still a person's number in
 * the eyes of a reader. A match must be written as a number is dialled (starting 0, +, or "(0"),
 * so that NHS numbers, years and figures are never taken for one.
 */
import { findPhoneNumbersInText, type CountryCode, type NumberFound } from 'libphonenumber-js';
import type { Candidate } from './types.ts';

const COUNTRY: CountryCode = 'GB';

/** Runs of characters a written telephone number is made of. */
const PHONE_RUN = /[+(]?[\d][\d \u00a0()\-]{6,}[\d]/g;

function dialled(raw: string): boolean {
  return /^(?:\+|\(?0)/.test(raw.trim());
}

function plausible(found: NumberFound, raw: string): boolean {
  if (!dialled(raw)) return false;
  if (/[/.]/.test(raw)) return false; // 14/03/2019, 01.04.2025: dates, not numbers
  const n = found.number;
  if (n.countryCallingCode === '44') {
    // UK significant numbers are 9 or 10 digits; shorter ones are service numbers such as 0800 1111.
    return n.nationalNumber.length >= 9 && n.nationalNumber.length <= 10;
  }
  return n.isPossible();
}

/** Normalised form of a number (E.164), for comparing with the partnership's own numbers. */
export function phoneKey(text: string): string | undefined {
  const found = findPhoneNumbersInText(text, { defaultCountry: COUNTRY, extended: true });
  const first = found[0];
  return first ? first.number.number : undefined;
}

export function findPhones(text: string): Candidate[] {
  const out: Candidate[] = [];
  const add = (start: number, end: number) => {
    if (!out.some((c) => c.start < end && start < c.end)) out.push({ kind: 'phone', start, end });
  };
  // Each run of phone-like characters on its own: the matcher, given a whole sentence, can report
  // a span that runs on past a comma into the next number.
  for (const run of text.matchAll(PHONE_RUN)) {
    const segment = run[0];
    for (const extended of [false, true]) {
      for (const f of findPhoneNumbersInText(segment, { defaultCountry: COUNTRY, extended })) {
        if (plausible(f, segment.slice(f.startsAt, f.endsAt))) add(run.index + f.startsAt, run.index + f.endsAt);
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
