/**
 * For command-line entry points (the build context), and those that write content: the build context and the site settings,
 * or a plain message and exit code 1 when the settings have errors (listed, located).
 */
import { BuildContextError, readBuildContext, type BuildContext } from '../../src/config/build-context.ts';
import { readSiteConfig, type SiteConfig } from '../../src/config/site-config.ts';
import { BuildClockError } from '../../src/utils/dates.ts';
import { formatProblem } from '../../src/utils/problems.ts';

/**
 * The build context from the environment, or a plain message (what was wrong with BUILD_NOW,
 * CONTENT_ROOT or PARTNERS_BUILD, and what is accepted) and exit code 2: never a stack trace.
 */
export function contextOrExit(env: NodeJS.ProcessEnv = process.env): BuildContext {
  try {
    return readBuildContext(env, process.cwd());
  } catch (e) {
    if (e instanceof BuildClockError || e instanceof BuildContextError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
}

export function contextAndSettings(): BuildContext & { config: SiteConfig } {
  const context = contextOrExit();
  const { config, problems } = readSiteConfig(context.root);
  if (!config) {
    console.error('The site settings have errors; fix them first:');
    for (const p of problems) console.error(`  ${formatProblem(p)}`);
    process.exit(1);
  }
  return { ...context, config };
}
