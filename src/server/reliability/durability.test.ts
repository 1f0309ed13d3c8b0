import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { fsyncCount } from '../db/pglite-durable';

/**
 * The embedded database on disk syncs every commit before acknowledging it (ADR 005). PGlite's default
 * would pass every query here except the fsync count; scripts/crash-test.ts checks the rest end to end.
 */
const dir = mkdtempSync(join(tmpdir(), 'twofold-durable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded database durability', () => {
  it('runs PostgreSQL with fsync on and syncs the WAL on every commit', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    const pglite = database.pglite!;
    try {
      const setting = async (name: string) =>
        (await pglite.query<{ setting: string }>('SELECT setting FROM pg_settings WHERE name = $1', [name]))
          .rows[0]?.setting;
      expect(await setting('fsync')).toBe('on');
      expect(await setting('synchronous_commit')).toBe('on');
      // fdatasync is a no-op inside Emscripten; fsync is the call that reaches the disk.
      expect(await setting('wal_sync_method')).toBe('fsync');

      await pglite.exec('CREATE TABLE kept (id int PRIMARY KEY)');
      const before = fsyncCount();
      for (let i = 1; i <= 5; i++) await pglite.query('INSERT INTO kept VALUES ($1)', [i]);
      expect(fsyncCount() - before).toBeGreaterThanOrEqual(5);
    } finally {
      await database.close();
    }

    const reopened = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      const rows = await reopened.pglite!.query<{ n: number }>('SELECT count(*)::int AS n FROM kept');
      expect(rows.rows[0]?.n).toBe(5);
    } finally {
      await reopened.close();
    }
  });
});
