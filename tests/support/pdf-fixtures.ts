/**
 * PDFs for the tests, written with pdf-lib: plain text, metadata, text under a drawn black box,
 * tagged or not, and a corrupt file. Nothing is shipped: each test makes what it reads.
 */
import { PDFDocument, PDFName, PDFString, rgb, StandardFonts } from 'pdf-lib';

export interface FixtureOptions {
  /** Lines of text, top to bottom, one page each array. */
  pages?: string[][];
  author?: string;
  title?: string;
  language?: string;
  /** Mark the PDF as tagged, with a structure tree. */
  tagged?: boolean;
  /** Draw a black box over this text of the first page's first line. */
  coverText?: string;
}

export async function makePdf(options: FixtureOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of options.pages ?? [['Fictional sample document.']]) {
    const page = doc.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 20, size: 12, font }));
    const first = lines[0] ?? '';
    if (options.coverText && first.includes(options.coverText) && doc.getPageCount() === 1) {
      const before = font.widthOfTextAtSize(first.slice(0, first.indexOf(options.coverText)), 12);
      const width = font.widthOfTextAtSize(options.coverText, 12);
      page.drawRectangle({ x: 50 + before - 1, y: 776, width: width + 2, height: 16, color: rgb(0, 0, 0) });
    }
  }
  if (options.author !== undefined) doc.setAuthor(options.author);
  if (options.title !== undefined) doc.setTitle(options.title);
  if (options.language !== undefined) doc.catalog.set(PDFName.of('Lang'), PDFString.of(options.language));
  if (options.tagged) {
    doc.catalog.set(PDFName.of('MarkInfo'), doc.context.obj({ Marked: true }));
    const root = doc.context.register(doc.context.obj({ Type: 'StructTreeRoot', K: [] }));
    doc.catalog.set(PDFName.of('StructTreeRoot'), root);
  }
  return doc.save();
}

/** Bytes that start like a PDF and then are not one. */
export const CORRUPT_PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> broken beyond repair');
