import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { executeNamed, executeNamedText, MAX_SHAPES } from './named-statements';
import { openDatabase } from './open';

describe('statements of a few fixed shapes', () => {
  it.runIf(inject('testDatabaseUrl'))(
    'are prepared once per connection on PostgreSQL, each shape under one name, and no more than the cap',
    async () => {
      // One connection, so the statements it prepared can be listed from it.
      const { db, close } = await openDatabase({
        kind: 'postgres',
        url: inject('testDatabaseUrl'),
        poolSize: 1,
      });
      const prepared = async () =>
        (
          (await db.execute(sql`SELECT name FROM pg_prepared_statements`)) as unknown as {
            rows: { name: string }[];
          }
        ).rows;
      try {
        for (const n of [1, 2, 3]) {
          const { rows } = await executeNamed<{ n: number }>(db, sql`SELECT ${n}::int + 1 AS n`);
          expect(rows).toEqual([{ n: n + 1 }]);
        }
        expect((await prepared()).filter((p) => p.name.startsWith('shape_'))).toHaveLength(1);

        // Shapes past the cap still answer, unnamed.
        for (let k = 0; k < MAX_SHAPES + 3; k++) {
          const { rows } = await executeNamed<{ k: number }>(db, sql.raw(`SELECT ${k}::int AS k`));
          expect(rows).toEqual([{ k }]);
        }
        const names = (await prepared()).filter((p) => p.name.startsWith('shape_'));
        expect(names.length).toBe(MAX_SHAPES);
      } finally {
        await close();
      }
    },
  );

  it('are prepared once on the embedded database, the values written as literals, and no more than the cap', async () => {
    const { db, close } = await openDatabase({ kind: 'pglite' });
    const prepared = async () =>
      (
        (await db.execute(
          sql`SELECT name FROM pg_prepared_statements WHERE name LIKE 'shape\_%'`,
        )) as unknown as { rows: { name: string }[] }
      ).rows;
    try {
      for (const [n, text] of [
        [41, "it's"],
        [1, 'a; DROP TABLE x --'],
        [-7, ''],
      ] as const) {
        const { rows } = await executeNamed<{ n: number; text: string; none: string | null }>(
          db,
          sql`SELECT ${n}::int + 1 AS n, ${text}::text AS text, ${null}::text AS none`,
        );
        expect(rows).toEqual([{ n: n + 1, text, none: null }]);
      }
      expect(await prepared()).toHaveLength(1);

      for (let k = 0; k < MAX_SHAPES + 3; k++) {
        const { rows } = await executeNamed<{ k: number }>(db, sql.raw(`SELECT ${k}::int AS k`));
        expect(rows).toEqual([{ k }]);
      }
      expect(await prepared()).toHaveLength(MAX_SHAPES);
    } finally {
      await close();
    }
  });

  it.runIf(inject('testDatabaseUrl'))(
    'give each family its own cap on PostgreSQL, and read dates as the database writes them',
    async () => {
      const { db, close } = await openDatabase({
        kind: 'postgres',
        url: inject('testDatabaseUrl'),
        poolSize: 1,
      });
      const prepared = async (prefix: string) =>
        (
          (await db.execute(
            sql`SELECT name FROM pg_prepared_statements WHERE starts_with(name, ${prefix})`,
          )) as unknown as { rows: { name: string }[] }
        ).rows;
      try {
        // The other family may have filled its cap already (the process's first texts are named).
        for (let k = 0; k < MAX_SHAPES + 1; k++)
          await executeNamed(db, sql.raw(`SELECT ${k}::int AS k, 'shape' AS family`));
        for (const day of ['2026-01-31', '2026-02-01']) {
          const { rows } = await executeNamedText<{ day: string; at: string }>(
            db,
            { sql: "SELECT $1::date AS day, '2026-01-31T10:00:00Z'::timestamptz AS at", params: [day] },
            'list',
          );
          expect(rows[0]!.day).toBe(day);
          expect(typeof rows[0]!.at).toBe('string');
        }
        expect(await prepared('list_')).toHaveLength(1);
      } finally {
        await close();
      }
    },
  );

  it('run inside a transaction unnamed, each value in its place', async () => {
    const { db, close } = await openDatabase({ kind: 'pglite' });
    try {
      const rows = await db.transaction(
        async (tx) =>
          (
            await executeNamedText<{ a: string; b: number; c: string }>(
              tx,
              {
                sql: 'SELECT $2::text AS a, $1::int AS b, $2::text || $3::text AS c',
                params: [7, "it's", '$1'],
              },
              'list',
            )
          ).rows,
      );
      expect(rows).toEqual([{ a: "it's", b: 7, c: "it's$1" }]);
    } finally {
      await close();
    }
  });
});
