/**
 * What the checker knows about one PDF, as read by src/check/pdf-reader.ts: its text layer page by
 * page (one line of text per line on the page), the parts of that text that lie under a filled
 * dark box, its metadata (document information dictionary and XMP) and the facts that make it
 * accessible (tagged, language, title). Plain data, so it can cross a process boundary as JSON.
 */

/** One page's text: lines joined with "\n", so a finding's line is the line on the page. */
export interface PdfPageText {
  text: string;
  /** Offsets [start, end) in `text` of characters drawn under a filled black (or near-black) box. */
  covered: Array<[number, number]>;
}

/** One metadata field: where it came from and its value. */
export interface PdfMetadataField {
  /** As editors see it: "Author", "Creator", "XMP dc:creator", ... */
  field: string;
  value: string;
}

export interface PdfFacts {
  /** Relative to the project folder. */
  file: string;
  /** Why the file could not be read as a PDF; when set, nothing else is known. */
  error?: string | undefined;
  pages: PdfPageText[];
  metadata: PdfMetadataField[];
  /** The catalogue's /MarkInfo /Marked is true. */
  marked: boolean;
  /** The document has a structure tree (a tags tree). */
  structureTree: boolean;
  /** The catalogue's /Lang, when set. */
  language?: string | undefined;
  /** The document title (information dictionary or XMP dc:title), when set. */
  title?: string | undefined;
}

/** Titles that tools write when nobody gave one: no title at all for a reader. */
const PLACEHOLDER_TITLES = /^(?:about:blank|untitled(?:\s+document)?|document\d*|microsoft word\s*-.*|.*\.(?:docx?|odt|pdf|html?))$/i;

/** What a PDF lacks to be accessible: untagged, no language, no (real) title. Empty when nothing. */
export function missingAccessibility(facts: PdfFacts): string[] {
  const missing: string[] = [];
  if (!facts.marked || !facts.structureTree) missing.push('tags (it is not a tagged PDF, so screen readers cannot follow its headings, lists and tables)');
  if (!facts.language?.trim()) missing.push('a document language (for example en-GB)');
  const title = facts.title?.trim() ?? '';
  if (title === '' || PLACEHOLDER_TITLES.test(title)) missing.push(title === '' ? 'a title' : `a title (it has "${title}", which a tool wrote)`);
  return missing;
}

/** Which metadata fields may hold a person's name (a tool's name is in Producer and Creator). */
export const PERSON_FIELDS = new Set(['Author', 'LastModifiedBy', 'Last Modified By', 'XMP dc:creator', 'XMP pdf:Author', 'XMP xmp:Author', 'XMP xmpMM:LastModifiedBy', 'XMP cp:lastModifiedBy']);
