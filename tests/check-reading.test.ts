/**
 * The checker reads whatever is in the folders without crashing: folders and links where files
 * should be, files in other encodings, plans that use aliases. Every problem names the file, and
 * every action in the files is counted.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck, type CheckResult } from '../src/check/index.ts';
import { edit, makeProject, PLAN, THEMES } from './support/check-fixtures.ts';

const today = '2026-03-14';
let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});

function check(files: Record<string, string | undefined>, change?: (root: string) => void): CheckResult {
  const p = makeProject(files);
  cleanup.push(p.remove);
  change?.(p.root);
  return runCheck({ root: p.root, today });
}

const planFile = 'reviews/child-c/action-plan.yaml';
const errors = (r: CheckResult) => r.errors.map((e) => [e.file, e.line, e.message]);

describe('folders and links where files should be', () => {
  it.each(['report.mdx', 'statement.mdx', 'briefing.mdx', 'action-plan.yaml'])('a folder named %s', (name) => {
    const r = check({ [`reviews/child-c/${name}`]: undefined }, (root) => mkdirSync(path.join(root, 'reviews/child-c', name)));
    expect(errors(r)).toContainEqual([
      `reviews/child-c/${name}`,
      undefined,
      `is a folder, but it must be a file. Rename or remove the folder "${name}", and keep the text in a file of that name`,
    ]);
    expect(r.exitCode).toBe(1);
  });

  it('a review folder that is a link to nowhere', () => {
    const r = check({}, (root) => symlinkSync(path.join(root, 'nowhere'), path.join(root, 'reviews/child-d')));
    expect(errors(r)).toEqual([
      ['reviews/child-d', undefined, 'is a link (shortcut) to a folder that does not exist. Remove the link, or put the review folder itself here'],
    ]);
  });

  it('settings.yaml missing, or a folder', () => {
    expect(errors(check({ 'content/settings.yaml': undefined }))).toEqual([
      ['content/settings.yaml', undefined, 'this file is missing; the site cannot be built without it'],
    ]);
    const r = check({ 'content/settings.yaml': undefined }, (root) => mkdirSync(path.join(root, 'content/settings.yaml')));
    expect(r.errors.map((e) => e.kind)).toEqual(['not-a-file']);
  });
});

describe('encodings', () => {
  it('a plan saved as UTF-16 or Latin-1 is a located error; its actions are counted, not read', () => {
    const utf16 = check({}, (root) => writeFileSync(path.join(root, planFile), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAN, 'utf16le')])));
    expect(errors(utf16)).toEqual([[planFile, 1, expect.stringMatching(/^the file is saved as UTF-16 text/)]]);
    expect(utf16.counts.actions).toMatchObject({ inFiles: 2, read: 0, inPlansWithErrors: 2, reported: 2 });
    const latin1 = check({}, (root) => writeFileSync(path.join(root, planFile), Buffer.from(edit(PLAN, 'lead: Designated Nurse', 'lead: Infirmi\u00e8re'), 'latin1')));
    expect(errors(latin1)).toEqual([[planFile, 12, expect.stringMatching(/^this line holds a byte that is not UTF-8 text \(0xE8, which in Latin-1 or Windows-1252 is "è"\)/)]]);
    expect(latin1.counts.actions).toMatchObject({ inFiles: 2, read: 0, inPlansWithErrors: 2, reported: 2 });
  });
});

describe('duplicate ids in themes and agencies', () => {
  it('are located at the second one, naming the line of the first', () => {
    const r = check({ 'content/themes.yaml': `${THEMES}- id: neglect\n  label: Neglect again\n` });
    expect(r.errors.map((e) => [e.file, e.line, e.field, e.message])).toEqual([
      ['content/themes.yaml', 5, '[2].id', 'the id "neglect" is listed twice (first on line 1); each id must be different'],
    ]);
  });
});

describe('every action in a plan with aliases is counted', () => {
  const shared = `review: child-c
agreed: 2025-06-12
recommendations:
  - id: R1
    text: Text.
    actions: &shared
      - id: R1.1
        issue: Issue.
        action: Action.
        owner: icb
        outcome: Outcome.
        timescale: ongoing
        reviewBy: 2026-06-01
        status: not-started
  - id: R2
    text: Text.
    actions: *shared
`;
  it('actions shared by an alias are counted where they appear (and their ids clash)', () => {
    const r = check({ [planFile]: shared });
    expect(r.counts.actions).toMatchObject({ inFiles: 2, read: 2, inPlansWithErrors: 0, reported: 2 });
    expect(r.errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/"R1\.1" is already the id/));
  });

  it('a valid plan using an anchor and an alias is read whole', () => {
    const valid = shared
      .replace('owner: icb', 'owner: &owner icb')
      .replace('actions: *shared', 'actions:\n      - id: R2.1\n        issue: Issue.\n        action: Action.\n        owner: *owner\n        outcome: Outcome.\n        timescale: ongoing\n        reviewBy: 2026-06-01\n        status: not-started');
    const r = check({ [planFile]: valid });
    expect(r.errors).toEqual([]);
    expect(r.counts.actions).toMatchObject({ inFiles: 2, read: 2, reported: 2 });
    expect(r.project.actions.map((a) => a.action.owner)).toEqual([['icb'], ['icb']]);
  });
});
