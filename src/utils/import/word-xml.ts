/**
 * A pre-pass on the .docx package's XML before mammoth converts it (mammoth stays the converter):
 *
 * - **Hidden text** (`w:vanish` on a run, or on the character or paragraph style it takes) is
 *   removed, and counted, so it never reaches the converter, which would print it as ordinary text.
 * - **Word's automatic numbering** is written into the paragraph as the reader saw it ("4.12 ",
 *   "(b) ", "1. " before a heading): mammoth knows only that a paragraph is in a list, and Markdown
 *   numbers a list 1, 2, 3. The numbers are computed from numbering.xml (each level's start,
 *   format, text such as "%1.%2", restart rule, and the list's start overrides) and the order of the
 *   paragraphs. A bulleted list, and a numbered list that Markdown numbers the same way (one level's
 *   own decimal number, "1." or "1)", counting from 1), stay lists.
 *
 * Only the XML elements this needs are read, with a small tag scanner; Word's other content is
 * left byte for byte as it was.
 */
import JSZip from 'jszip';

export interface PreparedDocx {
  /** The package with hidden runs removed and automatic numbers written as text. */
  data: Uint8Array;
  /** Pieces of hidden text removed (adjacent hidden runs count once). */
  hidden: number;
  /** Paragraphs whose automatic number was written into the text. */
  numbered: number;
}

/** One element found in the XML: where it starts and ends, and where its content starts and ends. */
interface Span {
  start: number;
  /** After the opening tag. */
  openEnd: number;
  /** Before the closing tag (equal to `openEnd` for `<x/>`). */
  closeStart: number;
  end: number;
}

function openTag(name: string): RegExp {
  return new RegExp(`<${name}(?=[\\s>/])[^>]*>`, 'g');
}

/** Every element `name` in `xml` (nested ones included), in document order. */
function spans(xml: string, name: string, from = 0, to = xml.length): Span[] {
  const out: Span[] = [];
  const re = openTag(name);
  re.lastIndex = from;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    const openEnd = m.index + m[0].length;
    if (m[0].endsWith('/>')) {
      out.push({ start: m.index, openEnd, closeStart: openEnd, end: openEnd });
      continue;
    }
    const closeStart = matchingClose(xml, name, openEnd);
    out.push({ start: m.index, openEnd, closeStart, end: closeStart + `</${name}>`.length });
  }
  return out;
}

/** Where the closing tag of the element `name` opened just before `from` starts. */
function matchingClose(xml: string, name: string, from: number): number {
  const re = new RegExp(`<${name}(?=[\\s>/])[^>]*>|</${name}>`, 'g');
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[0].startsWith('</')) depth--;
    else if (!m[0].endsWith('/>')) depth++;
    if (depth === 0) return m.index;
  }
  return xml.length;
}

/** The first child element `name` directly at the start of the content of `parent` (after white space). */
function firstChild(xml: string, parent: Span, name: string): Span | undefined {
  const rest = xml.slice(parent.openEnd, parent.closeStart);
  const lead = /^\s*/.exec(rest)![0].length;
  if (!new RegExp(`^<${name}(?=[\\s>/])`).test(rest.slice(lead))) return undefined;
  return spans(xml, name, parent.openEnd + lead, parent.openEnd + lead + 1)[0];
}

function val(tag: string | undefined): string | undefined {
  return tag ? /\bw:val="([^"]*)"/.exec(tag)?.[1] : undefined;
}

/** The element's own properties, without the record of a tracked formatting change inside them. */
function ownProperties(text: string): string {
  return text.replace(/<w:(rPr|pPr)Change\b[^]*?<\/w:\1Change>/g, '').replace(/<w:(rPr|pPr)Change\b[^>]*\/>/g, '');
}

/** true or false when `props` says whether the text is hidden; undefined when it does not say. */
function vanish(props: string): boolean | undefined {
  const tag = /<w:vanish\b[^>]*>/.exec(props)?.[0];
  if (!tag) return undefined;
  const v = val(tag);
  return v === undefined || !/^(0|false|off)$/i.test(v);
}

interface StyleInfo {
  type: string;
  basedOn: string | undefined;
  name: string;
  /** The style's own `w:vanish`, in its run properties. */
  hidden: boolean | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
}

