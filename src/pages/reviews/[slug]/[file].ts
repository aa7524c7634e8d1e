/** Serves a review's PDFs, only for reports whose body is public today. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { catalogue } from '../../../data/public.ts';
import { attachmentBytes } from '../../../data/attachments.ts';

export const getStaticPaths: GetStaticPaths = async () =>
  (await catalogue()).reviews.flatMap((review) =>
    review.bodyPublic ? review.pdfs.map((pdf) => ({ params: { slug: review.slug, file: pdf.file } })) : [],
  );

export const GET: APIRoute = ({ params }) =>
  new Response(new Uint8Array(attachmentBytes(params.slug!, params.file!)), { headers: { 'Content-Type': 'application/pdf' } });
