import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { memberships, users } from '../../platform/auth/auth.table';
import { iso, isoOrNull } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { afterCursor, decodeCursor, toPage } from '../../platform/pagination';
import type { Action, ActionInput, ActionPatch } from './check-ins.contract';
import { checkInActions, checkIns } from './check-ins.table';

type Joined = { row: typeof checkInActions.$inferSelect; ownerName: string | null };

const toAction = ({ row: r, ownerName }: Joined): Action => ({
  id: r.id,
  checkInId: r.checkInId,
  title: r.title,
  owner: r.ownerId ? { id: r.ownerId, name: ownerName ?? 'Former member' } : null,
  dueOn: r.dueOn,
  done: r.doneAt !== null,
  doneAt: isoOrNull(r.doneAt),
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

/** Actions hang off a check-in of this relationship; anything else is a 404. */
async function assertCheckIn(db: Db, workspaceId: string, relationshipId: string, checkInId: string) {
  const [row] = await db
    .select({ id: checkIns.id })
    .from(checkIns)
    .where(
      and(
        eq(checkIns.workspaceId, workspaceId),
        eq(checkIns.relationshipId, relationshipId),
        eq(checkIns.id, checkInId),
      ),
    )
    .limit(1);
  if (!row) throw AppError.notFound('Check-in');
}

async function assertOwner(db: Db, workspaceId: string, userId: string) {
  const [row] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .limit(1);
  if (!row) throw AppError.badField('ownerId', 'is not a member of this workspace');
}

const scope = (workspaceId: string, checkInId: string) =>
  and(eq(checkInActions.workspaceId, workspaceId), eq(checkInActions.checkInId, checkInId));
const selection = { row: checkInActions, ownerName: users.name };

/** In the order they were agreed. */
export async function listActions(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  checkInId: string,
  query: { limit: number; cursor?: string },
) {
  await assertCheckIn(db, workspaceId, relationshipId, checkInId);
  const after = decodeCursor(query.cursor, 2);
  const rows = await db
    .select(selection)
    .from(checkInActions)
    .leftJoin(users, eq(users.id, checkInActions.ownerId))
    .where(
      and(
        scope(workspaceId, checkInId),
        after ? afterCursor([checkInActions.createdAt, checkInActions.id], after, 'asc') : undefined,
      ),
    )
    .orderBy(asc(checkInActions.createdAt), asc(checkInActions.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [iso(r.row.createdAt), r.row.id]);
  return { items: page.items.map(toAction), nextCursor: page.nextCursor };
}

async function getAction(db: Db, workspaceId: string, checkInId: string, id: string): Promise<Action> {
  const [row] = await db
    .select(selection)
    .from(checkInActions)
    .leftJoin(users, eq(users.id, checkInActions.ownerId))
    .where(and(scope(workspaceId, checkInId), eq(checkInActions.id, id)))
    .limit(1);
  if (!row) throw AppError.notFound('Action');
  return toAction(row);
}

export async function createAction(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  checkInId: string,
  createdBy: string,
  input: ActionInput,
  now: Date,
): Promise<Action> {
  await assertCheckIn(db, workspaceId, relationshipId, checkInId);
  if (input.ownerId) await assertOwner(db, workspaceId, input.ownerId);
  const id = newId();
  await db.insert(checkInActions).values({
    workspaceId,
    id,
    checkInId,
    title: input.title,
    ownerId: input.ownerId ?? null,
    dueOn: input.dueOn ?? null,
    createdBy,
    createdAt: now,
    updatedAt: now,
  });
  return getAction(db, workspaceId, checkInId, id);
}

export async function updateAction(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  checkInId: string,
  id: string,
  patch: ActionPatch,
  now: Date,
): Promise<Action> {
  await assertCheckIn(db, workspaceId, relationshipId, checkInId);
  if (patch.ownerId) await assertOwner(db, workspaceId, patch.ownerId);
  const current = await getAction(db, workspaceId, checkInId, id);
  await db
    .update(checkInActions)
    .set({
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.ownerId !== undefined ? { ownerId: patch.ownerId } : {}),
      ...(patch.dueOn !== undefined ? { dueOn: patch.dueOn } : {}),
      // Done keeps its first moment; undone clears it.
      ...(patch.done !== undefined ? { doneAt: patch.done ? (current.doneAt ? undefined : now) : null } : {}),
      updatedAt: now,
    })
    .where(and(scope(workspaceId, checkInId), eq(checkInActions.id, id)));
  return getAction(db, workspaceId, checkInId, id);
}

export async function deleteAction(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  checkInId: string,
  id: string,
): Promise<{ id: string }> {
  await assertCheckIn(db, workspaceId, relationshipId, checkInId);
  const [row] = await db
    .delete(checkInActions)
    .where(and(scope(workspaceId, checkInId), eq(checkInActions.id, id)))
    .returning({ id: checkInActions.id });
  if (!row) throw AppError.notFound('Action');
  return row;
}
