import { join } from 'node:path';
import { loadConfig } from '../server/config';
import { type Database, openDatabase } from '../server/db/open';

/** The database the server would use (DATABASE_URL, else the embedded one under DATA_DIR), migrated. */
export async function openConfiguredDatabase(): Promise<Database> {
  const config = loadConfig();
  const database = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl, poolSize: 2 })
    : await openDatabase({ kind: 'pglite', dataDir: join(config.dataDir, 'pglite') });
  await database.migrate();
  return database;
}

export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase();
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
