/**
 * Images in a review's documents: a file beside the document, named in lower case without
 * folders (`report-image-1.png`, as `npm run import` saves them), shown with its alt text.
 */
export const REVIEW_IMAGE = /^[a-z0-9][a-z0-9-]*\.(png|jpe?g|gif)$/;

const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif' };

/** The content type of a review's file: a PDF, or one of the review images above. */
export function attachmentType(file: string): string {
  const ext = /\.([a-z]+)$/.exec(file.toLowerCase())?.[1] ?? '';
  return TYPES[ext] ?? 'application/pdf';
}
