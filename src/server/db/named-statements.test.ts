import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { describe, expect, inject, it } from 'vitest';
import { executeNamed, executeNamedText, MAX_SHAPES } from './named-statements';
import { openDatabase } from './open';
import { preparedOnce, rowsAsRead } from './prepared';

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

  it('are prepared once on the embedded database when the first runs of a shape arrive together, and every run executes it', async () => {
    const { db, close } = await openDatabase({ kind: 'pglite' });
    const statement = { sql: 'SELECT $1::int * 2 AS twice', params: [21] };
    try {
      // Ten requests at once, as a list's first page asked for by ten people, then five more.
      const together = await Promise.all(
        Array.from({ length: 10 }, () => executeNamedText<{ twice: number }>(db, statement, 'list')),
      );
      for (const { rows } of together) expect(rows).toEqual([{ twice: 42 }]);
      for (let k = 0; k < 5; k++) await executeNamedText(db, statement, 'list');
      const { rows } = (await db.execute(
        sql`SELECT generic_plans + custom_plans AS runs FROM pg_prepared_statements WHERE name LIKE 'list\_%'`,
      )) as unknown as { rows: { runs: number | string }[] };
      expect(rows).toHaveLength(1);
      expect(Number(rows[0]!.runs)).toBe(15);
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

  it("run a store's prepared statements named on the embedded database, and as drizzle does in a transaction", async () => {
    const { db, close } = await openDatabase({ kind: 'pglite' });
    const notes = pgTable('notes', { id: integer('id').notNull(), body: text('body').notNull() });
    const byId = () =>
      preparedOnce(db, 'note_by_id', (on, name) =>
        on
          .select({ id: notes.id, body: notes.body })
          .from(notes)
          .where(eq(notes.id, sql.placeholder('id')))
          .prepare(name),
      );
    const runs = async () =>
      (
        (await db.execute(
          sql`SELECT generic_plans + custom_plans AS runs FROM pg_prepared_statements WHERE name LIKE 'prepared\_%'`,
        )) as unknown as { rows: { runs: number | string }[] }
      ).rows.map((r) => Number(r.runs));
    try {
      await db.execute(sql`CREATE TABLE notes (id int NOT NULL, body text NOT NULL)`);
      await db.execute(sql`INSERT INTO notes VALUES (1, 'it''s one'), (2, 'two')`);
      for (const id of [1, 2, 3, 1]) {
        const rows = await rowsAsRead<{ id: number; body: string }>(byId(), { id });
        expect(rows).toEqual(id === 3 ? [] : [{ id, body: id === 1 ? "it's one" : 'two' }]);
      }
      expect(await runs()).toEqual([4]);
      const inTransaction = await db.transaction(async (tx) =>
        rowsAsRead<{ id: number; body: string }>(
          tx
            .select({ id: notes.id, body: notes.body })
            .from(notes)
            .where(eq(notes.id, sql.placeholder('id')))
            .prepare('note_in_tx'),
          { id: 2 },
        ),
      );
      expect(inTransaction).toEqual([{ id: 2, body: 'two' }]);
      expect(await runs()).toEqual([4]);
    } finally {
      await close();
    }
  });

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
