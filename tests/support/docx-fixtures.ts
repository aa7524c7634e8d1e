/**
 * Word documents built by the tests themselves (with the `docx` library): headings, numbered
 * paragraphs, a table, a footnote, images with and without alt text, a comment, tracked changes,
 * hidden text, core properties with an author's name, and a recommendations section.
 */
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';

/** Text that must never reach the Markdown, the site or the search index. */
export const SECRETS = {
  deleted: 'Deletedsecret Originalname',
  comment: 'Commentsecret about the family',
  author: 'Authorsecret Pemberton',
  modifiedBy: 'Modifiersecret Quarrington',
  hidden: 'Hiddensecret text',
};

export const PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

function cell(text: string): TableCell {
  return new TableCell({ children: [new Paragraph(text)] });
}

export interface FixtureOptions {
  imageWithoutAlt?: boolean;
  hiddenText?: boolean;
  mergedTable?: boolean;
  /** A BMP image (with alt text): a type the site cannot show. */
  bitmapImage?: boolean;
  title?: string;
}

/** A 1×1 BMP. */
export const BMP = new Uint8Array(Buffer.from('Qk06AAAAAAAAADYAAAAoAAAAAQAAAAEAAAABABgAAAAAAAQAAAATCwAAEwsAAAAAAAAAAAAA/wAAAA==', 'base64'));

