/**
 * The content pipeline for MDX documents (reports, statements, briefings, site pages).
 *
 * Astro's `glob()` loader stores an `.mdx` entry as "deferred": every document becomes a Vite
 * module, and Vite bundles all of them on every build (three per review), even after one change.
 * This loader wraps `glob()` (same files, ids, schema validation through `parseData`, digests and
 * dev-server watching) and, for each new or changed `.mdx` entry, renders its body to HTML once, at
 * content-sync time, with the SAME compiler @astrojs/mdx runs in its Vite plugin
 * (`@astrojs/markdown-satteri`'s MDX renderer, with the options `mdx()` derives from the Astro
 * config: GFM, smart punctuation, heading ids, no syntax highlighting) and Astro's own JSX-to-HTML
 * renderer (`renderJSX`, which the `astro:jsx` renderer uses for `<Content />`). The entry is
 * stored with `rendered.html`, so `render(entry)` gives a component that prints that HTML, and
 * the content layer's data store keeps it between builds: an unchanged document is not rendered
 * again, and no MDX module reaches the Vite bundle.
 *
 * Fail closed: a document using an MDX feature this path does not render as MDX would (ESM
 * `import`/`export`, JSX elements or components, `{expressions}`, Markdown images, which MDX turns
 * into Astro `<Image>` components) stops the build with a message naming the file and line.
 *
 * The old path stays available: `CONTENT_PIPELINE=mdx` builds with plain `glob()` (every document
 * a Vite MDX module). scripts/content-equivalence.ts and tests/content-pipeline.build.test.ts
 * build both ways and compare every output file byte for byte.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { satteri } from '@astrojs/markdown-satteri';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { mdxToMdast } from 'satteri';
import { Fragment, jsx, jsxs } from 'astro/jsx-runtime';
import { renderJSX } from 'astro/runtime/server/jsx.js';
import { plural } from '../utils/text.ts';
import { REVIEW_IMAGE } from '../utils/review-image.ts';
import { BODY_KEY, bodiesDir, bodyFileName, recordedBodyFile } from '../utils/document-body.ts';

type GlobOptions = Parameters<typeof glob>[0];

/** `mdx` (every document a Vite MDX module) or `html` (rendered once at content sync; default). */
export function contentPipeline(): 'mdx' | 'html' {
  const value = process.env.CONTENT_PIPELINE ?? 'html';
  if (value !== 'mdx' && value !== 'html') throw new Error(`CONTENT_PIPELINE must be "mdx" or "html", not "${value}".`);
  return value;
}

/** The loader for a collection of MDX documents: `glob()` on the MDX path, `mdxHtml()` otherwise. */
export function mdxDocuments(options: GlobOptions): Loader {
  return contentPipeline() === 'mdx' ? glob(options) : mdxHtml(options);
}

/**
 * This file's own text, in the cache key: any change to how HTML is produced here renders cached
 * entries again (the content layer keeps entries between builds, keyed by their digest).
 */
function rendererSource(): string {
  try {
    return readFileSync(fileURLToPath(import.meta.url), 'utf8');
  } catch {
    return `unreadable ${import.meta.url}`;
  }
}

/** MDX features whose output this path does not reproduce (mdast node types). */
const UNSUPPORTED: Record<string, string> = {
  mdxjsEsm: 'an import/export statement',
  mdxJsxFlowElement: 'a JSX element or component',
  mdxJsxTextElement: 'a JSX element or component',
  mdxFlowExpression: 'a {…} expression',
  mdxTextExpression: 'a {…} expression',
  image: 'a Markdown image other than a review\'s own (MDX renders it with Astro’s <Image> component); a review\'s document may show an image file beside it, named like report-image-1.png, with alt text: ![what it shows](report-image-1.png)',
};

export class UnsupportedMdxError extends Error {}

interface MdastLike {
  type: string;
  children?: MdastLike[];
  position?: { start?: { line?: number; offset?: number }; end?: { offset?: number } };
  url?: string;
  alt?: string | null;
}


