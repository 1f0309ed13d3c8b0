import { type SQL, sql } from 'drizzle-orm';
import { executeNamed } from './named-statements';
import type { Db } from './open';

/**
 * A read of many rows, answered as one JSON value: the database builds the array, and `JSON.parse` reads it
 * in one native call. Row by row, each field of each row is decoded by the driver in JavaScript — on the
 * embedded database that cost more than the query itself for reads of thousands of small rows (the balance's
 * rollups and evidence). The query's column names become the keys; dates and timestamps should be selected
 * as text (`to_char`, `isoText`), since JSON writes timestamps in the session's time zone.
 */
export async function rowsAsJson<T>(db: Db, query: SQL): Promise<T[]> {
  return (await readsAsJson(db, { rows: jsonRead<T>(query) })).rows;
}

/**
 * The rows of the subquery named `alias` as one JSON array, as text (`[]` when there are none): one field for
 * the driver to decode instead of every field of every row. The subquery's order is the array's.
 */
export const jsonArrayText = (alias: string) =>
  sql<string>`coalesce(json_agg(${sql.identifier(alias)}), '[]')::text`;

/** One read of `readsAsJson`: a query (null when there is nothing to read) and what its rows become. */
export type JsonRead<V> = { query: SQL | null; shape: (rows: never[]) => V };

export function jsonRead<R>(query: SQL | null): JsonRead<R[]>;
export function jsonRead<R, V>(query: SQL | null, shape: (rows: R[]) => V): JsonRead<V>;
export function jsonRead<R, V>(query: SQL | null, shape?: (rows: R[]) => V): JsonRead<V | R[]> {
  return { query, shape: (shape ?? ((rows: R[]) => rows)) as (rows: never[]) => V | R[] };
}

/**
 * Several reads in one statement, each one's rows as one JSON value in a column of its own. On PostgreSQL a
 * statement is a round trip: writing it to the socket, waking the server, reading its answer — ~0.4 ms of the
 * server's CPU a statement on a loopback socket in the bench's profile, more than most of the balance's
 * reads cost the database (ADR 006). Embedded, it is one turn of the event loop instead of one per read
 * (ADR 014). The reads run one after another in the database, so reads that would have run in parallel on
 * several connections now add up.
 */
export async function readsAsJson<T extends Record<string, JsonRead<unknown>>>(
  db: Db,
  reads: T,
  /** `named`: a statement of a few fixed shapes, prepared once per connection (db/named-statements.ts). */
  options: { named?: boolean } = {},
): Promise<{ [K in keyof T]: ReturnType<T[K]['shape']> }> {
  const asked = Object.entries(reads).filter(([, r]) => r.query !== null);
  const found: Record<string, string> = {};
  if (asked.length > 0) {
    const statement = sql`SELECT ${sql.join(
      asked.map(
        ([key, r]) => sql`(SELECT ${jsonArrayText('q')} FROM (${r.query}) q) AS ${sql.identifier(key)}`,
      ),
      sql`, `,
    )}`;
    const result = options.named
      ? await executeNamed<Record<string, string>>(db, statement)
      : ((await db.execute(statement)) as unknown as { rows: Record<string, string>[] });
    Object.assign(found, result.rows[0]);
  }
  const out: Record<string, unknown> = {};
  for (const [key, r] of Object.entries(reads))
    out[key] = r.shape((found[key] === undefined ? [] : JSON.parse(found[key])) as never[]);
  return out as { [K in keyof T]: ReturnType<T[K]['shape']> };
}

/** One read on its own. */
export async function readJson<V>(db: Db, read: JsonRead<V>): Promise<V> {
  return (await readsAsJson(db, { read })).read as V;
}
