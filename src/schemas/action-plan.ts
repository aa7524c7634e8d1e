/**
 * `reviews/<slug>/action-plan.yaml`: the multi-agency action plan that turns a review's
 * recommendations into actions, and the plan for spreading the learning.
 *
 * The Learning from Practice subgroup writes it; the MESI subgroup monitors it. Every field is
 * described for editors in docs/action-plans.md and in its `.describe()` here; the JSON Schema
 * editors' tools use (content/schemas/action-plan.schema.json) is generated from this file by
 * `npm run schemas` and carries those descriptions. A JSDoc comment is added only where
 * programmers need more.
 *
 * Rules that need more than the file (owners are known agencies, ids are unique, dates of updates,
 * revisions, impact evidence and the approval to publish progress are not in the future) are
 * checked by `npm run check` (src/check/).
 *
 * Some fields are INTERNAL: they are for partners only and never appear on the public site. They
 * are listed in `INTERNAL_FIELDS`; `stripInternal()` removes them.
 */
import { z } from 'astro/zod';
import { isoDate, slug, text } from './common.ts';
import { DATED_TIMESCALE_ACCEPTED, DATED_TIMESCALE_PATTERN, parseTimescale, TIMESCALE_ACCEPTED, TIMESCALE_PATTERN } from '../utils/timescale.ts';
import { normaliseYamlDate } from '../utils/dates.ts';

/** The states of an action, in the order it usually passes through them. */
export const ACTION_STATUSES = ['not-started', 'in-progress', 'complete', 'assured', 'withdrawn'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** How each status is written out for readers. */
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete (awaiting assurance)',
  assured: 'Complete and assured',
  withdrawn: 'Withdrawn',
};

/** Statuses of actions that still have work to do (they can be overdue). */
export const OPEN_STATUSES: readonly ActionStatus[] = ['not-started', 'in-progress'];

/** The partnership's response to a recommendation. */
export const RECOMMENDATION_RESPONSES = ['accepted', 'partly-accepted', 'not-accepted'] as const;
export type RecommendationResponse = (typeof RECOMMENDATION_RESPONSES)[number];

/** How each response is written out for readers. */
export const RECOMMENDATION_RESPONSE_LABELS: Record<RecommendationResponse, string> = {
  accepted: 'Accepted',
  'partly-accepted': 'Partly accepted',
  'not-accepted': 'Not accepted',
};

/** An id such as `R1` or `R1.2`: letters, digits, dots, hyphens and underscores. */
const identifier = z
  .string({ error: 'must be a short id such as R1 (a recommendation) or R1.2 (an action)' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    error: 'must be a short id made of letters, digits, dots or hyphens, such as R1 or R1.2',
  });

/** When an action is due: one of the forms in src/utils/timescale.ts, or `ongoing`. */
export const timescaleSchema = z
  .preprocess(
    (value) => (value instanceof Date ? (normaliseYamlDate(value) ?? value) : value),
    z.string({ error: `must be text. ${TIMESCALE_ACCEPTED}` }).superRefine((value, ctx) => {
      const result = parseTimescale(value);
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message });
    }),
  )
  .meta({ pattern: TIMESCALE_PATTERN });

/** A new timescale agreed for an action: a date in any form `timescale` accepts, never `ongoing`. */
export const revisedTimescaleSchema = z
  .preprocess(
    (value) => (value instanceof Date ? (normaliseYamlDate(value) ?? value) : value),
    z.string({ error: `must be text. ${DATED_TIMESCALE_ACCEPTED}` }).superRefine((value, ctx) => {
      const result = parseTimescale(value);
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message });
      else if (result.timescale.kind === 'ongoing') {
        ctx.addIssue({
          code: 'custom',
          message: `cannot be ongoing: a revision sets a new date by which the action is due. ${DATED_TIMESCALE_ACCEPTED}`,
        });
      }
    }),
  )
  .meta({ pattern: DATED_TIMESCALE_PATTERN });

/** The agency or agencies that own an action: one id, or a list of ids. The model always holds a list. */
export const ownerSchema = z
  .union([slug, z.array(slug).min(1, { error: 'must list at least one agency id from content/agencies.yaml' })], {
    error: 'must be an agency id from content/agencies.yaml, such as icb, or a list of them, such as [police, icb]',
  })
  .transform((value): string[] => (typeof value === 'string' ? [value] : value))
  .superRefine((owners, ctx) => {
    owners.forEach((id, i) => {
      const first = owners.indexOf(id);
      if (first < i) ctx.addIssue({ code: 'custom', path: [i], message: `"${id}" is already listed as an owner of this action; list each agency once` });
    });
  });

