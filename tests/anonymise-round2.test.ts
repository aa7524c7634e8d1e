/**
 * What slipped through before issue 15 section 3: identifiers in lower case, telephone numbers
 * with dots, a birth given as a month and year, and named local institutions (a warning).
 */
import { describe, expect, it } from 'vitest';
import { scanText, type FindingKind } from '../src/utils/anonymise/index.ts';

function found(text: string): Array<[FindingKind, string]> {
  return scanText(text, { pseudonyms: ['Child C'] }).map((f) => [f.kind, text.slice(f.start, f.end)]);
}

describe('lower case', () => {
  it.each([
    ['the family moved to 14 acacia road in the spring', [['address', '14 acacia road']]],
    ['she lived at flat 3, 22 mill lane with her aunt', [['address', 'flat 3, 22 mill lane']]],
    ['they stayed in ex4, off acacia road, for a month', [['partial-postcode', 'ex4']]],
    ['took 2 buses to the main road every day', []],
    ['walked 3 miles along the road', []],
    ['in 2019 station road was closed', []],
    ['see section 4 mill road findings', []],
    ['the m1 near the lane and the a1 road', []],
  ] as Array<[string, Array<[FindingKind, string]>]>)('%s', (text, want) => {
    expect(found(text)).toEqual(want);
  });
});

describe('telephone numbers with dots', () => {
  it.each([
    ['Call 020.7946.0321 today', [['phone', '020.7946.0321']]],
    ['mobile 07700.900.417.', [['phone', '07700.900.417']]],
    ['or +44.20.7946.0123', [['phone', '+44.20.7946.0123']]],
    ['on 01.04.2025 and 14.03.19', []],
    ['version 2.1.3 and 0.5.10', []],
  ] as Array<[string, Array<[FindingKind, string]>]>)('%s', (text, want) => {
    expect(found(text)).toEqual(want);
  });
});

describe('a birth given as a month and year', () => {
  it.each([
    ['Child C was born in March 2019 at home.', [['date-of-birth', 'March 2019']]],
    ['His sister was born in early Sept 2017.', [['date-of-birth', 'Sept 2017']]],
    ['DOB: 03/2019 on the referral', [['date-of-birth', '03/2019']]],
    ['date of birth was recorded as June 2015', [['date-of-birth', 'June 2015']]],
    ['The review began in March 2019 and the plan was born of it in May 2020.', []],
    ['Child C, aged 5, was seen in March 2024.', []],
  ] as Array<[string, Array<[FindingKind, string]>]>)('%s', (text, want) => {
    expect(found(text)).toEqual(want);
  });
});

describe('named local institutions', () => {
  it.each([
    ['Child C attended Oakfield Primary School until 2023.', [['institution', 'Oakfield Primary School']]],
    ['registered at Mill Lane Surgery', [['institution', 'Mill Lane Surgery']]],
    ["seen at Riverside Children's Centre weekly", [['institution', "Riverside Children's Centre"]]],
    ["a place at St Mary's C of E Primary School", [['institution', "St Mary's C of E Primary School"]]],
    ['at the Hilltop Family Hub', [['institution', 'Hilltop Family Hub']]],
    ['the Virtual School, a Sure Start Children\'s Centre, the GP Surgery, Day Surgery and the local Primary School', []],
    ['the primary school, the GP surgery and the children\'s centre', []],
    ['The Designated Nurse, Named GP and Head Teacher met.', []],
  ] as Array<[string, Array<[FindingKind, string]>]>)('%s', (text, want) => {
    expect(found(text)).toEqual(want);
  });

  it('masks the name and keeps the kind of place', () => {
    expect(scanText('at Oakfield Primary School')[0]!.masked).toBe('O******* Primary School');
  });
});
