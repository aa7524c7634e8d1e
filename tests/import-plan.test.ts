import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { matchAgencies, matchHeader, mapStatus, planFromTable, planYaml, recommendationsFromMarkdown } from '../src/utils/import/plan.ts';
import { importPlan } from '../src/utils/import/plan-files.ts';
import { actionPlanSchema } from '../src/schemas/action-plan.ts';
import { planDocx, reportDocx, SECRETS } from './support/docx-fixtures.ts';

const agencies = [
  { id: 'lscp', name: 'Example Borough Safeguarding Children Partnership (business unit)' },
  { id: 'childrens-services', name: "Example Borough Council Children's Services" },
  { id: 'police', name: 'Example Constabulary' },
  { id: 'icb', name: 'Example Integrated Care Board' },
];
const options = { slug: 'child-e', agencies, defaultOwner: 'lscp', dueBy: 'May 2027' };

async function planXlsx(rows: (string | Date | null)[][], merge?: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Plan');
  for (const r of rows) sheet.addRow(r);
  if (merge) sheet.mergeCells(merge);
  sheet.getCell('G5').numFmt = 'mmmm yyyy';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const HEADER = ['Recommendation', 'Issue', 'Action', 'Lead agency', 'Outcome sought', 'Evidence', 'Timescale', 'Status', 'RAG'];

describe('plan tables', () => {
  it('matches headers loosely', () => {
    expect(['By whom', 'Lead Agency', 'Outcome sought', 'Timescale', 'RAG', 'Status / progress', 'Action', 'Issue identified'].map(matchHeader)).toEqual([
      'owner', 'owner', 'outcome', 'timescale', 'rag', 'status', 'action', 'issue',
    ]);
    expect(matchHeader('Comments')).toBeUndefined();
  });

  it('maps status words and agencies', () => {
    expect(['Complete', 'On track', 'Not started', '', 'Maybe'].map(mapStatus)).toEqual(['complete', 'in-progress', 'not-started', 'not-started', undefined]);
    expect(matchAgencies('example constabulary', agencies).ids).toEqual(['police']);
    expect(matchAgencies('Childrens Services', agencies).ids).toEqual(['childrens-services']);
    expect(matchAgencies('Police and ICB', agencies).ids).toEqual(['police', 'icb']);
    expect(matchAgencies('Exampel Constabulary', agencies).unknown).toEqual([{ text: 'Exampel Constabulary', suggestion: 'police' }]);
  });

  it('reads an .xlsx plan with a merged title, TBC, a month, and a loosely spelt agency', async () => {
    const data = await planXlsx(
      [
        ['Child E action plan', null, null, null, null, null, null, null, null],
        HEADER,
        ['1. Schools should escalate concerns', 'Concerns were not escalated', 'Write an escalation guide', 'example constabulary', 'Concerns escalated', '', 'March 2026', 'On track', 'Green'],
        [null, 'Same issue', 'Train staff', 'Childrens Services', 'Staff know the guide', 'Training records', 'TBC', 'Complete', 'Green'],
        ['2. Record who lives at home', 'Household unknown', 'Audit records', 'Police', 'Records complete', '', new Date(Date.UTC(2026, 5, 1)), 'Not started', 'Amber'],
      ],
      'A1:I1',
    );
    const r = await importPlan('plan.xlsx', data, { ...options, mode: 'table' });
    expect(r.errors).toEqual([]);
    const plan = parse(r.yaml);
    expect(plan.recommendations.map((x: { id: string; text: string }) => [x.id, x.text])).toEqual([
      ['R1', 'Schools should escalate concerns'],
      ['R2', 'Record who lives at home'],
    ]);
    const [a, b] = plan.recommendations[0].actions;
    expect(a).toMatchObject({ id: 'R1.1', owner: 'police', timescale: 'March 2026', status: 'in-progress' });
    // "TBC" and "Complete" (with no completion date): a valid draft action, nothing guessed, and a toDo saying what the spreadsheet said.
    expect(b).toMatchObject({ id: 'R1.2', owner: 'childrens-services', timescale: options.dueBy, status: 'in-progress', evidence: 'Training records' });
    expect(b.toDo).toBe(
      `plan.xlsx, sheet "Plan", row 4, column G: the timescale said "TBC"; "${options.dueBy}" is a placeholder: write the timescale the partners agreed. ` +
        'plan.xlsx, sheet "Plan", row 4, column H: the status said "Complete"; it is in-progress until you add completedOn (the day it was done), then set status: complete.',
    );
    expect(a.toDo).toBeUndefined();
    expect(plan.recommendations[1].actions[0]).toMatchObject({ timescale: 'June 2026', status: 'not-started' });
    expect(r.warnings).toContain(`plan.xlsx, sheet "Plan", row 4, column G: R1.2: the timescale said "TBC"; "${options.dueBy}" is a placeholder: write the timescale the partners agreed.`);
    expect(r.warnings.join('\n')).toMatch(/RAG column was not copied/);
    // It passes the check as a draft with no edit; endorsing it (draft removed) with the work still to do is an error at each toDo.
    expect(actionPlanSchema.safeParse(plan).success).toBe(true);
    const endorsed = actionPlanSchema.safeParse({ ...plan, draft: false, agreed: '2026-11-30' });
    expect(endorsed.success).toBe(false);
    expect(endorsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['recommendations.0.actions.1.toDo']);
  });

  it('imports Assured and Withdrawn rows and an empty or unreadable timescale as a valid draft, saying what to fill at the row and column', () => {
    const rows = [
      ['Issue', 'Action', 'By whom', 'Outcome sought', 'Timescale', 'Status'],
      ['Issue A', 'Act A', 'Police', 'Out A', '', 'Assured'],
      ['Issue B', 'Act B', 'Police', 'Out B', 'Spring', 'Withdrawn'],
    ];
    const r = planFromTable({ name: 'table 1', rows }, { agencies, defaultOwner: 'lscp', dueBy: 'May 2027', file: 'p.docx' });
    expect(r.errors).toEqual([]);
    const [a, b] = r.recommendations.map((x) => x.actions[0]!);
    expect(a).toMatchObject({ timescale: 'May 2027', status: 'in-progress' });
    expect(a!.toDo).toContain('p.docx, table 1, row 2, column E: the timescale was empty');
    expect(a!.toDo).toContain('row 2, column F: the status said "Assured"; it is in-progress until you add completedOn (the day it was done) and evidence (that it was done) and assuredOn');
    expect(b).toMatchObject({ timescale: 'May 2027', status: 'withdrawn', reason: 'To be written. Why the action was withdrawn.' });
    expect(b!.toDo).toContain('row 3, column E: the timescale said "Spring"');
    const plan = parse(planYaml('child-e', r.recommendations, 'p.docx'));
    expect(actionPlanSchema.safeParse(plan).success).toBe(true);
  });

  it('names an unknown agency and status at their row and column, suggesting the nearest', async () => {
    const csv = `${HEADER.join(',')}\nR1 Do better,Issue,Act,Exampel Constabulary,Out,,March 2026,Sort of,\n`;
    const r = await importPlan('plan.csv', new TextEncoder().encode(csv), { ...options, mode: 'table' });
    expect(r.yaml).toBe('');
    expect(r.errors).toEqual([
      expect.stringMatching(/^plan\.csv, the file, row 2, column D: "Exampel Constabulary" is not an agency in content\/agencies\.yaml; did you mean police\?/),
      expect.stringMatching(/^plan\.csv, the file, row 2, column H: "Sort of" is not a status/),
    ]);
  });

  it('reads a plan kept as a Word table under a merged title, leaving hidden text out and counting it', async () => {
    const data = await planDocx([
      ['Issue', 'Action', 'By whom', 'Outcome sought', 'Timescale', 'Status'],
      ['Concerns were not escalated', 'Write a guide', 'Example Integrated Care Board', 'Concerns escalated', 'Q1 2026', 'Not started'],
    ], SECRETS.hidden);
    const r = await importPlan('plan.docx', data, { ...options, mode: 'table' });
    expect(r.errors).toEqual([]);
    expect(r.found).toContain('plan.docx: 1 piece of hidden text left out: hidden text is never imported.');
    expect(`${r.yaml}\n${r.found.join('\n')}\n${r.warnings.join('\n')}`).not.toContain(SECRETS.hidden);
    const plan = parse(r.yaml);
    expect(plan.recommendations[0]).toMatchObject({ id: 'R1', text: 'Concerns were not escalated', actions: [{ id: 'R1.1', owner: 'icb', timescale: 'Q1 2026', status: 'not-started' }] });
    expect(actionPlanSchema.safeParse(plan).success).toBe(true);
  });

  it('refuses a table without the plan\'s headers', () => {
    const r = planFromTable({ name: 'table 1', rows: [['Agency', 'Contacts'], ['Police', '2']] }, { agencies, defaultOwner: 'lscp', dueBy: 'May 2027', file: 'x.docx' });
    expect(r.errors[0]).toMatch(/no header row found/);
  });
});

describe('recommendations from a report', () => {
  it('takes the numbered items under the recommendations heading, with a placeholder action each, valid as a draft', async () => {
    const r = await importPlan('report.docx', await reportDocx(), { ...options, mode: 'recommendations' });
    expect(r.errors).toEqual([]);
    const plan = parse(r.yaml);
    expect(plan.recommendations.map((x: { id: string; text: string }) => [x.id, x.text])).toEqual([
      ['R1', 'The partnership should review how schools escalate concerns.'],
      ['R2', 'Health visiting should record who lives in the home.'],
    ]);
    expect(actionPlanSchema.safeParse(plan).success).toBe(true);
  });

  it('takes paragraphs numbered by Word ("5.1 ...") when the section has no list', () => {
    const md = '## 5. Recommendations\n\nThe review makes two recommendations.\n\n5.1 Schools should escalate concerns.\n\n5.2 Health visiting should record who lives at home.\n\n(a) including visitors.\n\n## 6. Next\n\n6.1 Not this.\n';
    const r = recommendationsFromMarkdown(md, 'r.docx');
    expect(r.recommendations.map((x) => x.text)).toEqual(['Schools should escalate concerns.', 'Health visiting should record who lives at home. (a) including visitors.']);
  });

  it('says when there is no recommendations heading', () => {
    expect(recommendationsFromMarkdown('## Intro\n\nText\n', 'r.docx').errors[0]).toMatch(/no heading with "Recommendation"/);
  });
});
