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
 * Rules that need more than the file (owners are known agencies, ids are unique, update dates are
 * not in the future) are checked by `npm run check` (src/check/).
 *
 * Some fields are INTERNAL: they are for partners only and never appear on the public site. They
 * are listed in `INTERNAL_FIELDS`; `stripInternal()` removes them.
 */
import { z } from 'astro/zod';
import { isoDate, slug, text } from './common.ts';
import { parseTimescale, TIMESCALE_ACCEPTED, TIMESCALE_PATTERN } from '../utils/timescale.ts';
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
    owner: slug.describe('The agency that owns the action: an id from content/agencies.yaml, for example icb.'),
    lead: text.optional().describe('The lead as a role, never a person\'s name: for example "Designated Nurse".'),
    outcome: text.describe('The outcome sought: what will be different for children and families.'),
    evidence: text.optional().describe('The evidence of implementation. Required when status is complete or assured.'),
    timescale: timescaleSchema.describe(`When the action is due. ${TIMESCALE_ACCEPTED}`),
    reviewBy: isoDate.optional().describe('The day the subgroup next reviews the action, written YYYY-MM-DD. Required when timescale is ongoing.'),
    status: z
      .enum(ACTION_STATUSES, { error: `must be one of: ${statusList}` })
      .describe(`Where the action stands: one of ${statusList}.`),
    completedOn: isoDate.optional().describe('The day the action was completed, written YYYY-MM-DD. Required when status is complete or assured.'),
    assuredOn: isoDate.optional().describe('The day the MESI subgroup accepted the evidence, written YYYY-MM-DD. Required when status is assured.'),
    reason: text.optional().describe('Why the action was withdrawn. Required when status is withdrawn.'),
    updates: z.array(updateSchema).default([]).describe('Dated progress notes, oldest first.'),
    /** INTERNAL (listed in INTERNAL_FIELDS): `stripInternal()` removes it for the public site. */
    notes: text.optional().describe('INTERNAL, partners only: notes that are never shown on the public site.'),
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
  });
export type Action = z.infer<typeof actionSchema>;

/** One recommendation of the review and the actions that answer it. */
export const recommendationSchema = z
  .object({
    id: identifier.describe('A short id, unique in the plan, as numbered in the report: R1.'),
    text: text.describe('The recommendation, as worded in the report.'),
    actions: z
      .array(actionSchema)
      .min(1, { error: 'must list at least one action' })
      .describe('The actions that answer the recommendation (at least one).'),
  })
  .strict();
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
