/**
 * `npm run new -- review "Child D"`: starts a review folder, `reviews/child-d/`, with a report,
 * a statement, a 7-minute briefing (seven sections) and an action plan. Every file is a draft
 * (`draft: true`) that passes `npm run check`, so the editor can fill it in step by step. A folder
 * that so far holds only a case file (below) gets the review's files beside it.
 *
 * `npm run new -- case "Child E"`: starts a case, `reviews/child-e/case.yaml` (PARTNERS ONLY), on
 * the day the local authority becomes aware of a serious incident, long before any report. The
 * folder may hold only this file until the review has a report; in an existing review folder the
 * case file is added beside the other files.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config/site-config.ts';
import { NOTICE_TYPES_TEXT } from '../schemas/documents.ts';
import { addMonths, formatMonth, type IsoDate } from '../utils/dates.ts';

/** The folder name for a review title: "Child D" becomes `child-d`, "Baby Ósk" becomes `baby-osk`. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The seven section headings of a new 7-minute briefing. */
export const BRIEFING_HEADINGS = [
  'Background',
  'Why it matters',
  'What happened',
  'The learning',
  'Things to remember',
  'What to do',
  'Questions for reflection',
] as const;

function quote(text: string): string {
  return JSON.stringify(text);
}

/** The text of each file of a new review folder. */
export function reviewTemplates(title: string, slug: string, config: SiteConfig, today: IsoDate): Record<string, string> {
  const theme = config.themes[0]?.id ?? 'neglect';
  const owner = (config.agencies.find((a) => a.kind === 'partnership') ?? config.agencies[0])?.id ?? 'lscp';
  const dueBy = formatMonth(addMonths(today, 6));
  const report = `---
# The review and its report. Fields: docs/content-contract.md. Remove "draft: true" only when the
# report is final, anonymised and signed off (anonymisation: date and role).
title: ${quote(title)}
draft: true
type: lcspr
document: overview-report
publication: published
published: ${today} # change to the day it goes public
partnerships: [${config.settings.partnership}]
reviewers: ["Lead reviewer to be confirmed"]
summary: To be written. One or two sentences on what happened and the core learning.
themes: [${theme}] # ids from content/themes.yaml
# sentToPanel: YYYY-MM-DD  # the day the final report went to the Panel, Ofsted and the DfE (${NOTICE_TYPES_TEXT}: ${config.settings.monitoring.panelNoticeWorkingDays} working days before published at least)
# anonymisation:
#   date: YYYY-MM-DD
#   role: Partnership Business Manager
---

## 1. Introduction

## 2. Scope and method

## 3. The child at the centre

## 4. What happened

## 5. Analysis

## 6. Findings

## 7. Recommendations
`;
  const statement = `---
# The partnership's response to the review. Fields: docs/content-contract.md.
title: ${quote(`Partnership statement: ${title}`)}
draft: true
published: ${today} # change to the day it goes public (usually the report's date)
summary: To be written. One sentence saying what the statement is about.
---

To be written: the partners' response to the findings, what has already changed, and their
commitment to the action plan.
`;
  const briefing = `---
# The 7-minute briefing: exactly seven numbered sections. Fields: docs/content-contract.md.
title: ${quote(`7-minute briefing: ${title}`)}
draft: true
published: ${today} # change to the day it goes public
themes: [${theme}]
---

${BRIEFING_HEADINGS.map((h, i) => `## ${i + 1}. ${h}\n\nTo be written.\n`).join('\n')}`;
  const plan = `# yaml-language-server: $schema=../../content/schemas/action-plan.schema.json
# The multi-agency action plan for ${title}. Every field is described in docs/action-plans.md.
review: ${slug}
draft: true # remove when the partnership has endorsed the plan, and add "agreed:" below
# agreed: YYYY-MM-DD # the day the partnership endorsed the plan
# publicProgressApproved: YYYY-MM-DD # the day the partners approved publishing progress; without it, partners only
recommendations:
  - id: R1
    text: To be written. The first recommendation, as worded in the report.
    # response: accepted # accepted | partly-accepted | not-accepted (then add responseReason)
    # responseReason: To be written. The partnership's reason, fit for the public site.
    actions:
      - id: R1.1
        issue: To be written. What the review found.
        action: To be written. What will be done.
        owner: ${owner} # an agency id from content/agencies.yaml, or several: [${owner}, another-id]
        lead: Partnership Business Manager # a role, never a person's name
        outcome: To be written. What will be different for children and families.
        timescale: ${dueBy} # as first agreed: 2026-03-31, 31/03/2026, March 2026, Q1 2026, 2025/26 Q4 or ongoing
        # revisions: # a new timescale agreed later: never change timescale above, add one of these
        #   - date: YYYY-MM-DD # the day the new timescale was agreed
        #     timescale: Q3 2026
        #     reason: To be written. Why it changed, fit for the public site.
        #     agreedBy: MESI subgroup
        status: not-started # not-started | in-progress | complete | assured | withdrawn
        # impact: # once complete or assured: evidence that it made a difference
        #   - measure: To be written. What was measured.
        #     finding: To be written. What it showed.
        #     date: YYYY-MM-DD
        #     source: Multi-agency case audit
dissemination: []
# dissemination:
#   - activity: 7-minute briefing to all health visiting teams
#     audience: [${owner}]
#     due: YYYY-MM-DD
`;
  return { 'report.mdx': report, 'statement.mdx': statement, 'briefing.mdx': briefing, 'action-plan.yaml': plan };
}

