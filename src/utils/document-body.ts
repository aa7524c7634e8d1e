/**
 * Where a document's rendered body is, between the content loader that writes it
 * (src/loaders/mdx-html.ts) and the pages that print it (src/components/DocumentBody.astro).
 *
 * Bodies are not kept in Astro's data store: Astro bundles the whole store into the build as one
 * JavaScript string, and at 1,500 reviews (60 MB of HTML) Vite's handling of that one module took
 * more memory than a bare Astro build's whole peak. Each body is a file named by its entry's
 * digest in the build's cache folder; the entry records the name under `BODY_KEY` in
 * `rendered.metadata`, with an empty `rendered.html`.
 */
import { fileURLToPath } from 'node:url';

/** The folder of rendered bodies in a build's cache folder (Astro's `cacheDir`). */
export function bodiesDir(cacheDir: URL): string {
  return fileURLToPath(new URL('lscp-bodies/', cacheDir));
}

/** The key in `rendered.metadata` that names the body's file. */
export const BODY_KEY = 'lscpBodyFile';

/** The file name of the body of the entry with this digest. */
export function bodyFileName(digest: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(digest)) throw new Error(`An entry digest must be letters and digits, not "${digest}".`);
  return `${digest}.html`;
}

/** The name of the body's file an entry records, or undefined for an entry rendered by Astro itself (CONTENT_PIPELINE=mdx). */
export function recordedBodyFile(entry: { rendered?: { metadata?: Record<string, unknown> | undefined } | undefined }): string | undefined {
  const name = entry.rendered?.metadata?.[BODY_KEY];
  return typeof name === 'string' ? name : undefined;
}
