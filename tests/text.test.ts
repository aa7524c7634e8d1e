import { describe, expect, it } from 'vitest';
import { listAnd, plural } from '../src/utils/text.ts';

describe('plural', () => {
  it.each<[number, string, string | undefined, string]>([
    [0, 'action', undefined, '0 actions'],
    [1, 'action', undefined, '1 action'],
    [2, 'action', undefined, '2 actions'],
    [1, 'agency', 'agencies', '1 agency'],
    [5, 'agency', 'agencies', '5 agencies'],
    [1, 'working day', undefined, '1 working day'],
    [-1, 'day', undefined, '-1 days'],
  ])('%i %s (%s): %s', (n, one, many, expected) => expect(plural(n, one, many)).toBe(expected));
});

describe('listAnd', () => {
  it.each<[string[], string]>([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a and b'],
    [['a', 'b', 'c'], 'a, b and c'],
  ])('%o: %s', (items, expected) => expect(listAnd(items)).toBe(expected));
});
