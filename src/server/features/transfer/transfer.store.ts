// Export a workspace as one JSON document and restore it into an empty workspace with fresh ids (ADR 013).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { memberships, users, workspaces } from '../../platform/auth/auth.table';
import { forgetCallers } from '../../platform/auth/caller-cache';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { reindexWorkspace } from '../search/search.backfill';
import { exportedTables, ident } from './transfer.catalog';
import type { RestoreResult, WorkspaceDocument } from './transfer.contract';

export const FORMAT = 'twofold.workspace';
export const VERSION = 1;
const BATCH = 500;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The whole workspace, read in one snapshot so the document is consistent. */
export async function exportWorkspace(db: Db, workspaceId: string, now: Date): Promise<WorkspaceDocument> {
  return db.transaction(
    async (tx) => {
      // Timestamps are written by PostgreSQL itself; pin the zone so both engines write the same text.
      await tx.execute(sql`SET LOCAL TIME ZONE 'UTC'`);
      const [ws] = await rows<{ id: string; name: string; created_at: string }>(
        tx,
        sql`SELECT id, name, to_json(created_at) #>> '{}' AS created_at FROM workspaces WHERE id = ${workspaceId}`,
      );
      if (!ws) throw AppError.notFound('Workspace');
      const tables: Record<string, Record<string, unknown>[]> = {};
      for (const t of await exportedTables(tx)) {
        const cols = t.columns.filter((c) => c !== 'workspace_id');
        const list = cols.map(ident).join(', ');
        const found = await rows<{ r: Record<string, unknown> }>(
          tx,
          sql.raw(
            `SELECT row_to_json(x) AS r FROM (SELECT ${list} FROM ${ident(t.name)}
             WHERE workspace_id = '${workspaceId}' ORDER BY ${cols.map((_, i) => i + 1).join(', ')}) x`,
          ),
        );
        tables[t.name] = found.map((f) => f.r);
      }
      // Members by email, plus former members that records still name (a comment's author, say).
      const named = new Set(JSON.stringify(tables).match(UUID) ?? []);
      const people = await rows<{ id: string; email: string; name: string; role: string | null }>(
        tx,
        sql`SELECT u.id, u.email, u.name, m.role FROM users u
            LEFT JOIN memberships m ON m.user_id = u.id AND m.workspace_id = ${workspaceId}
            WHERE m.user_id IS NOT NULL OR u.id IN (SELECT json_array_elements_text(${JSON.stringify([...named])}::json)::uuid)
            ORDER BY lower(u.email)`,
      );
      return {
        format: FORMAT,
        version: VERSION,
        exportedAt: now.toISOString(),
        workspace: { id: ws.id, name: ws.name, createdAt: ws.created_at },
        members: people.map((p) => ({
          id: p.id,
          email: p.email,
          name: p.name,
          role: p.role as 'owner' | 'admin' | 'member' | null,
        })),
        tables,
      } as WorkspaceDocument;
    },
    { isolationLevel: 'repeatable read' },
  );
}

/** A fresh UUIDv7 keeping the old one's time, so ids still sort by creation after the move. */
function freshId(old: string): string {
  const ms = Number.parseInt(old.slice(0, 8) + old.slice(9, 13), 16);
  return old[14] === '7' && Number.isFinite(ms) ? newId(ms) : newId();
}

/** True when the workspace holds no records in any exported table (members and the audit trail aside). */
export async function isWorkspaceEmpty(db: Db, workspaceId: string): Promise<boolean> {
  for (const t of await exportedTables(db)) {
    const hit = await rows(
      db,
      sql.raw(`SELECT 1 FROM ${ident(t.name)} WHERE workspace_id = '${workspaceId}' LIMIT 1`),
    );
    if (hit.length) return false;
  }
  return true;
}

/**
 * Restores `doc` into the empty workspace `workspaceId`, in the caller's transaction: every id is replaced
 * by a fresh one (everywhere it appears, so references, links and keys follow), members are matched to
 * accounts by email or created without a password, rows go in parents first, then search is rebuilt.
 */
export async function restoreWorkspace(
  db: Db,
  workspaceId: string,
  doc: WorkspaceDocument,
): Promise<RestoreResult & { idMap: Map<string, string> }> {
  if (!(await isWorkspaceEmpty(db, workspaceId))) {
    throw new AppError('conflict', 'This workspace already holds data; restore into a new, empty workspace');
  }
  const tables = await exportedTables(db);
  const known = new Map(tables.map((t) => [t.name, t]));
  for (const [name, list] of Object.entries(doc.tables)) {
    const table = known.get(name);
    if (!table) throw AppError.badField(`tables.${name}`, 'is not a table this installation restores');
    const cols = new Set(table.columns);
    list.forEach((row, i) => {
      for (const key of Object.keys(row)) {
        if (!cols.has(key))
          throw AppError.badField(`tables.${name}.${i}.${key}`, 'is not a column of this table');
      }
    });
  }

  const idMap = new Map<string, string>([[doc.workspace.id.toLowerCase(), workspaceId]]);
  let membersLinked = 0;
  let membersCreated = 0;
  for (const m of doc.members) {
    const [existing] = await rows<{ id: string }>(
      db,
      sql`SELECT id FROM users WHERE lower(email) = lower(${m.email}) LIMIT 1`,
    );
    let userId = existing?.id;
    if (userId) membersLinked++;
    else {
      userId = newId();
      await db
        .insert(users)
        .values({ id: userId, email: m.email, name: m.name || m.email, passwordHash: null });
      membersCreated++;
    }
    idMap.set(m.id.toLowerCase(), userId);
    if (m.role) {
      await db.insert(memberships).values({ workspaceId, userId, role: m.role }).onConflictDoNothing();
      forgetCallers();
    }
  }
  for (const list of Object.values(doc.tables)) {
    for (const row of list) {
      const id = row.id;
      if (typeof id === 'string' && !idMap.has(id.toLowerCase())) idMap.set(id.toLowerCase(), freshId(id));
    }
  }
  const remap = (text: string) => text.replace(UUID, (u) => idMap.get(u.toLowerCase()) ?? u);

  const counts: Record<string, number> = {};
  for (const table of tables) {
    const list = doc.tables[table.name];
    if (!list?.length) continue;
    const present = new Set(list.flatMap((r) => Object.keys(r)));
    const cols = ['workspace_id', ...table.columns.filter((c) => c !== 'workspace_id' && present.has(c))];
    const colList = cols.map(ident).join(', ');
    for (let i = 0; i < list.length; i += BATCH) {
      const chunk = list.slice(i, i + BATCH).map((r) => ({ ...r, workspace_id: workspaceId }));
      try {
        await db.execute(
          sql`INSERT INTO ${sql.raw(ident(table.name))} (${sql.raw(colList)})
              SELECT ${sql.raw(colList)} FROM json_populate_recordset(NULL::${sql.raw(ident(table.name))}, ${remap(JSON.stringify(chunk))}::json)`,
        );
      } catch (err) {
        // A hand-edited or damaged document: say which table, and restore nothing (the transaction rolls back).
        const cause = (err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message;
        throw AppError.badField(`tables.${table.name}`, `cannot be restored: ${cause.split('\n')[0]}`);
      }
    }
    counts[table.name] = list.length;
  }
  await db.update(workspaces).set({ name: doc.workspace.name }).where(sql`${workspaces.id} = ${workspaceId}`);
  await reindexWorkspace(db, workspaceId);
  return { workspaceId, tables: counts, membersLinked, membersCreated, idMap };
}
