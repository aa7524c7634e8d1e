/**
 * Images in a review's documents: a file beside the document, named in lower case without
 * folders (`report-image-1.png`, as `npm run import` saves them), shown with its alt text.
 * An image is served while a document that shows it is public, and never otherwise: an image of
 * a withheld report's text stays out even when the statement beside it is public.
 */
export const REVIEW_IMAGE = /^[a-z0-9][a-z0-9-]*\.(png|jpe?g|gif)$/;

const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif' };

/** The content type of a review's file: a PDF, or one of the review images above. */
export function attachmentType(file: string): string {
  const ext = /\.([a-z]+)$/.exec(file.toLowerCase())?.[1] ?? '';
  return TYPES[ext] ?? 'application/pdf';
}

/** The review images a document's Markdown body shows (`![alt](report-image-1.png)`), in order, each once. */
export function imagesShown(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(/!\[(?:\\.|[^\]\\])*\]\(\s*<?([^\s)>]+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g)) {
    const name = m[1]!;
    if (REVIEW_IMAGE.test(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

/** What decides which of a review's images are public: which of its documents are, and what each shows. */
export interface ImageSources {
  /** Whether the report's text is public today, the statement is public, the briefing is public. */
  public: { report: boolean; statement: boolean; briefing: boolean };
  /** The images each document shows (`imagesShown`). */
  shows: { report?: readonly string[] | undefined; statement?: readonly string[] | undefined; briefing?: readonly string[] | undefined };
  /** The image files in the review's folder. */
  files: readonly string[];
}

/** The review's image files that a public document shows: fail closed, an image no public document shows is never served. */
export function publicImages(sources: ImageSources): string[] {
  const shown = new Set<string>();
  for (const kind of ['report', 'statement', 'briefing'] as const) {
    if (sources.public[kind]) for (const name of sources.shows[kind] ?? []) shown.add(name);
  }
  return sources.files.filter((file) => shown.has(file));
}
