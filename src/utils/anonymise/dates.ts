/**
 * Dates of birth and dates of death: a full date (day, month and year) next to a word that says
 * whose birth or death it is. Reports use ages and months instead ("aged 7 months", "in March
 * 2019"), and meeting dates ("On 14 March 2024 a strategy meeting was held") are not found.
 */
import type { Candidate, FindingKind } from './types.ts';

const MONTH =
  String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|` +
  String.raw`Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`;
const DAY = String.raw`(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:19|20)\d\d`;
const WEEKDAY = String.raw`(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?\s+)`;

/** A full date in any common written form. */
export const FULL_DATE =
  `(?:` +
  String.raw`${DAY}(?:\s+of)?\s+${MONTH},?\s+${YEAR}` + // 14 March 2019, 14th of March 2019
  String.raw`|${MONTH}\s+${DAY},?\s+${YEAR}` + // March 14, 2019
  String.raw`|(?:3[01]|[12]\d|0?[1-9])(?<sep>[/.\-])(?:1[0-2]|0?[1-9])\k<sep>(?:${YEAR}|\d\d)(?![\d/.\-]?\d)` + // 14/03/2019, 14.03.19
  String.raw`|${YEAR}-(?:1[0-2]|0[1-9])-(?:3[01]|[12]\d|0[1-9])(?!\d)` + // 2019-03-14
  `)`;

/** Small words that may sit between a cue and its date: "date of birth was recorded as 14 ...". */
const GAP = String.raw`[\s:,(\u2013\u2014-]*(?:(?:was|is|were|recorded|registered|given|noted|reported|as|on|the|of)\b[\s:,]*){0,4}${WEEKDAY}?`;
/** Up to four words then "on": "born at home on 14 March 2019", "died in hospital on ...". */
const WORD_GAP = String.raw`\s+(?:[\p{L}\p{N}'’]+\s+){0,4}?(?:on|dated)\s+(?:the\s+)?${WEEKDAY}?`;

const BIRTH_NOUN = String.raw`(?:D\.?O\.?B\.?|d\.o\.b\.?|dob|date\s+of\s+birth|birth\s*date|birthday)`;
const BIRTH_VERB = String.raw`(?:born)`;
const DEATH_NOUN = String.raw`(?:D\.?O\.?D\.?|date\s+of\s+death|death(?!\s+(?:overview|review|notification|rate|rates|in\s+infancy)\b))`;
const DEATH_VERB = String.raw`(?:died|passed\s+away|pronounced\s+(?:dead|deceased)|was\s+declared\s+dead)`;

function cueBefore(noun: string, verb: string): RegExp {
  return new RegExp(
    String.raw`(?<![\p{L}])(?:${noun}(?![\p{L}])${GAP}|${verb}(?![\p{L}])(?:${GAP}|${WORD_GAP}))(${FULL_DATE})`,
    'dgiu',
  );
}
function cueAfter(noun: string): RegExp {
  return new RegExp(String.raw`(${FULL_DATE})\s*[(\[,]?\s*(?:${noun}|born|died)(?![\p{L}])`, 'dgiu');
}

const BIRTH_BEFORE = cueBefore(BIRTH_NOUN, BIRTH_VERB);
const BIRTH_AFTER = cueAfter(BIRTH_NOUN);
const DEATH_BEFORE = cueBefore(DEATH_NOUN, DEATH_VERB);
const DEATH_AFTER = cueAfter(String.raw`(?:D\.?O\.?D\.?|date\s+of\s+death)`);
// "the death of Child C on 14 March 2024"
const DEATH_OF = new RegExp(
  String.raw`\bdeath\s+of\s+(?:[A-Z][\p{L}'’]*\s+){1,3}(?:on\s+)(?:the\s+)?${WEEKDAY}?(${FULL_DATE})`,
  'dgu',
);

/**
 * A month and year without a day ("March 2019", "Mar. 2019", "03/2019"): on its own a date like
 * any other, but after "born" or "date of birth" it narrows a birth to a month.
 */
const MONTH_YEAR = String.raw`(?:${MONTH},?\s+${YEAR}|(?:1[0-2]|0?[1-9])/${YEAR})(?![\d/])`;
const BIRTH_MONTH = new RegExp(
  String.raw`(?<![\p{L}])(?:${BIRTH_NOUN}(?![\p{L}])[\s:,(]*(?:(?:was|is|recorded|registered|given|as|in|of)\b\s*){0,3}|born(?:\s+(?:at\s+home|prematurely|early|late))?\s+(?:in|during)\s+(?:early\s+|late\s+|mid-?\s*)?)(${MONTH_YEAR})`,
  'dgiu',
);

/** A child's age: "aged 5", "age 3 years", "5 years old", "7 months old", "(5y)". */
const AGE = String.raw`(?:aged?\s+\d{1,2}(?:\s*(?:years?|yrs?|months?|weeks?|days?)(?:\s+old)?)?|\d{1,2}\s*(?:years?|yrs?|months?|weeks?|days?)\s+old|\d{1,2}\s*(?:y|yo|yrs?|m|mths?)(?![\p{L}]))`;
// A date paired with an age, as in a family list: "Child C (14/03/2019, aged 5)", "14 March 2019 (5 years old)".
const AGE_PAIRS = [
  new RegExp(String.raw`\(\s*(${FULL_DATE})\s*[,;]\s*${AGE}\s*\)`, 'dgiu'),
  new RegExp(String.raw`\(\s*${AGE}\s*[,;]\s*(${FULL_DATE})\s*\)`, 'dgiu'),
  new RegExp(String.raw`${AGE}\s*\(\s*(${FULL_DATE})\s*\)`, 'dgiu'),
  new RegExp(String.raw`(${FULL_DATE})\s*\(\s*${AGE}\s*\)`, 'dgiu'),
  new RegExp(String.raw`(${FULL_DATE})\s*[,;\u2013\u2014-]\s*${AGE}(?![\p{L}\p{N}])`, 'dgiu'),
];
/** A date introduced like an event ("On 14 March 2024 (aged 7 months), Child C ...") is not a birth date. */
const EVENT_BEFORE = /\b(?:on|by|from|until|till|to|since|between|and|before|after|dated|of|in|at|during|around|about|week|weekend|w\/c|commencing|ending)\s*$/i;

/** The span of the date (capturing group 1) in a match made with the `d` flag. */
function dateSpan(m: RegExpExecArray | RegExpMatchArray, kind: FindingKind): Candidate {
  const [start, end] = m.indices![1]!;
  return { kind, start, end };
}

/**
 * Every pattern above contains a FULL_DATE, and every FULL_DATE contains a year (19xx or 20xx)
 * or digits on both sides of a / . or - (14/03/19): text with neither has no date to find, and
 * the ten patterns need not run (nor be compiled, which costs more than running them on a field).
 */
const MAY_HAVE_DATE = /(?:19|20)\d\d|\d[/.\-]\d/;

/**
 * The birth and death patterns, each with words one of which every match of it contains (same
 * flags, so the same case folding): a report that never says "born", "birth", "DOB", "died" or
 * the like is not searched for the cue and its date, which saves a pass over the whole text.
 */
const CUED: ReadonlyArray<[RegExp, RegExp]> = [
  [BIRTH_BEFORE, /born|birth|d\.?o\.?b/iu],
  [BIRTH_AFTER, /born|birth|d\.?o\.?b|died/iu],
  [DEATH_BEFORE, /d\.?o\.?d|death|died|passed|pronounced|declared/iu],
  [DEATH_AFTER, /d\.?o\.?d|death|born|died/iu],
  [DEATH_OF, /death/u],
  [BIRTH_MONTH, /born|birth|d\.?o\.?b/iu],
];

export function findDates(text: string): Candidate[] {
  if (!MAY_HAVE_DATE.test(text)) return [];
  const out: Candidate[] = [];
  for (const [re, cue] of CUED) {
    if (!cue.test(text)) continue;
    for (const m of text.matchAll(re)) out.push(dateSpan(m, re === BIRTH_BEFORE || re === BIRTH_AFTER || re === BIRTH_MONTH ? 'date-of-birth' : 'date-of-death'));
  }
  for (const re of AGE_PAIRS) {
    for (const m of text.matchAll(re)) {
      const c = dateSpan(m, 'date-of-birth');
      if (EVENT_BEFORE.test(text.slice(Math.max(0, c.start - 20), c.start))) continue;
      out.push(c);
    }
  }
  return out;
}
