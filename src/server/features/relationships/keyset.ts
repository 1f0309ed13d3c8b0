import { asc, desc, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../../platform/errors';
import { uuidPattern } from '../../platform/ids';
import { decodeCursor } from '../../platform/pagination';

export type CursorValue = string | number | null;

/** One part of a sort key: a column or an expression (a rank, a coalesce…) and its SQL type for the cursor. */
export type SortKey = {
  expr: SQL | AnyPgColumn | SQL.Aliased;
  type: 'text' | 'uuid' | 'int' | 'date' | 'timestamptz';
};

const fits: Record<SortKey['type'], (v: CursorValue) => boolean> = {
  text: (v) => typeof v === 'string',
  uuid: (v) => typeof v === 'string' && uuidPattern.test(v),
  int: (v) => Number.isInteger(v),
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  timestamptz: (v) =>
    typeof v === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) &&
    !Number.isNaN(Date.parse(v)),
};

/**
 * Decodes a cursor for these keys and checks each value's type, so a cursor from another sort (or a forged
 * one) is a 400 naming `cursor` rather than a database cast error.
 */
export function decodeKeysetCursor(cursor: string | undefined, keys: SortKey[]): CursorValue[] | undefined {
  const values = decodeCursor(cursor, keys.length);
  if (values && !values.every((v, i) => fits[keys[i]!.type](v)))
    throw AppError.badField('cursor', 'is not a cursor this list returned');
  return values;
}

const exprOf = (k: SortKey): SQL => sql`${k.expr}`;

/**
 * "After the cursor" for an ordering on several keys in one direction, as a row comparison.
 * Like the platform's afterCursor, but the keys may be expressions (the platform helper takes columns only).
 */
export function afterKeys(keys: SortKey[], values: CursorValue[], direction: 'asc' | 'desc'): SQL {
  const cols = sql.join(keys.map(exprOf), sql`, `);
  const vals = sql.join(
    values.map((v, i) => sql`${v}::${sql.raw(keys[i]!.type)}`),
    sql`, `,
  );
  return direction === 'desc' ? sql`(${cols}) < (${vals})` : sql`(${cols}) > (${vals})`;
}

export function orderByKeys(keys: SortKey[], direction: 'asc' | 'desc'): SQL[] {
  return keys.map((k) => (direction === 'asc' ? asc(exprOf(k)) : desc(exprOf(k))));
}
