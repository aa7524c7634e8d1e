/**
 * Reads an editor's file as text, or says in plain words why it cannot be read: a folder where
 * the file should be, a link to nothing, a file that may not be opened, text saved as UTF-16 or
 * Latin-1 rather than UTF-8, invisible control characters. Never throws.
 *
 * A UTF-8 byte-order mark at the start is accepted and left out of the text (the site's
 * frontmatter reader accepts it too).
 */
import { isUtf8 } from 'node:buffer';
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from './problems.ts';

/**
 * The text, or why there is none. A file whose bytes are not UTF-8 text may still have a best
 * reading (`bestEffort`), good enough to count what it holds but never to publish or check.
 */
export type TextRead = { ok: true; text: string } | { ok: false; problems: Problem[]; bestEffort?: string | undefined };

/** How to save a file as UTF-8, for the messages below. */
const SAVE_AS_UTF8 = 'Save it as UTF-8 (in most editors: Save As, then Encoding: UTF-8)';

/** Reads `absolute` (shown to editors as `file`) as UTF-8 text. */
export function readTextFile(absolute: string, file: string): TextRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (e) {
    return { ok: false, problems: [unreadable(e, absolute, file)] };
  }
  return decodeText(bytes, file);
}

/** Why a file could not be opened, in words an editor can act on. */
function unreadable(e: unknown, absolute: string, file: string): Problem {
  const code = (e as { code?: unknown } | undefined)?.code;
  const name = path.basename(file);
  const problem = (kind: string, message: string): Problem => ({ severity: 'error', file, kind, message });
  switch (code) {
    case 'EISDIR':
      return problem('not-a-file', `is a folder, but it must be a file. Rename or remove the folder "${name}", and keep the text in a file of that name`);
    case 'ENOENT':
      // Listed, but not there: a link to something that no longer exists (or it was just removed).
      return lstatSync(absolute, { throwIfNoEntry: false })
        ? problem('not-a-file', 'is a link (shortcut) to a file that does not exist. Replace the link with the file itself')
        : problem('missing-file', 'is missing');
    case 'ELOOP':
      return problem('not-a-file', 'is a link (shortcut) that leads round in a circle. Replace the link with the file itself');
    case 'EACCES':
    case 'EPERM':
      return problem('unreadable-file', "cannot be opened: this account is not allowed to read it. Check the file's permissions");
    default:
      return problem('unreadable-file', 'cannot be read from the disk. Check that it is an ordinary file that opens in a text editor');
  }
}

/** Control characters other than tab, line feed and carriage return: never part of content. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const CONTROL_NAMES: Record<number, string> = { 0: 'NUL', 8: 'backspace', 11: 'vertical tab', 12: 'form feed', 27: 'escape', 127: 'delete' };

/** The text of a file's bytes, or the problems that stop it being read as UTF-8 text. */
export function decodeText(bytes: Uint8Array, file: string): TextRead {
  const fail = (line: number, column: number, kind: string, message: string, bestEffort: string): TextRead => ({
    ok: false,
    problems: [{ severity: 'error', file, line, column, kind, message }],
    bestEffort,
  });
  const utf16 = `the file is saved as UTF-16 text, which cannot be read. ${SAVE_AS_UTF8}`;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return fail(1, 1, 'encoding', utf16, Buffer.from(bytes.subarray(2)).toString('utf16le'));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    return fail(1, 1, 'encoding', utf16, swapped.swap16().toString('utf16le'));
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(bom);
  if (!isUtf8(body)) {
    const at = firstInvalidUtf8(body);
    const { line, column } = position(Buffer.from(body.subarray(0, at)).toString('utf8'), Infinity);
    const byte = body[at]!;
    const meant = latinReading(byte);
    return fail(
      line,
      column,
      'encoding',
      `this line holds a byte that is not UTF-8 text (0x${byte.toString(16).toUpperCase().padStart(2, '0')}${meant ? `, which in Latin-1 or Windows-1252 is "${meant}"` : ''}): the file is probably saved in another encoding. ${SAVE_AS_UTF8}`,
      Buffer.from(body).toString('latin1'),
    );
  }
  const text = Buffer.from(body).toString('utf8');
  const controls = [...text.matchAll(CONTROL)];
  if (controls.length > 0) {
    const first = controls[0]!;
    const { line, column } = position(text, first.index);
    const code = first[0].charCodeAt(0);
    const nuls = controls.filter((m) => m[0] === '\0').length;
    if (nuls > text.length / 4) {
      // ASCII text saved as UTF-16 without a byte-order mark: every other byte is 0.
      return fail(line, column, 'encoding', utf16, Buffer.from(body).toString('utf16le'));
    }
    const lines = new Set(controls.map((m) => position(text, m.index).line)).size;
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return fail(
      line,
      column,
      'control-character',
      `this line holds an invisible control character (${CONTROL_NAMES[code] ? `${CONTROL_NAMES[code]}, ` : ''}${hex}) at column ${column}, which is not allowed in content. Delete it; such characters often come from copying text out of another program${lines > 1 ? ` (${lines - 1} more line${lines === 2 ? '' : 's'} of the file hold${lines === 2 ? 's' : ''} them too)` : ''}`,
      text.replace(CONTROL, ''),
    );
  }
  return { ok: true, text };
}

/** 1-based line and column (in UTF-16 code units, as the YAML reader counts) of `offset` in `text`. */
function position(text: string, offset: number): { line: number; column: number } {
  const end = Math.min(offset, text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/** What a byte means in Windows-1252 (Latin-1 with the 0x80-0x9F punctuation), when it is a character people type. */
function latinReading(byte: number): string | undefined {
  if (byte < 0x80) return undefined;
  let c: string;
  try {
    c = new TextDecoder('windows-1252').decode(Uint8Array.of(byte));
  } catch {
    c = String.fromCharCode(byte);
  }
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(c) ? c : undefined;
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 character. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) n = 2;
    else if (c >= 0xf0 && c <= 0xf4) n = 3;
    else return i;
    if (i + n >= b.length) return i;
    const c1 = b[i + 1]!;
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return i;
    for (let k = 1; k <= n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}