/**
 * A Markdown image this pipeline renders as a plain <img>: in a review's document
 * (`reviews/<slug>/*.mdx`), with alt text, whose file is a review image beside the document.
 * Anything else stays refused.
 */
function reviewImage(node: MdastLike, file: string): { slug: string; name: string; alt: string } | undefined {
  if (node.type !== 'image' || !node.url || !node.alt?.trim() || !REVIEW_IMAGE.test(node.url)) return undefined;
  const m = /[\\/]reviews[\\/]([a-z0-9-]+)[\\/][^\\/]+\.mdx$/.exec(file);
  if (!m || !existsSync(path.join(path.dirname(file), node.url))) return undefined;
  return { slug: m[1]!, name: node.url, alt: node.alt.trim() };
}

function findUnsupported(node: MdastLike, file: string, images: MdastLike[]): MdastLike | undefined {
  if (reviewImage(node, file)) {
    images.push(node);
    return undefined;
  }
  if (node.type in UNSUPPORTED) return node;
  for (const child of node.children ?? []) {
    const found = findUnsupported(child, file, images);
    if (found) return found;
  }
  return undefined;
}

function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[{}]/g, (c) => (c === '{' ? '&#123;' : '&#125;'));
}

/** The body with each allowed review image written as a plain <img> (served by src/pages/reviews/[slug]/[file].ts). */
function withPlainImages(content: string, images: readonly MdastLike[], file: string): string {
  let out = content;
  for (const node of [...images].sort((a, b) => (b.position?.start?.offset ?? 0) - (a.position?.start?.offset ?? 0))) {
    const image = reviewImage(node, file)!;
    const start = node.position?.start?.offset;
    const end = node.position?.end?.offset;
    if (start === undefined || end === undefined) throw new UnsupportedMdxError(`${file}: an image has no position in the source.`);
    out = `${out.slice(0, start)}<img src="/reviews/${image.slug}/${image.name}" alt="${attribute(image.alt)}" />${out.slice(end)}`;
  }
  return out;
}

type Renderer = { process(content: string, filePath: string, frontmatter: Record<string, unknown>): Promise<{ code: string }> };

/** The MDX renderer @astrojs/mdx would create for this config (see its `resolveMdxRenderer`). */
async function createRenderer(config: LoaderContext['config']): Promise<Renderer> {
  const processor = config.markdown.processor ?? satteri();
  if (processor.name !== 'satteri' || !('createMdxRenderer' in processor) || typeof processor.createMdxRenderer !== 'function') {
    throw new Error(`The HTML content pipeline (src/loaders/mdx-html.ts) mirrors the default MDX processor (satteri), not "${processor.name}". Build with CONTENT_PIPELINE=mdx.`);
  }
  // What `mdx()` (no options, extendMarkdownConfig) passes: the markdown config's settings.
  return processor.createMdxRenderer(
    {
      syntaxHighlight: config.markdown.syntaxHighlight,
      shikiConfig: config.markdown.shikiConfig,
      gfm: config.markdown.gfm,
      smartypants: config.markdown.smartypants,
    },
    { optimize: false, srcDir: config.srcDir, sourcemap: false },
  ) as Promise<Renderer>;
}

const RUNTIME_IMPORT = /^import \{([^}]*)\} from "astro\/jsx-runtime";\n/;
const RUNTIME: Record<string, unknown> = { Fragment, jsx, jsxs };

/**
 * Runs the compiled MDX module (`import` from astro/jsx-runtime, `function MDXContent`, the
 * `frontmatter` and `getHeadings` exports) and returns its content function and headings.
 * Anything else in the module (another import, another export) is refused.
 */
