/**
 * A second pseudonym: "Child X", "Baby X", "Children X and Y" or "Sibling X" in a document whose
 * review is someone else (the usual sign of text pasted from another report). Service names
 * ("Child Death Overview Panel", "Child Protection", "Child in Need", "Children Act 1989",
 * "Baby Friendly Initiative") are not pseudonyms.
 */
import type { Candidate } from './types.ts';

const PREFIX = String.raw`(?:Child|Baby|Infant|Sibling|Children|Siblings|Babies)`;
// A pseudonym's name: initials ("C", "FA", "C1"), a digit for siblings ("Sibling 1"), or a word ("Lilo").
const NAME = String.raw`(?!(?:Child|Children|Baby|Babies|Infant|Sibling|Siblings)(?![\p{L}]))(?:[A-Z]{1,3}\d{0,2}|\d{1,2}|[A-Z][a-z]+(?:-[A-Z][a-z]+)?)`;
const PSEUDONYM = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’])(${PREFIX})[ \u00a0]+(${NAME})(?:(?:,[ \u00a0]+(${NAME}))*,?[ \u00a0]+(?:and|&)[ \u00a0]+(${NAME}))?(?![\p{L}\p{N}]|['’]?[\p{L}]{2,})`,
  'gu',
);

/**
 * Words that follow "Child", "Baby", "Children" or "Sibling" in service, policy and legal names.
 * Compared in lower case.
 */
const SERVICE_WORDS = new Set(
  (
    'abuse accident act action advocacy adolescent adolescents and arrangements assessment assessments at ' +
    'bank benefit bereavement bond box boomers bridge care cafe café carer carers centre centred centered ' +
    'clinic commissioner concern concerns contact contacts court criminal death deaths development ' +
    'disability disabilities education employment exploitation families family first focused focussed friendly ' +
    'growth guidance health home homes immunisation in information initiative journey law learning line ' +
    'looked loss maintenance massage matters medical mental minding missing neglect nurse nursing obesity ' +
    'observation of on online oral outcomes panel partnership plan plans policy poverty practice ' +
    'programme protection protecting psychiatry psychology psychotherapy record records rights room safe safety ' +
    'safeguarding sensory services service sex sexual sleep social steps support tax team teams trafficking trust ' +
    'unit victim victims voice walk week welfare wellbeing well-being who with witness workforce worker workers ' +
    'review reviews under over is was were has had will would should could may might can the this that these those ' +
    'board boards society hospital hospitals department directorate fund charity charities alliance bureau ' +
    'forum network ward wards minister commission commissioners rights-based ' +
    'lived experience experiences perspective perspectives story views view led need needs aged age ages ' +
    'protective level levels centred-practice ' +
    // Acronyms: "Child CP plan", "Children CIN", "Child CSE".
    'cp cin cse cce lac cla sen send ehcp camhs mash lado cdop nhs gp ae icb dsl sw iro cme fgm sudi sudc ' +
    'ii iii iv vi'
  ).split(' '),
);

/** Title-case nouns that, following the name word, show it is part of a service name. */
const SERVICE_TAIL = /^[ \u00a0]+(?:Panel|Plan|Plans|Conference|Conferences|Team|Teams|Service|Services|Order|Orders|Unit|Centre|Center|Board|Partnership|Review|Reviews|Scheme|Initiative|Trust|Group|Act|Policy|Procedure|Procedures|Meeting|Meetings|Register|Assessment|Officer|Officers|Nurse|Nurses|Worker|Workers|Pathway|Protocol|Programme|Strategy|Hub|Forum|Network|Project|Coordinator|Lead|Leads)\b/;

const PSEUDONYM_AT_START = new RegExp(`^${PSEUDONYM.source}`, 'u');

/** The names of a pseudonym: "Children C and D" → ["C", "D"]; "Baby Grace" → ["Grace"]. */
export function pseudonymNames(pseudonym: string): string[] {
  const m = PSEUDONYM_AT_START.exec(pseudonym.trim());
  if (!m) return [];
  return namesOf(m);
}

/** The pseudonym(s) in a review's title: "Child C", "Children C and D: overview report" → ["Child C"]. */
export function pseudonymsFromTitle(title: string): string[] {
  const out: string[] = [];
  for (const m of title.matchAll(PSEUDONYM)) {
    if (!isServiceName(title, m)) out.push(m[0]);
  }
  return out;
}

/** Every name in a match: "Children A, B and C" → ["A", "B", "C"]. */
function namesOf(m: RegExpMatchArray): string[] {
  return m[0]
    .slice(m[1]!.length)
    .split(/[\s,&]+/)
    .filter((n) => n !== '' && n !== 'and');
}

function isServiceName(text: string, m: RegExpMatchArray): boolean {
  const names = namesOf(m);
  const prefix = m[1]!;
  if (names.some((n) => SERVICE_WORDS.has(n.toLowerCase()))) return true;
  // Digits only name siblings ("Sibling 1"), never "Child 2" of a list or "Children 0-19".
  if (/^\d+$/.test(names[0]!) && !/^Sibling/.test(prefix)) return true;
  const after = text.slice(m.index! + m[0].length);
  if (SERVICE_TAIL.test(after)) return true;
  // "Child C1.2"-like references and "Children 0-19 service".
  if (/^[.\-/]\d/.test(after)) return true;
  return false;
}

/** A prefix word anywhere ("Children" and "Siblings" contain "Child" and "Sibling"). */
const MAY_HAVE_PREFIX = /Child|Baby|Babies|Infant|Sibling/;

/** The review's own names, in lower case; the last set is kept, as every field of a review asks again. */
let lastOwn: { key: string; names: Set<string> } | undefined;
function ownNamesOf(own: readonly string[]): Set<string> {
  const key = own.join('\n');
  if (lastOwn?.key !== key) lastOwn = { key, names: new Set(own.flatMap((p) => pseudonymNames(p)).map((n) => n.toLowerCase())) };
  return lastOwn.names;
}

/** Finds pseudonyms that are not among `own` (names compared, whatever the prefix). */
export function findOtherPseudonyms(text: string, own: readonly string[]): Candidate[] {
  // Every match starts with one of the prefixes (case matters): most fields have none.
  if (!MAY_HAVE_PREFIX.test(text)) return [];
  const ownNames = ownNamesOf(own);
  const out: Candidate[] = [];
  for (const m of text.matchAll(PSEUDONYM)) {
    if (isServiceName(text, m)) continue;
    const names = namesOf(m);
    if (names.every((n) => ownNames.has(n.toLowerCase()))) continue;
    out.push({ kind: 'pseudonym', start: m.index, end: m.index + m[0].length });
  }
  return out;
}
