/**
 * People's names. A review calls people by role or pseudonym ("the mother", "Practitioner A",
 * "Child C"); a real name is the most common anonymisation failure. Found only in a context that
 * says a person is named, so that capitalised words that are not people do not flood the output:
 *
 * - a title with a capitalised name: "Mr Khan", "Mrs Okafor", "DC Patel", "Dr Jane Hollis"
 *   (not "Mr A", "Ms X", "Dr Barnardo's" or "PC Practitioner");
 * - a family or professional role beside a first name from the list: "the mother, Sarah,",
 *   "her sister Amy", "stepfather Liam Doyle", "Sarah (the mother)".
 *
 * A bare name with no such context is not reported (measured in docs/anonymisation.md: too many
 * words are both names and ordinary words). The first names are Faker's lists for English,
 * Indian English, Nigerian English and Polish (the @faker-js/faker package, MIT), loaded from the
 * installed package: nothing is downloaded.
 */
import { faker as en } from '@faker-js/faker/locale/en';
import { faker as enIN } from '@faker-js/faker/locale/en_IN';
import { faker as enNG } from '@faker-js/faker/locale/en_NG';
import { faker as pl } from '@faker-js/faker/locale/pl';
import type { Candidate } from './types.ts';

/** Words that are first names in the lists and also months, days or everyday words in reports. */
const NOT_NAMES = new Set(
  (
    'January February March April May June July August September October November December Monday Tuesday Wednesday ' +
    'Thursday Friday Saturday Sunday Baby Child Will Mark Bill Guy Art Page Lane Case Major Judge Nurse Sage Chase Hunter ' +
    'Royal King Queen Prince Princess Baron Duke Earl Lord Bishop Dean Reign Story Sunny Summer Winter Autumn Spring Christmas ' +
    'Easter Justice Liberty Trinity Unity Harmony Destiny Serenity Mercy Patience Precious Blessing Gift Favour Miracle ' +
    'Police Court Hospital School Health Services Service Team Board Council Borough Partnership Agency Family Social Care'
  ).split(' '),
);

function firstNamesOf(faker: { definitions: unknown }): string[] {
  const person = (faker.definitions as { person?: { first_name?: Record<string, unknown> } }).person;
  return Object.values(person?.first_name ?? {}).flatMap((v) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []));
}

