/**
 * Mammoth's HTML to the plain Markdown the site's content pipeline accepts (no JSX, no
 * expressions), with turndown. Word's Heading 1 becomes `##` (the page's first level under its
 * title); footnotes and endnotes become Markdown footnotes (`[^1]`, `[^e1]`); tables become
 * Markdown tables, and a table Markdown cannot express (merged cells, several paragraphs or a
 * list in a cell, a table in a table) is an error naming it. An image without alt text is an error,
 * and so is one of a type the site cannot show (only PNG, JPEG and GIF: src/utils/review-image.ts).
 */
import TurndownService from 'turndown';
import { REVIEW_IMAGE } from '../review-image.ts';

export interface MarkdownResult {
  markdown: string;
  counts: { headings: number; paragraphs: number; tables: number; footnotes: number; endnotes: number; images: number; lists: number };
  /** What cannot come across, as sentences naming the place. */
  errors: string[];
}

type El = HTMLElement;

function text(node: Node): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** "under the heading "Context"" or "before the first heading", for an element in the body. */
export function placeOf(node: Node): string {
  let top: Node | null = node;
  while (top?.parentNode && top.parentNode.nodeName !== 'BODY' && (top.parentNode as Element).id !== 'turndown-root' && top.parentNode.parentNode) top = top.parentNode;
  for (let n = top?.previousSibling ?? null; n; n = n.previousSibling) {
    if (/^H[1-6]$/.test(n.nodeName)) return `under the heading "${text(n)}"`;
  }
  return 'before the first heading';
}

/** Text safe in MDX: turndown's Markdown escapes, plus the characters MDX reads as JSX or expressions. */
function escapeMdx(escaped: string): string {
  return escaped.replace(/[{}<>]/g, (c) => `\\${c}`);
}

