import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildContextError, buildKind, readBuildContext } from '../src/config/build-context.ts';
import { BuildClockError } from '../src/utils/dates.ts';

describe('readBuildContext', () => {
  const cwd = '/srv/site';

  it.each([
    // BUILD_NOW, the calendar date in England that is "today"
    ['2026-03-14', '2026-03-14'],
    // 23:30 UTC on 30 June is already 1 July in London (summer time)
    ['2026-06-30T23:30:00Z', '2026-07-01'],
    // 23:30 UTC on 30 January is still 30 January in London (winter time)
    ['2026-01-30T23:30:00Z', '2026-01-30'],
  ])('BUILD_NOW=%s gives today %s', (now, today) => {
    expect(readBuildContext({ BUILD_NOW: now }, cwd).today).toBe(today);
  });

  it('uses the real clock when BUILD_NOW is unset', () => {
    expect(readBuildContext({}, cwd, new Date('2026-11-30T10:00:00Z')).today).toBe('2026-11-30');
  });

  it.each([
    [undefined, cwd],
    ['', cwd],
    ['content-copy', path.join(cwd, 'content-copy')],
    ['/tmp/elsewhere', '/tmp/elsewhere'],
  ])('CONTENT_ROOT=%s reads content from %s', (value, root) => {
    expect(readBuildContext({ CONTENT_ROOT: value }, cwd).root).toBe(root);
  });

  it.each([
    [undefined, 'public'],
    ['', 'public'],
    ['0', 'public'],
    ['1', 'partners'],
  ] as const)('PARTNERS_BUILD=%s is the %s build', (value, kind) => {
    expect(buildKind(value)).toBe(kind);
    expect(readBuildContext({ PARTNERS_BUILD: value }, cwd).build).toBe(kind);
  });

  it.each(['true', 'yes', '2', 'partners'])('refuses PARTNERS_BUILD=%s rather than guess which site to build', (value) => {
    expect(() => readBuildContext({ PARTNERS_BUILD: value }, cwd)).toThrow(BuildContextError);
    expect(() => buildKind(value)).toThrow(/PARTNERS_BUILD must be 1/);
  });

  it('refuses a BUILD_NOW that is not a date', () => {
    expect(() => readBuildContext({ BUILD_NOW: 'next spring' }, cwd)).toThrow(BuildClockError);
  });
});

describe('command-line entry points with a bad build context', () => {
  const node = path.resolve('node_modules/.bin/node');
  it.each([
    ['scripts/build-verified.ts', { BUILD_NOW: 'yesterday' }, /BUILD_NOW must be a date/],
    ['scripts/editor-build.ts', { PARTNERS_BUILD: 'yes' }, /PARTNERS_BUILD must be 1/],
    ['scripts/editor.ts', { BUILD_NOW: '2026-02-30' }, /BUILD_NOW/],
  ])('%s says what is wrong and exits 2, with no stack trace', async (script, env, message) => {
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync(node, [script], { encoding: 'utf8', env: { ...process.env, ...env } });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
