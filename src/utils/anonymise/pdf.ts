/**
 * Scanning a PDF's facts (src/utils/pdf/facts.ts): its text layer page by page with the same
 * detectors as any text, its metadata fields, and what it lacks to be accessible. Pure: the
 * facts are read elsewhere (src/check/pdf-reader.ts).
 */
import type { PdfFacts } from '../pdf/facts.ts';
import { missingAccessibility, PERSON_FIELDS } from '../pdf/facts.ts';
import { mask } from './mask.ts';
import { namesPerson } from './names.ts';
import { scanText } from './scan.ts';
import type { Finding, ScanOptions } from './types.ts';

/** A finding in a PDF's text layer, at its page and line on the page. */
export interface PdfTextFinding extends Finding {
  page: number;
  /** The text lies (at least partly) under a filled dark box: hidden on screen, still in the file. */
  covered: boolean;
}

/** A finding in a PDF's metadata. */
export interface PdfMetadataFinding extends Finding {
  field: string;
}

export function scanPdfText(facts: PdfFacts, options: ScanOptions): PdfTextFinding[] {
  const out: PdfTextFinding[] = [];
  facts.pages.forEach((page, i) => {
    for (const f of scanText(page.text, options)) {
      const covered = page.covered.some(([s, e]) => s < f.end && f.start < e);
      out.push({ ...f, page: i + 1, covered });
    }
  });
  return out;
}

/**
 * Identifiers in the metadata, and a person's name in a field that holds one (Author, last
 * modified by, XMP dc:creator): there the whole value is the name, with no role beside it.
 */
export function scanPdfMetadata(facts: PdfFacts, options: ScanOptions): PdfMetadataFinding[] {
  const out: PdfMetadataFinding[] = [];
  const allowed = (value: string) => {
    const v = value.replace(/\s+/g, ' ').trim();
    if ((options.allow ?? []).some((a) => a.text.replace(/\s+/g, ' ').trim().includes(v))) return true;
    const people = new Set((options.people ?? []).flatMap((p) => p.split(/[\s,.()]+/).filter(Boolean)));
    const words = v.split(/[\s,.]+/).filter(Boolean);
    return words.length > 0 && words.every((w) => people.has(w));
  };
  for (const m of facts.metadata) {
    const found = scanText(m.value, options).map((f) => ({ ...f, field: m.field }));
    out.push(...found);
    if (found.some((f) => f.kind === 'personal-name') || !PERSON_FIELDS.has(m.field)) continue;
    if (namesPerson(m.value) && !allowed(m.value)) {
      const value = m.value.trim();
      const start = m.value.indexOf(value);
      out.push({ kind: 'personal-name', start, end: start + value.length, line: 1, column: start + 1, masked: mask('personal-name', value), field: m.field });
    }
  }
  return out;
}

export { missingAccessibility };

/** The sentence added to a finding under a drawn box. */
export const COVERED_TEXT =
  'it lies under a box drawn over it: covering text does not remove it, and anyone can still copy, search or read it aloud from the PDF. ' +
  'Remove it from the document the PDF was made from and make the PDF again, or redact it with a tool that removes the text itself';