function cellMarkdown(service: TurndownService, cell: El): string {
  return service
    .turndown(cell.innerHTML)
    .replace(/\n+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

export function htmlToMarkdown(html: string): MarkdownResult {
  const errors: string[] = [];
  const counts = { headings: 0, paragraphs: 0, tables: 0, footnotes: 0, endnotes: 0, images: 0, lists: 0 };
  const service = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', emDelimiter: '*', strongDelimiter: '**', codeBlockStyle: 'fenced' });
  const base = service.escape.bind(service);
  // turndown escapes "1. " at the start of a paragraph, not "1) ", which Markdown also reads as a list.
  service.escape = (s: string) => escapeMdx(base(s).replace(/^(\d+)\)(?=\s)/, '$1\\)'));
  // A nested service for table cells and footnote bodies, without the counting rules.
  const inner = new TurndownService({ emDelimiter: '*', strongDelimiter: '**' });
  inner.escape = service.escape;

  service.addRule('heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement(content, node) {
      counts.headings++;
      const level = Math.min(Number(node.nodeName.charAt(1)) + 1, 6);
      // A heading's number ("4. Findings", written by the numbering pre-pass) needs no escape.
      return `\n\n${'#'.repeat(level)} ${content.trim().replace(/^(\d+)\\\./, '$1.')}\n\n`;
    },
  });
  service.addRule('paragraph', {
    filter: 'p',
    replacement(content, node) {
      if (!(node as El).closest('li, td, th')) counts.paragraphs++;
      return `\n\n${content}\n\n`;
    },
  });
  // turndown tries the rules added last first: the note list below wins over this one.
  service.addRule('list-count', {
    filter: (node) => (node.nodeName === 'OL' || node.nodeName === 'UL') && node.parentNode?.nodeName !== 'LI',
    replacement(content) {
      counts.lists++;
      return `\n\n${content}\n\n`;
    },
  });
  const noteRef = /^#(footnote|endnote)-(\d+)$/;
  service.addRule('note-reference', {
    filter: (node) => node.nodeName === 'SUP' && node.children.length === 1 && noteRef.test(node.children[0]?.getAttribute('href') ?? ''),
    replacement(_content, node) {
      const m = noteRef.exec((node as El).children[0]!.getAttribute('href') ?? '')!;
      return `[^${m[1] === 'endnote' ? 'e' : ''}${m[2]}]`;
    },
  });
  service.addRule('notes', {
    filter: (node) => node.nodeName === 'OL' && Array.from(node.children).length > 0 && Array.from(node.children).every((li) => /^(footnote|endnote)-\d+$/.test(li.id)),
    replacement(_content, node) {
      const lines = Array.from((node as El).children).map((li) => {
        const [, kind, n] = /^(footnote|endnote)-(\d+)$/.exec(li.id)!;
        if (kind === 'endnote') counts.endnotes++;
        else counts.footnotes++;
        for (const back of Array.from(li.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]'))) back.remove();
        const body = inner.turndown((li as El).innerHTML).replace(/\n{2,}/g, '\n\n    ').trim();
        return `[^${kind === 'endnote' ? 'e' : ''}${n}]: ${body}`;
      });
      return `\n\n${lines.join('\n\n')}\n\n`;
    },
  });
  let tableIndex = 0;
  service.addRule('table', {
    filter: 'table',
    replacement(_content, node) {
      const table = node as El;
      tableIndex++;
      const name = `Table ${tableIndex} (${placeOf(table)})`;
      const rows = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
      const problems: string[] = [];
      if (table.querySelector('table')) problems.push('it has a table inside a cell');
      const grid = rows.map((tr, ri) =>
        Array.from(tr.children)
          .filter((c) => c.nodeName === 'TD' || c.nodeName === 'TH')
          .map((cell, ci) => {
            const where = `row ${ri + 1}, column ${ci + 1}`;
            if (Number(cell.getAttribute('colspan') ?? 1) > 1 || Number(cell.getAttribute('rowspan') ?? 1) > 1) problems.push(`the cell at ${where} is merged with its neighbour`);
            const blocks = Array.from(cell.children).filter((c) => c.nodeName !== 'BR');
            if (blocks.some((b) => /^(UL|OL|TABLE|H[1-6])$/.test(b.nodeName))) problems.push(`the cell at ${where} holds a list or heading`);
            else if (blocks.filter((b) => b.nodeName === 'P').length > 1) problems.push(`the cell at ${where} has ${blocks.length} paragraphs`);
            return cellMarkdown(inner, cell as El);
          }),
      );
      const width = Math.max(0, ...grid.map((r) => r.length));
      if (grid.some((r) => r.length !== width)) problems.push('its rows have different numbers of cells');
      if (rows.length < 1 || width === 0) problems.push('it is empty');
      if (problems.length) {
        errors.push(`${name} cannot be written as a Markdown table: ${problems.join('; ')}. Markdown tables have one line of text per cell and no merged cells; split or simplify the table in Word, then import again.`);
        return '\n\n';
      }
      counts.tables++;
      const line = (cells: string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
      const [head, ...body] = grid;
      return `\n\n${[line(head!), line(head!.map(() => '---')), ...body.map(line)].join('\n')}\n\n`;
    },
  });
  service.addRule('image', {
    filter: 'img',
    replacement(_content, node) {
      const img = node as El;
      counts.images++;
      const src = img.getAttribute('src') ?? '';
      const alt = img.getAttribute('alt')?.trim();
      if (!REVIEW_IMAGE.test(src)) {
        const type = (/\.([a-z0-9]+)$/.exec(src)?.[1] ?? 'unknown').toUpperCase();
        errors.push(
          `Image ${counts.images} (${src}, ${placeOf(img)}) is a ${type} image, which the site cannot show: it shows PNG, JPEG and GIF images only. ` +
            'In Word, right-click the image, choose "Save as Picture" and save it as PNG, then "Change Picture" to that file (or paste it back as a PNG), and import again.',
        );
        return '';
      }
      if (!alt) {
        errors.push(`Image ${counts.images} (${src}, ${placeOf(img)}) has no alt text. In Word, right-click the image, choose "View Alt Text" and describe what it shows (or tick "Mark as decorative" and delete it), then import again.`);
        return '';
      }
      // Saved beside the document; the content pipeline shows such an image as a plain <img>.
      return `![${alt.replace(/\s+/g, ' ').replace(/[[\]\\{}<>]/g, '\\$&')}](${src})`;
    },
  });

  const markdown = `${service
    .turndown(html)
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
  return { markdown, counts, errors };
}
