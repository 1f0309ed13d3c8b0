import { asc, desc, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Page } from './common.contract';
import { AppError } from './errors';
import { uuidPattern } from './ids';

export type CursorValue = string | number | null;

/** One part of a sort key: a column or an expression (a rank, a coalesce…) and its SQL type for the cursor. */
export type SortKey = {
  expr: SQL | AnyPgColumn | SQL.Aliased;
  type: 'text' | 'uuid' | 'int' | 'date' | 'timestamptz';
};

const badCursor = () => AppError.badField('cursor', 'is not a cursor this list returned');

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
  throw badCursor();
}

// A tampered cursor (or one from another sort) must be a 400 on `cursor`, not a database cast error.
const fits: Record<SortKey['type'], (v: CursorValue) => boolean> = {
  text: (v) => typeof v === 'string' && !v.includes('\u0000'),
  uuid: (v) => typeof v === 'string' && uuidPattern.test(v),
  int: (v) => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 31,
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  timestamptz: (v) =>
    typeof v === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) &&
    !Number.isNaN(Date.parse(v)),
};

/** Decodes a cursor for these keys and checks each value's type. */
export function decodeKeysetCursor(cursor: string | undefined, keys: SortKey[]): CursorValue[] | undefined {
  const values = decodeCursor(cursor, keys.length);
  if (values && !values.every((v, i) => fits[keys[i]!.type](v))) throw badCursor();
  return values;
}

const exprOf = (k: SortKey): SQL => sql`${k.expr}`;

/** "After the cursor" for an ordering on several keys in one direction, as a row comparison an index serves. */
export function afterKeys(
  keys: SortKey[],
  values: Array<CursorValue | Placeholder>,
  direction: 'asc' | 'desc',
): SQL {
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

function keyOfColumn(c: AnyPgColumn): SortKey {
  const t = c.getSQLType();
  const type: SortKey['type'] =
    t === 'uuid'
      ? 'uuid'
      : t.startsWith('timestamp')
        ? 'timestamptz'
        : t === 'date'
          ? 'date'
          : t === 'integer'
            ? 'int'
            : 'text';
  return { expr: c, type };
}

/** The common case: plain columns. Validates the cursor's values against the columns' types. */
export function afterCursor(columns: AnyPgColumn[], values: CursorValue[], direction: 'asc' | 'desc'): SQL {
  const keys = columns.map(keyOfColumn);
  if (!values.every((v, i) => fits[keys[i]!.type](v))) throw badCursor();
  return afterKeys(keys, values, direction);
}

/** Fetch limit + 1 rows, then call this: it trims the extra row and makes the cursor from the last kept one. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => CursorValue[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
