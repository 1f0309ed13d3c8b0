import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { jsonRead, KEPT_STATEMENTS, readsAsJsonKept } from './json-rows';
import { type Database, openDatabase } from './open';

const url = inject('testDatabaseUrl');
type Opened = [name: string, open: () => Promise<Database>];
const databases: Opened[] = [['embedded', () => openDatabase({ kind: 'pglite' })]];
if (url) databases.push(['PostgreSQL', () => openDatabase({ kind: 'postgres', url, poolSize: 1 })]);

describe.each(databases)('reads built once per key (%s)', (_, open) => {
  it('build their statement once, read the rows as they are now on every call, and keep a bounded number', async () => {
    const { db, close } = await open();
    const table = `kept_${process.pid}`;
    try {
      await db.execute(sql.raw(`CREATE TABLE ${table} (n int)`));
      let builds = 0;
      const read = (key: string, below: number) =>
        readsAsJsonKept(db, key, () => {
          builds++;
          return {
            small: jsonRead<{ n: number }>(
              sql`SELECT n FROM ${sql.raw(table)} WHERE n < ${below} ORDER BY n`,
            ),
            none: jsonRead<never>(null),
          };
        });

      expect(await read('below 3', 3)).toEqual({ small: [], none: [] });
      await db.execute(sql.raw(`INSERT INTO ${table} VALUES (1), (2), (5)`));
      // The same key: not built again, and the rows written since are read.
      expect(await read('below 3', 3)).toEqual({ small: [{ n: 1 }, { n: 2 }], none: [] });
      expect(builds).toBe(1);
      // Another key is another statement, with its own values.
      expect(await read('below 9', 9)).toEqual({ small: [{ n: 1 }, { n: 2 }, { n: 5 }], none: [] });
      expect(builds).toBe(2);

      // Past the cap the least recently used is dropped: 'below 3', used last, is kept; 'below 9' is not.
      await read('below 3', 3);
      for (let k = 0; k < KEPT_STATEMENTS - 1; k++) await read(`other ${k}`, k);
      expect(builds).toBe(2 + KEPT_STATEMENTS - 1);
      await read('below 3', 3);
      expect(builds).toBe(2 + KEPT_STATEMENTS - 1);
      await read('below 9', 9);
      expect(builds).toBe(2 + KEPT_STATEMENTS);
    } finally {
      await db.execute(sql.raw(`DROP TABLE IF EXISTS ${table}`));
      await close();
    }
  });
});
