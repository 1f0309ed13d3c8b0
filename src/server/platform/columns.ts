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
