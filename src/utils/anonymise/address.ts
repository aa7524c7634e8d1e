/**
 * House-number-and-street addresses: `14 Acacia Road`, `22a Mill Lane`, `Flat 3, 22 Mill Lane`.
 * A number, one to three capitalised name words, and a street-type word.
 */
import type { Candidate } from './types.ts';

/** Words that end a street name. Abbreviations only where they are unambiguous after a name. */
export const STREET_TYPES = [
  'Road', 'Rd', 'Street', 'St', 'Lane', 'Avenue', 'Ave', 'Close', 'Drive', 'Way', 'Crescent', 'Place',
  'Grove', 'Gardens', 'Terrace', 'Court', 'Square', 'Walk', 'Row', 'Hill', 'Mews', 'Parade', 'Rise',
  'View', 'Green', 'Boulevard', 'Esplanade', 'Wharf', 'Yard', 'Gate', 'Park', 'Wynd', 'Croft', 'Chase',
  'Approach', 'Embankment', 'Quay', 'Circus', 'Causeway', 'Meadows', 'Fields', 'Crest', 'Heights',
];

const FLAT = String.raw`(?:(?:Flat|Apartment|Apt\.?|Unit|Room|Maisonette)\s+\d{1,4}[A-Za-z]?,?\s+)`;
const NUMBER = String.raw`\d{1,4}[A-Za-z]?(?:[-\u2013]\d{1,4}[A-Za-z]?)?`;
const NAME_WORD = String.raw`[A-Z][\p{L}'’\-]*\.?`;
const ADDRESS = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,/:\-])(${FLAT})?(${NUMBER}),?[ \u00a0]+((?:${NAME_WORD}[ \u00a0]+){1,3}?)(${STREET_TYPES.join('|')})(?![\p{L}\p{N}'’])`,
  'gu',
);

/** Words before a number that make it a reference, not a house number: "Recommendation 3 ...". */
const REFERENCE_BEFORE = /\b(?:section|sections|chapter|page|pages|paragraph|para|recommendation|recommendations|appendix|table|figure|finding|part|step|stage|phase|version|level|tier|year|years|aged?|r|rec|no\.?|number|episode|q)\s*$/i;

/** Courts are places of hearings, not homes: "3 Family Court hearings". */
const NOT_A_STREET = /\b(?:Family|Crown|County|Magistrates['’]?|Youth|High|Coroner['’]?s?|Supreme|Appeal|Combined|Civic)\s+Court$/;

/**
 * Street types that are not also everyday words, for addresses written all in lower case
 * ("14 acacia road"): "close", "way", "park", "view" or "green" after a number are too often prose.
 */
const LOWER_STREET_TYPES = ['road', 'rd', 'street', 'lane', 'avenue', 'ave', 'crescent', 'grove', 'gardens', 'terrace', 'mews', 'boulevard', 'esplanade'];
/** Small words that never make up a street name: "2 buses to the road" is prose. */
const NOT_NAME_WORDS = new Set(['a', 'an', 'the', 'to', 'of', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'and', 'or', 'but', 'into', 'onto', 'across', 'along', 'near', 'off', 'up', 'down', 'over', 'same', 'main', 'busy', 'new', 'old', 'other', 'times', 'days', 'weeks', 'months', 'years', 'people', 'children', 'cars', 'houses', 'miles', 'minutes', 'hours', 'doors', 'homes']);
const LOWER_WORD = String.raw`[a-z][a-z'’\-]*`;
const LOWER_ADDRESS = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,/:\-])((?:(?:flat|apartment|apt\.?|unit|maisonette)\s+\d{1,4}[a-z]?,?\s+)?)(${NUMBER}),?[ \u00a0]+((?:${LOWER_WORD}[ \u00a0]+){1,2}?)(${LOWER_STREET_TYPES.join('|')})(?![\p{L}\p{N}'’])`,
  'gu',
);

/** Addresses written all in lower case: "14 acacia road", "flat 3, 22 mill lane". */
function findLowerCaseAddresses(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(LOWER_ADDRESS)) {
    const number = m[2]!;
    const start = m.index;
    if (!m[1]) {
      if (/^(?:19|20)\d\d$/.test(number)) continue;
      if (REFERENCE_BEFORE.test(text.slice(Math.max(0, start - 20), start))) continue;
    }
    if (m[3]!.trim().split(/\s+/).some((w) => NOT_NAME_WORDS.has(w))) continue;
    out.push({ kind: 'address', start, end: start + m[0].length });
  }
  return out;
}

export function findAddresses(text: string): Candidate[] {
  const out: Candidate[] = findLowerCaseAddresses(text);
  for (const m of text.matchAll(ADDRESS)) {
    const flat = m[1];
    const number = m[2]!;
    const start = m.index;
    const end = start + m[0].length;
    if (!flat) {
      if (/^(?:19|20)\d\d$/.test(number)) continue; // a year, "in 2019 Mill Lane Surgery opened"
      if (REFERENCE_BEFORE.test(text.slice(Math.max(0, start - 20), start))) continue;
    }
    if (NOT_A_STREET.test(m[0])) continue;
    out.push({ kind: 'address', start, end });
  }
  return out;
}
