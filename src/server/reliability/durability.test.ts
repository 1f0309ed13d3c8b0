import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
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

  it('knows each file’s size as writes extend it and vacuum and truncate shrink it, as the disk does', async () => {
    const sizesDir = mkdtempSync(join(tmpdir(), 'twofold-sizes-'));
    onTestFinished(() => rmSync(sizesDir, { recursive: true, force: true }));
    const database = await openDatabase({ kind: 'pglite', dataDir: sizesDir });
    const pglite = database.pglite!;
    // PostgreSQL's size of the table (an lseek to its file's end, answered from the kept size) against the
    // file on disk, and the rows it finds.
    const sizes = async () => {
      const { rows } = await pglite.query<{ size: string; path: string; n: number }>(
        `SELECT pg_relation_size('grown')::text AS size, pg_relation_filepath('grown') AS path,
           (SELECT count(*)::int FROM grown) AS n`,
      );
      const { size, path, n } = rows[0]!;
      return { kept: Number(size), onDisk: statSync(join(sizesDir, path)).size, n };
    };
    try {
      await pglite.exec('CREATE TABLE grown (id int, filler text)');
      const insert = (from: number, to: number) =>
        pglite.query(
          `INSERT INTO grown SELECT g, repeat('x', 200) FROM generate_series($1::int, $2::int) g`,
          [from, to],
        );
      for (let i = 0; i < 5; i++) await insert(i * 2000 + 1, (i + 1) * 2000);
      await pglite.exec('CHECKPOINT');
      const grown = await sizes();
      expect(grown.n).toBe(10_000);
      expect(grown.kept).toBeGreaterThan(2_000_000);
      expect(grown.kept).toBe(grown.onDisk);

      // Vacuum gives the empty pages at the end back: the same file, shorter.
      await pglite.exec('DELETE FROM grown WHERE id > 1000');
      await pglite.exec('VACUUM grown');
      await pglite.exec('CHECKPOINT');
      const shrunk = await sizes();
      expect(shrunk.n).toBe(1000);
      expect(shrunk.kept).toBeLessThan(grown.kept / 5);
      expect(shrunk.kept).toBe(shrunk.onDisk);

      // Then it grows again from its new end: every row written after the truncation is found.
      await insert(20_001, 24_000);
      await pglite.exec('CHECKPOINT');
      const regrown = await sizes();
      expect(regrown.n).toBe(5000);
      expect(regrown.kept).toBe(regrown.onDisk);

      // TRUNCATE gives the table a new, empty file.
      await pglite.exec('TRUNCATE grown');
      await pglite.exec('CHECKPOINT');
      expect(await sizes()).toEqual({ kept: 0, onDisk: 0, n: 0 });
      await insert(1, 3000);
    } finally {
      await database.close();
    }
    const reopened = await openDatabase({ kind: 'pglite', dataDir: sizesDir });
    try {
      const { rows } = await reopened.pglite!.query<{ n: number }>('SELECT count(*)::int AS n FROM grown');
      expect(rows[0]?.n).toBe(3000);
    } finally {
      await reopened.close();
    }
  });
});