function readStyles(xml: string): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  for (const s of spans(xml, 'w:style')) {
    const open = xml.slice(s.start, s.openEnd);
    const id = /\bw:styleId="([^"]*)"/.exec(open)?.[1];
    if (!id) continue;
    const body = ownProperties(xml.slice(s.openEnd, s.closeStart));
    const rPr = /<w:rPr>([^]*?)<\/w:rPr>/.exec(body)?.[1] ?? '';
    const numPr = /<w:numPr>([^]*?)<\/w:numPr>/.exec(body)?.[1];
    const ilvl = val(/<w:ilvl\b[^>]*>/.exec(numPr ?? '')?.[0]);
    styles.set(id, {
      type: /\bw:type="([^"]*)"/.exec(open)?.[1] ?? 'paragraph',
      basedOn: val(/<w:basedOn\b[^>]*>/.exec(body)?.[0]),
      name: val(/<w:name\b[^>]*>/.exec(body)?.[0]) ?? id,
      hidden: vanish(rPr),
      numId: val(/<w:numId\b[^>]*>/.exec(numPr ?? '')?.[0]),
      ilvl: ilvl === undefined ? undefined : Number(ilvl),
    });
  }
  return styles;
}

/** The first value `pick` finds on a style or the styles it is based on. */
function inherited<T>(styles: Map<string, StyleInfo>, id: string | undefined, pick: (s: StyleInfo) => T | undefined): T | undefined {
  const seen = new Set<string>();
  for (let s = id ? styles.get(id) : undefined; s && id && !seen.has(id); id = s.basedOn, s = id ? styles.get(id) : undefined) {
    seen.add(id);
    const v = pick(s);
    if (v !== undefined) return v;
  }
  return undefined;
}

const pStyleOf = (pPr: string) => val(/<w:pStyle\b[^>]*>/.exec(pPr)?.[0]);

/** The paragraph's properties (`w:pPr`), without a tracked change's old ones; '' when it has none. */
function paragraphProperties(xml: string, p: Span): { span: Span | undefined; own: string } {
  const span = firstChild(xml, p, 'w:pPr');
  return { span, own: span ? ownProperties(xml.slice(span.openEnd, span.closeStart)) : '' };
}

/** The text with each edit (none overlapping) made: in one pass, not a copy of the whole text per edit. */
function applyEdits(xml: string, edits: readonly { at: number; remove: number; insert: string }[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const e of [...edits].sort((a, b) => a.at - b.at)) {
    parts.push(xml.slice(from, e.at), e.insert);
    from = e.at + e.remove;
  }
  parts.push(xml.slice(from));
  return parts.join('');
}

const TEXT_CONTENT = /<w:(t|drawing|pict|object|sym|tab|br)\b/;

/** Removes hidden runs; returns the new XML and how many pieces of hidden text there were. */
export function removeHiddenRuns(xml: string, styles: Map<string, StyleInfo>): { xml: string; hidden: number } {
  const paragraphs = spans(xml, 'w:p');
  const styleOfParagraph = paragraphs.map((p) => pStyleOf(paragraphProperties(xml, p).own));
  const cuts: [number, number][] = [];
  let pieces = 0;
  let lastCut = -1;
  let skipUntil = -1;
  for (const run of spans(xml, 'w:r')) {
    if (run.start < skipUntil) continue;
    const rPrSpan = firstChild(xml, run, 'w:rPr');
    const rPr = rPrSpan ? ownProperties(xml.slice(rPrSpan.openEnd, rPrSpan.closeStart)) : '';
    let hidden = vanish(rPr);
    if (hidden === undefined) hidden = inherited(styles, val(/<w:rStyle\b[^>]*>/.exec(rPr)?.[0]), (s) => s.hidden);
    if (hidden === undefined) {
      // The innermost paragraph holding the run.
      let inner = -1;
      for (let i = 0; i < paragraphs.length && paragraphs[i]!.start < run.start; i++) if (paragraphs[i]!.end > run.end) inner = i;
      hidden = inner >= 0 ? inherited(styles, styleOfParagraph[inner], (s) => s.hidden) : undefined;
    }
    if (!hidden) continue;
    cuts.push([run.start, run.end]);
    skipUntil = run.end;
    const adjacent = lastCut >= 0 && /^\s*$/.test(xml.slice(lastCut, run.start));
    if (TEXT_CONTENT.test(xml.slice(run.openEnd, run.closeStart)) && !adjacent) pieces++;
    lastCut = run.end;
  }
  return { xml: applyEdits(xml, cuts.map(([at, end]) => ({ at, remove: end - at, insert: '' }))), hidden: pieces };
}

