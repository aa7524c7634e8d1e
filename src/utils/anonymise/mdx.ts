/**
 * The readable text of an MDX body, at the same offsets: syntax that never reaches a reader as
 * text (import/export statements, comments, JSX tag names and expressions, link addresses) is
 * replaced by spaces, line breaks kept, so a finding's offset is its offset in the file.
 *
 * Kept: prose, headings, list items, table cells, code, quoted attribute values (`title="..."`
 * is shown on the page), and `mailto:`/`tel:` link targets (they publish an address or number).
 */

/** Offsets [start, end) of fenced code blocks, which are shown as written. */
function fencedBlocks(text: string): Array<[number, number]> {
  const blocks: Array<[number, number]> = [];
  const re = /^([ \t]{0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^\1?\2[`~]*[ \t]*$|(?![\s\S]))/gm;
  for (const m of text.matchAll(re)) blocks.push([m.index, m.index + m[0].length]);
  return blocks;
}

type Ranges = Array<[number, number]>;

/**
 * The ranges to blank for a JavaScript expression `{...}` starting at `open` (string literals
 * inside are kept, their quotes blanked), and the offset after it.
 */
function expressionRanges(text: string, open: number): { ranges: Ranges; after: number } {
  const ranges: Ranges = [];
  let depth = 0;
  let from = open;
  let i = open;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'" || ch === '`') {
      const close = text.indexOf(ch, i + 1);
      if (close === -1) break;
      ranges.push([from, i + 1]);
      from = close;
      i = close + 1;
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) {
        ranges.push([from, i + 1]);
        return { ranges, after: i + 1 };
      }
    }
    i++;
  }
  ranges.push([from, text.length]);
  return { ranges, after: text.length };
}

/**
 * The ranges to blank for a JSX/HTML tag starting at `open` (a `<`), keeping quoted attribute
 * values, and the offset after it; undefined when it is not a tag (`< 5 years`).
 */
function tagRanges(text: string, open: number): { ranges: Ranges; after: number } | undefined {
  const rest = text.slice(open, open + 300);
  // Autolinks: <https://...> is blanked whole; <mailto:a@b.org> and <a@b.org> keep the address.
  const auto = /^<([A-Za-z][A-Za-z0-9+.-]*:)?([^\s<>]*)>/.exec(rest);
  if (auto && (auto[1] || auto[2]!.includes('@'))) {
    const scheme = auto[1]?.toLowerCase();
    if (scheme && scheme !== 'mailto:' && scheme !== 'tel:') return { ranges: [[open, open + auto[0].length]], after: open + auto[0].length };
    const schemeLength = auto[1]?.length ?? 0;
    return {
      ranges: [
        [open, open + 1 + schemeLength],
        [open + auto[0].length - 1, open + auto[0].length],
      ],
      after: open + auto[0].length,
    };
  }
  const head = /^<(?:>|\/>|\/?[A-Za-z][\w.:-]*)/.exec(rest);
  if (!head) return undefined;
  if (head[0].endsWith('>')) return { ranges: [[open, open + head[0].length]], after: open + head[0].length };
  const ranges: Ranges = [];
  let from = open;
  let i = open + head[0].length;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '>') {
      ranges.push([from, i + 1]);
      return { ranges, after: i + 1 };
    }
    if (ch === '"' || ch === "'") {
      const close = text.indexOf(ch, i + 1);
      if (close === -1) return undefined;
      ranges.push([from, i + 1]);
      from = close;
      i = close + 1;
      continue;
    }
    if (ch === '{') {
      const expr = expressionRanges(text, i);
      ranges.push([from, i], ...expr.ranges);
      from = expr.after;
      i = expr.after;
      continue;
    }
    if (ch === '\n' && /^\n[ \t]*\n/.test(text.slice(i, i + 100))) return undefined; // a blank line ends any tag
    i++;
  }
  return undefined;
}

