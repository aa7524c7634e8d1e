/**
 * Reading a plan from the files partnerships keep it in: a spreadsheet (.xlsx, with exceljs), a
 * .csv (exceljs's reader, every cell kept as written) or a Word document (its tables, through
 * mammoth's HTML); or a Word report's recommendations section. No file system: bytes in.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import domino from '@mixmark-io/domino';
import { docxToHtml } from './docx.ts';
import { plural } from '../text.ts';
import { htmlToMarkdown } from './markdown.ts';
import { planFromTable, planYaml, recommendationsFromMarkdown, withPlaceholderActions, type AgencyRef, type PlanImport, type PlanTable } from './plan.ts';
import { MONTH_NAMES } from '../dates.ts';

function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** A spreadsheet cell as text: a date formatted without a day ("mmm yy") is a month, "March 2026". */
export function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) {
    const format = cell.numFmt ?? '';
    return /d/i.test(format) || !format ? isoDay(value) : `${MONTH_NAMES[value.getUTCMonth()]} ${value.getUTCFullYear()}`;
  }
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  if (value && typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  if (value && typeof value === 'object' && 'text' in value) return String(value.text);
  return value === null || value === undefined ? '' : String(value);
}

function sheetTables(workbook: ExcelJS.Workbook): PlanTable[] {
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    const width = sheet.columnCount;
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      rows.push(Array.from({ length: width }, (_, c) => cellText(row.getCell(c + 1)).trim()));
    }
    return { name: `sheet "${sheet.name}"`, rows };
  });
}

export async function tablesFromXlsx(data: Uint8Array): Promise<PlanTable[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(data) as never);
  return sheetTables(workbook);
}

export async function tablesFromCsv(data: Uint8Array): Promise<PlanTable[]> {
  const workbook = new ExcelJS.Workbook();
  const text = new TextDecoder('utf-8').decode(data).replace(/^\uFEFF/, '');
  await workbook.csv.read(Readable.from([text]), { sheetName: 'csv', map: (v: unknown) => v } as never);
  return sheetTables(workbook).map((t) => ({ ...t, name: 'the file' }));
}

/** The tables of a Word document, a merged cell's text repeated across the columns it spans. */
export async function tablesFromDocx(data: Uint8Array): Promise<{ tables: PlanTable[]; hidden: number }> {
  const { html, hidden } = await docxToHtml(data);
  const document = domino.createDocument(`<!doctype html><body>${html}</body>`);
  const tables = Array.from(document.querySelectorAll('table')).map((table, i) => {
    const rows: string[][] = [];
    const below: Record<number, { text: string; left: number }> = {};
    Array.from(table.querySelectorAll('tr')).forEach((tr) => {
      const row: string[] = [];
      const fill = () => {
        while (below[row.length]) {
          const b = below[row.length]!;
          row.push(b.text);
          if (--b.left === 0) delete below[row.length - 1];
        }
      };
      for (const cell of Array.from(tr.children)) {
        fill();
        const text = Array.from(cell.querySelectorAll('p'))
          .map((p) => (p.textContent ?? '').trim())
          .filter(Boolean)
          .join('\n') || (cell.textContent ?? '').trim();
        const span = Number(cell.getAttribute('colspan') ?? 1);
        const down = Number(cell.getAttribute('rowspan') ?? 1);
        for (let s = 0; s < span; s++) {
          if (down > 1) below[row.length] = { text, left: down - 1 };
          row.push(text);
        }
      }
      fill();
      rows.push(row);
    });
    return { name: `table ${i + 1}`, rows };
  });
  return { tables, hidden };
}

export interface PlanFileOptions {
  slug: string;
  agencies: readonly AgencyRef[];
  defaultOwner: string;
  /** The placeholder timescale of a recommendation's action (the template's: six months on). */
  dueBy: string;
  mode: 'table' | 'recommendations';
}

/** A plan file's text as a draft action-plan.yaml, or the problems that stop it. */
export async function importPlan(file: string, data: Uint8Array, options: PlanFileOptions): Promise<PlanImport & { yaml: string }> {
  const name = file.split(/[\\/]/).pop() ?? file;
  const lower = name.toLowerCase();
  let result: PlanImport;
  /** Pieces of hidden text in a Word document, left out (never read). */
  let hidden = 0;
  if (options.mode === 'recommendations') {
    if (!lower.endsWith('.docx')) return { recommendations: [], errors: [`${name}: recommendations are read from a Word report (.docx).`], warnings: [], found: [], yaml: '' };
    const converted = await docxToHtml(data);
    hidden = converted.hidden;
    result = recommendationsFromMarkdown(htmlToMarkdown(converted.html).markdown, name);
    result.warnings.push('each recommendation has a placeholder action: write the actions the partners agreed.');
  } else {
    const word = lower.endsWith('.docx') ? await tablesFromDocx(data) : undefined;
    hidden = word?.hidden ?? 0;
    const tables = lower.endsWith('.xlsx') ? await tablesFromXlsx(data) : lower.endsWith('.csv') ? await tablesFromCsv(data) : word?.tables;
    if (!tables) return { recommendations: [], errors: [`${name}: a plan is imported from .xlsx, .csv or .docx; save it as one of those.`], warnings: [], found: [], yaml: '' };
    const results = tables.map((t) => planFromTable(t, { agencies: options.agencies, defaultOwner: options.defaultOwner, dueBy: options.dueBy, file: name }));
    // The first table with a header row is the plan; other tables and sheets are named, not read.
    const plan = results.find((r) => r.recommendations.length || r.errors.every((e) => !e.includes('no header row')));
    result = plan ?? results[0] ?? { recommendations: [], errors: [`${name}: no table found.`], warnings: [], found: [] };
  }
  if (hidden) result.found.push(`${name}: ${plural(hidden, 'piece of hidden text', 'pieces of hidden text')} left out: hidden text is never imported.`);
  const recommendations = withPlaceholderActions(result.recommendations, options.defaultOwner, options.dueBy);
  return { ...result, recommendations, yaml: result.errors.length ? '' : planYaml(options.slug, recommendations, name) };
}
