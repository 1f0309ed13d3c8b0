import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withStatementTurns } from './pglite-turns';

describe('statements on the embedded database take turns with the event loop', () => {
  let raw: PGlite;
  let db: PGlite;
  beforeAll(async () => {
    raw = await PGlite.create('memory://');
    db = withStatementTurns(raw);
    await db.exec('CREATE TABLE t (n int)');
  });
  afterAll(async () => {
    await raw.close();
  });

  it('lets the loop accept and read between queued statements, instead of after all of them', async () => {
    let done = 0;
    const statements = Array.from({ length: 200 }, (_, n) =>
      db.query('INSERT INTO t VALUES ($1)', [n]).then(() => {
        done++;
      }),
    );
    // A socket event would run in the loop's next turn: so does this immediate.
    const seenByTheLoop = await new Promise<number>((resolve) => setImmediate(() => resolve(done)));
    await Promise.all(statements);
    expect(seenByTheLoop).toBeLessThan(10);
    expect(done).toBe(200);
    const rows = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM t');
    expect(rows.rows[0]?.count).toBe(200);
  });

  it('keeps transactions whole while other statements wait their turn', async () => {
    const inTx = db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (-1)');
      await tx.query('INSERT INTO t VALUES (-2)');
      await tx.rollback();
    });
    const outside = db.query<{ count: number }>('SELECT count(*)::int AS count FROM t WHERE n < 0');
    await inTx;
    expect((await outside).rows[0]?.count).toBe(0);
  });

  it("reads drizzle's text types as text, and still applies any other parser a statement brings", async () => {
    const drizzleLike = {
      rowMode: 'array' as const,
      parsers: { 1184: (v: string) => v, 1082: (v: string) => v },
    };
    const plain = await db.query<[string, string]>(
      "SELECT '2026-11-23 10:00:00+00'::timestamptz, '2026-11-23'::date",
      [],
      drizzleLike,
    );
    expect(plain.rows[0]).toEqual(['2026-11-23 10:00:00+00', '2026-11-23']);
    const own = await db.query<{ n: string }>('SELECT 41::int AS n', [], {
      parsers: { 23: (v: string) => `parsed ${Number(v) + 1}` },
    });
    expect(own.rows[0]?.n).toBe('parsed 42');
  });
});