interface Level {
  start: number;
  format: string;
  text: string;
  /** `w:lvlRestart`: undefined for the default (after any higher level), 0 for never. */
  restart: number | undefined;
  legal: boolean;
  suffix: string;
  pStyle: string | undefined;
}

interface Numbering {
  abstracts: Map<string, { levels: Map<number, Level>; styleLink: string | undefined }>;
  nums: Map<string, { abstractId: string; startOverride: Map<number, number>; levels: Map<number, Level> }>;
}

function readLevel(xml: string, s: Span): [number, Level] {
  const open = xml.slice(s.start, s.openEnd);
  const body = xml.slice(s.openEnd, s.closeStart);
  const tag = (name: string) => val(new RegExp(`<w:${name}\\b[^>]*>`).exec(body)?.[0]);
  const restart = tag('lvlRestart');
  const suff = tag('suff');
  const legal = /<w:isLgl\b[^>]*>/.exec(body)?.[0];
  return [
    Number(/\bw:ilvl="(\d+)"/.exec(open)?.[1] ?? 0),
    {
      start: Number(tag('start') ?? 0),
      format: tag('numFmt') ?? 'decimal',
      text: tag('lvlText') ?? '',
      restart: restart === undefined ? undefined : Number(restart),
      legal: legal !== undefined && !/^(0|false|off)$/i.test(val(legal) ?? 'true'),
      suffix: suff === 'nothing' ? '' : ' ',
      pStyle: tag('pStyle'),
    },
  ];
}

function readNumbering(xml: string): Numbering {
  const abstracts: Numbering['abstracts'] = new Map();
  for (const a of spans(xml, 'w:abstractNum')) {
    const id = /\bw:abstractNumId="([^"]*)"/.exec(xml.slice(a.start, a.openEnd))?.[1];
    if (id === undefined) continue;
    const levels = new Map(spans(xml, 'w:lvl', a.openEnd, a.closeStart).map((l) => readLevel(xml, l)));
    abstracts.set(id, { levels, styleLink: val(/<w:numStyleLink\b[^>]*>/.exec(xml.slice(a.openEnd, a.closeStart))?.[0]) });
  }
  const nums: Numbering['nums'] = new Map();
  for (const n of spans(xml, 'w:num')) {
    const id = /\bw:numId="([^"]*)"/.exec(xml.slice(n.start, n.openEnd))?.[1];
    const body = xml.slice(n.openEnd, n.closeStart);
    const abstractId = val(/<w:abstractNumId\b[^>]*>/.exec(body)?.[0]);
    if (id === undefined || abstractId === undefined) continue;
    const startOverride = new Map<number, number>();
    const levels = new Map<number, Level>();
    for (const o of spans(xml, 'w:lvlOverride', n.openEnd, n.closeStart)) {
      const ilvl = Number(/\bw:ilvl="(\d+)"/.exec(xml.slice(o.start, o.openEnd))?.[1] ?? 0);
      const start = val(/<w:startOverride\b[^>]*>/.exec(xml.slice(o.openEnd, o.closeStart))?.[0]);
      if (start !== undefined) startOverride.set(ilvl, Number(start));
      const lvl = spans(xml, 'w:lvl', o.openEnd, o.closeStart)[0];
      if (lvl) levels.set(ilvl, readLevel(xml, lvl)[1]);
    }
    nums.set(id, { abstractId, startOverride, levels });
  }
  return { abstracts, nums };
}

const ROMAN: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];

function roman(n: number): string {
  let out = '';
  let rest = n;
  for (const [v, s] of ROMAN) while (rest >= v) (out += s), (rest -= v);
  return out;
}

