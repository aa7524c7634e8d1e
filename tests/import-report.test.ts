import { describe, expect, it } from 'vitest';
import { importReport, detectKinds } from '../src/utils/import/report.ts';
import { inspectDocx } from '../src/utils/import/docx.ts';
import { htmlToMarkdown } from '../src/utils/import/markdown.ts';
import { reportDocx, SECRETS } from './support/docx-fixtures.ts';

const options = { kind: 'report' as const, slug: 'child-e', today: '2026-11-23', partnership: 'example-borough', theme: 'neglect' };

describe('importing a Word report', () => {
  it('keeps headings one level down, numbering as written, emphasis, links, lists, tables and footnotes', async () => {
    const r = await importReport(await reportDocx(), options);
    expect(r.errors).toEqual([]);
    const md = r.markdown;
    expect(md).toContain('## Child E: executive summary of a local child safeguarding practice review');
    expect(md).toContain('### Introduction');
    expect(md.indexOf('### Introduction')).toBeLessThan(md.indexOf('### Agencies involved'));
    expect(md).toContain('4.12 Practitioners saw Child E **often** and *kindly*[^1].');
    expect(md).toContain('[^1]: Working Together to Safeguard Children 2023.');
    expect(md).toContain('[the guidance](https://example.org/working-together)');
    expect(md).toMatch(/^-\s+Health visiting$/m);
    expect(md).toContain('| Agency | Contacts |\n| --- | --- |\n| Police | 2 |\n| School | 5 |');
    expect(md).toMatch(/^1\.\s+The partnership should review how schools escalate concerns\.$/m);
    expect(md).toContain('![A chart of referrals by month](report-image-1.png)');
    expect(r.counts).toMatchObject({ tables: 1, footnotes: 1, images: 1 });
    expect(r.images.map((i) => i.alt)).toEqual(['A chart of referrals by month']);
  });

  it('takes tracked changes as accepted and never carries deletions, comments or properties', async () => {
    const data = await reportDocx();
    const inv = await inspectDocx(data);
    expect(inv).toMatchObject({ insertions: 1, deletions: 1, comments: 1 });
    expect(inv.properties).toEqual(expect.arrayContaining(['author', 'last modified by']));
    const r = await importReport(data, options);
    expect(r.mdx).toContain('4.13 The school raised a concern in March.');
    const out = `${r.mdx}\n${r.leftOut.join('\n')}\n${r.todo.join('\n')}`;
    for (const secret of Object.values(SECRETS)) expect(out).not.toContain(secret);
    expect(r.leftOut.join(' ')).toMatch(/2 tracked changes/);
    expect(r.leftOut.join(' ')).toMatch(/1 comment/);
  });

  it('refuses an image without alt text, an image the site cannot show and a merged table, naming each; leaves hidden text out', async () => {
    const r = await importReport(await reportDocx({ hiddenText: true, imageWithoutAlt: true, mergedTable: true, bitmapImage: true }), options);
    expect(r.mdx).toBeUndefined();
    expect(r.errors).toHaveLength(3);
    expect(r.errors.find((e) => e.startsWith('Table 1'))).toMatch(/under the heading "Agencies involved".*merged/);
    expect(r.errors.find((e) => e.startsWith('Image 2'))).toMatch(/report-image-2\.png, under the heading "Agencies involved"\) has no alt text/);
    expect(r.errors.find((e) => e.startsWith('Image 3'))).toMatch(/^Image 3 \(report-image-3\.bmp, under the heading "Agencies involved"\) is a BMP image, which the site cannot show: it shows PNG, JPEG and GIF images only/);
    expect(r.hidden).toBe(1);
    expect(r.leftOut).toContain('1 piece of hidden text left out: hidden text is never imported.');
    expect(`${r.markdown}\n${r.errors.join(' ')}\n${r.leftOut.join(' ')}`).not.toContain(SECRETS.hidden);
    expect(r.markdown).toContain('Visible');
  });

  it('imports a document with hidden text, which never reaches the draft', async () => {
    const r = await importReport(await reportDocx({ hiddenText: true }), options);
    expect(r.errors).toEqual([]);
    expect(r.mdx).toContain('Visible');
    expect(r.mdx).not.toContain(SECRETS.hidden);
  });

  it('writes a draft frontmatter with title and kinds from the document', async () => {
    const r = await importReport(await reportDocx({ title: 'Child E overview' }), options);
    expect(r.mdx).toMatch(/^---\n[^]*title: "Child E overview"\ndraft: true\n/);
    expect(r.mdx).toContain('type: lcspr # from the document');
    expect(r.mdx).toContain('document: executive-summary # from the document');
    expect(detectKinds('A serious case review: overview report')).toEqual({ type: 'scr', document: 'overview-report' });
    expect(detectKinds('Nothing here')).toEqual({});
  });

  it('escapes what MDX would read as JSX or expressions', () => {
    const { markdown } = htmlToMarkdown('<p>Ages {3} and <b>x</b> &lt;tag&gt;</p>');
    expect(markdown).toBe('Ages \\{3\\} and **x** \\<tag\\>\n');
  });
});
