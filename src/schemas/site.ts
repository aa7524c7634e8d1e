/**
 * Site-wide editor content: `content/settings.yaml`, `content/themes.yaml` and
 * `content/agencies.yaml`.
 */
import { z } from 'astro/zod';
import { slug, text, url } from './common.ts';

const phone = z.string().regex(/^[0-9 +()]{3,20}$/, { error: 'must be a telephone number, for example 020 7946 0000 or 999' });
const email = z.email({ error: 'must be an email address, for example lscp@example.org' });

/** A way to get help, shown under "Worried about a child?". */
export const contactSchema = z
  .object({
    /** Who answers, for example "Children's Services front door (office hours)". */
    label: text,
    /** Telephone number as readers should dial it. */
    phone: phone.optional(),
    /** Email address. */
    email: email.optional(),
    /** A sentence of guidance. */
    note: text.optional(),
  })
  .strict();

/** A safeguarding partnership named by reviews (`partnerships: [id]`). */
export const partnershipSchema = z
  .object({
    /** The id reviews use. */
    id: slug,
    /** Its full name. */
    name: text,
    /** Its website (for partner partnerships of a joint review). */
    url: url.optional(),
  })
  .strict();

/** `content/settings.yaml`. */
export const settingsSchema = z
  .object({
    /** This partnership's id; must be one of `partnerships`. */
    partnership: slug,
    /** The site's name, as shown in the header. */
    siteName: text,
    /** The brand colour, as #rrggbb. White text must be readable on it (contrast 4.5:1 or more). */
    brandColour: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour written #rrggbb, for example #1d4f76' }),
    /** The public address of the site, used in the feed and sitemap. */
    siteUrl: url,
    /** Where "Exit this page" goes. Choose a neutral site. */
    exitPage: url,
    /** Partnerships that reviews may name, this one included. */
    partnerships: z.array(partnershipSchema).min(1),
    /** "Worried about a child?" contacts shown on the home page and in the footer. */
    contacts: z.array(contactSchema).min(1, { error: 'must list at least one contact' }),
    /** How to ask for a copy of an archived report. */
    archiveRequest: z
      .object({
        /** The email address that handles requests. */
        email,
        /** A telephone number, if there is one. */
        phone: phone.optional(),
      })
      .strict(),
    /** Whether every review on the site is fictional sample content (the site then says so on every page). */
    sampleContent: z.boolean().default(false),
    /** Timings used by the action-plan checker. */
    monitoring: z
      .object({
        /** Days ahead in which an action counts as due soon. */
        dueSoonDays: z.number().int().min(1).default(28),
        /** Days an action may stay `complete` before it is flagged as awaiting assurance. */
        awaitingAssuranceDays: z.number().int().min(1).default(30),
        /** Days without any update before a plan is flagged as stale. */
        staleUpdateDays: z.number().int().min(1).default(90),
        /** Months a report stays on the site before it is due for archival. */
        archiveAfterMonths: z.number().int().min(1).default(12),
        /** Working days a report must reach the Panel, Ofsted and the DfE before publication. */
        panelNoticeWorkingDays: z.number().int().min(0).default(7),
      })
      .strict()
      .prefault({}),
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
    /** The id documents use. */
    id: slug,
    /** How readers see it. */
    label: text,
    /** A sentence explaining the theme, shown on its page. */
    description: text.optional(),
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

/** One agency that can own actions (`owner: id` in action plans). */
export const agencySchema = z
  .object({
    /** The id action plans use. */
    id: slug,
    /** Its full name. */
    name: text,
    /** What kind of agency it is. */
    kind: z.enum(AGENCY_KINDS, { error: `must be one of: ${AGENCY_KINDS.join(', ')}` }),
  })
  .strict();
export const agenciesFileSchema = z.array(agencySchema);
export type Agency = z.infer<typeof agencySchema>;
