// Raw SQL access for the bench: the generator and the floor talk to the database directly, without the app's
// stores, so the floor measures the database and nothing else.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase } from '../src/server/db/open';

export type DbKind = 'pglite' | 'postgres';

export type SqlClient = {
  kind: DbKind;
  /** One statement with $n parameters. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters. */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
};

/** PGlite as the generator wants it: plain, fast, nothing synced (the cache is made once and copied). */
export async function openPglite(dataDir: string): Promise<SqlClient & { engine: PGlite }> {
  return wrapPglite(await PGlite.create(dataDir));
}

/**
 * PGlite opened the way the server opens it (`openDatabase`: today durable, fsync on, ADR 005), so the
 * floor pays what the app pays per statement and per commit. `engine` is there for a caller that also
 * wants drizzle on the same (single-process) database.
 */
export async function openPgliteAsServer(dataDir: string): Promise<SqlClient & { engine: PGlite }> {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  if (!database.pglite) throw new Error('openDatabase gave no PGlite engine');
  return wrapPglite(database.pglite);
}

function wrapPglite(db: PGlite): SqlClient & { engine: PGlite } {
  return {
    kind: 'pglite',
    engine: db,
    async query<T>(text: string, params?: unknown[]) {
      return (await db.query<T>(text, params)).rows;
    },
    async exec(text) {
      await db.exec(text);
    },
    close: () => db.close(),
  };
}

/** A pool of `size` connections; size 1 gives one session, so SET and temp tables stick. */
export function openPostgres(url: string, size: number): SqlClient {
  const pool = new pg.Pool({ connectionString: url, max: size });
  pool.on('error', () => {});
  return {
    kind: 'postgres',
    async query<T>(text: string, params?: unknown[]) {
      return (await pool.query(text, params)).rows as T[];
    },
    async exec(text) {
      await pool.query(text);
    },
    close: () => pool.end(),
  };
}

/** The same server, another database: `postgres://u@h:5432/x` → `postgres://u@h:5432/<name>`. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
