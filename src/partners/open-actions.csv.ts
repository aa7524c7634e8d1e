/**
 * PARTNERS ONLY: the open actions as CSV, written by the checker's own CSV writer
 * (src/check/report.ts), so it is the same file `npm run check` writes to reports/.
 */
import type { APIRoute } from 'astro';
import { openActionsCsv } from '../check/index.ts';
import { checkResult, partnersBuild } from '../data/plans.ts';

export const GET: APIRoute = () => {
  if (!partnersBuild) throw new Error('open-actions.csv is for the partners build only');
  return new Response(openActionsCsv(checkResult()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
