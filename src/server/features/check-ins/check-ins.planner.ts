// Across the workspace: which check-ins are due (from the relationships' cadence) and where either side
// declared room. A read model joining relationships, clients, teams and users with the check-ins tables.
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm';
import {
  bucketRange,
  type DueBucket,
  daysOverdue,
  dueBucket,
  isoDay,
  missedCadences,
} from '../../../domain/cadence';
import type { Db } from '../../db/open';
import { users } from '../../platform/auth/auth.table';
import { iso, isoOrNull } from '../../platform/common.contract';
import { afterCursor, decodeCursor, toPage } from '../../platform/pagination';
import { clients } from '../clients/clients.table';
import { relationships } from '../relationships/relationships.table';
import { teams } from '../teams/teams.table';
import type { DueItem, DueQuery, DueSummary, RoomItem, RoomQuery } from './check-ins.contract';
import { checkInContexts, checkIns } from './check-ins.table';

function dueFilter(
  workspaceId: string,
  today: Date,
  q: { bucket?: DueBucket; teamId?: string; ownerId?: string },
) {
  const range = q.bucket ? bucketRange(q.bucket, today) : {};
  return and(
    eq(relationships.workspaceId, workspaceId),
    eq(relationships.status, 'active'),
    isNotNull(relationships.nextCheckInDue),
    range.from ? gte(relationships.nextCheckInDue, range.from) : undefined,
    range.to ? lte(relationships.nextCheckInDue, range.to) : undefined,
    q.teamId ? eq(relationships.teamId, q.teamId) : undefined,
    q.ownerId ? eq(relationships.ownerId, q.ownerId) : undefined,
  );
}

/** Active relationships by next due date (most overdue first), with the next check-in already scheduled. */
export async function listDue(db: Db, workspaceId: string, query: DueQuery, now: Date) {
  const after = decodeCursor(query.cursor, 2);
  const rows = await db
    .select({
      r: relationships,
      clientName: clients.name,
      clientKind: clients.kind,
      teamName: teams.name,
      ownerName: users.name,
    })
    .from(relationships)
    .innerJoin(clients, and(eq(clients.workspaceId, workspaceId), eq(clients.id, relationships.clientId)))
    .innerJoin(teams, and(eq(teams.workspaceId, workspaceId), eq(teams.id, relationships.teamId)))
    .leftJoin(users, eq(users.id, relationships.ownerId))
    .where(
      and(
        dueFilter(workspaceId, now, query),
        after ? afterCursor([relationships.nextCheckInDue, relationships.id], after, 'asc') : undefined,
      ),
    )
    .orderBy(asc(relationships.nextCheckInDue), asc(relationships.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (x) => [x.r.nextCheckInDue, x.r.id]);
  const ids = page.items.map((x) => x.r.id);
  const scheduled =
    ids.length === 0
      ? []
      : await db
          .select({ id: checkIns.id, relationshipId: checkIns.relationshipId, at: checkIns.scheduledFor })
          .from(checkIns)
          .where(
            and(
              eq(checkIns.workspaceId, workspaceId),
              inArray(checkIns.relationshipId, ids),
              eq(checkIns.status, 'scheduled'),
            ),
          )
          .orderBy(asc(checkIns.scheduledFor));
  const items: DueItem[] = page.items.map(({ r, clientName, clientKind, teamName, ownerName }) => {
    const due = r.nextCheckInDue!;
    const next = scheduled.find((s) => s.relationshipId === r.id);
    return {
      relationship: {
        id: r.id,
        client: { id: r.clientId, name: clientName, kind: clientKind },
        team: { id: r.teamId, name: teamName },
        owner: r.ownerId ? { id: r.ownerId, name: ownerName ?? 'Former member' } : null,
        cadenceDays: r.cadenceDays,
        lastCheckInAt: isoOrNull(r.lastCheckInAt),
      },
      nextCheckInDue: due,
      bucket: dueBucket(due, now),
      daysOverdue: daysOverdue(due, now),
      missedCadences: missedCadences({
        cadenceDays: r.cadenceDays,
        lastCheckInAt: r.lastCheckInAt,
        startedAt: r.createdAt,
        today: now,
      }),
      scheduled: next ? { id: next.id, scheduledFor: iso(next.at) } : null,
    };
  });
  return { items, nextCursor: page.nextCursor };
}

export async function summarizeDue(
  db: Db,
  workspaceId: string,
  query: { teamId?: string; ownerId?: string },
  now: Date,
): Promise<DueSummary> {
  const today = isoDay(now);
  const count = (bucket: DueBucket) => {
    const { from, to } = bucketRange(bucket, now);
    return sql<number>`count(*) filter (where ${and(
      from ? gte(relationships.nextCheckInDue, from) : undefined,
      to ? lte(relationships.nextCheckInDue, to) : undefined,
    )})::int`;
  };
  const [row] = await db
    .select({ overdue: count('overdue'), thisWeek: count('this_week'), later: count('later') })
    .from(relationships)
    .where(dueFilter(workspaceId, now, query));
  return { today, overdue: row?.overdue ?? 0, thisWeek: row?.thisWeek ?? 0, later: row?.later ?? 0 };
}

/** "Where there is room": unused capacity either side declared in recent check-ins, newest first. */
export async function listRoom(db: Db, workspaceId: string, query: RoomQuery, now: Date) {
  const after = decodeCursor(query.cursor, 2);
  const since = new Date(now.getTime() - query.days * 86_400_000);
  const rows = await db
    .select({
      c: checkInContexts,
      status: checkIns.status,
      heldAt: checkIns.heldAt,
      scheduledFor: checkIns.scheduledFor,
      relationshipId: checkIns.relationshipId,
      clientId: clients.id,
      clientName: clients.name,
      teamId: teams.id,
      teamName: teams.name,
    })
    .from(checkInContexts)
    .innerJoin(
      checkIns,
      and(eq(checkIns.workspaceId, workspaceId), eq(checkIns.id, checkInContexts.checkInId)),
    )
    .innerJoin(
      relationships,
      and(eq(relationships.workspaceId, workspaceId), eq(relationships.id, checkIns.relationshipId)),
    )
    .innerJoin(clients, and(eq(clients.workspaceId, workspaceId), eq(clients.id, relationships.clientId)))
    .innerJoin(teams, and(eq(teams.workspaceId, workspaceId), eq(teams.id, relationships.teamId)))
    .where(
      and(
        eq(checkInContexts.workspaceId, workspaceId),
        gte(checkInContexts.updatedAt, since),
        ne(checkInContexts.unusedCapacity, ''),
        ne(checkIns.status, 'skipped'),
        query.side ? eq(checkInContexts.side, query.side) : undefined,
        after ? afterCursor([checkInContexts.updatedAt, checkInContexts.id], after, 'desc') : undefined,
      ),
    )
    .orderBy(desc(checkInContexts.updatedAt), desc(checkInContexts.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (x) => [iso(x.c.updatedAt), x.c.id]);
  const items: RoomItem[] = page.items.map((x) => ({
    checkInId: x.c.checkInId,
    relationship: {
      id: x.relationshipId,
      client: { id: x.clientId, name: x.clientName },
      team: { id: x.teamId, name: x.teamName },
    },
    side: x.c.side,
    unusedCapacity: x.c.unusedCapacity,
    filledBy: { kind: x.c.filledByKind, name: x.c.filledByName },
    checkInStatus: x.status,
    at: iso(x.heldAt ?? x.scheduledFor),
    updatedAt: iso(x.c.updatedAt),
  }));
  return { items, nextCursor: page.nextCursor };
}
