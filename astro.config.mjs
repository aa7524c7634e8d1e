// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { readBuildContext } from './src/config/build-context.ts';
import { siteConfig } from './src/config/site-config.ts';
import pagefindIntegration from './src/integrations/pagefind.ts';
import modelIntegration from './src/integrations/model.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import partnersDashboards from './src/integrations/partners.ts';
import incrementalGuard from './src/integrations/incremental.ts';

/**
 * The build context, read from the environment here and only here: today (BUILD_NOW, London
 * time), the content folder (CONTENT_ROOT) and which build (`npm run build:partners` sets
 * PARTNERS_BUILD=1: a separate, noindex build for the partners' intranet).
 */
const context = readBuildContext(process.env, process.cwd());
const partners = context.build === 'partners';
const { settings } = siteConfig(context.root);

export default defineConfig({
  site: settings.siteUrl,
  outDir: partners ? './dist-partners' : './dist',
  // Caches (the content layer's store, the incremental build's pages, the search index) in the
  // project folder, one per kind of build: never shared by two copies of the project that link
  // one node_modules, nor by the public and partners builds.
  cacheDir: `./.cache/${context.build}`,
  // A page whose cache key (src/data/page-keys.ts) and code are unchanged is copied from the last
  // build; src/integrations/incremental.ts decides when nothing may be reused.
  experimental: { incrementalBuild: true },
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Everything the site needs ships with it: no prefetching, no third-party requests.
  prefetch: false,
  // Reports are prose: no code highlighting (Shiki's inline styles would break the CSP).
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  integrations: [
    // First: the one check of this build. Invalid content stops the build before anything is
    // written; the pages read the checked model (virtual:lscp/model) and the context.
    modelIntegration(context),
    mdx(),
    // The action-plan dashboards for partners: routes exist only in the partners build.
    partnersDashboards({ partners }),
    // The partners' build is never listed in a sitemap.
    ...(partners ? [] : [sitemap({ filter: (page) => !/\/404\/?$/.test(page) })]),
    pagefindIntegration(),
    // The headers a meta tag cannot carry (frame-ancestors, nosniff, Referrer-Policy, ...), as `_headers`.
    securityHeaders({ partners }),
    // Last: it marks the build finished, so a build cut short is followed by a clean one.
    incrementalGuard(context),
  ],
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  vite: {
    // GOV.UK Frontend keeps an old-browser media query hack that Lightning CSS rejects.
    build: { cssMinify: 'esbuild' },
    css: {
      preprocessorOptions: {
        scss: {
          loadPaths: ['node_modules'],
          additionalData: `$brand-colour: ${settings.brandColour};\n`,
          quietDeps: true,
        },
      },
    },
  },
});
