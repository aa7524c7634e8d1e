/**
 * Reading editors' files as text (src/utils/text-file.ts): wrong encodings, control characters,
 * folders and links where a file should be are problems that name the file (and the line and
 * column, when the file has any), never exceptions.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8, readTextFile } from '../src/utils/text-file.ts';

const file = 'reviews/child-c/action-plan.yaml';
const utf8 = (s: string) => Buffer.from(s, 'utf8');

function problem(bytes: Uint8Array) {
  const read = decodeText(bytes, file);
  expect(read.ok).toBe(false);
  if (read.ok) throw new Error('unreachable');
  expect(read.problems).toHaveLength(1);
  return read.problems[0]!;
}

describe('decodeText', () => {
  it('gives UTF-8 text unchanged, without a byte-order mark', () => {
    const text = 'review: child-c\ntitle: "Café – 7-minute briefing"\r\n\tnote: tabs and CRLF are fine\n';
    expect(decodeText(utf8(text), file)).toEqual({ ok: true, text });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]), file)).toEqual({ ok: true, text });
    expect(decodeText(new Uint8Array(0), file)).toEqual({ ok: true, text: '' });
  });

  it('says a file saved as UTF-16 must be saved as UTF-8, with or without a byte-order mark', () => {
    const text = 'review: child-c\nagreed: 2025-06-12\n';
    for (const bytes of [
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
      Buffer.from(text, 'utf16le'),
    ]) {
      const p = problem(bytes);
      expect(p).toMatchObject({ file, line: 1, kind: 'encoding' });
      expect(p.message).toMatch(/saved as UTF-16 text.*Save it as UTF-8/);
      // Read as best it can be, for counting what the file holds.
      expect(decodeText(bytes, file)).toMatchObject({ ok: false, bestEffort: text });
    }
  });

  it('points at the first byte that is not UTF-8, and says what it is in Latin-1', () => {
    const p = problem(Buffer.from('review: child-c\ntitle: Caf\u00e9 and more\n', 'latin1'));
    expect(p).toMatchObject({ file, line: 2, column: 11, kind: 'encoding' });
    expect(p.message).toBe(
      'this line holds a byte that is not UTF-8 text (0xE9, which in Latin-1 or Windows-1252 is "é"): the file is probably saved in another encoding. Save it as UTF-8 (in most editors: Save As, then Encoding: UTF-8)',
    );
    expect(decodeText(Buffer.from('title: Caf\u00e9\n', 'latin1'), file)).toMatchObject({ ok: false, bestEffort: 'title: Caf\u00e9\n' });
    // Windows-1252's curly quote, after a correct UTF-8 "é" (two bytes, one column).
    const q = problem(Buffer.concat([utf8('a: é '), Buffer.from([0x92]), utf8('\n')]));
    expect(q).toMatchObject({ line: 1, column: 6 });
    expect(q.message).toContain('"’"');
  });

  it('points at an invisible control character and says how many more lines hold one', () => {
    const p = problem(utf8('review: child-c\ntitle: A\u0000B\nsummary: x\u000c\nnote: \u001b\n'));
    expect(p).toMatchObject({ file, line: 2, column: 9, kind: 'control-character' });
    expect(p.message).toBe(
      'this line holds an invisible control character (NUL, U+0000) at column 9, which is not allowed in content. Delete it; such characters often come from copying text out of another program (2 more lines of the file hold them too)',
    );
  });

  it('finds the first ill-formed UTF-8 byte exactly where a strict decoder stops', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let valid = 0;
        // The longest prefix a strict decoder accepts, ignoring a character cut off at the end.
        for (let n = bytes.length; n >= 0; n--) {
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n));
            valid = n;
            break;
          } catch {
            // shorter
          }
        }
        const at = firstInvalidUtf8(bytes);
        if (valid === bytes.length) return at === bytes.length;
        // Bytes from `valid` on start a character that is ill-formed or cut off.
        return at === valid;
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});

describe('readTextFile', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'text-file-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads a file', () => {
    writeFileSync(path.join(root, 'ok.yaml'), 'a: 1\n');
    expect(readTextFile(path.join(root, 'ok.yaml'), 'ok.yaml')).toEqual({ ok: true, text: 'a: 1\n' });
  });

  it('says a folder is not a file, a link leads nowhere, a file is missing', () => {
    mkdirSync(path.join(root, 'statement.mdx'));
    symlinkSync(path.join(root, 'gone.yaml'), path.join(root, 'link.yaml'));
    const problems = (name: string) => {
      const read = readTextFile(path.join(root, name), `reviews/x/${name}`);
      return read.ok ? [] : read.problems;
    };
    expect(problems('statement.mdx')).toEqual([
      {
        severity: 'error',
        file: 'reviews/x/statement.mdx',
        kind: 'not-a-file',
        message: 'is a folder, but it must be a file. Rename or remove the folder "statement.mdx", and keep the text in a file of that name',
      },
    ]);
    expect(problems('link.yaml')).toMatchObject([{ kind: 'not-a-file', message: expect.stringMatching(/link \(shortcut\) to a file that does not exist/) }]);
    expect(problems('missing.yaml')).toMatchObject([{ kind: 'missing-file', message: 'is missing' }]);
  });
});
