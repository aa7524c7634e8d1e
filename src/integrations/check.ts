/**
 * Runs `npm run check` at the start of every build: invalid content fails the build (all errors
 * listed), the monitoring flags are printed, and the MESI report and CSV are written to reports/.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { buildToday } from '../utils/dates.ts';
import { formatResult, runCheck, writeReports } from '../check/index.ts';

export default function checkIntegration(): AstroIntegration {
  return {
    name: 'lscp:check',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build') return;
        const result = runCheck({ root: fileURLToPath(config.root), today: buildToday(process.env.BUILD_NOW) });
        // The pages (src/data/plans.ts) reuse this result instead of running the whole check a
        // second time in the same build (at 250 reviews that second run cost about 10 s).
        (globalThis as Record<symbol, unknown>)[Symbol.for('lscp.checkResult')] = result;
        const written = writeReports(result);
        const lines = formatResult(result);
        for (const line of lines) logger.info(line);
        logger.info(`MESI report: ${written.markdown}`);
        if (result.errors.length > 0) {
          throw new Error(
            `The content has ${result.errors.length} error${result.errors.length === 1 ? '' : 's'} (listed above); nothing was built. Fix them and build again.`,
          );
        }
      },
    },
  };
}
