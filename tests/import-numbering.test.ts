/**
 * Word's automatic numbering and hidden text, in the pre-pass before mammoth (src/utils/import/word-xml.ts):
 * numbers are written into the text as the reader saw them, real lists stay Markdown lists, and
 * hidden text is left out and counted.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { formatNumber, prepareDocx } from '../src/utils/import/word-xml.ts';
import { importReport } from '../src/utils/import/report.ts';
import { numberedDocx, SECRETS } from './support/docx-fixtures.ts';

const options = { kind: 'report' as const, slug: 'child-e', today: '2026-11-30', partnership: 'example-borough', theme: 'neglect' };

describe('number formats', () => {
  it.each([
    [1, 'decimal', '1'],
    [12, 'decimal', '12'],
    [3, 'decimalZero', '03'],
    [1, 'lowerLetter', 'a'],
    [26, 'lowerLetter', 'z'],
    [27, 'lowerLetter', 'aa'],
    [28, 'upperLetter', 'BB'],
    [4, 'lowerRoman', 'iv'],
    [1994, 'upperRoman', 'MCMXCIV'],
    [9, 'lowerRoman', 'ix'],
  ])('%i in %s is %s', (n, format, out) => {
    expect(formatNumber(n, format)).toBe(out);
  });
});

describe("Word's automatic numbering", () => {
  it('writes multi-level numbers, restarts and letters as the reader saw them; real lists stay lists', async () => {
    const r = await importReport(await numberedDocx(), options);
    expect(r.errors).toEqual([]);
    const md = r.markdown;
    const lines = md.split('\n').filter(Boolean);
    expect(lines).toContain('## 4. Findings');
    expect(lines).toContain('4.1 Finding paragraph 1.');
    expect(lines).toContain('4.10 Finding paragraph 10.');
    // Numbered by its paragraph style (mammoth sees no list), then directly.
    expect(lines).toContain('4.11 The health visitor saw the family.');
    expect(lines).toContain('4.12 The school nurse saw Child E.');
    expect(lines).toContain('(a) at school;');
    expect(lines).toContain('(b) at home.');
    expect(lines).toContain('i) in the morning');
    expect(lines).toContain('4.13 The GP saw Child E twice.');
    // The lettered list starts again under each numbered paragraph.
    expect(lines).toContain('(a) in January;');
    expect(lines).toContain('## 5. Recommendations');
    expect(lines).toContain('5.1 The partnership should review escalation.');
    // A simple numbered list and bullets stay Markdown lists.
    expect(md).toMatch(/^1\.\s+First simple item\n2\.\s+Second simple item$/m);
    expect(md).toMatch(/^-\s+A bullet$/m);
    // Continued after a paragraph, Word shows 3: Markdown would restart at 1, so it is written as text.
    expect(lines).toContain('3\\. Third simple item, continued');
    // A list Word started again is a Markdown list from 1.
    expect(md).toMatch(/^1\.\s+A new list\n2\.\s+Its second item$/m);
    expect(lines).toContain('Part III Appendix');
    expect(lines).toContain('A. Lettered');
    // Every number written as text is counted (a Markdown list item has two spaces after its number).
    expect(r.numbered).toBe(lines.filter((l) => /^(## )?(\d+(\.\d+)?\.? |\d+\\\. |\([a-z]\) |[ivx]+\) |Part [IVX]+ |[A-Z]\. )(?! )/.test(l)).length);
  });

  it('follows a level that never restarts and a list that starts at a given number', async () => {
    const zip = await JSZip.loadAsync(await numberedDocx());
    const numbering = await zip.file('word/numbering.xml')!.async('string');
    // The lettered level (ilvl 2 of "legal") never restarts; the "legal" list starts its level 1 at 7.
    const lettered = numbering.replace(/(<w:lvl w:ilvl="2"[^>]*>)(?=<w:start w:val="1"\/><w:numFmt w:val="lowerLetter"\/>)/, '$1<w:lvlRestart w:val="0"/>');
    expect(lettered).not.toBe(numbering);
    const overridden = lettered.replace(/(<w:lvlOverride w:ilvl="1"><w:startOverride w:val=")1("\/>)/, '$17$2');
    expect(overridden).not.toBe(lettered);
    zip.file('word/numbering.xml', overridden);
    const r = await importReport(await zip.generateAsync({ type: 'uint8array' }), options);
    const lines = r.markdown.split('\n').filter(Boolean);
    expect(lines).toContain('4.7 Finding paragraph 1.');
    expect(lines).toContain('4.18 The school nurse saw Child E.');
    expect(lines).toContain('(c) in January;');
  });
});

describe('hidden text', () => {
  it('is left out, counted and never printed, whether hidden on the run or by its style', async () => {
    const data = await numberedDocx();
    const prepared = await prepareDocx(data);
    expect(prepared.hidden).toBe(2);
    const r = await importReport(data, options);
    expect(r.errors).toEqual([]);
    expect(r.hidden).toBe(2);
    expect(r.leftOut).toContain('2 pieces of hidden text left out: hidden text is never imported.');
    const out = `${r.mdx}\n${r.leftOut.join('\n')}\n${r.todo.join('\n')}`;
    for (const secret of [SECRETS.hidden, 'Stylesecret']) expect(out).not.toContain(secret);
    expect(r.markdown).toContain('Visible words');
  });
});
