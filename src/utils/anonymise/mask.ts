/**
 * Masking: findings are printed with most characters hidden, because build logs are shared.
 * Separators stay, so an editor can still recognise the shape and find it in the file.
 */
import type { FindingKind } from './types.ts';

/** Keeps the first `keep` digits and replaces every later digit with `*`; other characters stay. */
export function maskDigits(text: string, keep: number): string {
  let seen = 0;
  let out = '';
  for (const ch of text) {
    if (ch >= '0' && ch <= '9') {
      seen++;
      out += seen <= keep ? ch : '*';
    } else out += ch;
  }
  return out;
}

/** Replaces every letter and digit with `*`, keeping spaces and punctuation. */
export function maskAll(text: string): string {
  return text.replace(/[\p{L}\p{N}]/gu, '*');
}

/** `jo.bloggs@mail.example.org` → `j***@***.org`. */
export function maskEmail(text: string): string {
  const tld = text.slice(text.lastIndexOf('.'));
  return `${text.slice(0, 1)}***@***${tld}`;
}

/** `EX4 4QJ` → `EX4 ***`. */
export function maskPostcode(text: string): string {
  const m = /^(\S+?)(\s*)(\d[A-Za-z]{2})$/.exec(text);
  if (!m) return maskAll(text);
  return `${m[1]} ***`;
}

/** `EX4` → `EX*`: the area letters stay, the district is hidden. */
export function maskOutward(text: string): string {
  return text.replace(/^([A-Za-z]+)(.*)$/, (_, area: string, rest: string) => area + '*'.repeat(rest.length));
}

/** `AB 12 34 56 C` → `AB ** ** ** *`. */
export function maskNino(text: string): string {
  return text.slice(0, 2) + maskAll(text.slice(2));
}

/** Dates keep their year only: `14 March 2019` → `** ***** 2019`, `14/03/2019` → `**\/**\/2019`. */
export function maskDate(text: string): string {
  const year = /(?:19|20)\d\d/.exec(text);
  if (!year) return maskAll(text);
  return maskAll(text.slice(0, year.index)) + year[0] + maskAll(text.slice(year.index + 4));
}

const STREET_WORD_AT_END = /(\s+)(\S+)$/;

/** `Flat 3, 22 Mill Lane` → `Flat *, ** **** Lane`: the street type stays. */
export function maskAddress(text: string): string {
  const m = STREET_WORD_AT_END.exec(text);
  const head = m ? text.slice(0, m.index) : text;
  const streetType = m ? m[1]! + m[2]! : '';
  const masked = head.replace(/^(Flat|Apartment|Apt\.?|Unit|Room)\b/i, (w) => `\u0000${w}\u0000`);
  // Keep a leading "Flat"/"Apartment" word; mask everything else in the head.
  const parts = masked.split('\u0000');
  const out = parts.length === 3 ? parts[1]! + maskAll(parts[2]!) : maskAll(head);
  return out + streetType;
}

/** `Child Lilo` → `Child L***`; `Child C` → `Child *`; `Children A and B` → `Children * and *`. */
export function maskPseudonym(text: string): string {
  const m = /^(\S+)(\s+)([\s\S]*)$/.exec(text);
  if (!m) return maskAll(text);
  const names = m[3]!.replace(/[\p{L}\p{N}]+/gu, (word) =>
    word === 'and' || word === '&' ? word : word.length === 1 ? '*' : word[0] + '*'.repeat(word.length - 1),
  );
  return m[1]! + m[2]! + names;
}

/** `Oakfield Primary School` → `O******* Primary School`: the kind of place stays, the name keeps its initials. */
export function maskInstitution(text: string): string {
  const m = /^(.*?)((?:\s+(?:Primary|Infants?['’]?|Junior|Nursery|Medical|Health|Children['’]s|Family|High|Secondary))?\s+\S+)$/u.exec(text);
  if (!m) return maskAll(text);
  return m[1]!.replace(/[\p{L}\p{N}]+/gu, (w) => (w.length === 1 ? '*' : w[0] + '*'.repeat(w.length - 1))) + m[2]!;
}

/** `Mr Khan` → `Mr K***`, `Sarah Jones` → `S**** J****`: a title stays, each name keeps its initial. */
export function maskName(text: string): string {
  const m = /^((?:Mr|Mrs|Ms|Miss|Mx|Dr|DC|DS|DI|DCI|DSI|PC|PCSO|Sgt|Cllr|Prof)\.?\s+)?([\s\S]*)$/u.exec(text)!;
  return (m[1] ?? '') + m[2]!.replace(/[\p{L}'’]+/gu, (w) => w[0] + '*'.repeat(w.length - 1));
}

/** The masked form of a match of the given kind. */
export function mask(kind: FindingKind, text: string): string {
  switch (kind) {
    case 'nhs-number':
      return maskDigits(text, 3);
    case 'phone': {
      // Keep the dialling code's first digits: 020 7*** ****, 07700 9** ***, +44 20 7*** ****.
      const keep = text.trim().startsWith('+') ? 5 : 4;
      return maskDigits(text, keep);
    }
    case 'ni-number':
      return maskNino(text);
    case 'postcode':
      return maskPostcode(text);
    case 'partial-postcode':
      return maskOutward(text);
    case 'email':
      return maskEmail(text);
    case 'date-of-birth':
    case 'date-of-death':
      return maskDate(text);
    case 'address':
      return maskAddress(text);
    case 'pseudonym':
      return maskPseudonym(text);
    case 'institution':
      return maskInstitution(text);
    case 'personal-name':
      return maskName(text);
  }
}
