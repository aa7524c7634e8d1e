import { defineConfig } from 'vitest/config';

// Test kinds are told apart by file name and run as separate projects:
//   tests/**/*.test.ts          unit tests: pure functions, fast (`npm run test:unit`)
//   tests/**/*.build.test.ts    build the sample site into a temporary folder and inspect the output
//   tests/**/*.browser.test.ts  real Chromium against built sites (`npm run test:browser`)
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.build.test.ts', 'tests/**/*.browser.test.ts', 'node_modules/**'],
          // Generous: some unit tests read every sample file or run property checks, and a shared
          // 2-core machine can be slow. Timings are measured by the bench scripts, not by tests.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/**/*.build.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/**/*.browser.test.ts'],
          // Builds both sample sites once per run and serves them (tests/support/browser-global-setup.ts).
          globalSetup: ['tests/support/browser-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
