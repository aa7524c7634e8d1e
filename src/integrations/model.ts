/**
 * One loaded model, one clock: the checker's validated model is what every page reads.
 *
 * The integration is given the build context (read once in astro.config.mjs) and:
 * - in `astro build`, runs the whole check once at the start: invalid content stops the build
 *   before anything is written (every error listed), the monitoring flags are printed, and the
 *   MESI report and CSV are written to `reports/`, exactly as `npm run check` does;
 * - gives the pages two virtual modules, as Starlight does for its project context:
 *   `virtual:lscp/context` (the build context) and `virtual:lscp/model` (the site model made from
 *   that one check: src/check/model.ts). Pages read content only through src/data/, which imports
 *   them; no file is parsed twice and nothing is handed over through globals;
 * - in `npm run dev`, watches `content/` and `reviews/`: any change runs the check again, drops
 *   the old model from Vite's module graph (with every module that imported it) and reloads the
 *   browser, so every page shows the change without a restart. While the content has errors the
 *   model module fails to load with the errors, located as `npm run check` prints them, and Astro
 *   shows them in its error overlay on every page (never a 404 or a blank page); fixing the file
 *   brings the pages back.
 */
import path from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { isRunnableDevEnvironment, type Plugin, type ViteDevServer } from 'vite';
import type { BuildContext } from '../config/build-context.ts';
import { formatResult, runCheck, writeReports, type CheckResult } from '../check/index.ts';
import { toSiteModel } from '../check/model.ts';
import { formatProblem } from '../utils/problems.ts';

export const MODEL_MODULE = 'virtual:lscp/model';
export const CONTEXT_MODULE = 'virtual:lscp/context';
const RESOLVED_MODEL = `\0${MODEL_MODULE}`;
const RESOLVED_CONTEXT = `\0${CONTEXT_MODULE}`;

/** The content's errors as one message: a sentence, then one line per error as `npm run check` locates it. */
export function contentErrorMessage(result: CheckResult): string {
  const n = result.errors.length;
  return [
    `The content has ${n} error${n === 1 ? '' : 's'}; the site cannot show it until ${n === 1 ? 'it is' : 'they are'} fixed.`,
    'Fix the file, save it, and this page comes back by itself (npm run check lists the same errors).',
    '',
    ...result.errors.map((p) => formatProblem(p)),
  ].join('\n');
}

/** True when `file` is content the model is made from (under content/ or reviews/ of `root`). */
export function isContentFile(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
  const [top] = rel.split(path.sep);
  return top === 'content' || top === 'reviews';
}

/** Drops a virtual module, and every module that imported it, from the dev server's graphs. */
function invalidate(server: ViteDevServer, id: string): void {
  const timestamp = Date.now();
  for (const environment of Object.values(server.environments)) {
    const mod = environment.moduleGraph.getModuleById(id);
    if (mod) environment.moduleGraph.invalidateModule(mod, undefined, timestamp, true);
    if (!isRunnableDevEnvironment(environment)) continue;
    const evaluated = environment.runner.evaluatedModules;
    const start = evaluated.getModuleById(id);
    const seen = new Set<string>();
    const stack = start ? [start] : [];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      for (const importer of node.importers) {
        const next = evaluated.getModuleById(importer);
        if (next) stack.push(next);
      }
      evaluated.invalidateModule(node);
    }
  }
}

function logResult(result: CheckResult, logger: AstroIntegrationLogger): void {
  for (const line of formatResult(result)) logger.info(line);
}

export default function modelIntegration(context: BuildContext): AstroIntegration {
  let result: CheckResult | undefined;
  /** The check for this context, run once (and again after a change in dev). */
  const check = () => (result ??= runCheck({ root: context.root, today: context.today }));

  const plugin = (logger: AstroIntegrationLogger): Plugin => ({
    name: 'lscp:model',
    resolveId(id) {
      if (id === MODEL_MODULE) return RESOLVED_MODEL;
      if (id === CONTEXT_MODULE) return RESOLVED_CONTEXT;
      return undefined;
    },
    load(id) {
      if (id === RESOLVED_CONTEXT) return `export default ${JSON.stringify(context)};`;
      if (id !== RESOLVED_MODEL) return undefined;
      const r = check();
      if (r.errors.length > 0) throw new Error(contentErrorMessage(r));
      // A JSON string is quicker for the engine to read than the same object as a literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(toSiteModel(r, context)))});`;
    },
    configureServer(server) {
      server.watcher.add([path.join(context.root, 'content'), path.join(context.root, 'reviews')]);
      server.watcher.on('all', (_event, file) => {
        if (!isContentFile(context.root, file)) return;
        result = undefined;
        const r = check();
        if (r.errors.length > 0) logger.error(contentErrorMessage(r));
        else logger.info(`Content changed (${path.relative(context.root, file)}): the check passed; pages updated.`);
        invalidate(server, RESOLVED_MODEL);
        server.environments.client.hot.send({ type: 'full-reload', path: '*' });
      });
    },
  });

  return {
    name: 'lscp:model',
    hooks: {
      'astro:config:setup': ({ command, logger, updateConfig }) => {
        if (command === 'build') {
          // First: invalid content stops the build before anything is written.
          const r = check();
          const written = writeReports(r);
          logResult(r, logger);
          logger.info(`MESI report: ${written.markdown}`);
          if (r.errors.length > 0) {
            throw new Error(
              `The content has ${r.errors.length} error${r.errors.length === 1 ? '' : 's'} (listed above); nothing was built. Fix them and build again.`,
            );
          }
        }
        updateConfig({ vite: { plugins: [plugin(logger)] } });
      },
    },
  };
}
