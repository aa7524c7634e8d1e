/**
 * The anonymisation check's library: finds identifying details (NHS and National Insurance
 * numbers, postcodes, telephone numbers, email addresses, dates of birth and death, street
 * addresses, another review's pseudonym) in text that is about to be published, and reports them
 * masked. See docs/anonymisation.md.
 */
export { FINDING_KINDS, FINDING_LABELS, WARNING_KINDS } from './types.ts';
export type { AllowedText, Finding, FindingKind, PartnershipContacts, ScanOptions } from './types.ts';
export { scanText, detect, resolveOverlaps, PUBLIC_HELPLINES } from './scan.ts';
export { mask } from './mask.ts';
export { isValidNhsNumber, nhsCheckDigit } from './nhs.ts';
export { pseudonymsFromTitle, pseudonymNames } from './pseudonym.ts';
export { mdxProse } from './mdx.ts';
export {
  scanDocument,
  scanDocumentFindings,
  scanFields,
  scanFieldFindings,
  findingMessage,
  type DocumentScanOptions,
  type FieldScanOptions,
  type LocatedFinding,
  type TextField,
} from './document.ts';
export { contactsFromSettings } from './contacts.ts';