export async function reportDocx(options: FixtureOptions = {}): Promise<Uint8Array> {
  const image = (alt: boolean) =>
    new Paragraph({
      children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 }, ...(alt ? { altText: { name: 'chart', description: 'A chart of referrals by month', title: 'Referrals' } } : {}) })],
    });
  const doc = new Document({
    creator: SECRETS.author,
    lastModifiedBy: SECRETS.modifiedBy,
    ...(options.title ? { title: options.title } : {}),
    comments: { children: [{ id: 0, author: SECRETS.author, date: new Date('2026-01-01'), children: [new Paragraph(SECRETS.comment)] }] },
    footnotes: { 1: { children: [new Paragraph('Working Together to Safeguard Children 2023.')] } },
    numbering: { config: [{ reference: 'recs', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: 'left' }] }] },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Child E: executive summary of a local child safeguarding practice review', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Introduction', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            children: [new TextRun('4.12 Practitioners saw Child E '), new TextRun({ text: 'often', bold: true }), new TextRun(' and '), new TextRun({ text: 'kindly', italics: true }), new FootnoteReferenceRun(1), new TextRun('.')],
          }),
          new Paragraph({
            children: [
              new TextRun('4.13 The school '),
              new InsertedTextRun({ text: 'raised a concern', id: 1, author: SECRETS.author, date: '2026-01-01T00:00:00Z' }),
              new DeletedTextRun({ text: SECRETS.deleted, id: 2, author: SECRETS.author, date: '2026-01-01T00:00:00Z' }),
              new TextRun(' in March.'),
            ],
          }),
          new Paragraph({ children: [new CommentRangeStart(0), new TextRun('4.14 The family moved twice.'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })] }),
          ...(options.hiddenText ? [new Paragraph({ children: [new TextRun('Visible '), new TextRun({ text: SECRETS.hidden, vanish: true })] })] : []),
          new Paragraph({ children: [new TextRun('See '), new ExternalHyperlink({ link: 'https://example.org/working-together', children: [new TextRun('the guidance')] }), new TextRun('.')] }),
          new Paragraph({ text: 'Agencies involved', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Health visiting', bullet: { level: 0 } }),
          new Paragraph({ text: 'Police', bullet: { level: 0 } }),
          new Table({
            rows: options.mergedTable
              ? [new TableRow({ children: [new TableCell({ columnSpan: 2, children: [new Paragraph('Agencies')] })] }), new TableRow({ children: [cell('Police'), cell('2')] })]
              : [new TableRow({ children: [cell('Agency'), cell('Contacts')] }), new TableRow({ children: [cell('Police'), cell('2')] }), new TableRow({ children: [cell('School'), cell('5')] })],
          }),
          image(true),
          ...(options.imageWithoutAlt ? [image(false)] : []),
          ...(options.bitmapImage
            ? [new Paragraph({ children: [new ImageRun({ type: 'bmp', data: BMP, transformation: { width: 10, height: 10 }, altText: { name: 'map', description: 'A map of the area', title: 'Map' } })] })]
            : []),
          new Paragraph({ text: 'Recommendations', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'The partnership should review how schools escalate concerns.', numbering: { reference: 'recs', level: 0 } }),
          new Paragraph({ text: 'Health visiting should record who lives in the home.', numbering: { reference: 'recs', level: 0 } }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A plan kept as a Word table, its first row a title merged across every column; `hidden` adds hidden text to the first cell of the last row. */
export async function planDocx(rows: string[][], hidden?: string): Promise<Uint8Array> {
  const width = rows[0]!.length;
  const last = rows.length - 1;
  const cellOf = (text: string, r: number, c: number) =>
    hidden && r === last && c === 0 ? new TableCell({ children: [new Paragraph({ children: [new TextRun(text), new TextRun({ text: ` ${hidden}`, vanish: true })] })] }) : cell(text);
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Action plan', heading: HeadingLevel.HEADING_1 }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ columnSpan: width, children: [new Paragraph('Child E: multi-agency action plan')] })] }),
              ...rows.map((r, ri) => new TableRow({ children: r.map((text, ci) => cellOf(text, ri, ci)) })),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * A report numbered by Word's automatic numbering: numbered headings ("4. Findings"), paragraphs
 * numbered "%1.%2" under them (one by its paragraph style), a lettered sub-list that restarts under
 * each paragraph, Roman numerals, a simple numbered list, a list started again, a list continued
 * after a paragraph, and bullets; with hidden text (a run, and a character style) in between.
 */
export async function numberedDocx(): Promise<Uint8Array> {
  const legal = (level: number, text: string) => new Paragraph({ text, numbering: { reference: 'legal', level } });
  const simple = (text: string, restart = false) => new Paragraph({ text, numbering: { reference: 'simple', level: 0, ...(restart ? { restart: true } : {}) } });
  const doc = new Document({
    styles: {
      paragraphStyles: [{ id: 'NumberedPara', name: 'Numbered Para', basedOn: 'Normal', paragraph: { numbering: { reference: 'legal', level: 1 } } }],
      characterStyles: [{ id: 'Secret', name: 'Secret', run: { vanish: true } }],
    },
    numbering: {
      config: [
        {
          reference: 'legal',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: 'left', start: 4 },
            { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: 'left' },
            { level: 2, format: LevelFormat.LOWER_LETTER, text: '(%3)', alignment: 'left' },
            { level: 3, format: LevelFormat.LOWER_ROMAN, text: '%4)', alignment: 'left' },
          ],
        },
        { reference: 'simple', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: 'left' }] },
        { reference: 'roman', levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: 'Part %1', alignment: 'left', start: 3 }, { level: 1, format: LevelFormat.UPPER_LETTER, text: '%2.', alignment: 'left' }] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Findings', heading: HeadingLevel.HEADING_1, numbering: { reference: 'legal', level: 0 } }),
          ...Array.from({ length: 10 }, (_, i) => legal(1, `Finding paragraph ${i + 1}.`)),
          new Paragraph({ text: 'The health visitor saw the family.', style: 'NumberedPara' }),
          new Paragraph({
            children: [new TextRun('The school nurse '), new TextRun({ text: SECRETS.hidden, vanish: true }), new TextRun('saw Child E.')],
            numbering: { reference: 'legal', level: 1 },
          }),
          legal(2, 'at school;'),
          legal(2, 'at home.'),
          legal(3, 'in the morning'),
          legal(1, 'The GP saw Child E twice.'),
          legal(2, 'in January;'),
          new Paragraph({ text: 'Recommendations', heading: HeadingLevel.HEADING_1, numbering: { reference: 'legal', level: 0 } }),
          legal(1, 'The partnership should review escalation.'),
          new Paragraph({ children: [new TextRun('Visible words '), new TextRun({ text: 'Stylesecret words', style: 'Secret' })] }),
          simple('First simple item'),
          simple('Second simple item'),
          new Paragraph({ text: 'A bullet', bullet: { level: 0 } }),
          new Paragraph('A paragraph between the lists.'),
          simple('Third simple item, continued'),
          new Paragraph('Another paragraph.'),
          simple('A new list', true),
          simple('Its second item'),
          new Paragraph({ text: 'Appendix', numbering: { reference: 'roman', level: 0 } }),
          new Paragraph({ text: 'Lettered', numbering: { reference: 'roman', level: 1 } }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
