/**
 * For browser tests that start a server of the project (the dev server, the editor) on a copy:
 * a free port, the environment it runs with, and waiting until it answers.
 */
import { createServer } from 'node:net';
import path from 'node:path';
import { PROJECT } from './site-copy.ts';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The environment `npm run dev` (or `npm run editor`) runs with: not vitest's NODE_ENV=test and VITEST variables. */
export function serverEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST'))),
    PATH: `${path.join(PROJECT, 'node_modules/.bin')}${path.delimiter}${process.env.PATH}`,
    ASTRO_TELEMETRY_DISABLED: '1',
    CI: '',
    ...extra,
  };
}

export async function waitForServer(origin: string, output: () => string, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${origin}/`, { signal: AbortSignal.timeout(15_000) })).ok) return;
    } catch {
      // not listening yet, or still optimising its dependencies
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the dev server did not start:\n${output().slice(-3000)}`);
}
