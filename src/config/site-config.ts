/**
 * Loads the site-wide settings, themes and agencies from `content/`. Used by astro.config.mjs (the
 * site's address and colour) and by `npm run check` (whose model gives them to the pages); a problem in any of them is a build error naming the file and line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { agenciesFileSchema, settingsSchema, themesFileSchema, type Agency, type Settings, type Theme } from '../schemas/site.ts';
import { ContentError, type Problem } from '../utils/problems.ts';
import { parseWithSchema } from '../utils/yaml-source.ts';
import type { z } from 'astro/zod';

export interface SiteConfig {
  settings: Settings;
  themes: Theme[];
  agencies: Agency[];
}

function readOne<S extends z.ZodType>(root: string, rel: string, schema: S, problems: Problem[]): z.output<S> | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(root, rel), 'utf8');
  } catch {
    problems.push({ severity: 'error', file: rel, kind: 'missing-file', message: 'this file is missing; the site cannot be built without it' });
    return undefined;
  }
  const parsed = parseWithSchema(text, rel, schema);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  return parsed.data;
}

/** Reads settings, themes and agencies, returning every problem found in them. */
export function readSiteConfig(root: string): { config?: SiteConfig; problems: Problem[] } {
  const problems: Problem[] = [];
  const settings = readOne(root, 'content/settings.yaml', settingsSchema, problems);
  const themes = readOne(root, 'content/themes.yaml', themesFileSchema, problems);
  const agencies = readOne(root, 'content/agencies.yaml', agenciesFileSchema, problems);
  for (const [list, file] of [
    [themes, 'content/themes.yaml'],
    [agencies, 'content/agencies.yaml'],
  ] as const) {
    const seen = new Set<string>();
    for (const item of list ?? []) {
      if (seen.has(item.id)) problems.push({ severity: 'error', file, kind: 'duplicate-id', message: `the id "${item.id}" is listed twice` });
      seen.add(item.id);
    }
  }
  if (!settings || !themes || !agencies || problems.length > 0) return { problems };
  return { config: { settings, themes, agencies }, problems };
}

/** The site configuration read from `root`; throws a ContentError listing every problem. */
export function siteConfig(root: string): SiteConfig {
  const { config, problems } = readSiteConfig(root);
  if (!config) throw new ContentError(problems);
  return config;
}
