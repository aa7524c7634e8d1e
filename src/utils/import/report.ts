/**
 * `npm run import -- report.docx --review child-e`: a Word document becomes the text of a draft
 * `report.mdx` (or `statement.mdx`, `briefing.mdx`), with a summary of what was found, what was
 * left out and why, and what the editor must still do. No file system here: the CLI
 * (scripts/import.ts) reads the .docx and writes the files.
 */
import { docxToHtml, inspectDocx, type DocxImage, type DocxInventory } from './docx.ts';
import { htmlToMarkdown, type MarkdownResult } from './markdown.ts';
import { plural } from '../text.ts';

export const IMPORT_KINDS = ['report', 'statement', 'briefing'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ReportImport {
  /** The .mdx text to write (undefined when there are errors). */
  mdx: string | undefined;
  markdown: string;
  images: DocxImage[];
  inventory: DocxInventory;
  counts: MarkdownResult['counts'];
  /** Paragraphs whose automatic number (Word's numbering) was written into the text. */
  numbered: number;
  /** Pieces of hidden text left out. */
  hidden: number;
  errors: string[];
  /** What was left out, by count (never the text). */
  leftOut: string[];
  /** What the editor must still do. */
  todo: string[];
}

/** `type` and `document` when the text says so. */
export function detectKinds(text: string): { type?: string; document?: string } {
  const t = text.toLowerCase();
  const out: { type?: string; document?: string } = {};
  if (/executive summary/.test(t)) out.document = 'executive-summary';
  else if (/overview report/.test(t)) out.document = 'overview-report';
  if (/local child safeguarding practice review|\blcspr\b/.test(t)) out.type = 'lcspr';
  else if (/serious case review/.test(t)) out.type = 'scr';
  else if (/thematic review/.test(t)) out.type = 'thematic';
  else if (/learning review/.test(t)) out.type = 'learning-review';
  else if (/partnership review/.test(t)) out.type = 'partnership-review';
  return out;
}

function quote(s: string): string {
  return JSON.stringify(s);
}

/** The first heading's text (Markdown `## Title`), without Markdown escapes. */
function firstHeading(markdown: string): string | undefined {
  const m = /^#{1,6} (.+)$/m.exec(markdown);
  return m ? m[1]!.replace(/\\(.)/g, '$1').replace(/[*_]/g, '').trim() : undefined;
}

export interface FrontmatterInput {
  kind: ImportKind;
  title: string | undefined;
  markdown: string;
  today: string;
  partnership: string;
  theme: string;
}

/** The frontmatter of the imported draft: what the document says, and comments for the rest. */
export function importedFrontmatter(input: FrontmatterInput): { text: string; todo: string[] } {
  const todo: string[] = [];
  const title = input.title ?? firstHeading(input.markdown);
  if (!title) todo.push('title: the document has no title property and no heading; write the page title.');
  const titleLine = `title: ${quote(title ?? 'To be written')}${title ? '' : ' # the document had no title: write one'}`;
  const lines = ['---', '# Imported from Word by npm run import. Fields: docs/content-contract.md.', titleLine, 'draft: true'];
  const published = `published: ${input.today} # change to the day it goes public`;
  if (input.kind === 'report') {
    const found = detectKinds(`${title ?? ''}\n${input.markdown}`);
    if (found.type) lines.push(`type: ${found.type} # from the document's text; check it`);
    else {
      lines.push('type: lcspr # NOT FOUND in the document: choose lcspr, scr, thematic, learning-review, partnership-review or national-cspr');
      todo.push('type: the document does not say which kind of review it is; choose it.');
    }
    if (found.document) lines.push(`document: ${found.document} # from the document's text; check it`);
    else {
      lines.push('document: overview-report # NOT FOUND in the document: overview-report or executive-summary');
      todo.push('document: the document does not say whether it is the overview report or an executive summary; choose it.');
    }
    lines.push(
      'publication: published',
      published,
      `partnerships: [${input.partnership}]`,
      'reviewers: ["Lead reviewer to be confirmed"] # the lead reviewer, as the report names them',
      'summary: To be written. One or two sentences on what happened and the core learning.',
      `themes: [${input.theme}] # ids from content/themes.yaml`,
      '# sentToPanel: YYYY-MM-DD',
      '# anonymisation:',
      '#   date: YYYY-MM-DD',
      '#   role: Partnership Business Manager',
    );
    todo.push('published, reviewers, summary and themes: fill them in the frontmatter.', 'anonymisation: record the sign-off (date and role) once the text is checked.');
  } else if (input.kind === 'statement') {
    lines.push(published, 'summary: To be written. One sentence saying what the statement is about.');
    todo.push('published and summary: fill them in the frontmatter.');
  } else {
    lines.push(published, `themes: [${input.theme}] # ids from content/themes.yaml`);
    todo.push('published and themes: fill them in the frontmatter; a briefing has exactly seven numbered sections.');
  }
  lines.push('---');
  return { text: `${lines.join('\n')}\n`, todo };
}

export interface ImportReportOptions {
  kind: ImportKind;
  slug: string;
  today: string;
  partnership: string;
  theme: string;
}

/** Converts the .docx; the MDX text is given only when nothing had to be refused. */
export async function importReport(data: Uint8Array, options: ImportReportOptions): Promise<ReportImport> {
  const inventory = await inspectDocx(data);
  const errors: string[] = [];
  const { html, images, messages, hidden, numbered } = await docxToHtml(data, `${options.kind}-`);
  const md = htmlToMarkdown(html);
  errors.push(...md.errors);
  const leftOut: string[] = [];
  const changes = inventory.insertions + inventory.deletions + inventory.moves + inventory.formatChanges;
  if (changes) {
    leftOut.push(
      `${plural(changes, 'tracked change')} (${inventory.insertions} inserted, ${inventory.deletions} deleted, ${inventory.moves} moved, ${inventory.formatChanges} formatting), taken as accepted: no deleted text was imported.`,
    );
  }
  if (hidden) leftOut.push(`${plural(hidden, 'piece of hidden text', 'pieces of hidden text')} left out: hidden text is never imported.`);
  if (inventory.comments) leftOut.push(`${plural(inventory.comments, 'comment')}: not imported.`);
  if (inventory.properties.length) leftOut.push(`${plural(inventory.properties.length, 'document property', 'document properties')} (${inventory.properties.join(', ')}): not imported.`);
  // Mammoth's warnings name styles and elements, never the document's text.
  const distinct = [...new Set(messages)];
  if (distinct.length) leftOut.push(`Word formatting the converter does not map (the text is kept as plain paragraphs or runs): ${distinct.join('; ')}.`);
  const front = importedFrontmatter({ kind: options.kind, title: inventory.title, markdown: md.markdown, today: options.today, partnership: options.partnership, theme: options.theme });
  const todo = [...front.todo];
  if (images.length) todo.push(`images: ${plural(images.length, 'image')} saved beside the document with Word's alt text; check each description says what the image shows.`);
  return {
    mdx: errors.length ? undefined : `${front.text}\n${md.markdown}`,
    markdown: md.markdown,
    images,
    inventory,
    counts: md.counts,
    numbered,
    hidden,
    errors,
    leftOut,
    todo,
  };
}
