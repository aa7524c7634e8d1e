/**
 * One loaded model, one clock: the checker's validated model is what every page reads.
 *
 * The integration is given the build context (read once in astro.config.mjs) and:
 * - in `astro build`, runs the whole check once at the start: invalid content stops the build
 *   before anything is written (every error listed), the monitoring flags are printed, and the
 *   MESI report and CSV are written to `reports/`, exactly as `npm run check` does;
 * - gives the pages a virtual module, as Starlight does for its project context:
 *   `virtual:lscp/model`, the site model made from that one check and the build context it was
 *   made for (src/check/model.ts). Pages read content only through src/data/, which imports it;
 *   no file is parsed twice and nothing is handed over through globals;
 * - in `npm run dev`, watches `content/` and `reviews/`: any change runs the check again, drops
 *   the old model from Vite's module graph (with every module that imported it) and reloads the
 *   browser, so every page shows the change without a restart. While the content has errors the
 *   model module fails to load with the errors, located as `npm run check` prints them, and Astro
 *   shows them in its error overlay on every page (never a 404 or a blank page); fixing the file
 *   brings the pages back.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { isRunnableDevEnvironment, type Plugin, type ViteDevServer } from 'vite';
import { bodiesDir } from '../utils/document-body.ts';
import type { BuildContext } from '../config/build-context.ts';
import { formatResult, runCheck, scanMemo, writeReports, type CheckResult } from '../check/index.ts';
import { toSiteModel } from '../check/model.ts';
import { formatProblem } from '../utils/problems.ts';

export const MODEL_MODULE = 'virtual:lscp/model';
const RESOLVED_MODEL = `\0${MODEL_MODULE}`;
/** How long a changed file must be left alone before the check runs again (dev only). */
const SETTLE_MS = 120;

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

/**
 * The error the model module fails with while the content has errors. Astro's error overlay shows
 * its message (every error, located), a code frame of the first error's file at its line, and the
 * hint. It has no stack: the fault is in the content, not in the code.
 */
export class ContentErrors extends Error {
  override name = 'ContentErrors';
  /** The first error's place, for the overlay's code frame. */
  loc?: { file: string; line: number; column: number };
  hint = 'Fix the file named above and save it: the page comes back by itself. `npm run check` lists the same errors.';
  constructor(result: CheckResult) {
    super(contentErrorMessage(result));
    const first = result.errors[0];
    if (first?.line) this.loc = { file: path.join(result.root, first.file), line: first.line, column: first.column ?? 1 };
    this.stack = `${this.name}: ${this.message}`;
  }
  // Astro's overlay guesses a hint from the text; a message naming a "document" is not about the browser's.
  override toString(): string {
    return this.name;
  }
}

/** True when `file` is content the model is made from (under content/ or reviews/ of `root`). */
export function isContentFile(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
  const [top] = rel.split(path.sep);
  return top === 'content' || top === 'reviews';
}

/**
 * Drops a virtual module, and every module that imported it (directly or not), from the dev
 * server's module graphs and from the module runner that evaluates pages, so the next request
 * evaluates them again. Importers are found in both graphs: after the module failed to load, the
 * runner has no node for it, but the server's graph still knows who imports it.
 */
function invalidate(server: ViteDevServer, id: string): void {
  const timestamp = Date.now();
  for (const environment of Object.values(server.environments)) {
    const graph = environment.moduleGraph;
    const evaluated = isRunnableDevEnvironment(environment) ? environment.runner.evaluatedModules : undefined;
    const seen = new Set<string>();
    const stack = [id];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (seen.has(current)) continue;
      seen.add(current);
      const mod = graph.getModuleById(current);
      if (mod) {
        for (const importer of mod.importers) if (importer.id) stack.push(importer.id);
        graph.invalidateModule(mod, undefined, timestamp, true);
      }
      const node = evaluated?.getModuleById(current);
      if (node) {
        for (const importer of node.importers) stack.push(importer);
        evaluated!.invalidateModule(node);
      }
    }
  }
}

/** What of the settings astro.config.mjs reads (undefined while the settings have errors). */
function configKey(result: CheckResult): string | undefined {
  const settings = result.project.config?.settings;
  return settings ? JSON.stringify([settings.brandColour, settings.siteUrl]) : undefined;
}