export class NewReviewError extends Error {}

/** Creates `reviews/<slug>/` under `root`; refuses to touch a folder that exists. Returns the files' paths. */
export function createReview(root: string, title: string, config: SiteConfig, today: IsoDate): { slug: string; dir: string; files: string[] } {
  const clean = title.trim();
  const slug = slugify(clean);
  if (!clean || !slug) throw new NewReviewError('Give the review\'s title, for example: npm run new -- review "Child D"');
  const dir = path.join(root, 'reviews', slug);
  // A folder that holds only a case file is a case waiting for its review: fill it.
  const caseOnly = existsSync(dir) && readdirSync(dir).every((f) => f === 'case.yaml' || f.startsWith('.'));
  if (existsSync(dir) && !caseOnly) throw new NewReviewError(`reviews/${slug}/ already exists; nothing was changed. Choose another title or edit the files there.`);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const [name, text] of Object.entries(reviewTemplates(clean, slug, config, today))) {
    const file = path.join(dir, name);
    writeFileSync(file, text, { flag: 'wx' });
    files.push(file);
  }
  return { slug, dir, files };
}

/** The text of a new case file: the title, the day the local authority became aware (today), and every other stage as a comment. */
export function caseTemplate(title: string, today: IsoDate): string {
  return `# yaml-language-server: $schema=../../content/schemas/case.schema.json
# PARTNERS ONLY: the case of ${title}, from the serious incident to the NSPCC repository. Nothing in
# this file is ever published. Add each date once the stage has happened; the check works out
# every deadline. Fields and deadlines: docs/case-lifecycle.md.
title: ${quote(title)}
aware: ${today} # the day the local authority became aware of the serious incident
# notifiedPanel: YYYY-MM-DD # notified to the national Panel: within 5 working days of aware
# reportedToPartners: YYYY-MM-DD # reported to the safeguarding partners: within 5 working days
# rapidReview:
#   meeting: YYYY-MM-DD
#   completed: YYYY-MM-DD # within 15 working days of aware
#   sentToPanel: YYYY-MM-DD # within 2 working days of the meeting
# decision:
#   outcome: lcspr # lcspr | national-review | no-review
#   date: YYYY-MM-DD
#   reason: Why, in a sentence or two.
# lcspr: # only when the decision is lcspr
#   commissioned: YYYY-MM-DD
#   leadReviewer: Name of the independent lead reviewer
#   completed: YYYY-MM-DD # the final report accepted: within 6 calendar months of the decision
#   delay: # only when the review will be late
#     notified: YYYY-MM-DD # the day the Panel and the Secretary of State were told
#     reason: Why, in a sentence.
#     revisedDate: YYYY-MM-DD
# The report's dispatch to the Panel, Ofsted and the Secretary of State (sentToPanel) and its
# publication are read from report.mdx, once the folder has one.
# nspccSubmitted: YYYY-MM-DD # submitted to the NSPCC national repository, once published
`;
}

/** Creates `reviews/<slug>/case.yaml` under `root` (the folder too, when it does not exist); never overwrites a case file. Returns its path. */
export function createCase(root: string, title: string, today: IsoDate): { slug: string; file: string; newFolder: boolean } {
  const clean = title.trim();
  const slug = slugify(clean);
  if (!clean || !slug) throw new NewReviewError('Give the case\'s name (the pseudonym the report will use), for example: npm run new -- case "Child E"');
  const dir = path.join(root, 'reviews', slug);
  const file = path.join(dir, 'case.yaml');
  if (existsSync(file)) throw new NewReviewError(`reviews/${slug}/case.yaml already exists; nothing was changed. Edit the dates there.`);
  const newFolder = !existsSync(dir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, caseTemplate(clean, today), { flag: 'wx' });
  return { slug, file, newFolder };
}
