/**
 * Action plans from the documents partnerships keep: a plan table (from a spreadsheet or a Word
 * table, as rows of cell text) or a report's recommendations section becomes the data of a draft
 * `action-plan.yaml`. Pure: the readers of .xlsx, .csv and .docx are in plan-files.ts.
 */
import { stringify } from 'yaml';
import { parseTimescale } from '../timescale.ts';
import { nearest } from '../problems.ts';

/** One table: its name for messages ("Sheet "Plan"", "Table 1") and its rows of cell text. */
export interface PlanTable {
  name: string;
  rows: string[][];
}

export interface AgencyRef {
  id: string;
  name: string;
}

export const PLAN_COLUMNS = ['recommendation', 'id', 'issue', 'action', 'owner', 'lead', 'outcome', 'evidence', 'timescale', 'status', 'rag'] as const;
export type PlanColumn = (typeof PLAN_COLUMNS)[number];

/** Loose header matching, tried in this order (so "Lead agency" is the owner, not the lead). */
const HEADERS: [PlanColumn, RegExp][] = [
  ['rag', /^(rag|rag rating|rag status|red amber green)$/],
  ['owner', /by whom|lead agency|agenc|owner|responsible|organisation/],
  ['lead', /^lead( officer| role| person)?$/],
  ['recommendation', /recommendation/],
  ['id', /^(ref|reference|no|number|id|action (no|number|ref|id))$/],
  ['issue', /issue|finding|learning|area for improvement/],
  ['outcome', /outcome|impact sought|intended impact|what will be different/],
  ['evidence', /evidence/],
  ['timescale', /timescale|by when|deadline|due|target date|completion date|date/],
  ['status', /\bstatus\b|^progress$/],
  ['action', /action|what will be done|task/],
];

function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Which plan field a header names, loosely; undefined for one it does not know. */
export function matchHeader(header: string): PlanColumn | undefined {
  const h = norm(header);
  if (!h) return undefined;
  return HEADERS.find(([, re]) => re.test(h))?.[0];
}

/** A column letter for messages: 1 is A, 27 is AA. */
export function columnName(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const STATUS_WORDS: [RegExp, string][] = [
  [/^(not started|not yet started|not begun|to start|new)$/, 'not-started'],
  [/^(on track|in progress|started|underway|under way|ongoing|progressing|behind|delayed|off track|at risk)$/, 'in-progress'],
  [/^(complete|completed|done|achieved|implemented)$/, 'complete'],
  [/^(assured|signed off|evidenced|closed assured)$/, 'assured'],
  [/^(withdrawn|superseded|no longer required)$/, 'withdrawn'],
];

/** A status word as the plan writes it; undefined for one it does not know. Blank is not started. */
export function mapStatus(word: string): string | undefined {
  const w = norm(word);
  if (!w) return 'not-started';
  return STATUS_WORDS.find(([re]) => re.test(w))?.[1];
}

/** The agency or agencies a "By whom" cell names: matched by id or name, loosely (case, punctuation, part of the name). */
export function matchAgencies(cell: string, agencies: readonly AgencyRef[]): { ids: string[]; unknown: { text: string; suggestion: string | undefined }[] } {
  const one = (text: string): string | undefined => {
    const t = norm(text);
    if (!t) return undefined;
    const exact = agencies.find((a) => norm(a.id) === t || norm(a.name) === t);
    if (exact) return exact.id;
    const within = agencies.filter((a) => t.length >= 3 && ` ${norm(a.name)} `.includes(` ${t} `));
    if (within.length === 1) return within[0]!.id;
    const around = agencies.filter((a) => ` ${t} `.includes(` ${norm(a.name)} `));
    return around.length === 1 ? around[0]!.id : undefined;
  };
  const whole = one(cell);
  if (whole) return { ids: [whole], unknown: [] };
  const parts = cell
    .split(/[,;/\n]|\band\b|&/)
    .map((p) => p.trim())
    .filter(Boolean);
  const ids: string[] = [];
  const unknown: { text: string; suggestion: string | undefined }[] = [];
  for (const part of parts) {
    const id = one(part);
    if (id) {
      if (!ids.includes(id)) ids.push(id);
    } else {
      const names = agencies.map((a) => a.name);
      const byName = nearest(part, names);
      const byId = nearest(part, agencies.map((a) => a.id));
      const suggestion = byName ? agencies.find((a) => a.name === byName)!.id : byId;
      unknown.push({ text: part, suggestion });
    }
  }
  return { ids, unknown };
}

export interface ImportedAction {
  id: string;
  issue: string;
  action: string;
  owner: string | string[];
  lead?: string;
  outcome: string;
  evidence?: string;
  timescale: string;
  status: string;
  reason?: string;
  /** What the editor must still do before the plan is endorsed (allowed only in a draft plan). */
  toDo?: string;
}

export interface ImportedRecommendation {
  id: string;
  text: string;
  actions: ImportedAction[];
}

export interface PlanImport {
  recommendations: ImportedRecommendation[];
  /** What stops the import: nothing is written. */
  errors: string[];
  /** What was kept but needs the editor (an unreadable timescale, a status to complete). */
  warnings: string[];
  /** What was found, for the summary. */
  found: string[];
}

/** "Recommendation 2: text", "R2 text", "2. text": the text alone. */
function stripNumber(text: string): string {
  return text.replace(/^\s*(recommendation\s*\d+[a-z]?|r\d+[a-z]?|\d+[a-z]?)\s*[.:)\-–]?\s+/i, '').trim();
}

