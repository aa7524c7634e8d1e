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

export function findAddresses(text: string): Candidate[] {
  const out: Candidate[] = [];
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
