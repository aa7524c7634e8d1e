/**
 * The anonymisation scanner, detector by detector: what it finds, what it leaves alone, how it
 * masks, and how reviewed false positives and the partnership's own contacts are allowed.
 */
import { describe, expect, it } from 'vitest';
import { isValidNhsNumber, mask, nhsCheckDigit, pseudonymsFromTitle, scanText, type FindingKind } from '../src/utils/anonymise/index.ts';

/** The kinds and matched texts `scanText` reports, in order (the review's own pseudonym is Child C unless given). */
function found(text: string, options: Parameters<typeof scanText>[1] = {}): Array<[FindingKind, string]> {
  return scanText(text, { pseudonyms: ['Child C'], ...options }).map((f) => [f.kind, text.slice(f.start, f.end)]);
}

describe('NHS numbers', () => {
  it('checks the modulus-11 check digit', () => {
    expect(isValidNhsNumber('943 476 5919')).toBe(true); // the NHS's own published example
    expect(isValidNhsNumber('943 476 5918')).toBe(false);
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(nhsCheckDigit('943476591')).toBe(9);
    expect(isValidNhsNumber('000 000 0000')).toBe(false); // passes the sum, but a placeholder
    // A remainder of 1 gives check digit 10: no valid number starts with these nine digits.
    const nine = Array.from({ length: 1000 }, (_, i) => `999${String(i).padStart(6, '0')}`).find((n) => nhsCheckDigit(n) === undefined)!;
    for (let d = 0; d <= 9; d++) expect(isValidNhsNumber(nine + d)).toBe(false);
  });

  it('finds them spaced, dashed and run together, and only with a correct check digit', () => {
    expect(found('NHS number 943 476 5919 on file')).toEqual([['nhs-number', '943 476 5919']]);
    expect(found('NHS no. 943-476-5919.')).toEqual([['nhs-number', '943-476-5919']]);
    expect(found('(9434765919)')).toEqual([['nhs-number', '9434765919']]);
    expect(found('NHS number 943 476 5918 on file')).toEqual([]);
    expect(found('ref 94347659190 and 19434765919')).toEqual([]); // part of longer numbers
    expect(found('mixed 943 476-5919')).toEqual([]); // inconsistent grouping is not the 3-3-4 form
  });
});

describe('National Insurance numbers', () => {
  it('finds them spaced or not', () => {
    expect(found('NI number AB 12 34 56 C.')).toEqual([['ni-number', 'AB 12 34 56 C']]);
    expect(found('NINO: JT123456A')).toEqual([['ni-number', 'JT123456A']]);
  });
  it('applies the official exclusions', () => {
    for (const prefix of ['DA', 'FA', 'IA', 'QA', 'UA', 'VA', 'AD', 'AF', 'AI', 'AO', 'AQ', 'AU', 'AV', 'BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']) {
      expect(found(`number ${prefix} 12 34 56 A`), prefix).toEqual([]);
    }
    expect(found('number AB 12 34 56 E')).toEqual([]); // suffix must be A to D
    expect(found('we met at 12 34 56 a')).toEqual([]); // lower case prose
  });
});

describe('postcodes', () => {
  it('finds full postcodes and masks the inward code', () => {
    const f = scanText('lived at EX4 4QJ and later M1 1AE');
    expect(f.map((x) => x.kind)).toEqual(['postcode', 'postcode']);
    expect(f.map((x) => x.masked)).toEqual(['EX4 ***', 'M1 ***']);
  });
  it('finds a partial postcode only with a street name in the same sentence', () => {
    expect(found('She moved to EX4, off Acacia Road.')).toEqual([['partial-postcode', 'EX4']]);
    expect(found('She moved to the EX4 area. Acacia Road was mentioned later.')).toEqual([]);
    expect(found('Services in EX4 were stretched.')).toEqual([]);
  });
  it('does not take recommendations, quarters, school years or roads for postcodes', () => {
    expect(found('R1 and R1.1 near Mill Road; Q1 2026 near Mill Road; Y1 pupils near Mill Road; the A38 near Mill Road')).toEqual([]);
    expect(found('an S47 enquiry about a child near Station Road')).toEqual([]);
  });
});

