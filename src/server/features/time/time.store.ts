import { and, asc, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { roleAtLeast } from '../../platform/auth/actor';
import { memberships, type Role, users } from '../../platform/auth/auth.table';
import { iso } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { afterCursor, decodeCursor, toPage } from '../../platform/pagination';
import { clients } from '../clients/clients.table';
import { relationships } from '../relationships/relationships.table';
import { teams } from '../teams/teams.table';
import type {
  TimeEntry,
  TimeEntryInput,
  TimeEntryListQuery,
  TimeEntryPatch,
  TimeFilters,
} from './time.contract';
import { timeEntries } from './time.table';

/** Who is writing: members log their own hours; admins and owners may log (and fix) anyone's. */
export type TimeActor = { userId: string; role: Role };

const selection = {
  row: timeEntries,
  memberName: users.name,
  clientName: clients.name,
  teamName: teams.name,
};
type Joined = {
  row: typeof timeEntries.$inferSelect;
  memberName: string | null;
  clientName: string | null;
  teamName: string | null;
};

const toTimeEntry = ({ row: r, memberName, clientName, teamName }: Joined): TimeEntry => ({
  id: r.id,
  memberId: r.memberId,
  member: { id: r.memberId, name: memberName ?? 'Former member' },
  relationshipId: r.relationshipId,
  relationship: r.relationshipId ? { id: r.relationshipId, clientName: clientName ?? '' } : null,
  teamId: r.teamId,
  team: r.teamId ? { id: r.teamId, name: teamName ?? '' } : null,
  date: r.date,
  hours: Number(r.hours),
  kind: r.kind,
  note: r.note,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

function joined(db: Db, workspaceId: string) {
  return db
    .select(selection)
    .from(timeEntries)
    .leftJoin(users, eq(users.id, timeEntries.memberId))
    .leftJoin(
      relationships,
      and(eq(relationships.workspaceId, workspaceId), eq(relationships.id, timeEntries.relationshipId)),
    )
    .leftJoin(clients, and(eq(clients.workspaceId, workspaceId), eq(clients.id, relationships.clientId)))
    .leftJoin(teams, and(eq(teams.workspaceId, workspaceId), eq(teams.id, timeEntries.teamId)))
    .$dynamic();
}

/** The filters every reading of time entries shares (list, CSV, summary), each served by an index. */
export function timeWhere(workspaceId: string, f: TimeFilters): SQL {
  if (f.from && f.to && f.from > f.to) throw AppError.badField('to', 'must not be before from');
  return and(
    eq(timeEntries.workspaceId, workspaceId),
    f.memberId ? eq(timeEntries.memberId, f.memberId) : undefined,
    f.teamId ? eq(timeEntries.teamId, f.teamId) : undefined,
    f.relationshipId ? eq(timeEntries.relationshipId, f.relationshipId) : undefined,
    f.from ? gte(timeEntries.date, f.from) : undefined,
    f.to ? lte(timeEntries.date, f.to) : undefined,
    f.kind ? eq(timeEntries.kind, f.kind) : undefined,
  )!;
}

/** Newest day first. */
export async function listTimeEntries(db: Db, workspaceId: string, query: TimeEntryListQuery) {
  const after = decodeCursor(query.cursor, 2);
  const rows = await joined(db, workspaceId)
    .where(
      and(
        timeWhere(workspaceId, query),
        after ? afterCursor([timeEntries.date, timeEntries.id], after, 'desc') : undefined,
      ),
    )
    .orderBy(desc(timeEntries.date), desc(timeEntries.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.row.date, r.row.id]);
  return { items: page.items.map(toTimeEntry), nextCursor: page.nextCursor };
}

/** Every matching entry, oldest first, for the CSV export; bounded so one export cannot exhaust memory. */
export const EXPORT_LIMIT = 100_000;
export async function exportTimeEntries(db: Db, workspaceId: string, filters: TimeFilters) {
  const rows = await joined(db, workspaceId)
    .where(timeWhere(workspaceId, filters))
    .orderBy(asc(timeEntries.date), asc(timeEntries.id))
    .limit(EXPORT_LIMIT + 1);
  if (rows.length > EXPORT_LIMIT)
    throw AppError.badField('from', `matches more than ${EXPORT_LIMIT} entries: narrow the dates`);
  return rows.map(toTimeEntry);
}

export async function getTimeEntry(db: Db, workspaceId: string, id: string): Promise<TimeEntry> {
  const [row] = await joined(db, workspaceId)
    .where(and(eq(timeEntries.workspaceId, workspaceId), eq(timeEntries.id, id)))
    .limit(1);
  if (!row) throw AppError.notFound('Time entry');
  return toTimeEntry(row);
}

async function assertMember(db: Db, workspaceId: string, userId: string): Promise<void> {
  const [row] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .limit(1);
  if (!row) throw AppError.badField('memberId', 'is not a member of this workspace');
}

async function relationshipTeam(db: Db, workspaceId: string, relationshipId: string): Promise<string> {
  const [row] = await db
    .select({ teamId: relationships.teamId })
    .from(relationships)
    .where(and(eq(relationships.workspaceId, workspaceId), eq(relationships.id, relationshipId)))
    .limit(1);
  if (!row) throw AppError.badField('relationshipId', 'is not a relationship in this workspace');
  return row.teamId;
}

async function assertTeam(db: Db, workspaceId: string, teamId: string): Promise<void> {
  const [row] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)))
    .limit(1);
  if (!row) throw AppError.badField('teamId', 'is not a team in this workspace');
}

