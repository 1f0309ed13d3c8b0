import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every tenant table starts with these: workspace_id leads the primary key (Citus distribution column). */
export const tenantColumns = {
  workspaceId: uuid('workspace_id').notNull(),
  id: uuid('id').notNull(),
};

export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow();

/**
 * A timestamp as the API writes it (`toISOString()`: UTC, milliseconds, `Z`), made by the database. Lists
 * select their timestamps this way: parsed into `Date` and written back in Node they were ~15% of a
 * timeline page's server time (ADR 006). Exact for the millisecond precision every column here has.
 */
export const isoText = (value: SQLWrapper) =>
  sql<string>`to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** `isoText`, or null for a null timestamp. */
export const isoTextOrNull = (value: SQLWrapper) => isoText(value) as unknown as SQL<string | null>;

/**
 * A timestamp column's UTC day, for reads answered as JSON (db/json-rows.ts), where a date is written
 * `YYYY-MM-DD` whatever the session's settings (null stays null). A date, not `to_char`'s text: formatting
 * cost the database ~0.3 µs a row, and the balance reads thousands.
 */
export const utcDay = (column: string) => sql.raw(`(${column} at time zone 'UTC')::date`);

/**
 * `AND <column> IN (…)` over the given ids, for raw reads limited to some of a workspace's rows (the teams
 * asked for); nothing when `ids` is absent, meaning all of them.
 */
export const andIdIn = (column: string, ids: readonly string[] | undefined) =>
  ids
    ? sql`AND ${sql.raw(column)} IN (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