/**
 * One revision of an action's timescale. The timescale first agreed stays in `timescale`; each
 * revision records when a new timescale was agreed, the new timescale, why, and who agreed it.
 */
export const revisionSchema = z
  .object({
    date: isoDate.describe('The day the new timescale was agreed, written YYYY-MM-DD; it cannot be after today. List revisions oldest first.'),
    timescale: revisedTimescaleSchema.describe(`The new timescale: a date, in any form timescale accepts except ongoing. ${DATED_TIMESCALE_ACCEPTED}`),
    reason: text.describe('Why the timescale changed, in a sentence fit for the public site.'),
    agreedBy: text.describe('Who agreed the new timescale: a group or a role, never a person\'s name, for example "MESI subgroup".'),
    /** INTERNAL (listed in INTERNAL_FIELDS): `stripInternal()` removes it for the public site. */
    notes: text.optional().describe('INTERNAL, partners only: detail that is never shown on the public site.'),
  })
  .strict();
export type TimescaleRevision = z.infer<typeof revisionSchema>;

/**
 * Evidence of impact: that the action made a difference, apart from the `evidence` that it was
 * done. What was measured, what it showed, when, and where the evidence comes from.
 */
export const impactSchema = z
  .object({
    measure: text.describe('What was measured, for example "Strategy discussions with a health representative present".'),
    finding: text.describe('What it showed, in a sentence fit for the public site, for example "Up from 12 of 30 to 27 of 30 audited cases".'),
    date: isoDate.describe('When it was measured (the day the audit, survey or count was completed), written YYYY-MM-DD; it cannot be after today.'),
    source: text.describe('Where the evidence comes from, for example "Multi-agency case audit" or "Practitioner survey".'),
  })
  .strict();
export type ImpactEvidence = z.infer<typeof impactSchema>;

/** A dated progress note on an action. */
export const updateSchema = z
  .object({
    date: isoDate.describe('The day of the update, written YYYY-MM-DD; it cannot be after today.'),
    note: text.describe('What happened, in a sentence fit for the public site.'),
    /** INTERNAL (listed in INTERNAL_FIELDS): `stripInternal()` removes it for the public site. */
    notes: text.optional().describe('INTERNAL, partners only: detail that is never shown on the public site.'),
  })
  .strict();
export type ActionUpdate = z.infer<typeof updateSchema>;

const statusList = ACTION_STATUSES.join(', ');

