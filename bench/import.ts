// CSV import throughput: a 100,000-row HubSpot-style contacts export (12 broken rows) imported into an
// empty workspace on the embedded database, opened on disk the way the server opens it (durable commits,
// ADR 005). Prints the time from upload to done, and rows/s. Usage: npx tsx bench/import.ts [rows]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/server/db/open';
import { hubspotContacts } from '../src/server/features/imports/corpus/generate';
import { runImport } from '../src/server/features/imports/imports.run';
import { commitImport, createImport } from '../src/server/features/imports/imports.store';
import { workspaces } from '../src/server/platform/auth/auth.table';
import { newId } from '../src/server/platform/ids';

export async function benchImport(rows: number, dataDir: string) {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  await database.migrate();
  const { db } = database;
  const workspaceId = newId();
  await db.insert(workspaces).values({ id: workspaceId, name: 'Import bench' });
  const file = hubspotContacts(rows, { broken: 12 });
  const started = performance.now();
  const upload = await createImport(db, workspaceId, null, 'contacts', file.csv);
  const uploaded = performance.now();
  await commitImport(db, workspaceId, upload.id, upload.suggestedMapping);
  let batches = 0;
  const result = await runImport(db, workspaceId, upload.id, { onProgress: () => batches++ });
  const done = performance.now();
  await database.close();
  return {
    rows,
    megabytes: Number((Buffer.byteLength(file.csv) / 1024 / 1024).toFixed(1)),
    uploadMs: Math.round(uploaded - started),
    totalMs: Math.round(done - started),
    rowsPerSecond: Math.round(rows / ((done - started) / 1000)),
    batches,
    created: result.created,
    rejected: result.rejected,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.argv[2] ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'twofold-import-bench-'));
  try {
    console.log(JSON.stringify(await benchImport(rows, dir)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
