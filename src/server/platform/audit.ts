import type { Db } from '../db/open';
import { type ActorKind, auditEvents } from './audit.table';
import type { Member } from './auth/actor';
import { newId } from './ids';

export type AuditActor = Pick<Member, 'workspaceId'> & { actorKind: ActorKind; actorId: string | null };

/** Records one write; call it inside the write's transaction so the two commit together. */
export async function recordAudit(
  db: Db,
  actor: AuditActor,
  action: string,
  entityType: string,
  entityId: string | null,
  details?: Record<string, unknown>,
): Promise<void> {
  await db.insert(auditEvents).values({
    workspaceId: actor.workspaceId,
    id: newId(),
    actorKind: actor.actorKind,
    actorId: actor.actorId,
    action,
    entityType,
    entityId,
    details: details ?? null,
    // Set here rather than by the column's now(): millisecond precision, the same the list's cursor carries,
    // so paging never skips rows written within one millisecond.
    at: new Date(),
  });
}

/**
 * Runs a write and its audit entry in one transaction. `action` is `<entity>.<verb>`, e.g. `team.created`;
 * the entity id is taken from the result when it has one.
 */
export async function audited<T>(
  db: Db,
  actor: AuditActor,
  action: string,
  write: (tx: Db) => Promise<T>,
  details?: Record<string, unknown> | ((result: T) => Record<string, unknown>),
): Promise<T> {
  return db.transaction(async (tx) => {
    const result = await write(tx as unknown as Db);
    const id = (result as { id?: unknown } | undefined)?.id;
    const [entityType] = action.split('.');
    await recordAudit(
      tx as unknown as Db,
      actor,
      action,
      entityType ?? action,
      typeof id === 'string' ? id : null,
      typeof details === 'function' ? details(result) : details,
    );
    return result;
  });
}