function assertMayLogFor(actor: TimeActor, memberId: string): void {
  if (memberId !== actor.userId && !roleAtLeast(actor.role, 'admin'))
    throw new AppError('forbidden', 'Only admins log or change time for someone else', [
      { path: 'memberId', message: 'must be yourself unless you are an admin' },
    ]);
}

export async function createTimeEntry(
  db: Db,
  workspaceId: string,
  actor: TimeActor,
  input: TimeEntryInput,
): Promise<TimeEntry> {
  const memberId = input.memberId ?? actor.userId;
  assertMayLogFor(actor, memberId);
  await assertMember(db, workspaceId, memberId);
  const relTeam = input.relationshipId ? await relationshipTeam(db, workspaceId, input.relationshipId) : null;
  if (input.teamId) await assertTeam(db, workspaceId, input.teamId);
  const id = newId();
  await db.insert(timeEntries).values({
    workspaceId,
    id,
    memberId,
    relationshipId: input.relationshipId ?? null,
    teamId: input.teamId ?? relTeam,
    date: input.date,
    hours: input.hours,
    kind: input.kind,
    note: input.note || null,
    createdBy: actor.userId,
  });
  return getTimeEntry(db, workspaceId, id);
}

export async function updateTimeEntry(
  db: Db,
  workspaceId: string,
  actor: TimeActor,
  id: string,
  patch: TimeEntryPatch,
): Promise<TimeEntry> {
  const [row] = await db
    .select()
    .from(timeEntries)
    .where(and(eq(timeEntries.workspaceId, workspaceId), eq(timeEntries.id, id)))
    .for('update');
  if (!row) throw AppError.notFound('Time entry');
  assertMayLogFor(actor, row.memberId);
  if (patch.memberId && patch.memberId !== row.memberId) {
    assertMayLogFor(actor, patch.memberId);
    await assertMember(db, workspaceId, patch.memberId);
  }
  // A new relationship brings its team along unless the patch names one.
  let teamId = patch.teamId === undefined ? row.teamId : patch.teamId;
  if (patch.relationshipId && patch.relationshipId !== row.relationshipId) {
    const relTeam = await relationshipTeam(db, workspaceId, patch.relationshipId);
    if (patch.teamId === undefined) teamId = relTeam;
  }
  if (patch.teamId) await assertTeam(db, workspaceId, patch.teamId);
  await db
    .update(timeEntries)
    .set({
      ...(patch.memberId ? { memberId: patch.memberId } : {}),
      ...(patch.relationshipId !== undefined ? { relationshipId: patch.relationshipId } : {}),
      teamId,
      ...(patch.date ? { date: patch.date } : {}),
      ...(patch.hours !== undefined ? { hours: patch.hours } : {}),
      ...(patch.kind ? { kind: patch.kind } : {}),
      ...(patch.note !== undefined ? { note: patch.note || null } : {}),
      updatedAt: new Date(),
    })
    .where(and(eq(timeEntries.workspaceId, workspaceId), eq(timeEntries.id, id)));
  return getTimeEntry(db, workspaceId, id);
}

export async function deleteTimeEntry(
  db: Db,
  workspaceId: string,
  actor: TimeActor,
  id: string,
): Promise<{ id: string }> {
  const [row] = await db
    .select({ memberId: timeEntries.memberId })
    .from(timeEntries)
    .where(and(eq(timeEntries.workspaceId, workspaceId), eq(timeEntries.id, id)))
    .limit(1);
  if (!row) throw AppError.notFound('Time entry');
  assertMayLogFor(actor, row.memberId);
  await db.delete(timeEntries).where(and(eq(timeEntries.workspaceId, workspaceId), eq(timeEntries.id, id)));
  return { id };
}
