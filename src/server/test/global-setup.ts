import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/open';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    testDatabaseUrl: string;
  }
}

/**
 * Migrates once per run: a PGlite snapshot every test file copies (embedded), or one fresh database on the
 * PostgreSQL server when TEST_DATABASE_URL is set (test data is unique per test, so files share it).
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'twofold-test-'));
  const serverUrl = process.env.TEST_DATABASE_URL;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (serverUrl) {
    const name = `twofold_test_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });
    await database.migrate();
    await database.close();
    project.provide('testDatabaseUrl', url.toString());
    project.provide('pgliteSnapshot', '');
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const database = await openDatabase({ kind: 'pglite' });
    await database.migrate();
    const blob = await database.pglite!.dumpDataDir('none');
    const file = join(dir, 'snapshot.tar');
    writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
    await database.close();
    project.provide('pgliteSnapshot', file);
    project.provide('testDatabaseUrl', '');
  }
  return async () => {
    await dropDatabase?.();
    rmSync(dir, { recursive: true, force: true });
  };
}
