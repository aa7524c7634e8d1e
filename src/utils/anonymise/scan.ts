/**
 * `scanText`: every detector over one text, then overlaps resolved, reviewed false positives and
 * the partnership's own contact details removed, and each finding located and masked.
 * Pure: no file access.
 */
import { findAddresses } from './address.ts';
import { findDates } from './dates.ts';
import { findEmails } from './email.ts';
import { mask } from './mask.ts';
import { findInstitutions } from './institution.ts';
import { findNames, TITLES } from './names.ts';
import { findNhsNumbers } from './nhs.ts';
import { findNiNumbers } from './nino.ts';
import { findPhones, phoneKey } from './phone.ts';
import { findFullPostcodes, findPartialPostcodes } from './postcode.ts';
import { findOtherPseudonyms } from './pseudonym.ts';
import type { AllowedText, Candidate, Finding, FindingKind, ScanOptions } from './types.ts';

/**
 * Which kind wins when two matches overlap (lower wins): an email's digits are not a phone, an NHS
 * number is not a phone, a date of birth inside an address line is still a date of birth.
 */
const PRIORITY: Record<FindingKind, number> = {
  email: 0,
  'nhs-number': 1,
  'ni-number': 2,
  phone: 3,
  'date-of-birth': 4,
  'date-of-death': 5,
  postcode: 6,
  address: 7,
  'partial-postcode': 8,
  pseudonym: 9,
  institution: 10,
  'personal-name': 11,
};

/**
 * National helplines that reports quote for readers: never a family's number.
 * (999, 111, 101 and 116 123 are too short to be found at all.)
 */
export const PUBLIC_HELPLINES = ['0800 1111' /* Childline */, '0808 800 5000' /* NSPCC helpline */];

/** Every candidate from every detector, overlaps not yet resolved. */
export function detect(text: string, options: ScanOptions = {}): Candidate[] {
  // Every pattern but the pseudonym's needs a digit (0-9), and an email an "@": most fields of
  // an action plan have neither, so their detectors need not run at all.
  const pseudonyms = findOtherPseudonyms(text, options.pseudonyms ?? []);
  const emails = text.includes('@') ? findEmails(text) : [];
  const institutions = MAY_NAME_INSTITUTION.test(text) ? findInstitutions(text) : [];
  const names = findNames(text);
  if (!HAS_DIGIT.test(text)) return [...emails, ...pseudonyms, ...institutions, ...names];
  const full = findFullPostcodes(text);
  return [
    ...emails,
    ...findNhsNumbers(text),
    ...findNiNumbers(text),
    ...findPhones(text),
    ...findDates(text),
    ...full,
    ...findPartialPostcodes(text, full),
    ...findAddresses(text),
    ...pseudonyms,
    ...institutions,
    ...names,
  ];
}

const HAS_DIGIT = /[0-9]/;
/** Every named institution ends in one of these words (src/utils/anonymise/institution.ts). */
const MAY_NAME_INSTITUTION = /School|Academy|Nursery|Surgery|Centre|Practice|Hub/;

/** Keeps the best of overlapping candidates: by priority, then the longer, then the earlier. */
export function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const ranked = [...candidates].sort(
    (a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of ranked) {
    // Addresses and postcodes may sit side by side with a date or each other; only true overlaps clash.
    if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Collapses runs of whitespace so a reviewed text matches across line breaks. */
function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Pure functions of a short string, remembered for the run: the scanner is called once per field
 * (tens of thousands of times), and the same allow entries and contact numbers come every time.
 * Bounded, so a long-running process cannot grow them without limit.
 */
function memo<T>(compute: (key: string) => T, limit = 5000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (cache.has(key)) return cache.get(key)!;
    if (cache.size >= limit) cache.clear();
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

/** The pattern that finds an allowed text (normalised, non-empty), whitespace may differ. */
const allowPattern = memo((wanted: string) => new RegExp(wanted.split(' ').map(escapeRegExp).join('\\s+'), 'g'));

/** `phoneKey` of a contact or helpline number (libphonenumber is costly: once per number). */
const contactPhoneKey = memo(phoneKey);

/** Spans of `text` where an allowed text occurs (whitespace may differ). */
function allowedSpans(text: string, allow: readonly AllowedText[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const a of allow) {
    const wanted = normalise(a.text);
    if (wanted === '') continue;
    const re = allowPattern(wanted);
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/** Whether a candidate is a reviewed false positive or the partnership's own contact detail. */
function isAllowed(
  c: Candidate,
  text: string,
  spans: ReadonlyArray<[number, number]>,
  allowTexts: readonly string[],
  ownPhones: ReadonlySet<string>,
  ownEmails: ReadonlySet<string>,
  people: ReadonlySet<string>,
): boolean {
  if (spans.some(([s, e]) => s <= c.start && c.end <= e)) return true;
  const matched = normalise(text.slice(c.start, c.end));
  if (allowTexts.some((a) => a.includes(matched))) return true;
  if (c.kind === 'phone') {
    const key = phoneKey(matched);
    if (key && ownPhones.has(key)) return true;
  }
  if (c.kind === 'email' && ownEmails.has(matched.toLowerCase())) return true;
  if (c.kind === 'personal-name' && people.size > 0) {
    const words = matched.split(/[\s,.]+/).filter((w) => w !== '' && !TITLE_WORDS.has(w));
    if (words.length > 0 && words.every((w) => people.has(w))) return true;
  }
  return false;
}

const TITLE_WORDS = new Set(TITLES);

/** The words of the names of people who may be named, remembered per list. */
const peopleCache = new WeakMap<readonly string[], ReadonlySet<string>>();
const NO_PEOPLE: ReadonlySet<string> = new Set();
function peopleWords(people: readonly string[] | undefined): ReadonlySet<string> {
  if (!people || people.length === 0) return NO_PEOPLE;
  let words = peopleCache.get(people);
  if (!words) {
    words = new Set(people.flatMap((p) => p.split(/[\s,.()]+/).filter((w) => /^[A-Z]/.test(w))));
    peopleCache.set(people, words);
  }
  return words;
}

/** Start offsets of each line, for turning offsets into 1-based line and column. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset. */
export function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** Finds identifying details in a text. Findings are in text order, masked, never overlapping. */
export function scanText(text: string, options: ScanOptions = {}): Finding[] {
  const candidates = detect(text, options);
  if (candidates.length === 0) return []; // most fields: nothing to allow, locate or mask
  const allow = options.allow ?? [];
  const spans = allowedSpans(text, allow);
  const allowTexts = allow.map((a) => normalise(a.text)).filter((a) => a !== '');
  const ownPhones = new Set(
    [...(options.contacts?.phones ?? []), ...PUBLIC_HELPLINES].map((p) => contactPhoneKey(p)).filter((k): k is string => k !== undefined),
  );
  const ownEmails = new Set((options.contacts?.emails ?? []).map((e) => e.trim().toLowerCase()));
  const starts = lineStarts(text);
  return resolveOverlaps(candidates)
    .filter((c) => !isAllowed(c, text, spans, allowTexts, ownPhones, ownEmails, peopleWords(options.people)))
    .map((c) => ({ ...c, ...position(starts, c.start), masked: mask(c.kind, text.slice(c.start, c.end)) }));
}
