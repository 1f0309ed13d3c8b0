import { type PGlite, type QueryOptions, types } from '@electric-sql/pglite';

/**
 * The types drizzle asks PGlite to hand back as text (it converts them itself): timestamps, dates,
 * intervals and their arrays. Drizzle sends these parsers with every statement, and PGlite then copies its
 * whole table of ~300 parsers to merge them in, per statement — about a tenth of a millisecond, as much as
 * a small query's own work (ADR 006). Installed once on the engine instead, the per-statement copy goes.
 */
const drizzleReadsAsText = new Set(
  [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map(String),
);

const asText = (value: string) => value;

/** Makes the engine itself return drizzle's text types as text. */
export function installDrizzleParsers(pglite: PGlite): void {
  for (const oid of drizzleReadsAsText) pglite.parsers[Number(oid)] = asText;
}

/**
 * The statement's options without parsers when they only ask for what the engine already does; anything
 * else passes through untouched.
 */
export function withoutInstalledParsers(options?: QueryOptions): QueryOptions | undefined {
  const parsers = options?.parsers;
  if (!parsers) return options;
  for (const oid in parsers) if (!drizzleReadsAsText.has(oid)) return options;
  const { parsers: _installed, ...rest } = options;
  return rest;
}
