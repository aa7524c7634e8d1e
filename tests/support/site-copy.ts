/**
 * A throwaway copy of the project in a temporary folder, for tests that build the site: the
 * sample content can be changed there (canaries planted, files broken) without touching the
 * working tree. node_modules is linked, not copied.
 */
import { cpSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { siteBuildCommand, siteBuildEnv } from '../../scripts/lib/build-command.ts';

export const PROJECT = path.resolve(import.meta.dirname, '../..');
const COPIED = ['src', 'content', 'reviews', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

export interface SiteCopy {
  root: string;
  /** Writes a file relative to the copy's root, creating folders. */
  write(rel: string, text: string | Buffer): void;
  /** Removes a file or folder relative to the copy's root. */
  remove(rel: string): void;
  /** Builds the copy as `npm run build` does (scripts/build.ts); returns the output folder, exit code and output. */
  build(env?: Record<string, string>): { outDir: string; status: number | null; output: string };
  dispose(): void;
}

export function makeSiteCopy(prefix = 'lscp-site-'): SiteCopy {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  for (const item of COPIED) cpSync(path.join(PROJECT, item), path.join(root, item), { recursive: true });
  symlinkSync(path.join(PROJECT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return {
    root,
    write(rel, text) {
      const file = path.join(root, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    },
    remove(rel) {
      rmSync(path.join(root, rel), { recursive: true, force: true });
    },
    build(env = {}) {
      const partners = env.PARTNERS_BUILD === '1';
      const { command, args } = siteBuildCommand(root);
      const result = spawnSync(command, args, {
        cwd: root,
        encoding: 'utf8',
        env: siteBuildEnv(PROJECT, { CI: '', ...env }),
        maxBuffer: 64 * 1024 * 1024,
      });
      return {
        outDir: path.join(root, partners ? 'dist-partners' : 'dist'),
        status: result.status,
        output: `${result.stdout}\n${result.stderr}`,
      };
    },
    dispose() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
