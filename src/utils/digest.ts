/**
 * A digest of plain data: the same value always gives the same digest, whatever the order its
 * object keys were written in. Used for the incremental build's cache keys (src/data/page-keys.ts)
 * and the search index's reuse check, where two digests must be equal exactly when the data is.
 */
import { createHash } from 'node:crypto';

/** The value as JSON with every object's keys sorted (undefined members left out, as JSON does). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    if (v instanceof Map) return { $map: [...v.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0)) };
    if (v instanceof Set) return { $set: [...v].map((x) => canonicalJson(x)).sort() };
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** SHA-256 (hex) of the values' canonical JSON, in order. */
export function digestOf(...values: unknown[]): string {
  return createHash('sha256').update(canonicalJson(values)).digest('hex');
}

/** SHA-256 (hex) of bytes or text as they are. */
export function bytesDigest(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
