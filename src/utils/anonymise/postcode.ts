/**
 * UK postcodes. A full postcode (`EX4 4QJ`) is always reported. An outward code on its own
 * (`EX4`) is reported only when a street name (`... Road`, `... Lane`) is near it, because on its
 * own it names a district of thousands of homes, while next to a street it narrows to a few.
 *
 * Only the real postcode areas are accepted, so that `R1` (a recommendation), `Q1` (a quarter),
 * `Y1` (a school year) or `A1` are never taken for one.
 */
import type { Candidate } from './types.ts';
import { STREET_TYPES } from './address.ts';

/** The 120-odd postcode areas of the UK, Crown dependencies and BFPO/non-geographic ones. */
export const POSTCODE_AREAS = new Set(
  (
    'AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY ' +
    'E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU ' +
    'M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY ' +
    'TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE'
  ).split(' '),
);

// Outward code: area letters, district digit(s), optional sub-district letter (SW1A, EC1V, W1J).
const OUTWARD = String.raw`([A-Z]{1,2})(\d[A-Z\d]?)`;
const INWARD = String.raw`(\d[ABD-HJLNP-UW-Z]{2})`;
const FULL = new RegExp(String.raw`(?<![\p{L}\p{N}])${OUTWARD}([ \u00a0]?)${INWARD}(?![\p{L}\p{N}])`, 'giu');
const PARTIAL = new RegExp(String.raw`(?<![\p{L}\p{N}])${OUTWARD}(?![\p{L}\p{N}]|[.,]\d| ?\d[A-Z]{2}\b)`, 'gu');
/** An outward code in lower case ("ex4"): two area letters only, since "m1" or "a1" are roads and rooms. */
const PARTIAL_LOWER = /(?<![\p{L}\p{N}])([a-z]{2})(\d[a-z\d]?)(?![\p{L}\p{N}]|[.,]\d| ?\d[a-z]{2}\b)/gu;

/** "S47 enquiry", "S17 assessment", "S20 accommodation": section numbers, not Sheffield districts. */
const SAFEGUARDING_SHORTHAND =
  /^\s+(?:enquir|investigat|strateg|assessment|plan|accommodat|order|threshold|meeting|referral|child|duty|dut|support|service|legislation|conference|criteria|notice|power|case|work|visit|road|roads|motorway|junction|corridor)/i;

const SENTENCE_END = /[.!?;](?:\s|$)|\n\s*\n|\n[ \t]*(?:[-*+]|\d+\.|#+|\|)/;

const ORDINAL = /^\d(st|nd|rd|th)$/i;

function isOutward(area: string, district: string): boolean {
  if (!POSTCODE_AREAS.has(area.toUpperCase())) return false;
  // Single-letter districts are digit then digit or letter; "B1", "SW1A", "M60", "EC1V".
  return /^\d[\dA-Z]?$/i.test(district);
}

export function findFullPostcodes(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(FULL)) {
    const [whole, area, district, space, inward] = m as unknown as [string, string, string, string, string];
    if (!isOutward(area, district)) continue;
    const upper = whole === whole.toUpperCase();
    // Lower case only when spaced like a postcode and not an ordinal ("m1 2nd" is not a postcode).
    if (!upper && (space === '' || ORDINAL.test(inward) || whole !== whole.toLowerCase())) continue;
    out.push({ kind: 'postcode', start: m.index, end: m.index + whole.length });
  }
  return out;
}

/** How far (in characters) a street name may be from a partial postcode. */
const NEAR = 60;
const STREET_NAME = new RegExp(String.raw`\b[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){0,2}\s+(?:${STREET_TYPES.join('|')})\b`, 'u');
/** A street name in lower case, with an unambiguous street type: "acacia road", "mill lane". */
const LOWER_STREET_NAME = /\b[a-z][a-z'’-]+(?:\s+[a-z][a-z'’-]+)?\s+(?:road|street|lane|avenue|crescent|grove|gardens|terrace|mews)\b/u;

export function findPartialPostcodes(text: string, full: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const matches = [...text.matchAll(PARTIAL), ...[...text.matchAll(PARTIAL_LOWER)].map((m) => Object.assign(m, { lower: true }))];
  for (const m of matches) {
    if (!isOutward(m[1]!, m[2]!)) continue;
    const lower = 'lower' in m;
    const start = m.index;
    const end = start + m[0].length;
    if (full.some((f) => f.start <= start && end <= f.end)) continue;
    // Look for a street name within the same paragraph, either side.
    const before = text.slice(Math.max(0, start - NEAR), start);
    const after = text.slice(end, end + NEAR);
    if (SAFEGUARDING_SHORTHAND.test(after)) continue;
    // The street must be in the same sentence: "off Harbour Road, EX2", "EX2, near Mill Lane".
    const beforeSentence = before.split(SENTENCE_END).pop()!;
    const afterSentence = after.split(SENTENCE_END)[0]!;
    const street = (s: string) => STREET_NAME.test(s) || (lower && LOWER_STREET_NAME.test(s));
    if (street(beforeSentence) || street(afterSentence)) out.push({ kind: 'partial-postcode', start, end });
  }
  return out;
}
