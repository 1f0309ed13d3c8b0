import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Page } from './common.contract';
import { AppError } from './errors';

type CursorValue = string | number | null;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** An opaque cursor back into its key values; anything else a client sends is a 400 on `cursor`. */
export function decodeCursor(cursor: string | undefined, size: number): CursorValue[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === size &&
      v.every((x) => x === null || typeof x === 'string' || typeof x === 'number')
    )
      return v as CursorValue[];
  } catch {}
  throw AppError.badField('cursor', 'is not a cursor this list returned');
}

/**
 * Keyset condition "after the cursor" for an ordering on `columns` (all in the same direction);
 * a row comparison the index on those columns serves directly.
 */
export function afterCursor(columns: AnyPgColumn[], values: CursorValue[], direction: 'asc' | 'desc'): SQL {
  const cols = sql.join(
    columns.map((c) => sql`${c}`),
    sql`, `,
  );
  const vals = sql.join(
    values.map((v, i) => sql`${v}::${sql.raw(columns[i]!.getSQLType())}`),
    sql`, `,
  );
  return direction === 'desc' ? sql`(${cols}) < (${vals})` : sql`(${cols}) > (${vals})`;
}

/** Fetch limit + 1 rows, then call this: it trims the extra row and makes the cursor from the last kept one. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => CursorValue[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
