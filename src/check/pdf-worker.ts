/**
 * Reads PDFs for the checker in a process of its own, because the PDF library (PDF.js, through
 * unpdf) only works asynchronously and the check is synchronous. Run by src/check/pdf-reader.ts:
 * `node src/check/pdf-worker.ts <root> <file>...`; prints a JSON array of PdfFacts, one per file,
 * in order. A file that cannot be read gives facts with `error` set, never a crash.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import type { PdfFacts, PdfMetadataField, PdfPageText } from '../utils/pdf/facts.ts';

type Matrix = [number, number, number, number, number, number];
type Box = [number, number, number, number]; // x0, y0, x1, y1

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Whether a fill colour (PDF.js gives "#rrggbb", or numbers) is black or nearly. */
function dark(colour: unknown): boolean {
  if (typeof colour === 'string' && /^#[0-9a-f]{6}$/i.test(colour)) {
    const v = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    return v.every((c) => c < 64);
  }
  return false;
}

/** Filled dark rectangles drawn on a page, in page space. */
async function darkBoxes(page: Awaited<ReturnType<Awaited<ReturnType<typeof getDocumentProxy>>['getPage']>>, OPS: Record<string, number>): Promise<Box[]> {
  const list = await page.getOperatorList();
  const boxes: Box[] = [];
  const stack: Array<{ ctm: Matrix; fill: unknown }> = [];
  let state: { ctm: Matrix; fill: unknown } = { ctm: IDENTITY, fill: '#000000' };
  let pending: Box | undefined;
  const fills = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const addBox = (minMax: ArrayLike<number>) => {
    const corners = [apply(state.ctm, minMax[0]!, minMax[1]!), apply(state.ctm, minMax[2]!, minMax[3]!)];
    const box: Box = [Math.min(corners[0]![0], corners[1]![0]), Math.min(corners[0]![1], corners[1]![1]), Math.max(corners[0]![0], corners[1]![0]), Math.max(corners[0]![1], corners[1]![1])];
    return box;
  };
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push({ ...state });
    else if (fn === OPS.restore) state = stack.pop() ?? state;
    else if (fn === OPS.transform && args) state = { ...state, ctm: multiply(args as unknown as Matrix, state.ctm) };
    else if (fn === OPS.setFillRGBColor || fn === OPS.setFillGray || fn === OPS.setFillCMYKColor) state = { ...state, fill: args?.[0] };
    else if (fn === OPS.constructPath && args) {
      const minMax = args[args.length - 1] as ArrayLike<number> | null;
      if (!minMax || minMax.length < 4) return;
      // PDF.js 5 carries the painting operator in the path; older versions send it next.
      if (typeof args[0] === 'number' && fills.has(args[0])) {
        if (dark(state.fill)) boxes.push(addBox(minMax));
      } else pending = addBox(minMax);
    } else if (fills.has(fn) && pending) {
      if (dark(state.fill)) boxes.push(pending);
      pending = undefined;
    }
  });
  return boxes.filter(([x0, y0, x1, y1]) => x1 - x0 > 2 && y1 - y0 > 2);
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

/** The page's text, one line per line on the page, and which characters lie under a dark box. */
function pageText(items: readonly TextItem[], boxes: readonly Box[]): PdfPageText {
  let text = '';
  const covered: Array<[number, number]> = [];
  let lastY: number | undefined;
  for (const item of items) {
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    if (lastY !== undefined && Math.abs(y - lastY) > Math.max(2, item.height / 2) && !text.endsWith('\n')) text += '\n';
    else if (text !== '' && !text.endsWith('\n') && !text.endsWith(' ') && item.str !== '' && !item.str.startsWith(' ')) text += ' ';
    const start = text.length;
    text += item.str;
    // Characters spread evenly over the item's width: near enough to tell what a box covers.
    const n = item.str.length;
    for (let i = 0; i < n; i++) {
      const cx = x + (item.width * (i + 0.5)) / n;
      const cy = y + item.height / 3;
      if (boxes.some(([x0, y0, x1, y1]) => x0 <= cx && cx <= x1 && y0 <= cy && cy <= y1)) {
        const last = covered[covered.length - 1];
        if (last && last[1] === start + i) last[1]++;
        else covered.push([start + i, start + i + 1]);
      }
    }
    if (item.hasEOL) text += '\n';
    lastY = y;
  }
  return { text: text.replace(/\n+$/, ''), covered };
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string').join(', ');
  return undefined;
}

const INFO_FIELDS = ['Author', 'Creator', 'Producer', 'Title', 'Subject', 'Keywords'];

async function read(root: string, file: string): Promise<PdfFacts> {
  const facts: PdfFacts = { file, pages: [], metadata: [], marked: false, structureTree: false };
  try {
    const { OPS } = await getResolvedPDFJS();
    const bytes = new Uint8Array(readFileSync(path.join(root, file)));
    const pdf = await getDocumentProxy(bytes, { verbosity: 0, stopAtErrors: true });
    const { info, metadata } = await pdf.getMetadata();
    const record = (info ?? {}) as Record<string, unknown>;
    const fields: PdfMetadataField[] = [];
    for (const key of INFO_FIELDS) {
      const v = str(record[key]);
      if (v?.trim()) fields.push({ field: key, value: v });
    }
    // Custom entries of the information dictionary, where word processors put "last modified by".
    const custom = (record.Custom ?? {}) as Record<string, unknown>;
    for (const [key, raw] of Object.entries(custom)) {
      const v = str(raw);
      if (v?.trim()) fields.push({ field: /last\s*modified\s*by/i.test(key) ? 'LastModifiedBy' : key, value: v });
    }
    if (metadata) {
      for (const [key, raw] of Object.entries((metadata as unknown as { getAll(): Record<string, unknown> }).getAll())) {
        const v = str(raw);
        if (v?.trim()) fields.push({ field: `XMP ${key}`, value: v });
      }
    }
    facts.metadata = fields;
    facts.language = str(record.Language) ?? undefined;
    facts.title = str(record.Title)?.trim() || (metadata ? str(metadata.get('dc:title')) : undefined) || undefined;
    facts.marked = Boolean((await pdf.getMarkInfo())?.Marked);
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      if (n === 1) facts.structureTree = Boolean(await page.getStructTree().catch(() => null));
      const content = await page.getTextContent();
      const items = content.items.filter((i): i is TextItem & typeof i => 'str' in i);
      facts.pages.push(pageText(items, await darkBoxes(page, OPS as unknown as Record<string, number>)));
      page.cleanup();
    }
    await pdf.cleanup();
  } catch (e) {
    return { file, error: e instanceof Error ? e.message : String(e), pages: [], metadata: [], marked: false, structureTree: false };
  }
  return facts;
}

const [root, ...files] = process.argv.slice(2);
const out: PdfFacts[] = [];
for (const file of files) out.push(await read(root ?? '.', file));
process.stdout.write(JSON.stringify(out));
