/** Serves a review's PDFs and the images its text shows, only for reports whose body is public today. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { catalogue } from '../../../data/public.ts';
import { attachmentBytes, reviewImages } from '../../../data/attachments.ts';
import { attachmentType } from '../../../utils/review-image.ts';

export const getStaticPaths: GetStaticPaths = async () =>
  (await catalogue()).reviews.flatMap((review) =>
    review.bodyPublic ? [...review.pdfs.map((pdf) => pdf.file), ...reviewImages(review.slug)].map((file) => ({ params: { slug: review.slug, file } })) : [],
  );

export const GET: APIRoute = ({ params }) =>
  new Response(new Uint8Array(attachmentBytes(params.slug!, params.file!)), { headers: { 'Content-Type': attachmentType(params.file!) } });