function evaluate(code: string, file: string) {
  const match = RUNTIME_IMPORT.exec(code);
  if (!match) throw new UnsupportedMdxError(`${file}: the compiled MDX does not start with the expected astro/jsx-runtime import.`);
  const names: string[] = [];
  const values: unknown[] = [];
  for (const spec of match[1]!.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [imported, local = imported] = spec.split(/\s+as\s+/) as [string, string?];
    if (!(imported in RUNTIME)) throw new UnsupportedMdxError(`${file}: the compiled MDX imports "${imported}" from astro/jsx-runtime.`);
    names.push(local!);
    values.push(RUNTIME[imported]);
  }
  const body = code
    .slice(match[0].length)
    .replace(/^export const frontmatter = /m, 'const frontmatter = ')
    .replace(/^export function getHeadings\(\)/m, 'function getHeadings()');
  if (/^\s*(import|export)\b/m.test(body)) throw new UnsupportedMdxError(`${file}: the compiled MDX has imports or exports this pipeline does not run.`);
  const make = new Function(...names, `${body}\nreturn { MDXContent, getHeadings };`);
  return make(...values) as { MDXContent: (props: Record<string, unknown>) => unknown; getHeadings: () => unknown[] };
}

/** Refuses anything in the JSX tree but plain HTML elements, fragments and text. */
function assertPlain(node: unknown, file: string): void {
  if (node === null || node === undefined || node === false || typeof node === 'string') return;
  if (Array.isArray(node)) {
    for (const child of node) assertPlain(child, file);
    return;
  }
  if (typeof node === 'object') {
    const vnode = node as { type?: unknown; props?: { children?: unknown } };
    const ok = vnode.type === Fragment || (typeof vnode.type === 'string' && !vnode.type.includes('-') && vnode.type !== 'script' && vnode.type !== 'style');
    if (!ok) throw new UnsupportedMdxError(`${file}: the MDX renders a component or element (${String(vnode.type)}) this pipeline does not render.`);
    assertPlain(vnode.props?.children, file);
    return;
  }
  throw new UnsupportedMdxError(`${file}: the MDX renders a ${typeof node} value this pipeline does not render.`);
}

/** Renders one MDX file's body as MDX would, to an HTML string. */
export async function renderMdxFile(renderer: Renderer, file: string) {
  const source = readFileSync(file, 'utf8');
  // As @astrojs/mdx's Vite plugin does (safeParseFrontmatter).
  const { frontmatter, content } = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
  const images: MdastLike[] = [];
  const unsupported = findUnsupported(mdxToMdast(content) as unknown as MdastLike, file, images);
  if (unsupported) {
    // The body starts after the frontmatter: report the line in the file.
    const offset = source.split('\n').length - content.split('\n').length;
    const line = unsupported.position?.start?.line;
    throw new UnsupportedMdxError(
      `${file}${line ? `:${line + offset}` : ''}: uses ${UNSUPPORTED[unsupported.type]}, which the HTML content pipeline (src/loaders/mdx-html.ts) does not render. ` +
        'Remove it, or build with CONTENT_PIPELINE=mdx.',
    );
  }
  const { code } = await renderer.process(images.length ? withPlainImages(content, images, file) : content, file, frontmatter);
  const { MDXContent, getHeadings } = evaluate(code, file);
  // As @astrojs/mdx's `Content` export calls it.
  const tree = MDXContent({ components: { Fragment } });
  assertPlain(tree, file);
  const html = String(await renderJSX({ pathname: file } as never, tree));
  return { html, metadata: { headings: getHeadings() as never[], frontmatter, imagePaths: [] as string[] } };
}

