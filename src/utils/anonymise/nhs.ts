/**
 * NHS numbers: ten digits, written together or grouped 3-3-4 with spaces or dashes, whose last
 * digit is the modulus-11 check digit of the first nine. Ten-digit strings that fail the check
 * are not NHS numbers and are not reported.
 */
import type { Candidate } from './types.ts';

/** Whether ten digits (separators ignored) form an NHS number with a correct check digit. */
export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  if (/^(\d)\1{9}$/.test(digits)) return false; // 000 000 0000 and the like pass the sum but are placeholders
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** The check digit that completes nine digits, or undefined when none can (remainder gives 10). */
export function nhsCheckDigit(nine: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return undefined;
  return check === 11 ? 0 : check;
}

// Not inside a longer number, not after a dialling code ("+44 ", "(0)").
const NHS = /(?<![\w.+\-/])(?<!\+\d{1,3}[ -])(?<!\(0\)\s?)(\d{3})([ \u00a0-]?)(\d{3})\2(\d{4})(?![\w\-/]|[.,]\d)/g;

export function findNhsNumbers(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(NHS)) {
    if (isValidNhsNumber(m[1]! + m[3]! + m[4]!)) out.push({ kind: 'nhs-number', start: m.index, end: m.index + m[0].length });
  }
  return out;
}
