import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './open';

/**
 * A read of many rows, answered as one JSON value: the database builds the array, and `JSON.parse` reads it
 * in one native call. Row by row, each field of each row is decoded by the driver in JavaScript — on the
 * embedded database that cost more than the query itself for reads of thousands of small rows (the balance's
 * rollups and evidence). The query's column names become the keys; dates and timestamps should be selected
 * as text (`to_char`, `isoText`), since JSON writes timestamps in the session's time zone.
 */
export async function rowsAsJson<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(
    sql`SELECT coalesce(json_agg(q), '[]')::text AS rows FROM (${query}) q`,
  )) as unknown as { rows: { rows: string }[] };
  return JSON.parse(result.rows[0]!.rows) as T[];
}
