import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { executeNamed, MAX_SHAPES } from './named-statements';
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
});