describe('telephone numbers', () => {
  it('finds UK numbers in common written forms, drama ranges included', () => {
    const text = 'Call 020 7946 0321, (0113) 496 0542, +44 161 496 0778, 07700 900417, 07700 900 882, +44 (0)7700 900261, 0117-496-0912 or 01632 960 734.';
    expect(found(text).map(([k, t]) => `${k}:${t}`)).toEqual([
      'phone:020 7946 0321',
      'phone:(0113) 496 0542',
      'phone:+44 161 496 0778',
      'phone:07700 900417',
      'phone:07700 900 882',
      'phone:+44 (0)7700 900261',
      'phone:0117-496-0912',
      'phone:01632 960 734',
    ]);
  });
  it('does not take dates, years, figures or NHS numbers for phones', () => {
    expect(found('On 01/04/2025 and 01.04.2025, in 2023/24, 28 of 30 (93%) at 10:30, R1.1, pages 12-14, £250,000')).toEqual([]);
    expect(found('NHS number 943 476 5919')).toEqual([['nhs-number', '943 476 5919']]);
  });
  it('allows the partnership\'s own numbers, however written, and national helplines', () => {
    const contacts = { phones: ['020 7946 0018'] };
    expect(found('Call the front door on 020 7946 0018 or +44 20 7946 0018.', { contacts })).toEqual([]);
    expect(found('Call 020 7946 0017.', { contacts })).toEqual([['phone', '020 7946 0017']]);
    expect(found('Childline 0800 1111, NSPCC 0808 800 5000, or 999.')).toEqual([]);
  });
  it('masks all but the first digits', () => {
    expect(mask('phone', '020 7946 0321')).toBe('020 7*** ****');
  });
});

describe('email addresses', () => {
  it('finds and masks them; the partnership\'s own are allowed', () => {
    const f = scanText('Write to jo.bloggs@example.org or frontdoor@example.org.', { contacts: { emails: ['FrontDoor@example.org'] } });
    expect(f).toHaveLength(1);
    expect(f[0]!.masked).toBe('j***@***.org');
  });
});

describe('dates of birth and death', () => {
  it('finds a full date next to a birth cue, in every common form', () => {
    expect(found('Child C was born on 14 March 2019.')).toEqual([['date-of-birth', '14 March 2019']]);
    expect(found('born 14th March 2019')).toEqual([['date-of-birth', '14th March 2019']]);
    expect(found('DOB: 14/03/2019')).toEqual([['date-of-birth', '14/03/2019']]);
    expect(found('D.O.B. 14.03.2019')).toEqual([['date-of-birth', '14.03.2019']]);
    expect(found('date of birth 2019-03-14')).toEqual([['date-of-birth', '2019-03-14']]);
    expect(found('her date of birth was recorded as March 14, 2019')).toEqual([['date-of-birth', 'March 14, 2019']]);
    expect(found('Child D (14/03/2019, aged 5)', { pseudonyms: ['Child D'] })).toEqual([['date-of-birth', '14/03/2019']]);
  });
  it('finds full dates of death', () => {
    expect(found('Child C died on 9 October 2023.')).toEqual([['date-of-death', '9 October 2023']]);
    expect(found('date of death: 11/10/2023')).toEqual([['date-of-death', '11/10/2023']]);
    expect(found('He died in hospital on 3rd May 2024.')).toEqual([['date-of-death', '3rd May 2024']]);
  });
  it('leaves meeting dates, months and ages alone', () => {
    expect(found('On 14 March 2024 a strategy meeting was held.')).toEqual([]);
    // A month and year after "born" is a birth narrowed to a month (issue 15); anywhere else a month is fine.
    expect(found('Child C was born in March 2019 and was aged 7 months at the time.')).toEqual([['date-of-birth', 'March 2019']]);
    expect(found('In March 2019 Child C was aged 7 months.')).toEqual([]);
    expect(found('On 14 March 2024 (aged 7 months), Child C was seen by the GP.')).toEqual([]);
    expect(found('The Child Death Overview Panel met on 14 March 2024.')).toEqual([]);
    expect(found('Child C died in March 2024. On 14 March 2024 the rapid review met.')).toEqual([]);
  });
  it('keeps only the year when masking', () => {
    expect(mask('date-of-birth', '14 March 2019')).toBe('** ***** 2019');
    expect(mask('date-of-birth', '14/03/2019')).toBe('**/**/2019');
  });
});

