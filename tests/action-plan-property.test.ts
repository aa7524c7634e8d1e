/**
 * Property-based tests (fast-check): any plan built by the rules validates, and removing any one
 * required field from it is reported, at that field's path. Revising a timescale never loses the
 * one first agreed, and never makes an action less overdue than its latest timescale says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { planActions, readPlan } from '../src/check/project.ts';
import { ACTION_STATUSES, INTERNAL_FIELDS, OPEN_STATUSES, RECOMMENDATION_RESPONSES, stripInternal } from '../src/schemas/action-plan.ts';
import { generateJsonSchemas } from '../src/schemas/json-schema.ts';
import { actionFlags, DEFAULT_MONITORING, ragRating } from '../src/utils/action-status.ts';
import { daysBetween, isoFromParts } from '../src/utils/dates.ts';
import { formatPath } from '../src/utils/problems.ts';
import { dueDate } from '../src/utils/timescale.ts';

const date = fc
  .tuple(fc.integer({ min: 2019, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => isoFromParts(y, m, d));
const words = fc.stringMatching(/^[A-Za-z][A-Za-z ,.'"():;#-]{0,40}[A-Za-z.]$/);
const agency = fc.constantFrom('icb', 'police', 'childrens-services', 'community-health');
/** A timescale that is a date, in every form editors write one. */
const datedTimescale = fc.oneof(
  date,
  date.map((d) => `${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)}`),
  date.map((d) => d.replace(/-/g, '/')),
  fc.tuple(fc.constantFrom('January', 'March', 'June', 'December'), fc.integer({ min: 2019, max: 2030 })).map(([m, y]) => `${m} ${y}`),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2019, max: 2030 })).map(([q, y]) => `Q${q} ${y}`),
  fc.tuple(fc.integer({ min: 2019, max: 2030 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}/${String((y + 1) % 100).padStart(2, '0')} Q${q}`),
);
const timescale = fc.oneof(datedTimescale, fc.constant('ongoing'));

/** Revisions of a timescale, oldest first (as the schema requires), each with its notes sometimes. */
const revisions = fc
  .array(fc.record({ date, timescale: datedTimescale, reason: words, agreedBy: words, notes: fc.option(words, { nil: undefined }) }), { maxLength: 3 })
  .map((list) =>
    [...list]
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .map(({ notes, ...r }) => (notes ? { ...r, notes } : r)),
  );
const impact = fc.array(fc.record({ measure: words, finding: words, date, source: words }), { maxLength: 2 });
/** One owner as a string, or a list of different owners. */
const owner = fc.oneof(agency, fc.uniqueArray(agency, { minLength: 1, maxLength: 3 }));

const action = fc
  .record({
    issue: words,
    action: words,
    owner,
    lead: fc.option(words, { nil: undefined }),
    outcome: words,
    timescale,
    status: fc.constantFrom(...ACTION_STATUSES),
    notes: fc.option(words, { nil: undefined }),
    updates: fc.array(fc.record({ date, note: words }), { maxLength: 2 }),
    reviewBy: date,
    evidence: words,
    completedOn: date,
    reason: words,
    revisions,
    impact,
  })
  .map((a) => {
    const out: Record<string, unknown> = { issue: a.issue, action: a.action, owner: a.owner, outcome: a.outcome, timescale: a.timescale, status: a.status };
    if (a.lead) out.lead = a.lead;
    if (a.timescale === 'ongoing') out.reviewBy = a.reviewBy;
    else if (a.revisions.length) out.revisions = a.revisions;
    if (a.status === 'complete' || a.status === 'assured') Object.assign(out, { evidence: a.evidence, completedOn: a.completedOn });
    if ((a.status === 'complete' || a.status === 'assured') && a.impact.length) out.impact = a.impact;
    if (a.status === 'assured') out.assuredOn = a.completedOn;
    if (a.status === 'withdrawn') out.reason = a.reason;
    if (a.notes) out.notes = a.notes;
    if (a.updates.length) out.updates = a.updates;
    return out;
  });

const plan = fc
  .record({
    draft: fc.boolean(),
    agreed: date,
    approved: fc.option(date, { nil: undefined }),
    recommendations: fc.array(
      fc.record({
        text: words,
        response: fc.option(fc.constantFrom(...RECOMMENDATION_RESPONSES), { nil: undefined }),
        responseReason: fc.option(words, { nil: undefined }),
        actions: fc.array(action, { minLength: 1, maxLength: 4 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    dissemination: fc.array(fc.record({ activity: words, audience: fc.array(agency, { minLength: 1, maxLength: 3 }), due: date }), { maxLength: 3 }),
  })
  .map((p) => ({
    review: 'child-c',
    ...(p.draft ? { draft: true } : { agreed: p.agreed }),
    ...(p.approved ? { publicProgressApproved: p.approved } : {}),
    recommendations: p.recommendations.map((r, ri) => {
      const reason = r.response === 'partly-accepted' || r.response === 'not-accepted' ? (r.responseReason ?? 'Because.') : r.responseReason;
      return {
        id: `R${ri + 1}`,
        text: r.text,
        ...(r.response ? { response: r.response } : {}),
        ...(r.response && reason ? { responseReason: reason } : {}),
        // A recommendation that is not accepted may have no actions.
        ...(r.response === 'not-accepted' && r.actions.length === 1 ? {} : { actions: r.actions.map((a, ai) => ({ id: `R${ri + 1}.${ai + 1}`, ...a })) }),
      };
    }),
    ...(p.dissemination.length ? { dissemination: p.dissemination } : {}),
  }));

type Plain = Record<string, unknown>;

/** Every field the plan needs as it stands, as a path. */
function requiredPaths(p: Plain): (string | number)[][] {
  const paths: (string | number)[][] = [['review'], ['recommendations']];
  if (!p.draft) paths.push(['agreed']);
  (p.recommendations as Plain[]).forEach((r, ri) => {
    for (const k of ['id', 'text']) paths.push(['recommendations', ri, k]);
    if (r.response !== 'not-accepted') paths.push(['recommendations', ri, 'actions']);
    if (r.response === 'partly-accepted' || r.response === 'not-accepted') paths.push(['recommendations', ri, 'responseReason']);
    ((r.actions as Plain[] | undefined) ?? []).forEach((a, ai) => {
      const base = ['recommendations', ri, 'actions', ai];
      const need = ['id', 'issue', 'action', 'owner', 'outcome', 'timescale', 'status'];
      if (a.timescale === 'ongoing') need.push('reviewBy');
      if (a.status === 'complete' || a.status === 'assured') need.push('evidence', 'completedOn');
      if (a.status === 'assured') need.push('assuredOn');
      if (a.status === 'withdrawn') need.push('reason');
      for (const k of need) paths.push([...base, k]);
      ((a.updates as Plain[] | undefined) ?? []).forEach((_, ui) => paths.push([...base, 'updates', ui, 'date'], [...base, 'updates', ui, 'note']));
      ((a.revisions as Plain[] | undefined) ?? []).forEach((_, vi) => {
        for (const k of ['date', 'timescale', 'reason', 'agreedBy']) paths.push([...base, 'revisions', vi, k]);
      });
      ((a.impact as Plain[] | undefined) ?? []).forEach((_, mi) => {
        for (const k of ['measure', 'finding', 'date', 'source']) paths.push([...base, 'impact', mi, k]);
      });
    });
  });
  ((p.dissemination as Plain[] | undefined) ?? []).forEach((_, di) => {
    for (const k of ['activity', 'audience', 'due']) paths.push(['dissemination', di, k]);
  });
  return paths;
}

function without(p: Plain, path: (string | number)[]): Plain {
  const copy = structuredClone(p);
  let node: Record<string | number, unknown> = copy;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  delete node[path[path.length - 1]!];
  return copy;
}

describe('generated plans', () => {
  it('every plan built by the rules validates, whatever its text, and counts every action', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const text = stringify(p);
        const result = readPlan(text, 'reviews/child-c/action-plan.yaml');
        expect(result.problems).toEqual([]);
        const actions = p.recommendations.reduce((n, r) => n + (r.actions?.length ?? 0), 0);
        expect(result.inFile).toBe(actions);
        expect(result.plan?.data.recommendations.flatMap((r) => r.actions)).toHaveLength(actions);
      }),
      { numRuns: 150 },
    );
  });

  it('removing any required field is reported at that field, with a line and column', () => {
    const withField = plan.chain((p) => fc.tuple(fc.constant(p), fc.constantFrom(...requiredPaths(p))));
    fc.assert(
      fc.property(withField, ([p, path]) => {
        const result = readPlan(stringify(without(p, path)), 'reviews/child-c/action-plan.yaml');
        expect(result.plan).toBeUndefined();
        const found = result.problems.find((e) => e.field === formatPath(path));
        expect(found, `${formatPath(path)} not reported; got ${result.problems.map((e) => e.field).join(', ')}`).toBeDefined();
        expect(found!.line).toBeGreaterThan(0);
        expect(found!.column).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('INTERNAL fields', () => {
  it('stripInternal removes exactly the fields listed in INTERNAL_FIELDS', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const parsed = readPlan(stringify(p), 'x.yaml').plan!.data;
        const stripped = stripInternal(parsed);
        const text = JSON.stringify(stripped);
        expect(text).not.toMatch(/"notes":/);
        // Nothing else is lost.
        const put = (o: unknown): unknown => JSON.parse(JSON.stringify(o, (k, v) => (k === 'notes' ? undefined : v)));
        expect(stripped).toEqual(put(parsed));
      }),
      { numRuns: 50 },
    );
  });

  it('the JSON Schema marks as INTERNAL exactly the fields in INTERNAL_FIELDS', () => {
    const schema = JSON.parse(generateJsonSchemas()['action-plan.schema.json']!) as Plain;
    const internal: string[] = [];
    const walk = (node: Plain, prefix: string) => {
      const props = node.properties as Record<string, Plain> | undefined;
      for (const [key, value] of Object.entries(props ?? {})) {
        const here = prefix ? `${prefix}.${key}` : key;
        if (typeof value.description === 'string' && value.description.startsWith('INTERNAL')) internal.push(here);
        if (value.type === 'array' && value.items) walk(value.items as Plain, `${here}[]`);
        else if (value.type === 'object') walk(value, here);
      }
    };
    walk(schema, '');
    expect(internal.sort()).toEqual([...INTERNAL_FIELDS].sort());
  });
});

describe('revised timescales', () => {
  const today = fc.tuple(fc.integer({ min: 2019, max: 2031 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => isoFromParts(y, m, d));
  const revisedAction = fc.record({
    timescale: datedTimescale,
    revisions: revisions.filter((r) => r.length > 0),
    status: fc.constantFrom(...ACTION_STATUSES),
    completedOn: date,
  });

  /** The plan text for one action, read and validated by the checker. */
  const readOne = (a: { timescale: string; revisions: unknown[]; status: string; completedOn: string }) => {
    const done = a.status === 'complete' || a.status === 'assured';
    const yaml = stringify({
      review: 'child-c',
      agreed: '2019-01-01',
      recommendations: [
        {
          id: 'R1',
          text: 'A recommendation.',
          actions: [
            {
              id: 'R1.1',
              issue: 'i',
              action: 'a',
              owner: 'icb',
              outcome: 'o',
              timescale: a.timescale,
              revisions: a.revisions,
              status: a.status,
              ...(done ? { evidence: 'e', completedOn: a.completedOn } : {}),
              ...(a.status === 'assured' ? { assuredOn: a.completedOn } : {}),
              ...(a.status === 'withdrawn' ? { reason: 'r' } : {}),
            },
          ],
        },
      ],
    });
    const read = readPlan(yaml, 'reviews/child-c/action-plan.yaml');
    expect(read.problems).toEqual([]);
    return read.plan!;
  };

  it('never loses the timescale first agreed: the file, the model and the public copy keep it', () => {
    fc.assert(
      fc.property(revisedAction, today, (a, day) => {
        const plan = readOne(a);
        const [entry] = planActions('child-c', plan, day, DEFAULT_MONITORING);
        expect(plan.data.recommendations[0]!.actions[0]!.timescale).toBe(a.timescale);
        expect(entry!.action.timescale).toBe(a.timescale);
        expect(entry!.originalDue).toBe(dueDate(a.timescale));
        expect(entry!.revisions).toBe(a.revisions.length);
        expect(entry!.timescale).toBe(a.revisions[a.revisions.length - 1]!.timescale);
        expect(entry!.slipDays).toBe(daysBetween(dueDate(a.timescale)!, entry!.due!));
        const stripped = stripInternal(plan.data).recommendations[0]!.actions[0]!;
        expect(stripped.timescale).toBe(a.timescale);
        expect(stripped.revisions.map((r) => [r.date, r.timescale])).toEqual(a.revisions.map((r) => [(r as { date: string }).date, (r as { timescale: string }).timescale]));
      }),
      { numRuns: 200 },
    );
  });

  it('never makes an action less overdue than its latest timescale says', () => {
    fc.assert(
      fc.property(revisedAction, today, (a, day) => {
        const action = readOne(a).data.recommendations[0]!.actions[0]!;
        const latest = dueDate(a.revisions[a.revisions.length - 1]!.timescale)!;
        const flags = actionFlags(action, day, DEFAULT_MONITORING);
        const overdue = flags.find((f) => f.kind === 'overdue');
        const open = (OPEN_STATUSES as readonly string[]).includes(action.status);
        if (open && latest < day) {
          // Overdue by exactly as many days as the latest timescale says, and red.
          expect(overdue?.days).toBe(daysBetween(latest, day));
          expect(ragRating(action, day).rag).toBe('red');
        } else {
          expect(overdue).toBeUndefined();
        }
        // Exactly as if the latest timescale had been the only one: the history changes nothing.
        const alone = { ...action, timescale: a.revisions[a.revisions.length - 1]!.timescale, revisions: [] };
        expect(flags.map((f) => [f.kind, f.days, f.date])).toEqual(actionFlags(alone, day, DEFAULT_MONITORING).map((f) => [f.kind, f.days, f.date]));
        expect(ragRating(action, day)).toEqual(ragRating(alone, day));
      }),
      { numRuns: 300 },
    );
  });
});