export interface TableOptions {
  agencies: readonly AgencyRef[];
  /** The agency id for actions without an owner cell (the partnership). */
  defaultOwner: string;
  /** The placeholder timescale of an action whose timescale the plan cannot read ("TBC"): the template's, six months on. */
  dueBy: string;
  /** The file name, for messages. */
  file: string;
}

/** A plan table as recommendations and actions; every problem is named by table, row and column. */
export function planFromTable(table: PlanTable, options: TableOptions): PlanImport {
  const errors: string[] = [];
  const warnings: string[] = [];
  const where = (row: number, col: number) => `${options.file}, ${table.name}, row ${row + 1}, column ${columnName(col + 1)}`;
  // The header row: the first with at least three known headers, among them the action.
  let headerRow = -1;
  let columns: (PlanColumn | undefined)[] = [];
  for (let r = 0; r < table.rows.length && headerRow < 0; r++) {
    const matched = table.rows[r]!.map((c) => matchHeader(c));
    const distinct = new Set(matched.filter(Boolean));
    if (distinct.size >= 3 && distinct.has('action')) {
      headerRow = r;
      // A header merged across columns repeats its text: only its first column counts.
      columns = matched.map((m, i) => (m && matched.indexOf(m) === i ? m : undefined));
    }
  }
  if (headerRow < 0) {
    return {
      recommendations: [],
      errors: [`${options.file}, ${table.name}: no header row found. The plan needs a row of column headers including "Action" and at least two of: Issue, By whom (or Lead agency), Outcome sought, Evidence, Timescale, Status.`],
      warnings,
      found: [],
    };
  }
  const col = (name: PlanColumn) => columns.indexOf(name);
  const found = [`${options.file}, ${table.name}: header row ${headerRow + 1}: ${columns.map((c, i) => (c ? `${columnName(i + 1)} ${c}` : undefined)).filter(Boolean).join(', ')}.`];
  const ignored = table.rows[headerRow]!.map((h, i) => (!columns[i] && h.trim() && !matchHeader(h) ? `"${h.trim()}" (column ${columnName(i + 1)})` : undefined)).filter(Boolean);
  if (ignored.length) warnings.push(`${options.file}, ${table.name}: ${ignored.length === 1 ? 'a column was' : 'columns were'} not imported, as the plan has no field for ${ignored.length === 1 ? 'it' : 'them'}: ${ignored.join(', ')}.`);
  if (col('rag') >= 0) warnings.push(`${options.file}, ${table.name}: the RAG column was not copied: the site works out each action's RAG rating from its timescale and status.`);
  const recommendations: ImportedRecommendation[] = [];
  let current: ImportedRecommendation | undefined;
  for (let r = headerRow + 1; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    const cell = (name: PlanColumn) => (col(name) >= 0 ? (row[col(name)] ?? '').trim() : '');
    if (row.every((c) => !c.trim())) continue;
    const recText = cell('recommendation');
    if (recText && stripNumber(recText) !== current?.text) {
      current = { id: `R${recommendations.length + 1}`, text: stripNumber(recText), actions: [] };
      recommendations.push(current);
    } else if (!current || (col('recommendation') < 0)) {
      current = { id: `R${recommendations.length + 1}`, text: cell('issue') || 'To be written. The recommendation, as worded in the report.', actions: [] };
      recommendations.push(current);
    }
    const action: ImportedAction = {
      id: `${current.id}.${current.actions.length + 1}`,
      issue: cell('issue') || 'To be written. What the review found.',
      action: cell('action') || 'To be written. What will be done.',
      owner: options.defaultOwner,
      outcome: cell('outcome') || 'To be written. What will be different for children and families.',
      timescale: '',
      status: 'not-started',
    };
    if (!cell('action')) warnings.push(`${where(r, col('action'))}: the action is empty; "To be written" was put in its place.`);
    const ownerText = cell('owner');
    if (ownerText) {
      const { ids, unknown } = matchAgencies(ownerText, options.agencies);
      for (const u of unknown) {
        errors.push(
          `${where(r, col('owner'))}: "${u.text}" is not an agency in content/agencies.yaml${u.suggestion ? `; did you mean ${u.suggestion}?` : ''}. Write the agency's id or name as content/agencies.yaml lists it, or add the agency there.`,
        );
      }
      if (ids.length) action.owner = ids.length === 1 ? ids[0]! : ids;
    } else if (col('owner') >= 0) {
      warnings.push(`${where(r, col('owner'))}: no agency given; the action is given to ${options.defaultOwner} until you choose.`);
    }
    const lead = cell('lead');
    if (lead) action.lead = lead;
    const evidence = cell('evidence');
    if (evidence) action.evidence = evidence;
    // What the plan cannot say yet is never guessed: the row becomes a valid draft action, and
    // `toDo` (allowed only in a draft plan) says what the spreadsheet said and what to fill.
    const toDo: string[] = [];
    const todo = (column: number, text: string) => {
      toDo.push(`${where(r, column)}: ${text}`);
      warnings.push(`${where(r, column)}: ${action.id}: ${text}`);
    };
    const timescale = cell('timescale');
    const parsed = timescale ? parseTimescale(timescale) : undefined;
    if (parsed?.ok) action.timescale = timescale;
    else {
      action.timescale = options.dueBy;
      const said = timescale ? `said "${timescale}"` : 'was empty';
      todo(col('timescale') >= 0 ? col('timescale') : 0, `the timescale ${said}; "${options.dueBy}" is a placeholder: write the timescale the partners agreed.`);
    }
    const statusText = cell('status');
    const status = mapStatus(statusText);
    const statusColumn = col('status');
    if (!status) {
      errors.push(`${where(r, statusColumn)}: "${statusText}" is not a status the import knows. Write one of: Not started, On track (or In progress), Complete, Assured, Withdrawn.`);
    } else if (status === 'complete' || status === 'assured') {
      // Complete needs the day it was done and the evidence, which a plan table does not give: kept
      // one step back (in-progress), never forward, until the editor adds them.
      action.status = 'in-progress';
      const needs = ['completedOn (the day it was done)', ...(evidence ? [] : ['evidence (that it was done)']), ...(status === 'assured' ? ['assuredOn (the day the MESI subgroup accepted the evidence)'] : [])];
      todo(statusColumn, `the status said "${statusText}"; it is in-progress until you add ${needs.join(' and ')}, then set status: ${status}.`);
    } else if (status === 'withdrawn') {
      action.status = status;
      action.reason = 'To be written. Why the action was withdrawn.';
      todo(statusColumn, `the status said "${statusText}": write why it was withdrawn in reason.`);
    } else action.status = status;
    if (toDo.length) action.toDo = toDo.join(' ');
    current.actions.push(action);
  }
  found.push(`${recommendations.length} recommendations, ${recommendations.reduce((n, rec) => n + rec.actions.length, 0)} actions.`);
  return { recommendations, errors, warnings, found };
}

