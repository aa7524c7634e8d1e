/**
 * vitest globalSetup for the browser project: builds both sample sites once per run (see
 * sites.ts), serves each on 127.0.0.1 with the headers of its `_headers` file, and hands their
 * addresses to the test files through `inject('sites')`. Everything is removed afterwards;
 * KEEP_TEST_SITES=1 keeps the built folders to look at.
 */
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { buildSites, type Canary } from './sites.ts';
import { serveStatic } from './static-server.ts';

export interface ServedSites {
  public: { origin: string; dir: string };
  partners: { origin: string; dir: string };
  canaries: Canary[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    sites: ServedSites;
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const built = await buildSites();
  const pub = await serveStatic(built.publicDir);
  const partners = await serveStatic(built.partnersDir);
  project.provide('sites', {
    public: { origin: pub.origin, dir: built.publicDir },
    partners: { origin: partners.origin, dir: built.partnersDir },
    canaries: built.canaries,
  });
  console.log(`Built and serving both sites in ${((Date.now() - started) / 1000).toFixed(1)}s: public ${pub.origin}, partners ${partners.origin}`);
  return async () => {
    await pub.close();
    await partners.close();
    if (process.env.KEEP_TEST_SITES === '1') console.log(`Kept the built sites in ${built.tmp}`);
    else await rm(built.tmp, { recursive: true, force: true });
  };
}
