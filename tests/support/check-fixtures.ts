/**
 * Fixtures for the checker's tests: a small project written to a temporary folder. Nothing here
 * depends on the sample content in reviews/ and content/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SETTINGS = `partnership: example-borough
siteName: Example Borough Safeguarding Children Partnership
brandColour: "#1d4f76"
siteUrl: https://lscp.example.org
exitPage: https://www.bbc.co.uk/weather
partnerships:
  - id: example-borough
    name: Example Borough Safeguarding Children Partnership
contacts:
  - label: Front door
    phone: 020 7946 0018
archiveRequest:
  email: lscp@example.org
`;

export const THEMES = `- id: neglect
  label: Neglect
- id: male-carers
  label: Fathers and male carers
`;

export const AGENCIES = `- id: lscp
  name: The partnership business unit
  kind: partnership
- id: icb
  name: Example Integrated Care Board
  kind: health
- id: community-health
  name: Example Community Health NHS Trust
  kind: health
- id: police
  name: Example Constabulary
  kind: police
`;

/** A valid plan. Line numbers matter to the tests: line 15 is R1.1's timescale, line 21 starts R1.2. */
export const PLAN = `# yaml-language-server: $schema=../../content/schemas/action-plan.schema.json
review: child-c
agreed: 2025-06-12
recommendations:
  - id: R1
    text: Agencies should identify and assess every adult living in the child's home.
    actions:
      - id: R1.1
        issue: Male carers were not seen by health visitors.
        action: Add every adult in the household to the antenatal contact record.
        owner: icb
        lead: Designated Nurse
        outcome: Every antenatal contact records the adults living in the home.
        evidence: Audit of 30 records in January 2026 found 28 complete.
        timescale: 31/03/2026
        status: complete
        completedOn: 2026-02-01
        updates:
          - date: 2026-02-10
            note: Template changed; audit booked.
      - id: R1.2
        issue: Fathers were not invited to appointments.
        action: Invite fathers, with evening appointments.
        owner: community-health
        outcome: Fathers attend appointments.
        timescale: Q2 2026
        status: in-progress
dissemination:
  - activity: 7-minute briefing to all health visiting teams
    audience: [icb]
    due: 2025-09-30
    done: 2025-09-12
`;

export const REPORT = `---
title: Child C
type: lcspr
document: overview-report
publication: published
published: 2026-01-20
sentToPanel: 2026-01-05
partnerships: [example-borough]
reviewers: [A. Reviewer]
summary: A summary of the review.
themes: [neglect]
---

The report.
`;

export const BRIEFING = `---
title: "7-minute briefing: Child C"
published: 2026-01-20
---

## 1. Background

## 2. Why it matters

## 3. What happened

## 4. Learning

## 5. More learning

## 6. What to do

## 7. Questions
`;

export const STATEMENT = `---
title: "Partnership statement: Child C"
published: 2026-01-20
---

The statement.
`;

/** Writes `files` (path → text) over a minimal valid project; returns the folder and a remover. */
export function makeProject(files: Record<string, string | undefined> = {}): { root: string; remove: () => void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'check-test-'));
  const all: Record<string, string | undefined> = {
    'content/settings.yaml': SETTINGS,
    'content/themes.yaml': THEMES,
    'content/agencies.yaml': AGENCIES,
    'reviews/child-c/report.mdx': REPORT,
    'reviews/child-c/statement.mdx': STATEMENT,
    'reviews/child-c/briefing.mdx': BRIEFING,
    'reviews/child-c/action-plan.yaml': PLAN,
    ...files,
  };
  for (const [rel, text] of Object.entries(all)) {
    if (text === undefined) continue; // undefined removes a default file
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Replaces exactly one occurrence of `from` in `text` (fails loudly when it is not there once). */
export function edit(text: string, from: string, to: string): string {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`expected exactly one "${from}" in the fixture, found ${count}`);
  return text.replace(from, to);
}
