/**
 * The site's one source of content data: the model the checker validated for this build
 * (`virtual:lscp/model`, from src/integrations/model.ts) and the build context it was made for.
 * Nothing in src/data parses a content file; bodies come from the content layer (src/data/public.ts).
 */
import model, { bodiesDir } from 'virtual:lscp/model';
import type { BuildContext } from '../config/build-context.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { SiteModel } from '../check/model.ts';
import type { IsoDate } from '../utils/dates.ts';

/** The folder of rendered document bodies (src/utils/document-body.ts). */
export const documentBodiesDir: string = bodiesDir;

/** The validated model of this build's content. */
export function siteModel(): SiteModel {
  return model;
}

/** The build context: today, the content folder, which build. */
export const context: BuildContext = model.context;

/** "Today" for this build: the calendar date in England at BUILD_NOW (or now). */
export const today: IsoDate = model.context.today;

/** True in `npm run build:partners` (PARTNERS_BUILD=1). */
export const partnersBuild: boolean = model.context.build === 'partners';

/** Settings, themes and agencies. */
export function siteConfig(): SiteConfig {
  return model.config;
}
