import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { projectRoot } from '../platform/paths';
import { createDurablePGlite } from './pglite-durable';
import { withStatementTurns } from './pglite-turns';

/** The database handle every store takes first; a transaction is one too. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The embedded engine, for snapshots in tests; absent on the PostgreSQL server. */
  pglite?: PGlite;
};

export const migrationsFolder = join(projectRoot, 'drizzle');

export type OpenOptions =
  | { kind: 'pglite'; dataDir?: string; pglite?: PGlite }
  | { kind: 'postgres'; url: string; poolSize?: number };

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // A dropped idle connection must not take the process down.
    pool.on('error', () => {});
    const db = drizzlePg(pool) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: () => migratePg(drizzlePg(pool), { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  let client = options.pglite;
  if (!client) {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    // On disk, every commit is synced before it is acknowledged (ADR 005); in memory there is no disk.
    client = options.dataDir ? await createDurablePGlite(options.dataDir) : await PGlite.create('memory://');
  }
  const pglite = client;
  const d = drizzlePglite({ client: withStatementTurns(pglite) });
  return {
    db: d as unknown as Db,
    kind: 'pglite',
    pglite,
    migrate: () => migratePglite(d, { migrationsFolder }),
    close: () => pglite.close(),
  };
}
