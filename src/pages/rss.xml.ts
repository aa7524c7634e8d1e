/** RSS feed of new publications: built from the public catalogue only. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { catalogue } from '../data/public.ts';
import { siteConfig } from '../data/model.ts';

export const GET: APIRoute = async ({ site }) => {
  const { settings } = siteConfig();
  const { publications } = await catalogue();
  return rss({
    title: `${settings.siteName}: new publications`,
    description: 'Reviews, partnership statements, 7-minute briefings and national reports, as they are published.',
    site: site!,
    items: publications.map((p) => ({
      title: p.title,
      description: p.summary,
      link: p.path,
      pubDate: new Date(`${p.published}T12:00:00Z`),
      categories: [p.kind],
    })),
    customData: '<language>en-gb</language>',
  });
};
