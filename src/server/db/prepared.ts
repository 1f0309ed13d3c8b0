import { PGlite } from '@electric-sql/pglite';
import { fillPlaceholders } from 'drizzle-orm';
import { executeOnPglite } from './named-statements';
import type { Db } from './open';

/**
 * Statements of a fixed shape, built once per database handle instead of on every request (ADR 006 item 5):
 * drizzle spends more of a small read's time assembling the SQL than PostgreSQL spends answering it. On
 * PostgreSQL a prepared statement is also parsed once per connection and, after a few executions, may run
 * a generic plan — right for a lookup by key. A list, whose best plan depends on how big the workspace is,
 * builds its text here and names it per workspace (relationships.query.ts#listStatement). Inside a
 * transaction the handle is new each time, so the statement is built as before.
 */
const built = new WeakMap<Db, Map<string, unknown>>();

export function preparedOnce<T>(db: Db, name: string, build: (db: Db, name: string) => T): T {
  let forDb = built.get(db);
  if (!forDb) {
    forDb = new Map();
    built.set(db, forDb);
  }
  let statement = forDb.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(db, name);
    forDb.set(name, statement);
  }
  return statement;
}

/** What drizzle's embedded prepared query holds: its client, its text and its values ($n, placeholders kept). */
type EmbeddedPrepared = { client?: unknown; queryString?: unknown; params?: unknown };

/**
 * A prepared select's rows as the driver gives them — objects keyed by column name, no per-field mapping by
 * drizzle — for hot lists whose columns are already what the answer needs (every driver's prepared query has
 * `all()`; drizzle's select types only name `execute()`). Columns of the same name need aliases.
 *
 * On PostgreSQL drizzle names the statement, so each connection parses it once and may keep its plan; embedded,
 * drizzle's prepared query is parsed and planned on every run, so it is run as a named statement of ours
 * (named-statements.ts, family `prepared`): for a timeline page, planning was a third of the database's work.
 * Inside a transaction (its own client) it runs as drizzle runs it.
 */
export function rowsAsRead<T>(statement: unknown, values: Record<string, unknown>): Promise<T[]> {
  const held = statement as EmbeddedPrepared;
  if (held.client instanceof PGlite && typeof held.queryString === 'string' && Array.isArray(held.params)) {
    const params = fillPlaceholders(held.params, values);
    return executeOnPglite<T>(held.client, { sql: held.queryString, params }, 'prepared').then((r) => r.rows);
  }
  return (statement as { all(values: Record<string, unknown>): Promise<T[]> }).all(values);
}
