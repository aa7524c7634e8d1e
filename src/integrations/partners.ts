/**
 * The partners-only action-plan dashboards (issue 4). Their pages live in src/partners/, outside
 * src/pages/, and exist only when this integration injects them: in `npm run build:partners`
 * (PARTNERS_BUILD=1). The public build has no such routes at all, so nothing of them can reach
 * its output, sitemap, feed or search index.
 */
import type { AstroIntegration } from 'astro';

/** The injected routes: URL pattern and page file. */
export const PARTNERS_ROUTES: readonly { pattern: string; entrypoint: string }[] = [
  { pattern: '/partners', entrypoint: './src/partners/index.astro' },
  { pattern: '/partners/actions', entrypoint: './src/partners/actions.astro' },
  { pattern: '/partners/actions/due/[window]', entrypoint: './src/partners/window.astro' },
  { pattern: '/partners/actions/status/[status]', entrypoint: './src/partners/status.astro' },
  { pattern: '/partners/agencies', entrypoint: './src/partners/agencies.astro' },
  { pattern: '/partners/agencies/[agency]', entrypoint: './src/partners/agency.astro' },
  { pattern: '/partners/reviews/[slug]', entrypoint: './src/partners/review.astro' },
  { pattern: '/partners/open-actions.csv', entrypoint: './src/partners/open-actions.csv.ts' },
  { pattern: '/partners/cases', entrypoint: './src/partners/cases.astro' },
];

export default function partnersIntegration({ partners }: { partners: boolean }): AstroIntegration {
  return {
    name: 'lscp:partners-dashboards',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        if (!partners) return;
        for (const route of PARTNERS_ROUTES) injectRoute({ ...route, prerender: true });
      },
    },
  };
}
