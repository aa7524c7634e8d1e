/**
 * Reading a Word document (.docx) for `npm run import`: what it holds that must never come across
 * (tracked changes, comments, hidden text, document properties) is COUNTED here, never converted;
 * the text is converted by mammoth, which maps Word's styles to semantic HTML, accepts every
 * tracked change (it ignores `w:del` and `w:moveFrom`, keeps `w:ins` and `w:moveTo`) and leaves
 * comments out unless asked for them.
 *
 * Mammoth does not read hidden text (`w:vanish`): it would print it as ordinary text. And it
 * knows only that a paragraph is in a list, not the number Word shows. So the package first goes
 * through a pre-pass (word-xml.ts) that removes hidden runs (counted, never printed) and writes
 * Word's automatic paragraph numbers ("4.12") into the text.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { prepareDocx } from './word-xml.ts';

/** What a .docx holds that the import leaves out, by count; never the text. */
export interface DocxInventory {
  insertions: number;
  deletions: number;
  moves: number;
  /** Formatting changes tracked (`w:rPrChange`, `w:pPrChange`): nothing to carry, but counted. */
  formatChanges: number;
  comments: number;
  /** Document properties present (author, last modified by, company, manager...): names only. */
  properties: string[];
  /** The document's title property, which the import uses for the page title. */
  title: string | undefined;
}

function count(xml: string, pattern: RegExp): number {
  return xml.match(pattern)?.length ?? 0;
}

const PERSONAL_PROPERTIES: Record<string, RegExp> = {
  author: /<dc:creator>[^<]+<\/dc:creator>/,
  'last modified by': /<cp:lastModifiedBy>[^<]+<\/cp:lastModifiedBy>/,
  company: /<Company>[^<]+<\/Company>/,
  manager: /<Manager>[^<]+<\/Manager>/,
  subject: /<dc:subject>[^<]+<\/dc:subject>/,
  keywords: /<cp:keywords>[^<]+<\/cp:keywords>/,
  description: /<dc:description>[^<]+<\/dc:description>/,
  category: /<cp:category>[^<]+<\/cp:category>/,
};

function decodeXmlText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Counts, from the package's XML, what the import must leave out. Throws on a file that is not a .docx. */
export async function inspectDocx(data: Uint8Array): Promise<DocxInventory> {
  const zip = await JSZip.loadAsync(data);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const body = [await read('word/document.xml'), await read('word/footnotes.xml'), await read('word/endnotes.xml')].join('\n');
  const core = await read('docProps/core.xml');
  const app = await read('docProps/app.xml');
  const props = core + app;
  const title = /<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1];
  return {
    insertions: count(body, /<w:ins\b/g),
    deletions: count(body, /<w:del\b/g),
    moves: count(body, /<w:moveFrom\b/g),
    formatChanges: count(body, /<w:(?:rPr|pPr|tblPr|tcPr|trPr|sectPr)Change\b/g),
    comments: count(await read('word/comments.xml'), /<w:comment\b/g),
    properties: Object.entries(PERSONAL_PROPERTIES)
      .filter(([, re]) => re.test(props))
      .map(([name]) => name),
    title: title ? decodeXmlText(title).trim() || undefined : undefined,
  };
}

/** An image found in the document, in order. */
export interface DocxImage {
  /** 1-based, in document order. */
  index: number;
  contentType: string;
  /** Word's alt text (its description, else its title); undefined when there is none. */
  alt: string | undefined;
  data: Uint8Array;
  /** The file name the HTML refers to (`image-1.png`). */
  name: string;
}

export interface DocxHtml {
  html: string;
  images: DocxImage[];
  /** Mammoth's warnings (unrecognised styles and elements it dropped). */
  messages: string[];
  /** Pieces of hidden text left out (never converted). */
  hidden: number;
  /** Paragraphs whose automatic number (Word's numbering) was written into the text. */
  numbered: number;
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
  'image/tiff': 'tiff',
  'image/bmp': 'bmp',
  'image/x-emf': 'emf',
  'image/emf': 'emf',
  'image/x-wmf': 'wmf',
  'image/wmf': 'wmf',
  'image/webp': 'webp',
};

/**
 * Converts a .docx to semantic HTML with mammoth, after the pre-pass (hidden text out, automatic
 * numbers in); images are named `<prefix>image-N.<ext>`, the extension from the image's type.
 */
export async function docxToHtml(data: Uint8Array, prefix = ''): Promise<DocxHtml> {
  const images: DocxImage[] = [];
  const prepared = await prepareDocx(data);
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(prepared.data) },
    {
      // Comments are left out by default; say so, and keep Word's headings, lists and tables.
      ignoreEmptyParagraphs: true,
      convertImage: mammoth.images.imgElement(async (image) => {
        const index = images.length + 1;
        const name = `${prefix}image-${index}.${EXTENSIONS[image.contentType] ?? 'bin'}`;
        const bytes = new Uint8Array(await image.readAsBuffer());
        const alt = (image as { altText?: string }).altText?.trim() || undefined;
        images.push({ index, contentType: image.contentType, alt, data: bytes, name });
        return alt ? { src: name, alt } : { src: name };
      }),
    },
  );
  // An image of a type the site cannot show is an error of its own (markdown.ts), not a warning.
  const messages = result.messages.map((m) => m.message).filter((m) => !m.startsWith('Image of type '));
  return { html: result.value, images, messages, hidden: prepared.hidden, numbered: prepared.numbered };
}
