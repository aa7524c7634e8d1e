/**
 * For command-line entry points that write content: the build context and the site settings,
 * or a plain message and exit code 1 when the settings have errors (listed, located).
 */
import { readBuildContext, type BuildContext } from '../../src/config/build-context.ts';
import { readSiteConfig, type SiteConfig } from '../../src/config/site-config.ts';
import { formatProblem } from '../../src/utils/problems.ts';

export function contextAndSettings(): BuildContext & { config: SiteConfig } {
  const context = readBuildContext(process.env, process.cwd());
  const { config, problems } = readSiteConfig(context.root);
  if (!config) {
    console.error('The site settings have errors; fix them first:');
    for (const p of problems) console.error(`  ${formatProblem(p)}`);
    process.exit(1);
  }
  return { ...context, config };
}
