/**
 * Small helpers for the sentences the site, the checker and the scripts write. The one place a
 * count gets its noun: every "1 action" / "3 actions" goes through `plural()`.
 * Unit tests: tests/text.test.ts.
 */

/** A count and its noun: "1 action", "0 actions", "3 planned activities" (give `many` when adding "s" is wrong). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c" (no Oxford comma). */
export function listAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
