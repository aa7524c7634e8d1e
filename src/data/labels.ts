/**
 * Words readers see for ids: theme labels, review types, partnership names, file sizes.
 */
import { REVIEW_TYPE_LABELS, REPORT_DOCUMENT_LABELS, NATIONAL_KIND_LABELS } from '../schemas/documents.ts';
import { siteConfig } from './model.ts';

export { REVIEW_TYPE_LABELS, REPORT_DOCUMENT_LABELS, NATIONAL_KIND_LABELS };

/** The label of a theme id (the id itself if unknown; the checker reports unknown ids). */
export function themeLabel(id: string): string {
  return siteConfig().themes.find((t) => t.id === id)?.label ?? id;
}

/** The name of a partnership id. */
export function partnershipName(id: string): string {
  return siteConfig().settings.partnerships.find((p) => p.id === id)?.name ?? id;
}

/** A file size as people read it: 840 KB, 2.4 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
