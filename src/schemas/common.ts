/**
 * Building blocks shared by every schema: calendar dates, slugs and the reviewed-false-positive
 * list. `z` comes from `astro/zod` (Zod 4) so the site and the command-line checker use one copy.
 */
import { z } from 'astro/zod';
import { isIsoDate, normaliseYamlDate } from '../utils/dates.ts';

/** A calendar date written YYYY-MM-DD (YAML may hand us a Date; we turn it back into the string). */
export const isoDate = z.preprocess(
  (value) => normaliseYamlDate(value) ?? value,
  z
    .string({ error: 'must be a date written YYYY-MM-DD, for example 2025-03-14' })
    .refine(isIsoDate, { error: 'must be a real date written YYYY-MM-DD, for example 2025-03-14' }),
).meta({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A calendar date written YYYY-MM-DD, for example 2025-03-14.' });

/** A short lower-case id such as `example-borough` or `health-visiting`. */
export const slug = z
  .string({ error: 'must be a short id in lower case, for example example-borough' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    error: 'must be lower-case letters, digits and single hyphens, for example health-visiting',
  });

/** Text that must not be empty. */
export const text = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'must not be empty' });

/** A web address starting https:// or http://. */
export const url = z.url({ error: 'must be a full web address starting https://', protocol: /^https?$/ });

/**
 * A reviewed false positive for the anonymisation check: the exact text that may stand in this
 * document, and why a person decided it does not identify anyone.
 */
export const allowedText = z
  .object({
    text: text.describe('The exact text the check flagged, with the same capitals (line breaks and extra spaces do not matter).'),
    reason: text.describe(
      'Why a person decided it does not identify anyone, in a sentence, for example "the public library where the learning event was held".',
    ),
  })
  .strict();
