/** Serves a review's PDFs while its report's text is public today, and each image while a public document of the review shows it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { catalogue } from '../../../data/public.ts';
import { attachmentBytes, publicFiles } from '../../../data/attachments.ts';
import { attachmentType } from '../../../utils/review-image.ts';

export const getStaticPaths: GetStaticPaths = async () =>
  (await catalogue()).reviews.flatMap((review) => publicFiles(review).map((file) => ({ params: { slug: review.slug, file } })));

export const GET: APIRoute = ({ params }) =>
  new Response(new Uint8Array(attachmentBytes(params.slug!, params.file!)), { headers: { 'Content-Type': attachmentType(params.file!) } });