/** Word's letters: a..z, then aa..zz, then aaa... */
function letters(n: number): string {
  if (n < 1) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter written in a level's number format. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return n > 0 ? roman(n) : String(n);
    case 'upperRoman':
      return n > 0 ? roman(n).toUpperCase() : String(n);
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

/** A paragraph's numbering: the list (num), its level, and whether mammoth sees it as a list item. */
interface ParagraphNumbering {
  numId: string;
  ilvl: number;
  /** Mammoth reads direct numbering and styles linked from a level (`w:pStyle`), not a style's own numPr. */
  mammothList: boolean;
}

function paragraphNumbering(pPr: string, styles: Map<string, StyleInfo>, numbering: Numbering, styleLevels: Map<string, { numId: string; ilvl: number }>): ParagraphNumbering | undefined {
  const numPr = /<w:numPr>([^]*?)<\/w:numPr>/.exec(pPr)?.[1];
  const style = pStyleOf(pPr);
  if (numPr !== undefined) {
    const numId = val(/<w:numId\b[^>]*>/.exec(numPr)?.[0]);
    const ilvl = val(/<w:ilvl\b[^>]*>/.exec(numPr)?.[0]);
    if (numId !== undefined && ilvl !== undefined) return numId === '0' ? undefined : { numId, ilvl: Number(ilvl), mammothList: true };
    if (numId === '0') return undefined;
    if (numId !== undefined) {
      const linked = style ? styleLevels.get(style) : undefined;
      return { numId, ilvl: linked?.ilvl ?? 0, mammothList: true };
    }
  }
  const linked = style ? styleLevels.get(style) : undefined;
  if (linked) return { ...linked, mammothList: true };
  const numId = inherited(styles, style, (s) => s.numId);
  if (numId === undefined || numId === '0' || !numbering.nums.has(numId)) return undefined;
  const ilvl = inherited(styles, style, (s) => s.ilvl) ?? 0;
  return { numId, ilvl, mammothList: false };
}

/** The abstract numbering a list uses, following a numbering style's link once or twice. */
function abstractOf(numbering: Numbering, styles: Map<string, StyleInfo>, numId: string): string | undefined {
  let abstractId = numbering.nums.get(numId)?.abstractId;
  for (let hop = 0; hop < 3 && abstractId !== undefined; hop++) {
    const link = numbering.abstracts.get(abstractId)?.styleLink;
    if (!link) return abstractId;
    const via = styles.get(link)?.numId;
    abstractId = via ? numbering.nums.get(via)?.abstractId : undefined;
  }
  return abstractId;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Writes Word's automatic paragraph numbers into the text where Markdown would not show them as Word did. */
export function writeNumbers(xml: string, styles: Map<string, StyleInfo>, numbering: Numbering): { xml: string; numbered: number } {
  // Styles a level names (`w:pStyle`): a paragraph in that style is at that level of that list.
  const styleLevels = new Map<string, { numId: string; ilvl: number }>();
  for (const [numId, num] of numbering.nums) {
    const abstract = numbering.abstracts.get(num.abstractId);
    for (const [ilvl, level] of abstract?.levels ?? []) if (level.pStyle && !styleLevels.has(level.pStyle)) styleLevels.set(level.pStyle, { numId, ilvl });
  }
  /** Counters by list: a list with start overrides counts on its own, others share their abstract numbering's. */
  const counters = new Map<string, (number | undefined)[]>();
  /** What Markdown would number the items of the current list run, by level; undefined when no list runs. */
  let markdown: { count: number[]; kind: string[] } | undefined;
  const edits: { at: number; remove: number; insert: string }[] = [];
  let numbered = 0;
  for (const p of spans(xml, 'w:p')) {
    const { span: pPrSpan, own } = paragraphProperties(xml, p);
    const content = xml.slice(pPrSpan?.end ?? p.openEnd, p.closeStart);
    const empty = !/<w:t(?=[\s>])[^>]*>[^<]/.test(content) && !/<w:(drawing|pict|object)\b/.test(content);
    const found = paragraphNumbering(own, styles, numbering, styleLevels);
    const num = found ? numbering.nums.get(found.numId) : undefined;
    const abstractId = found ? abstractOf(numbering, styles, found.numId) : undefined;
    const levelOf = (ilvl: number) => num?.levels.get(ilvl) ?? (abstractId !== undefined ? numbering.abstracts.get(abstractId)?.levels.get(ilvl) : undefined);
    const level = found ? levelOf(found.ilvl) : undefined;
    if (!found || !num || !level || level.format === 'none') {
      // Mammoth drops empty paragraphs; any other ends a list.
      if (!empty) markdown = undefined;
      continue;
    }
    const L = found.ilvl;
    const key = num.startOverride.size ? `num:${found.numId}` : `abstract:${abstractId}`;
    const startOf = (ilvl: number) => num.startOverride.get(ilvl) ?? levelOf(ilvl)?.start ?? 0;
    const state = counters.get(key) ?? [];
    counters.set(key, state);
    state[L] = state[L] === undefined ? startOf(L) : state[L]! + 1;
    for (let k = L + 1; k < 9; k++) {
      const restart = levelOf(k)?.restart;
      if (restart === undefined || (restart !== 0 && L < restart)) state[k] = undefined;
    }
    if (level.format === 'bullet') {
      if (empty) continue;
      markdown = nextMarkdown(markdown, found.mammothList ? L : -1, 'bullet');
      continue;
    }
    const label = level.text.replace(/%(\d)/g, (_m, d: string) => {
      const i = Number(d) - 1;
      const n = state[i] ?? startOf(i);
      return formatNumber(n, level.legal ? 'decimal' : (levelOf(i)?.format ?? 'decimal'));
    });
    if (empty) continue;
    // A plain numbered list item Markdown numbers the same way stays a list item.
    const styleName = inherited(styles, pStyleOf(own), (s) => s.name) ?? '';
    const heading = /^(heading\s*\d|title)$/i.test(styleName);
    const simple = found.mammothList && !heading && level.format === 'decimal' && new RegExp(`^%${L + 1}[.)]$`).test(level.text);
    const next = nextMarkdown(markdown, simple ? L : -1, 'ordered');
    if (simple && next && next.count[L] === state[L]) {
      markdown = next;
      continue;
    }
    markdown = undefined;
    numbered++;
    const off = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';
    const run = `<w:r><w:t xml:space="preserve">${escapeXml(label + level.suffix)}</w:t></w:r>`;
    if (pPrSpan) {
      const inside = xml.slice(pPrSpan.openEnd, pPrSpan.closeStart);
      const change = inside.search(/<w:pPrChange\b/);
      const head = change < 0 ? inside : inside.slice(0, change);
      const withoutNum = head.replace(/<w:numPr>[^]*?<\/w:numPr>|<w:numPr\/>/, '');
      const open = xml.slice(pPrSpan.start, pPrSpan.openEnd);
      const props = pPrSpan.openEnd === pPrSpan.closeStart ? `<w:pPr>${off}</w:pPr>` : `${open}${off}${withoutNum}${change < 0 ? '' : inside.slice(change)}</w:pPr>`;
      edits.push({ at: pPrSpan.start, remove: pPrSpan.end - pPrSpan.start, insert: props + run });
    } else {
      edits.push({ at: p.openEnd, remove: 0, insert: run });
    }
  }
  return { xml: applyEdits(xml, edits), numbered };
}

/**
 * The Markdown list run after one more item at level `L` of kind `kind` (L < 0: the paragraph is
 * not a list item mammoth keeps). Undefined when the item cannot continue the run (a level with no
 * item above it would be a list item without its parent).
 */
function nextMarkdown(run: { count: number[]; kind: string[] } | undefined, L: number, kind: string): { count: number[]; kind: string[] } | undefined {
  if (L < 0) return undefined;
  const count = [...(run?.count ?? [])];
  const kinds = [...(run?.kind ?? [])];
  if (L > 0 && !count[L - 1]) return undefined;
  if (kinds[L] !== kind) count[L] = 0;
  count[L] = (count[L] ?? 0) + 1;
  kinds[L] = kind;
  count.length = L + 1;
  kinds.length = L + 1;
  return { count, kind: kinds };
}

/** The pre-pass: hidden runs removed (counted) and automatic numbers written, in a new package. */
export async function prepareDocx(data: Uint8Array): Promise<PreparedDocx> {
  const zip = await JSZip.loadAsync(data);
  const read = async (name: string) => zip.file(name)?.async('string');
  const styles = readStyles((await read('word/styles.xml')) ?? '');
  const numbering = readNumbering((await read('word/numbering.xml')) ?? '');
  let hidden = 0;
  let numbered = 0;
  for (const part of ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml']) {
    const xml = await read(part);
    if (xml === undefined) continue;
    const visible = removeHiddenRuns(xml, styles);
    hidden += visible.hidden;
    let out = visible.xml;
    if (part === 'word/document.xml') {
      const written = writeNumbers(out, styles, numbering);
      numbered = written.numbered;
      out = written.xml;
    }
    if (out !== xml) zip.file(part, out);
  }
  return { data: await zip.generateAsync({ type: 'uint8array' }), hidden, numbered };
}