/** First names from the lists, each a single capitalised word, less those that are everyday words. */
export const FIRST_NAMES: ReadonlySet<string> = new Set(
  [en, enIN, enNG, pl].flatMap(firstNamesOf).filter((n) => /^[A-Z][a-z'’-]+$/u.test(n.normalize('NFC')) && !NOT_NAMES.has(n)),
);

export const TITLES = ['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'DC', 'DS', 'DI', 'DCI', 'DSI', 'PC', 'PCSO', 'Sgt', 'Cllr', 'Prof'];

/** Capitalised words after a title that are a pseudonym, role or organisation, not a name. */
const NOT_SURNAMES = new Set(
  (
    'Practitioner Child Baby Adult Father Mother Male Female Person Partner Parent Carer Sibling Officer Worker Unknown ' +
    'Barnardo Barnardo’s Barnardo\'s Who Foster Anonymous Redacted Name Surname Example Sample ' +
    'The A An This That These Those He She They It We You I His Her Their Its Our In On At And Or But If When Then So As To Of For With By From'
  ).split(' '),
);

const ROLES = [
  'mother', 'mum', 'mummy', 'father', 'dad', 'daddy', 'stepfather', 'step-father', 'stepmother', 'step-mother', 'stepdad', 'stepmum',
  'sister', 'brother', 'half-sister', 'half-brother', 'stepsister', 'stepbrother', 'sibling', 'twin',
  'grandmother', 'grandfather', 'grandma', 'grandad', 'granddad', 'nan', 'nana', 'nanny', 'grandparent', 'great-grandmother', 'great-grandfather',
  'aunt', 'auntie', 'aunty', 'uncle', 'cousin', 'niece', 'nephew', 'partner', 'boyfriend', 'girlfriend', 'husband', 'wife', 'ex-partner',
  'son', 'daughter', 'friend', 'neighbour', 'lodger', 'carer', 'childminder', 'babysitter', 'godmother', 'godfather',
  'social worker', 'health visitor', 'midwife', 'teacher', 'headteacher', 'nurse', 'paediatrician', 'consultant', 'officer', 'detective', 'manager',
];

const NAME = String.raw`[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?`;
/**
 * A title and name. Only the titles of address take a full stop ("Mr. Khan"); police ranks written
 * with one end a sentence ("... about Baby PC. The ..."), and a title after "Child" or "Baby" is a
 * pseudonym's letters ("Baby PC").
 */
const TITLED = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?<!(?:Child|Baby|Children|Sibling|Infant)[ \u00a0]+)((?:Mr|Mrs|Ms|Miss|Mx|Dr|Sgt|Cllr|Prof)\.?|${TITLES.join('|')})[ \u00a0]+(${NAME}(?:[ \u00a0]+${NAME})?)(?![\p{L}\p{N}])`,
  'gu',
);
/** The roles, first letter in either case ("Mother Sarah" at the start of a sentence), the rest as written. */
const ROLE = ROLES.map((r) => `[${r[0]!.toUpperCase()}${r[0]}]` + r.slice(1).replace(/[ -]/g, (c) => (c === ' ' ? String.raw`[ \u00a0]+` : '-'))).join('|');
/** "the mother, Sarah," "her sister Amy", "stepfather Liam Doyle". */
const ROLE_THEN_NAME = new RegExp(String.raw`(?<![\p{L}])(?:${ROLE})(?:['’]s)?,?[ \u00a0]+(${NAME})(?:[ \u00a0]+(${NAME}))?(?![\p{L}\p{N}])`, 'dgu');
/** "Sarah, the mother", "Amy (her sister)", "Liam, Child C's stepfather". */
const NAME_THEN_ROLE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${NAME})(?:[ \u00a0]+(${NAME}))?(?:,|[ \u00a0]*\()[ \u00a0]*(?:the|her|his|their|a|an|(?:Child|Baby)[ \u00a0]+[A-Z][\p{L}]*['’]s)[ \u00a0]+(?:${ROLE})(?![\p{L}])`,
  'dgu',
);

/** Whether a capitalised word may be a surname after a first name: "Liam Doyle", not "Liam Child". */
function surnameLike(word: string | undefined): boolean {
  return word !== undefined && !NOT_SURNAMES.has(word) && !NOT_NAMES.has(word);
}

export function findNames(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(TITLED)) {
    const words = m[2]!.split(/[ \u00a0]+/);
    if (NOT_SURNAMES.has(words[0]!) || NOT_NAMES.has(words[0]!)) continue;
    // "Dr Hollis Child" keeps only "Dr Hollis".
    const kept = words.length > 1 && !surnameLike(words[1]) ? words[0]! : m[2]!;
    out.push({ kind: 'personal-name', start: m.index, end: m.index + m[0].length - (m[2]!.length - kept.length) });
  }
  for (const m of text.matchAll(ROLE_THEN_NAME)) {
    const first = m[1]!;
    if (!FIRST_NAMES.has(first)) continue;
    const [start, firstEnd] = m.indices![1]!;
    const end = m[2] && surnameLike(m[2]) ? m.indices![2]![1] : firstEnd;
    out.push({ kind: 'personal-name', start, end });
  }
  for (const m of text.matchAll(NAME_THEN_ROLE)) {
    const first = m[1]!;
    if (!FIRST_NAMES.has(first)) continue;
    const [start, firstEnd] = m.indices![1]!;
    const end = m[2] && surnameLike(m[2]) ? m.indices![2]![1] : firstEnd;
    out.push({ kind: 'personal-name', start, end });
  }
  return out;
}

/** Words in a metadata value that say it names an organisation or a tool, not a person. */
const ORGANISATION = /\b(?:Partnership|Council|Borough|County|City|Service|Services|Team|Unit|Board|NHS|Trust|Police|Ltd|Limited|Microsoft|Word|Adobe|Acrobat|Office|LibreOffice|Google|Chrome|Skia|Safeguarding|Children|Department|Panel|Group|Agency|Authority|Hospital|School)\b/i;

/**
 * Whether a metadata value (Author, last modified by) names a person: a first name from the list
 * with or without a surname ("Sarah Jones", "Sarah"), an initial and surname ("S. Jones",
 * "Jones, S."), or a title and name. A team or organisation is not a person.
 */
export function namesPerson(value: string): boolean {
  const v = value.trim();
  if (v === '' || ORGANISATION.test(v) || v.split(/\s+/).length > 4) return false;
  if (findNames(v).length > 0) return true;
  const words = v.split(/[\s,;]+/).filter(Boolean);
  if (words.some((w) => FIRST_NAMES.has(w))) return true;
  return /^(?:[A-Z]\.?\s+){1,2}[A-Z][a-z'’-]+$|^[A-Z][a-z'’-]+,\s*[A-Z]\.?(?:\s*[A-Z]\.?)?$/u.test(v);
}