function versionOf(root: URL, pkg: string): string {
  try {
    return (JSON.parse(readFileSync(new URL(`node_modules/${pkg}/package.json`, root), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

type Rendered = Awaited<ReturnType<typeof renderMdxFile>>;
/** What the data store keeps of a rendered body: its metadata and the name of its file. */
interface KeptBody {
  html: '';
  metadata: Rendered['metadata'] & { [BODY_KEY]: string };
}

/**
 * Writes a rendered body to its file (by the entry's digest: the same text and renderer give the
 * same file) and returns what the data store keeps instead: no HTML, the file's name.
 */
function keepBody(dir: string, digest: string | number | undefined, rendered: Rendered): KeptBody {
  if (digest === undefined || digest === '') throw new Error('A document entry has no digest, so its rendered body cannot be kept.');
  const name = bodyFileName(String(digest));
  mkdirSync(dir, { recursive: true });
  // Written whole, then renamed: a build cut short never leaves half a body under the final name.
  const temp = path.join(dir, `${name}.${process.pid}.tmp`);
  writeFileSync(temp, rendered.html);
  renameSync(temp, path.join(dir, name));
  return { ...rendered, html: '', metadata: { ...rendered.metadata, [BODY_KEY]: name } };
}

/** `glob()`, with each MDX entry rendered to HTML at content sync and cached by digest. */
export function mdxHtml(options: GlobOptions): Loader {
  // The Markdown source is not kept beside the HTML: nothing reads `entry.body`, and the data
  // store (bundled into the build) would carry every document twice.
  const inner = glob({ retainBody: false, ...options });
  return {
    name: 'mdx-html-loader',
    async load(context) {
      const { config, store } = context;
      const bodies = bodiesDir(config.cacheDir);
      let renderer: Promise<Renderer> | undefined;
      // The digest of a file's text plus everything that decides its HTML, so a change of
      // renderer, package versions or markdown settings renders cached entries again, and an
      // entry cached by the MDX path (plain digest, deferred) is never taken for a rendered one.
      const salt = JSON.stringify({
        renderer: context.generateDigest(rendererSource()),
        astro: versionOf(config.root, 'astro'),
        mdx: versionOf(config.root, '@astrojs/mdx'),
        satteri: versionOf(config.root, 'satteri'),
        markdownSatteri: versionOf(config.root, '@astrojs/markdown-satteri'),
        markdown: { gfm: config.markdown.gfm, smartypants: config.markdown.smartypants, syntaxHighlight: config.markdown.syntaxHighlight },
      });
      const pending: Promise<void>[] = [];
      let initialLoadDone = false;
      const set: typeof store.set = (entry) => {
        if (!entry.deferredRender || !entry.filePath?.endsWith('.mdx')) return store.set(entry);
        const { deferredRender: _deferred, ...rest } = entry;
        const file = fileURLToPath(new URL(entry.filePath, config.root));
        const work = (async () => {
          renderer ??= createRenderer(config);
          const rendered = await renderMdxFile(await renderer, file);
          store.set({ ...rest, rendered: keepBody(bodies, rest.digest, rendered) });
        })();
        // A file changed under the dev server after the first load: report, keep the old entry.
        if (initialLoadDone) work.catch((e: Error) => context.logger.error(e.message));
        else {
          // Settled below, after glob() has read every file; handled now so that an early
          // failure is not an unhandled rejection.
          work.catch(() => undefined);
          pending.push(work);
        }
        return true;
      };
      const scoped = new Proxy(store, {
        get(target, prop) {
          if (prop === 'set') return set;
          const value = Reflect.get(target, prop, target) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const generateDigest: LoaderContext['generateDigest'] = (data) =>
        context.generateDigest(typeof data === 'string' ? `${data}\0${salt}` : { data, salt });
      await inner.load({ ...context, store: scoped, generateDigest });
      initialLoadDone = true;
      // An entry glob() kept from the last sync (its file unchanged) whose body file is gone (a
      // cache folder emptied by hand) is rendered again: a page never prints a missing body.
      for (const entry of store.values()) {
        const name = recordedBodyFile(entry);
        if (name === undefined || existsSync(path.join(bodies, name)) || !entry.filePath) continue;
        const file = fileURLToPath(new URL(entry.filePath, config.root));
        pending.push(
          (async () => {
            renderer ??= createRenderer(config);
            keepBody(bodies, entry.digest, await renderMdxFile(await renderer, file));
          })(),
        );
      }
      const results = await Promise.allSettled(pending);
      const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as Error);
      if (failures.length > 0) {
        const message = failures.map((e) => e.message).join('\n');
        throw new Error(`${plural(failures.length, 'MDX document')} could not be rendered to HTML:\n${message}`);
      }
    },
  };
}
