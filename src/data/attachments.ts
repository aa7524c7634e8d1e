/**
 * Files attached to reviews: PDFs, and the images their documents show. Only files of public
 * documents reach the output (through the `/reviews/<slug>/<file>` endpoint, which asks
 * `publicFiles()`): a PDF while the report's text is public, an image while a document that shows
 * it is public.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { context, siteModel } from './model.ts';
import { publicImages, REVIEW_IMAGE } from '../utils/review-image.ts';
import type { PublicReview } from '../utils/catalogue.ts';

/** Where a review's file is on disk. */
export function attachmentPath(slug: string, file: string): string {
  return path.join(context.root, 'reviews', slug, file);
}

/** The size of a review's file in bytes. */
export function attachmentSize(slug: string, file: string): number {
  return statSync(attachmentPath(slug, file)).size;
}

/** The bytes of a review's file. */
export function attachmentBytes(slug: string, file: string): Buffer {
  return readFileSync(attachmentPath(slug, file));
}

/** The image files beside a review's documents (`report-image-1.png`), which its text may show. */
export function reviewImages(slug: string): string[] {
  const dir = path.join(context.root, 'reviews', slug);
  return existsSync(dir) ? readdirSync(dir).filter((f) => REVIEW_IMAGE.test(f)).sort() : [];
}

/** The files of a public review served today: its PDFs while the report's text is public, and each image a public document of it shows. */
export function publicFiles(review: PublicReview): string[] {
  const folder = siteModel().project.reviews.find((r) => r.slug === review.slug);
  const images = publicImages({
    public: { report: review.bodyPublic, statement: Boolean(review.statement), briefing: Boolean(review.briefing) },
    shows: { report: folder?.report?.images, statement: folder?.statement?.images, briefing: folder?.briefing?.images },
    files: reviewImages(review.slug),
  });
  return [...(review.bodyPublic ? review.pdfs.map((pdf) => pdf.file) : []), ...images];
}