/** The numbered items under a report's recommendations heading (Markdown, as the report import writes it). */
export function recommendationsFromMarkdown(markdown: string, file: string): PlanImport {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => /^#{1,6} .*recommendation/i.test(l));
  if (start < 0) return { recommendations: [], errors: [`${file}: no heading with "Recommendation" in it; the import takes the recommendations from the numbered items under that heading.`], warnings: [], found: [] };
  const level = /^#+/.exec(lines[start]!)![0].length;
  const items: string[] = [];
  /** Paragraphs numbered as Word showed them ("5.1 The partnership..."), taken when there is no list. */
  const numbered: string[] = [];
  let inItem = false;
  for (const line of lines.slice(start + 1)) {
    const heading = /^(#+) /.exec(line);
    if (heading && heading[1]!.length <= level) break;
    const item = /^\s*(?:\d+[.)]|[-*])\s+(.*)$/.exec(line) ?? /^\s*((?:recommendation\s*\d+|r\d+)\b.*)$/i.exec(line);
    const paragraph = /^(?:\d+(?:\.\d+)+\.?|\d+\\[.)])\s+(\S.*)$/.exec(line);
    const lettered = /^(\(?[a-z]\)|[a-z]\.)\s+\S/i.test(line);
    if (item) {
      items.push(stripNumber(item[1]!));
      inItem = true;
    } else if (inItem && /^\s{2,}\S/.test(line)) items[items.length - 1] += ` ${line.trim()}`;
    else if (!line.trim()) inItem = false;
    else if (paragraph) numbered.push(paragraph[1]!);
    else if (lettered && numbered.length) numbered[numbered.length - 1] += ` ${line.trim()}`;
  }
  if (!items.length) items.push(...numbered);
  const plain = (s: string) =>
    s
      .replace(/\[\^[^\]]+\]/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|\*)/g, '')
      .replace(/\\(.)/g, '$1')
      .trim();
  const recommendations = items.map(plain).filter(Boolean).map((text, i) => ({ id: `R${i + 1}`, text, actions: [] as ImportedAction[] }));
  if (!recommendations.length) {
    return { recommendations, errors: [`${file}: the heading "${lines[start]!.replace(/^#+ /, '')}" has no numbered or bulleted items under it; the import takes one recommendation from each.`], warnings: [], found: [] };
  }
  return { recommendations, errors: [], warnings: [], found: [`${file}: ${recommendations.length} recommendations under "${lines[start]!.replace(/^#+ /, '')}".`] };
}

/** A placeholder action for each recommendation that has none, as the template writes it. */
export function withPlaceholderActions(recs: ImportedRecommendation[], owner: string, dueBy: string): ImportedRecommendation[] {
  return recs.map((rec) =>
    rec.actions.length
      ? rec
      : {
          ...rec,
          actions: [
            {
              id: `${rec.id}.1`,
              issue: 'To be written. What the review found.',
              action: 'To be written. What will be done.',
              owner,
              lead: 'Partnership Business Manager',
              outcome: 'To be written. What will be different for children and families.',
              timescale: dueBy,
              status: 'not-started',
            },
          ],
        },
  );
}

/** The text of a draft action-plan.yaml. */
export function planYaml(slug: string, recommendations: ImportedRecommendation[], source: string): string {
  const body = stringify({ review: slug, draft: true, recommendations, dissemination: [] }, { lineWidth: 0 });
  return `# yaml-language-server: $schema=../../content/schemas/action-plan.schema.json
# Imported by npm run import from ${source}. Every field is described in docs/action-plans.md.
# Remove "draft: true" when the partnership has endorsed the plan, and add "agreed: YYYY-MM-DD".
${body}`;
}
