import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from './open';

/**
 * Large statements of a few fixed shapes, run on PostgreSQL as named prepared statements: parsed once per
 * connection and, after five executions, planned once too when PostgreSQL finds its generic plan no dearer
 * than the custom ones. For the balance's two reads (6 and 10 KB of SQL, some forty subqueries) that took the
 * database's CPU a request from 25–35 to ~18 ms at S, and left L about even (ADR 006). A generic plan does not
 * know how big the tenant is, so each read in such a statement must have a plan good for any (see
 * balance.tallies.ts#dayCountsRead, which did not). The name is a digest of the text, so a statement built
 * with other ids or windows is another statement, never a clash. Each connection keeps what it prepared, so
 * only the first `MAX_SHAPES` texts the process meets are named; any later one runs as before. Embedded, and
 * inside a transaction (a handle without the pool), the statement runs as `db.execute` would.
 */
export const MAX_SHAPES = 16;
const named = new Set<string>();

type Dialect = { sqlToQuery(statement: SQL): { sql: string; params: unknown[] } };

export async function executeNamed<Row>(db: Db, statement: SQL): Promise<{ rows: Row[] }> {
  const { $client: client, dialect } = db as unknown as { $client?: unknown; dialect: Dialect };
  if (client instanceof pg.Pool) {
    const { sql: text, params } = dialect.sqlToQuery(statement);
    const name = `shape_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (named.has(name) || named.size < MAX_SHAPES) {
      named.add(name);
      return client.query<Row & pg.QueryResultRow>({ name, text, values: params });
    }
  }
  return (await db.execute(statement)) as unknown as { rows: Row[] };
}
