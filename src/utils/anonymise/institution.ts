/**
 * Named local institutions that can place a family: a named primary school, nursery, GP surgery,
 * health centre or children's centre ("Oakfield Primary School", "Mill Lane Surgery",
 * "Riverside Children's Centre"). Reported as a warning, never an error: a person decides
 * whether the place narrows the family down, and allows it under `allow:` when it does not.
 *
 * One to four capitalised name words (with "of", "and", "&", "the" between them, as in
 * "St Mary's C of E Primary School") before the kind of place. Services and kinds of place that
 * name nobody's neighbourhood ("the Virtual School", "Day Surgery", "a Sure Start Children's
 * Centre", "GP Surgery") are left alone.
 */
import type { Candidate } from './types.ts';

/** The kinds of place, longest first so "Primary School" is preferred to "School". */
export const INSTITUTION_TYPES = [
  'Primary School', 'Primary Academy', "Infants['’]? School", 'Infant School', 'Junior School', 'Nursery School', 'Pre-School', 'Preschool',
  'Nursery', 'Surgery', 'Medical Centre', 'Medical Practice', 'Health Centre', "Children['’]s Centre", 'Family Centre', 'Family Hub',
  'High School', 'Secondary School', 'Academy',
];

const WORD = String.raw`(?:St\.?|[A-Z][\p{L}'’\-]*)`;
const JOIN = String.raw`(?:[ \u00a0]+(?:of|and|&|the|on|upon|in)[ \u00a0]+|[ \u00a0]+)`;
const INSTITUTION = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${WORD}(?:${JOIN}${WORD}){0,4}?)[ \u00a0]+(${INSTITUTION_TYPES.join('|')})(?![\p{L}\p{N}])`,
  'gu',
);

/**
 * Words that, as the first word of a name, say what kind of place it is, not which: "Local",
 * "Special", "Virtual", "Designated", "Sure Start", "GP", "Day", ... A name made only of these
 * is no name at all.
 */
const GENERIC = new Set(
  (
    'A An The This That These Those Her His Their Its Our Your Each Every Any Another Other Same New Old Local Nearby ' +
    'Special Mainstream Independent Private State Maintained Free Community Village Virtual Designated Named Sure Start GP GPs ' +
    'Day General Cardiac Paediatric Neonatal Plastic Emergency Elective Dental Minor Major Oral Eye Orthopaedic Specialist ' +
    'Primary Secondary Infant Infants Junior Nursery High Medical Health Family Children Childrens Children’s Children\'s School ' +
    'Forest Boarding Sunday Faith Church Catholic Academy Trust Multi Early Years After Breakfast Holiday Out Hours Walk-in Walk ' +
    'Attended Visited At In From To And Or When Where While Whilst After Before Since Both Neither Either Staff Head Teacher ' +
    'Safeguarding Lead Leads Practice Manager Nurse Nurses Setting Settings Provider Providers Service Services Team Teams ' +
    'Ofsted Department DfE NHS ICB Partnership Council County Borough City Authority'
  ).split(' '),
);

export function findInstitutions(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(INSTITUTION)) {
    const words = m[1]!.split(/[ \u00a0]+/).filter((w) => !/^(?:of|and|&|the|on|upon|in)$/.test(w));
    // Drop generic words at the front ("the local Sure Start ..." is not a name); what is left is the name.
    let i = 0;
    while (i < words.length && GENERIC.has(words[i]!.replace(/[.,]$/, ''))) i++;
    if (i === words.length) continue;
    // The match starts at the first name word, not at a generic word before it.
    let start = m.index;
    if (i > 0) {
      const first = words[i]!;
      start = m.index + m[1]!.indexOf(first, m[1]!.indexOf(words[i - 1]!) + words[i - 1]!.length);
    }
    out.push({ kind: 'institution', start, end: m.index + m[0].length });
  }
  return out;
}
