/**
 * National Insurance numbers: two prefix letters, six digits, a suffix A to D, with or without
 * spaces (`QQ 12 34 56 C` is the format HMRC prints; QQ itself is excluded, see below).
 *
 * HMRC's rules: the first letter is not D, F, I, Q, U or V; the second is not D, F, I, O, Q, U
 * or V; the prefixes BG, GB, KN, NK, NT, TN and ZZ are not allocated.
 */
import type { Candidate } from './types.ts';

const NINO = /(?<![\p{L}\p{N}])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ \u00a0]?(\d{2})[ \u00a0]?(\d{2})[ \u00a0]?(\d{2})[ \u00a0]?([A-D])(?![\p{L}\p{N}])/giu;
const NOT_ALLOCATED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export function isValidNinoPrefix(prefix: string): boolean {
  const p = prefix.toUpperCase();
  return /^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]$/.test(p) && !NOT_ALLOCATED.has(p);
}

export function findNiNumbers(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(NINO)) {
    const prefix = m[1]!;
    if (!isValidNinoPrefix(prefix)) continue;
    // Written in capitals as HMRC prints it; in lower case only when written without spaces, so
    // prose such as "at 12 34 56 a" does not match.
    const letters = prefix + m[5]!;
    const upper = letters === letters.toUpperCase();
    const compactLower = letters === letters.toLowerCase() && !/\s/.test(m[0]);
    if (!upper && !compactLower) continue;
    out.push({ kind: 'ni-number', start: m.index, end: m.index + m[0].length });
  }
  return out;
}
