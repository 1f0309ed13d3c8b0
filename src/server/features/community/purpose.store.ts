import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { users } from '../../platform/auth/auth.table';
import { iso } from '../../platform/common.contract';
import type { Purpose } from './purpose.contract';
import { purposes } from './purpose.table';

const none: Purpose = { statement: null, updatedBy: null, updatedAt: null };

export async function getPurpose(db: Db, workspaceId: string): Promise<Purpose> {
  const [row] = await db
    .select({ p: purposes, name: users.name })
    .from(purposes)
    .leftJoin(users, eq(users.id, purposes.updatedBy))
    .where(eq(purposes.workspaceId, workspaceId))
    .limit(1);
  if (!row) return none;
  return {
    statement: row.p.statement,
    updatedBy: row.p.updatedBy ? { id: row.p.updatedBy, name: row.name ?? 'Former member' } : null,
    updatedAt: iso(row.p.updatedAt),
  };
}

/** Writes (or, with an empty statement, clears) the purpose. */
export async function setPurpose(
  db: Db,
  workspaceId: string,
  updatedBy: string | null,
  statement: string,
  now: Date,
): Promise<Purpose> {
  if (!statement) {
    await db.delete(purposes).where(eq(purposes.workspaceId, workspaceId));
    return none;
  }
  await db
    .insert(purposes)
    .values({ workspaceId, statement, updatedBy, updatedAt: now })
    .onConflictDoUpdate({ target: purposes.workspaceId, set: { statement, updatedBy, updatedAt: now } });
  return getPurpose(db, workspaceId);
}