/** One action: what will be done, by which agency, by when, and how we will know. */
export const actionSchema = z
  .object({
    id: identifier.describe('A short id, unique in the plan, usually the recommendation id and a number: R1.1'),
    issue: text.describe('The issue the action addresses: what the review found.'),
    action: text.describe('What will be done.'),
    owner: ownerSchema.describe(
      'The agency that owns the action, an id from content/agencies.yaml, for example icb; or the agencies that own it together, as a list, for example [police, icb].',
    ),
    lead: text.optional().describe('The lead as a role, never a person\'s name: for example "Designated Nurse".'),
    outcome: text.describe('The outcome sought: what will be different for children and families.'),
    evidence: text.optional().describe('The evidence of implementation. Required when status is complete or assured.'),
    timescale: timescaleSchema.describe(
      `When the action is due, as first agreed; never change it: record a new timescale under revisions. ${TIMESCALE_ACCEPTED}`,
    ),
    revisions: z
      .array(revisionSchema)
      .default([])
      .describe('New timescales agreed after the first, oldest first: each with its date, the new timescale, the reason and who agreed it. The latest is the one the action is judged against.'),
    reviewBy: isoDate.optional().describe('The day the subgroup next reviews the action, written YYYY-MM-DD. Required when timescale is ongoing.'),
    status: z
      .enum(ACTION_STATUSES, { error: `must be one of: ${statusList}` })
      .describe(`Where the action stands: one of ${statusList}.`),
    completedOn: isoDate.optional().describe('The day the action was completed, written YYYY-MM-DD. Required when status is complete or assured.'),
    assuredOn: isoDate.optional().describe('The day the MESI subgroup accepted the evidence, written YYYY-MM-DD. Required when status is assured.'),
    reason: text.optional().describe('Why the action was withdrawn. Required when status is withdrawn.'),
    impact: z
      .array(impactSchema)
      .default([])
      .describe(
        'Evidence that the action made a difference (not only that it was done): what was measured, what it showed, when and the source. Only when status is complete or assured.',
      ),
    updates: z.array(updateSchema).default([]).describe('Dated progress notes, oldest first.'),
    /** INTERNAL (listed in INTERNAL_FIELDS): `stripInternal()` removes it for the public site. */
    notes: text.optional().describe('INTERNAL, partners only: notes that are never shown on the public site.'),
    /** The plan-level refinement below refuses it outside a draft, so a plan cannot be endorsed with work left to do. */
    toDo: text
      .optional()
      .describe(
        'Only in a draft plan: what is still to be done for this action before the plan is endorsed (npm run import writes it, saying what the spreadsheet said). Do it, then delete toDo; a plan that is not a draft cannot have one.',
      ),
  })
  .strict()
  .superRefine((a, ctx) => {
    const need = (field: string, when: string, what: string) =>
      ctx.addIssue({ code: 'custom', path: [field], message: `is required when ${when}: ${what}` });
    const parsed = parseTimescale(a.timescale);
    if (parsed.ok && parsed.timescale.kind === 'ongoing' && !a.reviewBy) {
      need('reviewBy', 'timescale is ongoing', 'the day the subgroup next reviews the action, written YYYY-MM-DD');
    }
    const done = a.status === 'complete' || a.status === 'assured';
    if (done && !a.evidence) need('evidence', `status is ${a.status}`, 'the evidence that the action was implemented');
    if (done && !a.completedOn) need('completedOn', `status is ${a.status}`, 'the day the action was completed, written YYYY-MM-DD');
    if (a.status === 'assured' && !a.assuredOn) {
      need('assuredOn', 'status is assured', 'the day the MESI subgroup accepted the evidence, written YYYY-MM-DD');
    }
    if (a.status === 'withdrawn' && !a.reason) need('reason', 'status is withdrawn', 'why the action was withdrawn, in a sentence');
    if (a.completedOn && !done) {
      ctx.addIssue({ code: 'custom', path: ['completedOn'], message: `only applies when status is complete or assured (it is ${a.status})` });
    }
    if (a.assuredOn && a.status !== 'assured') {
      ctx.addIssue({ code: 'custom', path: ['assuredOn'], message: `only applies when status is assured (it is ${a.status})` });
    }
    if (a.reason && a.status !== 'withdrawn') {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `only applies when status is withdrawn (it is ${a.status})` });
    }
    if (a.assuredOn && a.completedOn && a.assuredOn < a.completedOn) {
      ctx.addIssue({ code: 'custom', path: ['assuredOn'], message: `cannot be before completedOn (${a.completedOn})` });
    }
    if (a.impact.length > 0 && !done) {
      ctx.addIssue({
        code: 'custom',
        path: ['impact'],
        message: `only applies when status is complete or assured (it is ${a.status}): impact is measured once the action has been done`,
      });
    }
    if (a.revisions.length > 0 && parsed.ok && parsed.timescale.kind === 'ongoing') {
      ctx.addIssue({
        code: 'custom',
        path: ['revisions'],
        message: 'cannot be given when timescale is ongoing: an ongoing action has no date to revise; set a new reviewBy date instead',
      });
    }
    a.revisions.forEach((r, i) => {
      const before = a.revisions[i - 1];
      if (before && r.date < before.date) {
        ctx.addIssue({
          code: 'custom',
          path: ['revisions', i, 'date'],
          message: `is before the date of the revision above it (${before.date}): list revisions oldest first`,
        });
      }
    });
  });
export type Action = z.infer<typeof actionSchema>;

/** One recommendation of the review and the actions that answer it. */
export const recommendationSchema = z
  .object({
    id: identifier.describe('A short id, unique in the plan, as numbered in the report: R1.'),
    text: text.describe('The recommendation, as worded in the report.'),
    response: z
      .enum(RECOMMENDATION_RESPONSES, { error: `must be one of: ${RECOMMENDATION_RESPONSES.join(', ')}` })
      .optional()
      .describe(`The partnership's response to the recommendation: one of ${RECOMMENDATION_RESPONSES.join(', ')}. Shown on the public site.`),
    responseReason: text
      .optional()
      .describe("The partnership's reason for its response, in a sentence fit for the public site. Required when response is partly-accepted or not-accepted."),
    actions: z
      .array(actionSchema)
      .default([])
      .describe('The actions that answer the recommendation: at least one, unless response is not-accepted.'),
  })
  .strict()
  .superRefine((r, ctx) => {
    if ((r.response === 'partly-accepted' || r.response === 'not-accepted') && !r.responseReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['responseReason'],
        message: `is required when response is ${r.response}: the partnership's reason, in a sentence fit for the public site`,
      });
    }
    if (r.actions.length === 0 && r.response !== 'not-accepted') {
      ctx.addIssue({
        code: 'custom',
        path: ['actions'],
        message: 'must list at least one action (only a recommendation whose response is not-accepted may have none)',
      });
    }
  });
