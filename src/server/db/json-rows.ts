import { type SQL, sql } from 'drizzle-orm';
import { executeNamedText, type StatementText, writtenOut } from './named-statements';
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
): Promise<Shaped<T>> {
  const statement = statementOf(reads);
  if (statement === null) return shaped(reads, {});
  const result = (await db.execute(statement)) as unknown as { rows: Record<string, string>[] };
  return shaped(reads, result.rows[0] ?? {});
}

type Shaped<T extends Record<string, JsonRead<unknown>>> = { [K in keyof T]: ReturnType<T[K]['shape']> };

/** Each read's subquery as a column of one statement; null when none has a query. */
function statementOf(reads: Record<string, JsonRead<unknown>>): SQL | null {
  const asked = Object.entries(reads).filter(([, r]) => r.query !== null);
  if (asked.length === 0) return null;
  return sql`SELECT ${sql.join(
    asked.map(
      ([key, r]) => sql`(SELECT ${jsonArrayText('q')} FROM (${r.query}) q) AS ${sql.identifier(key)}`,
    ),
    sql`, `,
  )}`;
}

function shaped<T extends Record<string, JsonRead<unknown>>>(reads: T, found: Record<string, string>) {
  const out: Record<string, unknown> = {};
  for (const [key, r] of Object.entries(reads))
    out[key] = r.shape((found[key] === undefined ? [] : JSON.parse(found[key])) as never[]);
  return out as Shaped<T>;
}

/** Per database, the statements `readsAsJsonKept` built, by key, oldest first. */
const kept = new WeakMap<
  Db,
  Map<string, { reads: Record<string, JsonRead<unknown>>; text: StatementText | null }>
>();
/** How many statements `readsAsJsonKept` keeps per database (a few per tenant and day at most). */
export const KEPT_STATEMENTS = 64;

/**
 * `readsAsJson` as a named statement (db/named-statements.ts), for reads of a few fixed shapes that are built again and again from the same values:
 * `build` runs and drizzle writes the statement out once per `key`, which must name every value the reads are
 * built from; later calls with that key only run it. Building and writing out the balance's two statements
 * (some forty subqueries, 6 and 10 KB of SQL) took ~0.4 ms of the server's ~6 ms of CPU a request at S on
 * PostgreSQL, and a tenth of all it allocated (ADR 006).
 */
export async function readsAsJsonKept<T extends Record<string, JsonRead<unknown>>>(
  db: Db,
  key: string,
  build: () => T,
): Promise<Shaped<T>> {
  let statements = kept.get(db);
  if (!statements) {
    statements = new Map();
    kept.set(db, statements);
  }
  let statement = statements.get(key);
  if (statement) {
    // Most recently used last, so the oldest is the one to drop.
    statements.delete(key);
    statements.set(key, statement);
  } else {
    const built = build();
    const written = statementOf(built);
    // Only the shapes are kept with the text: the queries' SQL objects are many times its size.
    const reads = Object.fromEntries(
      Object.entries(built).map(([name, r]) => [name, { query: null, shape: r.shape }]),
    );
    statement = { reads, text: written && writtenOut(db, written) };
    statements.set(key, statement);
    if (statements.size > KEPT_STATEMENTS) statements.delete(statements.keys().next().value!);
  }
  const reads = statement.reads as T;
  if (statement.text === null) return shaped(reads, {});
  const result = await executeNamedText<Record<string, string>>(db, statement.text, 'shape');
  return shaped(reads, result.rows[0] ?? {});
}

/** One read on its own. */
export async function readJson<V>(db: Db, read: JsonRead<V>): Promise<V> {
  return (await readsAsJson(db, { read })).read as V;
}
