/**
 * PDF files attached to reviews. Only files of reports whose body is public reach the output
 * (through the `/reviews/<slug>/<file>` endpoint, which asks the catalogue).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { context } from './model.ts';
import { REVIEW_IMAGE } from '../utils/review-image.ts';

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
