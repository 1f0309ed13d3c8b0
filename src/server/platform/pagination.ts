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
  columns.forEach((c, i) => {
    if (!fitsColumn(c.getSQLType(), values[i] ?? null))
      throw AppError.badField('cursor', 'is not a cursor this list returned');
  });
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

/** A tampered cursor must be a 400 on `cursor`, not a database cast error. */
function fitsColumn(sqlType: string, v: CursorValue): boolean {
  if (v === null) return true;
  if (sqlType === 'uuid')
    return typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
  if (sqlType.startsWith('timestamp'))
    return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));
  if (sqlType === 'date')
    return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
  if (sqlType === 'integer' || sqlType === 'bigint' || sqlType === 'smallint')
    return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 31;
  if (sqlType === 'text' || sqlType.startsWith('varchar'))
    return typeof v === 'string' && !v.includes('\u0000');
  return typeof v === 'string' || typeof v === 'number';
}
