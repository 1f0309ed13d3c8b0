// `twofold import <file> --workspace <id> --entity <kind>`: the command line side of CSV imports. The
// imports feature (createImport → commitImport → runImport with onProgress) is wired here.
import type { Db } from '../server/db/open';

export type ImportEntity = 'clients' | 'contacts' | 'relationships';
export const importEntities: ImportEntity[] = ['clients', 'contacts', 'relationships'];

export type ImportRequest = {
  workspaceId: string;
  /** The member the import is recorded as (the workspace's first owner). */
  userId: string;
  entity: ImportEntity;
  csvText: string;
};

/** Runs one import to the end, calling `onProgress(done, total)` as rows are written; returns rows written. */
export async function runImportCommand(
  _db: Db,
  _request: ImportRequest,
  _onProgress: (done: number, total: number) => void,
): Promise<{ imported: number; skipped: number }> {
  // Completed where the imports feature joins: createImport(db, workspaceId, userId, entity, csvText),
  // commitImport(...) with the suggested mapping, then runImport(db, workspaceId, importId, { onProgress }).
  throw new Error('CSV import is not part of this build yet');
}
