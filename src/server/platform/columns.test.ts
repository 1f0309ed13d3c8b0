import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open';
import { openTestDatabase } from '../test/harness';
import { isoText, isoTextOrNull } from './columns';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** Deterministic instants from 1970 to 2100, the edges of a second and of a year among them. */
function instants(n: number): Date[] {
  let seed = 20261123;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const edges = ['1970-01-01T00:00:00.000Z', '1999-12-31T23:59:59.999Z', '2026-11-23T12:00:00.001Z'];
  return [
    ...edges.map((e) => new Date(e)),
    ...Array.from({ length: n }, () => new Date(Math.floor(next() * Date.UTC(2100, 0, 1)))),
  ];
}

describe('isoText: a timestamp written by the database as the API writes it', () => {
  it('is exactly toISOString() for millisecond timestamps, whatever the session’s time zone', async () => {
    const dates = instants(300);
    for (const zone of ['UTC', 'America/St_Johns', 'Asia/Kathmandu']) {
      const rows = await database.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`SET LOCAL TIME ZONE '${zone}'`));
        const values = sql.join(
          dates.map((d, i) => sql`(${i}::int, ${d.toISOString()}::timestamptz(3))`),
          sql`, `,
        );
        return tx.execute(
          sql`SELECT v.i, ${isoText(sql`v.at`)} AS t FROM (VALUES ${values}) AS v(i, at) ORDER BY v.i`,
        );
      });
      const written = (rows as unknown as { rows: { i: number; t: string }[] }).rows;
      expect(
        written.map((r) => r.t),
        zone,
      ).toEqual(dates.map((d) => d.toISOString()));
    }
  });

  it('keeps null as null', async () => {
    const rows = await database.db.execute(sql`SELECT ${isoTextOrNull(sql`null::timestamptz`)} AS t`);
    expect((rows as unknown as { rows: unknown[] }).rows).toEqual([{ t: null }]);
  });
});