describe('street addresses', () => {
  it('finds a house number and street, with a flat number', () => {
    expect(found('They lived at 14 Acacia Road.')).toEqual([['address', '14 Acacia Road']]);
    expect(found('then Flat 3, 22 Mill Lane, in the town')).toEqual([['address', 'Flat 3, 22 Mill Lane']]);
    expect(mask('address', 'Flat 3, 22 Mill Lane')).toBe('Flat *, ** **** Lane');
  });
  it('leaves references, years and courts alone', () => {
    expect(found('Recommendation 3 Park Lane pilot; section 47 Church Road meeting; in 2019 Mill Lane surgery; 3 Family Court hearings')).toEqual([]);
  });
});

describe('a second pseudonym', () => {
  it('finds another review\'s pseudonym and not the document\'s own', () => {
    const own = { pseudonyms: ['Child C'] };
    expect(found("Child C's mother spoke to Child L's social worker.", own)).toEqual([['pseudonym', 'Child L']]);
    expect(found('as with Baby Grace and Children E and F', own)).toEqual([
      ['pseudonym', 'Baby Grace'],
      ['pseudonym', 'Children E and F'],
    ]);
    expect(found('Sibling 2 lived with their father', own)).toEqual([['pseudonym', 'Sibling 2']]);
    expect(found('Children C and D were seen', { pseudonyms: ['Children C and D'] })).toEqual([]);
    expect(found('Child D was seen', { pseudonyms: pseudonymsFromTitle('Children C and D: overview report') })).toEqual([]);
  });
  it('does not take service names for pseudonyms', () => {
    const text =
      'The Child Death Overview Panel, a Child Protection Conference, a Child in Need plan, the Children Act 1989, ' +
      'Child Sexual Exploitation, the Local Safeguarding Children Board, the Safeguarding Children Partnership, ' +
      'the Child Safeguarding Practice Review Panel, the Baby Friendly Initiative, Children Looked After, a Child CP Plan.';
    expect(found(text, { pseudonyms: ['Child C'] })).toEqual([]);
  });
  it('reads the pseudonym from a title', () => {
    expect(pseudonymsFromTitle('Child C')).toEqual(['Child C']);
    expect(pseudonymsFromTitle('7-minute briefing: Baby Linnet')).toEqual(['Baby Linnet']);
    expect(pseudonymsFromTitle('Neglect: a thematic review')).toEqual([]);
  });
});

describe('allowing a reviewed false positive', () => {
  const text = 'The charity is at 14 Acacia Road, EX4 4QJ, and the clinic at 3 Mill Lane.';
  it('suppresses a finding whose text equals an allowed text', () => {
    expect(found(text, { allow: [{ text: '14 Acacia Road', reason: "the charity's public office" }] }).map(([k]) => k)).toEqual(['postcode', 'address']);
  });
  it('suppresses a finding that lies within an allowed text, across line breaks', () => {
    const allow = [{ text: 'the charity is at 14 Acacia Road, EX4 4QJ', reason: 'public office' }];
    expect(found(text, { allow })).toEqual([['address', '3 Mill Lane']]); // case matters: "The" ≠ "the"
    const exact = [{ text: 'The charity is at 14 Acacia Road,\n  EX4 4QJ', reason: 'public office' }];
    expect(found(text, { allow: exact })).toEqual([['address', '3 Mill Lane']]);
  });
  it('only suppresses what it names', () => {
    expect(found(text, { allow: [{ text: '14 Acacia Road', reason: 'x' }] })).toContainEqual(['address', '3 Mill Lane']);
  });
});

describe('locations and masks', () => {
  it('gives 1-based line and column', () => {
    const f = scanText('First line.\n  Call 020 7946 0321 now.');
    expect(f.map(({ line, column }) => [line, column])).toEqual([[2, 8]]);
  });
  it('never prints a match whole', () => {
    const samples: Array<[FindingKind, string]> = [
      ['nhs-number', '943 476 5919'],
      ['ni-number', 'AB 12 34 56 C'],
      ['postcode', 'EX4 4QJ'],
      ['partial-postcode', 'EX4'],
      ['phone', '07700 900417'],
      ['email', 'jo@example.org'],
      ['date-of-birth', '14 March 2019'],
      ['date-of-death', '2019-03-14'],
      ['address', '14 Acacia Road'],
      ['pseudonym', 'Child Lilo'],
      ['pseudonym', 'Child C'],
    ];
    for (const [kind, text] of samples) {
      const masked = mask(kind, text);
      expect(masked, kind).not.toBe(text);
      expect(masked, kind).toMatch(/\*/);
    }
    expect(mask('nhs-number', '943 476 5919')).toBe('943 *** ****');
  });
});