const URL = /\b(?:https?|ftp):\/\/[^\s<>()"'\]]+|\bwww\.[A-Za-z0-9-]+\.[^\s<>()"'\]]+/g;
const LINK_DESTINATION = /\]\(\s*<?([^)\s>]+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const REFERENCE_DEFINITION = /^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?(\S+?)>?(?:[ \t]+.*)?$/gm;

/** Whether a blank line starts at the newline at `i` (a newline, spaces or tabs, a newline, within 100 characters). */
function blankLineAt(text: string, i: number): boolean {
  let j = i + 1;
  const limit = Math.min(text.length, i + 100);
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (c === 10) return true;
    if (c !== 32 && c !== 9) return false;
    j++;
  }
  return false;
}

/** Characters the tag-and-expression pass acts on: backtick, newline, backslash, `<`, `{`. */
const ACTIVE = /[`\n\\<{]/g;

/**
 * The readable text of an MDX (or Markdown) body, with syntax blanked and offsets unchanged.
 *
 * Every pass reads the body as written and only collects the ranges to blank; the text is then
 * put together once, in linear time (a 60 MB corpus of reports takes well under a second).
 */
export function mdxProse(body: string): string {
  const ranges: Ranges = [];
  const fences = fencedBlocks(body);
  const inFence = (i: number) => fences.some(([s, e]) => s <= i && i < e);

  // ESM: import/export statements at the start of a line run to the next blank line.
  for (const m of body.matchAll(/^(?:import|export)\s[\s\S]*?(?=\n[ \t]*\n|(?![\s\S]))/gm)) {
    if (!inFence(m.index)) ranges.push([m.index, m.index + m[0].length]);
  }
  // Comments.
  for (const m of body.matchAll(/\{\/\*[\s\S]*?\*\/\}|<!--[\s\S]*?-->/g)) {
    if (!inFence(m.index)) ranges.push([m.index, m.index + m[0].length]);
  }
  // Link destinations and bare addresses (digits in a web address are not a phone number).
  for (const re of [LINK_DESTINATION, REFERENCE_DEFINITION]) {
    for (const m of body.matchAll(re)) {
      const dest = m[1]!;
      if (inFence(m.index) || /^(?:mailto|tel):/i.test(dest)) continue;
      const start = m.index + m[0].indexOf(dest);
      ranges.push([start, start + dest.length]);
    }
  }
  for (const m of body.matchAll(URL)) if (!inFence(m.index)) ranges.push([m.index, m.index + m[0].length]);

  // Tags and expressions, in one left-to-right pass outside code. Between the characters it acts
  // on (ACTIVE) and outside fenced blocks nothing happens, so it goes from one to the next.
  let i = 0;
  let inCode = false;
  let f = 0; // the first fence that does not end before i
  while (i < body.length) {
    while (f < fences.length && fences[f]![1] <= i) f++;
    const fence = fences[f];
    if (fence && fence[0] <= i) {
      i = fence[1];
      continue;
    }
    ACTIVE.lastIndex = i;
    const next = ACTIVE.exec(body);
    const limit = fence ? fence[0] : body.length;
    if (!next || next.index >= limit) {
      i = limit;
      continue;
    }
    i = next.index;
    const ch = body.charCodeAt(i);
    if (ch === 96 /* ` */) {
      inCode = !inCode;
      i++;
      continue;
    }
    if (ch === 10 && blankLineAt(body, i)) inCode = false;
    if (!inCode && ch === 92 /* \ */) {
      i += 2;
      continue;
    }
    if (!inCode && ch === 60 /* < */) {
      const tag = tagRanges(body, i);
      if (tag) {
        ranges.push(...tag.ranges);
        i = tag.after;
        continue;
      }
    }
    if (!inCode && ch === 123 /* { */) {
      const expr = expressionRanges(body, i);
      ranges.push(...expr.ranges);
      i = expr.after;
      continue;
    }
    i++;
  }
  return blankRanges(body, ranges);
}

/** `text` with every character in `ranges` but line breaks replaced by a space. */
function blankRanges(text: string, ranges: Ranges): string {
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0; // text before `at` is written
  for (const [s, e] of ranges) {
    const start = Math.max(s, at);
    const end = Math.min(e, text.length);
    if (end <= start) continue;
    parts.push(text.slice(at, start), text.slice(start, end).replace(/[^\r\n]/g, ' '));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
