// Raw SQL access for the bench: the generator and the floor talk to the database directly, without the app's
// stores, so the floor measures the database and nothing else.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type DbKind = 'pglite' | 'postgres';

export type SqlClient = {
  kind: DbKind;
  /** One statement with $n parameters. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters. */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
};

export async function openPglite(dataDir: string): Promise<SqlClient> {
  const db = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
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
