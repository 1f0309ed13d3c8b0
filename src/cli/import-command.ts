// `twofold import <file> --workspace <id> --entity <kind>`: the command line side of CSV imports — the same
// steps as the app (upload → commit with the suggested mapping → run in batches), without HTTP.
import type { Db } from '../server/db/open';
import { runImport } from '../server/features/imports/imports.run';
import { commitImport, createImport } from '../server/features/imports/imports.store';
import { recordAudit } from '../server/platform/audit';

export type ImportEntity = 'clients' | 'contacts' | 'relationships';
export const importEntities: ImportEntity[] = ['clients', 'contacts', 'relationships'];

export type ImportRequest = {
  workspaceId: string;
  /** The member the import is recorded as (the workspace's first owner). */
  userId: string;
  entity: ImportEntity;
  csvText: string;
};

/** Runs one import to the end, calling `onProgress(done, total)` as batches commit. */
export async function runImportCommand(
  db: Db,
  request: ImportRequest,
  onProgress: (done: number, total: number) => void,
): Promise<{ imported: number; skipped: number; rejected: number; importId: string }> {
  const { workspaceId, userId, entity, csvText } = request;
  const actor = { workspaceId, actorKind: 'user' as const, actorId: userId };
  const upload = await createImport(db, workspaceId, userId, entity, csvText, null);
  await recordAudit(db, actor, 'import.created', 'import', upload.id, { entity, via: 'command line' });
  const mapping = Object.fromEntries(
    Object.entries(upload.suggestedMapping).filter((e): e is [string, string] => e[1] !== null),
  );
  await commitImport(db, workspaceId, upload.id, mapping);
  await recordAudit(db, actor, 'import.committed', 'import', upload.id, { via: 'command line' });
  const done = await runImport(db, workspaceId, upload.id, {
    onProgress: (p) => onProgress(p.processed, p.total),
  });
  return {
    imported: done.created + done.updated,
    skipped: done.skipped,
    rejected: done.rejected,
    importId: upload.id,
  };
}
