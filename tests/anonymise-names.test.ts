/**
 * People's names: found beside a title or a family or professional role, not as bare capitalised
 * words; the lead reviewers and the partnership's contacts may be named; masked to initials.
 */
import { describe, expect, it } from 'vitest';
import { scanText, type FindingKind } from '../src/utils/anonymise/index.ts';
import { FIRST_NAMES, namesPerson } from '../src/utils/anonymise/names.ts';

function names(text: string, people?: string[]): string[] {
  return scanText(text, { pseudonyms: ['Child C'], people })
    .filter((f) => f.kind === ('personal-name' satisfies FindingKind))
    .map((f) => text.slice(f.start, f.end));
}

describe('names beside a title', () => {
  it.each([
    ['Mr Khan attended the strategy meeting.', ['Mr Khan']],
    ['DC Patel and PC Holt visited the home.', ['DC Patel', 'PC Holt']],
    ['Dr Jane Hollis, the paediatrician, examined Child C.', ['Dr Jane Hollis']],
    ['Mrs. Okafor-Reeve was the childminder.', ['Mrs. Okafor-Reeve']],
    ['Mr A, Ms X and Mr B were the adults in the household.', []],
    ["Dr Barnardo's ran the project; Practitioner A led it.", []],
    ['The review about Baby PC. The officers met Child DC and Baby DS Holt.', []],
  ])('%s', (text, want) => expect(names(text)).toEqual(want));
});

describe('names beside a role', () => {
  it.each([
    ['The mother, Sarah, told the health visitor.', ['Sarah']],
    ['Her sister Amy was at school.', ['Amy']],
    ['The stepfather Liam Doyle moved in.', ['Liam Doyle']],
    ['Sarah (the mother) and Amy, Child C\'s sister, were seen.', ['Sarah', 'Amy']],
    ['Her sister Amy and the father were seen.', ['Amy']],
    ['The mother, Child C and the father attended.', []],
    ['In May the mother said the father, Practitioner B, had left.', []],
    ['The social worker, Practitioner A, and the health visitor Team met.', []],
  ])('%s', (text, want) => expect(names(text)).toEqual(want));
});

describe('capitalised words that are not people', () => {
  it('are left alone', () => {
    const text =
      'The Local Safeguarding Children Partnership met in May. Grace Road Family Centre closed; Will the Police agree? ' +
      'Children Act 1989, Working Together 2023, Mark Lane, Victoria Station, Chelsea and Westminster Hospital, ' +
      'Florence Nightingale Ward, Jordan, Georgia and Kent were mentioned. Child C went to Sunny Hill Nursery.';
    expect(names(text)).toEqual([]);
  });
});

describe('people who may be named', () => {
  it('allows the lead reviewer and contacts, nobody else', () => {
    expect(names('Dr Jane Hollis led the review; Mr Khan attended.', ['Dr Jane Hollis, independent reviewer'])).toEqual(['Mr Khan']);
  });
});

describe('masking', () => {
  it('keeps the title and each initial', () => {
    const masked = scanText('Mr Khan and the mother, Sarah Jones, met.').filter((f) => f.kind === 'personal-name').map((f) => f.masked);
    expect(masked).toEqual(['Mr K***', 'S**** J****']);
  });
});

describe('metadata values', () => {
  it.each([
    ['Sarah Jones', true],
    ['S. Jones', true],
    ['Jones, S.', true],
    ['Mr Khan', true],
    ['Example Borough Safeguarding Children Partnership', false],
    ['Microsoft® Word for Microsoft 365', false],
    ['Skia/PDF m156', false],
    ['Business Unit', false],
  ] as Array<[string, boolean]>)('%s', (value, want) => expect(namesPerson(value)).toBe(want));
});

it('has a list of first names to work from', () => {
  expect(FIRST_NAMES.size).toBeGreaterThan(3000);
  for (const n of ['Sarah', 'Amy', 'Liam', 'Mohammed']) expect(FIRST_NAMES.has(n), n).toBe(true);
  for (const w of ['May', 'Will', 'Baby', 'Child']) expect(FIRST_NAMES.has(w), w).toBe(false);
});