/** The model module of a build: it reads the model the integration wrote for this build. */
function readModelModule(file: string, bodies: string): string {
  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n${bodiesExport(bodies)}`;
}

/** Where the pages read rendered bodies from (src/utils/document-body.ts). */
function bodiesExport(bodies: string): string {
  return `export const bodiesDir = ${JSON.stringify(bodies)};`;
}

export default function modelIntegration(context: BuildContext): AstroIntegration {
  let result: CheckResult | undefined;
  /** A file Astro restarts the dev server for when it changes (dev only). */
  let restartFile: string | undefined;
  /** The project folder (Astro's root), where the anonymisation scan's findings are kept. */
  let projectDir = process.cwd();
  /** `astro build --force`: nothing kept from an earlier build is reused, the scan's findings included. */
  const force = process.argv.includes('--force');
  /** The check for this context, run once (and again after a change in dev). */
  const check = () => {
    if (result) return result;
    const memo = scanMemo(projectDir, { reuse: !force });
    result = runCheck({ root: context.root, today: context.today, memo });
    memo.save();
    scanned = { hits: memo.hits, misses: memo.misses };
    return result;
  };
  /** How many files the last check's anonymisation scan read afresh, and took from the last run. */
  let scanned = { hits: 0, misses: 0 };

  /** The folder of rendered bodies (set from Astro's cache folder in astro:config:setup). */
  let bodies = '';
  /** The model written for this build's pages (build only). */
  let modelFile: string | undefined;
  /** Where a build writes it: set from Astro's cache folder in astro:config:setup. */
  let modelFilePath = path.join(os.tmpdir(), 'lscp-model.json');
  const plugin = (logger: AstroIntegrationLogger, command: 'build' | 'dev' | 'preview' | 'sync'): Plugin => ({
    name: 'lscp:model',
    resolveId(id) {
      if (id === MODEL_MODULE) return RESOLVED_MODEL;
      return undefined;
    },
    load(id) {
      if (id !== RESOLVED_MODEL) return undefined;
      // A build: the model the check wrote (astro:config:setup below).
      if (command === 'build') {
        if (!modelFile) throw new Error('The site model was not written: the check did not finish. Build again; if it happens again, please report it.');
        return readModelModule(modelFile, bodies);
      }
      const r = check();
      if (r.errors.length > 0) throw new ContentErrors(r);
      // A JSON string is quicker for the engine to read than the same object as a literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(toSiteModel(r, context)))});\n${bodiesExport(bodies)}`;
    },
    configureServer(server) {
      server.watcher.add([path.join(context.root, 'content'), path.join(context.root, 'reviews')]);
      // The brand colour and the site's address are read once, by astro.config.mjs (the styles
      // and the sitemap are built from them): when either changes, Astro restarts the dev server
      // (it watches `restartFile`, given to it with addWatchFile).
      const startup = configKey(check());
      // Editors and tools often write a file in steps (truncate, then write): check again once it
      // settles, say what was found, and reload the browser.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const changed = new Set<string>();
      server.watcher.on('all', (_event, file) => {
        if (!isContentFile(context.root, file)) return;
        changed.add(path.relative(context.root, file));
        // At once: a page requested from now on (Astro itself reloads a page whose error names
        // this file) is made from the files as they are now, not from the last check.
        result = undefined;
        invalidate(server, RESOLVED_MODEL);
        clearTimeout(timer);
        timer = setTimeout(() => {
          const files = [...changed].join(', ');
          changed.clear();
          result = undefined;
          const r = check();
          if (r.errors.length > 0) logger.error(contentErrorMessage(r));
          else logger.info(`Content changed (${files}): the check passed; pages updated.`);
          const now = configKey(r);
          if (startup !== undefined && now !== undefined && now !== startup) {
            logger.info('The brand colour or the site address changed in content/settings.yaml: restarting the dev server.');
            if (restartFile) writeFileSync(restartFile, now);
            return;
          }
          invalidate(server, RESOLVED_MODEL);
          server.environments.client.hot.send({ type: 'full-reload', path: '*' });
        }, SETTLE_MS);
      });
    },
  });

  return {
    name: 'lscp:model',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig, addWatchFile }) => {
        projectDir = fileURLToPath(config.root);
        modelFilePath = fileURLToPath(new URL('lscp-model.json', config.cacheDir));
        bodies = bodiesDir(config.cacheDir);
        if (command === 'dev') {
          restartFile = fileURLToPath(new URL('.astro/lscp-restart', config.root));
          mkdirSync(path.dirname(restartFile), { recursive: true });
          if (!existsSync(restartFile)) writeFileSync(restartFile, '');
          addWatchFile(restartFile);
        }
        if (command === 'build') {
          // First: invalid content stops the build before anything is written. The model goes to
          // a file the page bundle reads when it runs, rather than into the bundle itself (Vite
          // would hold and parse it as code: at 750 reviews about 10% more memory), in this
          // build's own cache folder (one per project folder and kind of build: see
          // astro.config.mjs), at a path that is the same from one build to the next: the
          // incremental build hashes the code of every module a page imports, this one included,
          // so a new path each time would make every page look changed. The check's own result
          // is then let go: the pages need only the model.
          const r = check();
          result = undefined;
          const written = writeReports(r);
          for (const line of formatResult(r)) logger.info(line);
          logger.info(
            `Anonymisation scan: ${scanned.misses} file${scanned.misses === 1 ? '' : 's'} scanned, ${scanned.hits} unchanged since the last scan (their findings kept in .cache/anonymisation-scan.json)${force ? '; --force: every file scanned' : ''}`,
          );
          logger.info(`MESI report: ${written.markdown}`);
          if (r.errors.length > 0) {
            throw new Error(
              `The content has ${r.errors.length} error${r.errors.length === 1 ? '' : 's'} (listed above); nothing was built. Fix them and build again.`,
            );
          }
          const file = modelFilePath;
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, JSON.stringify(toSiteModel(r, context)));
          modelFile = file;
          process.once('exit', () => rmSync(file, { force: true }));
        }
        updateConfig({ vite: { plugins: [plugin(logger, command)] } });
      },
      'astro:build:done': () => {
        if (modelFile) rmSync(modelFile, { force: true });
        modelFile = undefined;
      },
    },
  };
}
