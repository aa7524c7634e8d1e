/**
 * Types shared by the anonymisation scanner: what it finds and the options it takes.
 */

/** Kinds of identifying detail the scanner looks for. */
export const FINDING_KINDS = [
  'nhs-number',
  'ni-number',
  'postcode',
  'partial-postcode',
  'phone',
  'email',
  'date-of-birth',
  'date-of-death',
  'address',
  'pseudonym',
  'institution',
  'personal-name',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** How each kind is named in messages. */
export const FINDING_LABELS: Record<FindingKind, string> = {
  'nhs-number': 'NHS number',
  'ni-number': 'National Insurance number',
  postcode: 'postcode',
  'partial-postcode': 'partial postcode',
  phone: 'telephone number',
  email: 'email address',
  'date-of-birth': 'date of birth',
  'date-of-death': 'date of death',
  address: 'street address',
  pseudonym: 'another pseudonym',
  institution: 'named local institution',
  'personal-name': "person's name",
};

/**
 * Kinds that are only ever warnings, even in a public document: whether a named school or surgery
 * places a family is for a person to judge (and allow under `allow:` when it does not).
 */
export const WARNING_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>(['institution']);

/**
 * One identifying detail in a text. `start`/`end` are offsets (UTF-16, end exclusive) in the text
 * that was scanned; `line`/`column` are 1-based. The matched text itself is deliberately not
 * carried: only its masked form, so nothing downstream can print it whole by accident.
 */
export interface Finding {
  kind: FindingKind;
  start: number;
  end: number;
  line: number;
  column: number;
  /** The match with most of it hidden, safe for build logs. */
  masked: string;
}

/** A detector's raw result, before masking, allow-listing and overlap resolution. */
export interface Candidate {
  kind: FindingKind;
  start: number;
  end: number;
}

/** A reviewed false positive: the exact text that may stand, and why. */
export interface AllowedText {
  text: string;
  reason?: string | undefined;
}

/** The partnership's own published contact details (allowed everywhere). */
export interface PartnershipContacts {
  phones?: readonly string[] | undefined;
  emails?: readonly string[] | undefined;
}

export interface ScanOptions {
  /** The review's own pseudonym(s), for example `["Child C"]` or `["Children C and D"]`. */
  pseudonyms?: readonly string[] | undefined;
  /** Reviewed false positives for this document. */
  allow?: readonly AllowedText[] | undefined;
  /** The partnership's own contact phones and emails, allowed everywhere. */
  contacts?: PartnershipContacts | undefined;
  /**
   * People who may be named (the lead reviewers, the partnership's contacts): a name found is
   * allowed when each of its words is a word of one of these.
   */
  people?: readonly string[] | undefined;
}
