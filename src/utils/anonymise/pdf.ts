/**
 * Scanning a PDF's facts (src/utils/pdf/facts.ts): its text layer page by page with the same
 * detectors as any text, its metadata fields, and what it lacks to be accessible. Pure: the
 * facts are read elsewhere (src/check/pdf-reader.ts).
 */
import type { PdfFacts } from '../pdf/facts.ts';
import { missingAccessibility } from '../pdf/facts.ts';
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

export function scanPdfMetadata(facts: PdfFacts, options: ScanOptions): PdfMetadataFinding[] {
  return facts.metadata.flatMap((m) => scanText(m.value, options).map((f) => ({ ...f, field: m.field })));
}

export { missingAccessibility };

/** The sentence added to a finding under a drawn box. */
export const COVERED_TEXT =
  'it lies under a box drawn over it: covering text does not remove it, and anyone can still copy, search or read it aloud from the PDF. ' +
  'Remove it from the document the PDF was made from and make the PDF again, or redact it with a tool that removes the text itself';
