/**
 * How every editor's YAML is read, shared by the fast reader (fast-reader.ts) and the `yaml`
 * package's reading of everything else (source.ts), so the two agree.
 */

/**
 * YAML 1.2, core schema, a key twice is an error. The package prints nothing itself
 * (`logLevel`): every problem comes back as a located problem instead.
 */
export const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false, version: '1.2', logLevel: 'error' } as const;

/** Lists and blocks of fields inside each other: editors' files need a few levels, never this many. */
export const MAX_NESTING = 64;
