/**
 * Site-wide editor content: `content/settings.yaml`, `content/themes.yaml` and
 * `content/agencies.yaml`.
 *
 * Every field's description (`.describe()`) is written for editors: it is what their tools show
 * from the generated JSON Schemas (content/schemas/). A JSDoc comment is added only where
 * programmers need to know more.
 */
import { z } from 'astro/zod';
import { slug, text, url } from './common.ts';
import { NOTICE_TYPES_TEXT } from './documents.ts';

const phone = z.string().regex(/^[0-9 +()]{3,20}$/, { error: 'must be a telephone number, for example 020 7946 0000 or 999' });
const email = z.email({ error: 'must be an email address, for example lscp@example.org' });

/** A way to get help, shown under "Worried about a child?". */
export const contactSchema = z
  .object({
    label: text.describe('Who answers, for example "Children\'s Services front door (office hours)".'),
    phone: phone
      .optional()
      .describe('The telephone number as readers should dial it: digits, spaces, + and brackets, for example 020 7946 0000.'),
    email: email.optional().describe('An email address, for example lscp@example.org.'),
    note: text.optional().describe('A sentence of guidance shown with the contact, for example when the line is open.'),
  })
  .strict();

/** A safeguarding partnership named by reviews (`partnerships: [id]`). */
export const partnershipSchema = z
  .object({
    id: slug.describe("The id reviews use in partnerships:, in lower case with hyphens, for example example-borough."),
    name: text.describe("The partnership's full name."),
    url: url
      .optional()
      .describe("The partnership's website, a full web address starting https://. Give it for the other partnerships of a joint review."),
  })
  .strict();

/** `content/settings.yaml`. */
export const settingsSchema = z
  .object({
    partnership: slug.describe("This partnership's id: one of the ids listed under partnerships, for example example-borough."),
    siteName: text.describe("The site's name, shown in the header and in page titles."),
    brandColour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour written #rrggbb, for example #1d4f76' })
      .describe('The header colour, written #rrggbb, for example #1d4f76. White text must be readable on it: a contrast of 4.5:1 or more.'),
    siteUrl: url.describe("The site's public address, a full web address starting https://. The feed and the sitemap use it."),
    exitPage: url.describe('Where the "Exit this page" button goes: the full web address of a neutral site, such as a weather page.'),
    partnerships: z
      .array(partnershipSchema)
      .min(1)
      .describe('The partnerships reviews may name, this one included: at least one, each with an id, a name and, if needed, a url.'),
    contacts: z
      .array(contactSchema)
      .min(1, { error: 'must list at least one contact' })
      .describe(
        'The "Worried about a child?" contacts shown on the home page and in the footer: at least one, ' +
          'each with a label and any of phone, email and note.',
      ),
    archiveRequest: z
      .object({
        email: email.describe('The email address that handles requests for copies of archived reports.'),
        phone: phone.optional().describe('A telephone number for those requests, if there is one.'),
      })
      .strict()
      .describe(
        'How readers ask for a copy of a report that has been taken off the site: an email address and, if there is one, a telephone number.',
      ),
    sampleContent: z
      .boolean()
      .default(false)
      .describe('true when every review on the site is fictional sample content: every page then says so. Leave it out (false) for real content.'),
    monitoring: z
      .object({
        dueSoonDays: z
          .number()
          .int()
          .min(1)
          .default(28)
          .describe('How many days ahead an action counts as due soon: a whole number, 1 or more.'),
        awaitingAssuranceDays: z
          .number()
          .int()
          .min(1)
          .default(30)
          .describe('How many days an action may stay complete before it is flagged as awaiting assurance: a whole number, 1 or more.'),
        impactAfterMonths: z
          .number()
          .int()
          .min(1)
          .default(6)
          .describe(
            'How many months after assurance an action may go without evidence of impact before it is flagged: a whole number, 1 or more.',
          ),
        staleUpdateDays: z
          .number()
          .int()
          .min(1)
          .default(90)
          .describe('How many days a plan may go without any update before it is flagged as stale: a whole number, 1 or more.'),
        archiveAfterMonths: z
          .number()
          .int()
          .min(12, { error: 'must be 12 or more: the guidance keeps a report on the site for at least one year' })
          .default(12)
          .describe(
            'How many months a report stays on the site at the least before it may be archived: a whole number, 12 or more ' +
              '(the guidance keeps reports available for at least one year). From then the report is flagged as one that may be archived.',
          ),
        panelNoticeWorkingDays: z
          .number()
          .int()
          .min(0)
          .default(7)
          .describe(
            `How many working days before publication the report of a statutory local review (${NOTICE_TYPES_TEXT}) must reach the ` +
              'Child Safeguarding Practice Review Panel, Ofsted and the DfE: a whole number, 0 or more.',
          ),
      })
      .strict()
      .prefault({})
      .describe('Timings the action-plan check uses, each a whole number. Leave out any of them (or all) to use the defaults.'),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (!s.partnerships.some((p) => p.id === s.partnership)) {
      ctx.addIssue({ code: 'custom', path: ['partnership'], message: 'must be the id of one of the partnerships listed below it' });
    }
  });
export type Settings = z.infer<typeof settingsSchema>;

/** One learning theme (`themes: [id]` in documents). */
export const themeSchema = z
  .object({
    id: slug.describe('The id documents use in themes:, in lower case with hyphens, for example health-visiting.'),
    label: text.describe('The theme as readers see it, for example "Health visiting".'),
    description: text.optional().describe("A sentence explaining the theme, shown on the theme's page."),
  })
  .strict();
export const themesFileSchema = z.array(themeSchema);
export type Theme = z.infer<typeof themeSchema>;

/** Kinds of agency. */
export const AGENCY_KINDS = [
  'local-authority',
  'health',
  'police',
  'education',
  'probation',
  'voluntary',
  'partnership',
  'other',
] as const;

/** One agency that can own actions (`owner: id` or `owner: [id, id]` in action plans). */
export const agencySchema = z
  .object({
    id: slug.describe('The id action plans use in owner: and audience:, in lower case with hyphens, for example childrens-services.'),
    name: text.describe("The agency's full name."),
    kind: z
      .enum(AGENCY_KINDS, { error: `must be one of: ${AGENCY_KINDS.join(', ')}` })
      .describe(`What kind of agency it is: one of ${AGENCY_KINDS.join(', ')}.`),
  })
  .strict();
export const agenciesFileSchema = z.array(agencySchema);
export type Agency = z.infer<typeof agencySchema>;
