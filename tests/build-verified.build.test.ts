/**
 * `npm run build:verified`: the incremental build checked against a clean one. A cached page
 * tampered with on disk (what a wrong cache key, or a damaged cache, would do) is found, the
 * clean build is what stays in dist/, and the exit code says so.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSiteCopy, PROJECT, type SiteCopy } from './support/site-copy.ts';

const PAGE = 'reviews/child-kestrel/index.html';
const TAMPERED = '<!-- TAMPERED IN THE CACHE -->';

describe('npm run build:verified', () => {
  let site: SiteCopy;
  const run = () =>
    spawnSync(path.join(PROJECT, 'node_modules/.bin/node'), ['scripts/build-verified.ts'], {
      cwd: site.root,
      encoding: 'utf8',
      env: { ...process.env, BUILD_NOW: '2026-11-30T12:00:00Z', CI: '', PATH: `${path.join(PROJECT, 'node_modules/.bin')}${path.delimiter}${process.env.PATH}` },
      maxBuffer: 64 * 1024 * 1024,
    });
  beforeAll(() => {
    site = makeSiteCopy('lscp-verified-');
  });
  afterAll(() => site?.dispose());

  it('says the build is verified when reusing pages changed nothing', () => {
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    const second = run();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/\(cached\)|\(restored\)/);
    expect(second.stdout).toMatch(/Verified: reusing pages gave the same \d+ files as a clean build/);
  });

  it('finds a reused page that differs, keeps the clean build and starts the next build clean', () => {
    const cached = path.join(site.root, '.cache/public/dist', PAGE);
    expect(existsSync(cached)).toBe(true);
    appendFileSync(cached, TAMPERED);
    const result = run();
    expect(result.status).toBe(3);
    expect(result.stderr).toContain(`${PAGE}: first difference`);
    expect(result.stderr).toContain('holds the clean build');
    expect(readFileSync(path.join(site.root, 'dist', PAGE), 'utf8')).not.toContain(TAMPERED);
    expect(existsSync(path.join(site.root, '.cache/public/incremental-build.json'))).toBe(false);
  });
});
