/**
 * Loads the site-wide settings, themes and agencies from `content/`. Used by astro.config.mjs (the
 * site's address and colour) and by `npm run check` (whose model gives them to the pages); a problem in any of them is a build error naming the file and line.
 */
import path from 'node:path';
import { agenciesFileSchema, settingsSchema, themesFileSchema, type Agency, type Settings, type Theme } from '../schemas/site.ts';
import { ContentError, type Problem } from '../utils/problems.ts';
import { readTextFile } from '../utils/text-file.ts';
import { locate, type YamlSource } from '../utils/yaml/source.ts';
import { parseWithSchema } from '../utils/yaml/validate.ts';
import type { z } from 'astro/zod';

export interface SiteConfig {
  settings: Settings;
  themes: Theme[];
  agencies: Agency[];
}

function readOne<S extends z.ZodType>(
  root: string,
  rel: string,
  schema: S,
  document: string,
  problems: Problem[],
): { data: z.output<S>; source: YamlSource } | undefined {
  const read = readTextFile(path.join(root, rel), rel);
  if (!read.ok) {
    for (const p of read.problems) {
      problems.push(p.kind === 'missing-file' ? { ...p, message: 'this file is missing; the site cannot be built without it' } : p);
    }
    return undefined;
  }
  const parsed = parseWithSchema(read.text, rel, schema, 0, { document });
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  return { data: parsed.data, source: parsed.source };
}

/** Reads settings, themes and agencies, returning every problem found in them. */
export function readSiteConfig(root: string): { config?: SiteConfig; problems: Problem[] } {
  const problems: Problem[] = [];
  const settings = readOne(root, 'content/settings.yaml', settingsSchema, 'the site settings', problems);
  const themes = readOne(root, 'content/themes.yaml', themesFileSchema, 'themes', problems);
  const agencies = readOne(root, 'content/agencies.yaml', agenciesFileSchema, 'agencies', problems);
  for (const [read, file] of [
    [themes, 'content/themes.yaml'],
    [agencies, 'content/agencies.yaml'],
  ] as const) {
    const seen = new Map<string, number>();
    read?.data.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        problems.push({
          severity: 'error',
          file,
          ...locate(read.source, [i, 'id']),
          field: `[${i}].id`,
          kind: 'duplicate-id',
          message: `the id "${item.id}" is listed twice (first on line ${locate(read.source, [first, 'id']).line}); each id must be different`,
        });
      } else seen.set(item.id, i);
    });
  }
  if (!settings || !themes || !agencies || problems.length > 0) return { problems };
  return { config: { settings: settings.data, themes: themes.data, agencies: agencies.data }, problems };
}

/** The site configuration read from `root`; throws a ContentError listing every problem. */
export function siteConfig(root: string): SiteConfig {
  const { config, problems } = readSiteConfig(root);
  if (!config) throw new ContentError(problems);
  return config;
}
