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

/**
 * Numbers written with dots between the groups ("020.7946.0321", "07700.900.417", "+44.20.7946.0321"):
 * dotted runs are otherwise dates (01.04.2025) or versions, so a dotted run is only a number when it
 * is dialled and holds ten or eleven digits after the 0, as a UK number does.
 */
const DOTTED_RUN = /(?<![\d.])(?:\+44[. ]?(?:\(0\))?|\(?0)\d{1,4}\)?(?:\.\d{2,4}){1,3}(?![.]?\d)/g;

function findDottedPhones(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(DOTTED_RUN)) {
    const raw = m[0];
    const digits = raw.replace(/\D/g, '').replace(/^44/, '0').replace(/^00/, '0');
    if (digits.length < 10 || digits.length > 11) continue;
    const spaced = raw.replace(/\./g, ' ');
    const found = findPhoneNumbersInText(spaced, { defaultCountry: COUNTRY, extended: true })[0];
    if (!found || found.startsAt !== 0 || found.endsAt !== spaced.length) continue;
    const n = found.number;
    if (n.countryCallingCode !== '44' || n.nationalNumber.length < 9 || n.nationalNumber.length > 10) continue;
    out.push({ kind: 'phone', start: m.index, end: m.index + raw.length });
  }
  return out;
}

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
  if (text.includes('.')) for (const c of findDottedPhones(text)) add(c.start, c.end);
  return out.sort((a, b) => a.start - b.start);
}