export type Recommendation = z.infer<typeof recommendationSchema>;

/** One activity of the dissemination plan (spreading the learning). */
export const disseminationSchema = z
  .object({
    activity: text.describe('What will be done, for example "7-minute briefing to all health visiting teams".'),
    audience: z
      .array(slug)
      .min(1, { error: 'must list at least one agency id from content/agencies.yaml' })
      .describe('Who it reaches: agency ids from content/agencies.yaml, for example [icb, police].'),
    due: isoDate.describe('The day it is due, written YYYY-MM-DD.'),
    done: isoDate.optional().describe('The day it was done, written YYYY-MM-DD. Leave out until it is done.'),
  })
  .strict();
export type Dissemination = z.infer<typeof disseminationSchema>;

/** `reviews/<slug>/action-plan.yaml`. */
export const actionPlanSchema = z
  .object({
    /** The plan-review step of the check (src/check/steps/plan-review.ts) compares it with the folder's name. */
    review: slug.describe('The review this plan answers: the name of the folder the file is in, for example child-c.'),
    draft: z
      .boolean({ error: 'must be true or false' })
      .default(false)
      .describe('true while the plan is being written: it is checked, but not monitored or shown on the site.'),
    publishWhenWithheld: z
      .boolean({ error: 'must be true or false' })
      .default(false)
      .describe(
        "Only for a review whose report is withheld: true publishes the plan's progress anyway, once the partners have decided " +
          'the plan does not identify the family. Otherwise it is shown only to partners.',
      ),
    agreed: isoDate.optional().describe('The day the partnership endorsed the plan, written YYYY-MM-DD. Required unless draft is true.'),
    publicProgressApproved: isoDate
      .optional()
      .describe(
        "The day the safeguarding partners approved publishing the plan's progress on the public site, written YYYY-MM-DD; it cannot be after today. " +
          'Without it the progress is shown to partners only.',
      ),
    recommendations: z
      .array(recommendationSchema)
      .min(1, { error: 'must list at least one recommendation' })
      .describe("The review's recommendations, each with its actions."),
    dissemination: z.array(disseminationSchema).default([]).describe('The plan for spreading the learning.'),
  })
  .strict()
  .superRefine((plan, ctx) => {
    if (!plan.draft && !plan.agreed) {
      ctx.addIssue({
        code: 'custom',
        path: ['agreed'],
        message: 'is required unless draft is true: the day the partnership endorsed the plan, written YYYY-MM-DD',
      });
    }
    if (!plan.draft) {
      plan.recommendations.forEach((r, ri) =>
        r.actions.forEach((a, ai) => {
          if (a.toDo) {
            ctx.addIssue({
              code: 'custom',
              path: ['recommendations', ri, 'actions', ai, 'toDo'],
              message: `is only allowed while the plan is a draft (draft: true): it says there is still something to do for ${a.id} ("${a.toDo}"). Do it, then delete toDo`,
            });
          }
        }),
      );
    }
  })
  .meta({
    title: 'Multi-agency action plan',
    description: "A review's multi-agency action plan and dissemination plan. Fields are described in docs/action-plans.md.",
  });
export type ActionPlan = z.infer<typeof actionPlanSchema>;

/**
 * Fields that are INTERNAL (partners only), as field paths with `[]` for "every item". Only a
 * partners build may show them; `stripInternal()` removes them for the public site.
 */
export const INTERNAL_FIELDS: readonly string[] = [
  'recommendations[].actions[].notes',
  'recommendations[].actions[].updates[].notes',
  'recommendations[].actions[].revisions[].notes',
];

/** A copy of the plan without the fields in `INTERNAL_FIELDS`, for the public site. */
export function stripInternal(plan: ActionPlan): ActionPlan {
  return INTERNAL_FIELDS.reduce<unknown>((value, field) => withoutPath(value, field.split('.')), plan) as ActionPlan;
}

/** A copy of `value` without the field at `parts` (`name[]` steps into every item of a list). */
function withoutPath(value: unknown, parts: readonly string[]): unknown {
  if (value === null || typeof value !== 'object' || parts.length === 0) return value;
  const [head, ...rest] = parts as [string, ...string[]];
  const record = value as Record<string, unknown>;
  if (rest.length === 0) {
    const { [head]: _removed, ...kept } = record;
    return kept;
  }
  const list = head.endsWith('[]');
  const key = list ? head.slice(0, -2) : head;
  if (!(key in record)) return value;
  const child = record[key];
  return {
    ...record,
    [key]: list && Array.isArray(child) ? child.map((item) => withoutPath(item, rest)) : withoutPath(child, rest),
  };
}
