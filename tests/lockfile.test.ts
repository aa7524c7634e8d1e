import { describe, expect, it } from 'vitest';
import { fixLockfile, platformOf } from '../src/utils/lockfile.ts';

describe('platformOf', () => {
  it.each([
    ['@pagefind/darwin-arm64', { os: 'darwin', cpu: 'arm64' }],
    ['@pagefind/windows-x64', { os: 'win32', cpu: 'x64' }],
    ['@astrojs/compiler-binding-linux-arm64-musl', { os: 'linux', cpu: 'arm64' }],
    ['@astrojs/compiler-binding-wasm32-wasi', { cpu: 'wasm32' }],
    ['fsevents', {}],
  ])('%s', (name, expected) => expect(platformOf(name)).toEqual(expected));
});

describe('fixLockfile', () => {
  it('adds missing platform builds as optional entries and leaves the rest alone', () => {
    const lock = {
      packages: {
        '': { optionalDependencies: {} },
        'node_modules/pagefind': { version: '1.6.0', optionalDependencies: { '@pagefind/linux-x64': '1.6.0', '@pagefind/darwin-arm64': '1.6.0', 'some-helper': '^1.0.0' } },
        'node_modules/@pagefind/linux-x64': { version: '1.6.0', optional: true, os: ['linux'], cpu: ['x64'] },
      },
    };
    expect(fixLockfile(lock)).toEqual(['node_modules/@pagefind/darwin-arm64']);
    expect(lock.packages).toMatchObject({ 'node_modules/@pagefind/darwin-arm64': { version: '1.6.0', optional: true, os: ['darwin'], cpu: ['arm64'] } });
    expect(fixLockfile(lock)).toEqual([]);
  });
});
