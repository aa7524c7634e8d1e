/**
 * `npm run new -- review "Child D"`: starts a review folder, `reviews/child-d/`, with a report,
 * a statement, a 7-minute briefing (seven sections) and an action plan. Every file is a draft
 * (`draft: true`) that passes `npm run check`, so the editor can fill it in step by step.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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
  if (existsSync(dir)) throw new NewReviewError(`reviews/${slug}/ already exists; nothing was changed. Choose another title or edit the files there.`);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const [name, text] of Object.entries(reviewTemplates(clean, slug, config, today))) {
    const file = path.join(dir, name);
    writeFileSync(file, text, { flag: 'wx' });
    files.push(file);
  }
  return { slug, dir, files };
}
