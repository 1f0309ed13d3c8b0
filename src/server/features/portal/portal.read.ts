// The portal's read model: what one client contact may see of their own client's relationships. It reads
// the relationships, check-ins, topics and touchpoints tables directly (for one narrow query each) and
// returns only the portal's own response types; writes go through the features' stores (portal.write.ts).
import { and, asc, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { users } from '../../platform/auth/auth.table';
import { iso, isoOrNull } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { afterCursor, decodeKeysetCursor, toPage } from '../../platform/pagination';
import { checkInContexts, checkIns } from '../check-ins/check-ins.table';
import { assessments, relationships } from '../relationships/relationships.table';
import { teams } from '../teams/teams.table';
import { listComments } from '../topics/topic-comments.store';
import type { Comment, Topic } from '../topics/topics.contract';
import { getTopic, listTopics, type Person } from '../topics/topics.store';
import { touchpoints } from '../touchpoints/touchpoints.table';
import type {
  PortalCheckIn,
  PortalComment,
  PortalRelationship,
  PortalRelationshipDetail,
  PortalTopic,
  PortalTouchpoint,
} from './portal.contract';
import type { PortalViewer } from './portal-auth.store';

type Paging = { limit: number; cursor?: string };
const NOBODY = '00000000-0000-0000-0000-000000000000';

/** The portal viewer as a person on a topic (a preview votes as nobody). */
export const personOf = (v: PortalViewer): Person => ({
  kind: 'contact',
  id: v.contactId ?? NOBODY,
  name: v.contactName,
});

const relationshipColumns = {
  id: relationships.id,
  teamName: teams.name,
  ownerName: users.name,
  ambition: relationships.ambition,
  stage: relationships.stage,
  status: relationships.status,
  nextCheckInDue: relationships.nextCheckInDue,
  createdAt: relationships.createdAt,
};
type RelationshipRow = {
  id: string;
  teamName: string;
  ownerName: string | null;
  ambition: string | null;
  stage: PortalRelationship['stage'];
  status: PortalRelationship['status'];
  nextCheckInDue: string | null;
  createdAt: Date;
};

const toRelationship = (r: RelationshipRow): PortalRelationship => ({
  id: r.id,
  team: { name: r.teamName },
  partnerLead: r.ownerName ? { name: r.ownerName } : null,
  ambition: r.ambition,
  stage: r.stage,
  status: r.status,
  nextCheckInDue: r.nextCheckInDue,
});

function ownRelationships(db: Db, v: PortalViewer) {
  return db
    .select(relationshipColumns)
    .from(relationships)
    .innerJoin(teams, and(eq(teams.workspaceId, v.workspaceId), eq(teams.id, relationships.teamId)))
    .leftJoin(users, eq(users.id, relationships.ownerId))
    .$dynamic();
}
const ofClient = (v: PortalViewer) =>
  and(eq(relationships.workspaceId, v.workspaceId), eq(relationships.clientId, v.clientId));

export async function listPortalRelationships(db: Db, v: PortalViewer, q: Paging) {
  const keys = [
    { expr: relationships.createdAt, type: 'timestamptz' as const },
    { expr: relationships.id, type: 'uuid' as const },
  ];
  const after = decodeKeysetCursor(q.cursor, keys);
  const rows = (await ownRelationships(db, v)
    .where(
      and(
        ofClient(v),
        after ? afterCursor([relationships.createdAt, relationships.id], after, 'asc') : undefined,
      ),
    )
    .orderBy(asc(relationships.createdAt), asc(relationships.id))
    .limit(q.limit + 1)) as RelationshipRow[];
  const page = toPage(rows, q.limit, (r) => [iso(r.createdAt), r.id]);
  return { items: page.items.map(toRelationship), nextCursor: page.nextCursor };
}

/** The relationship, if it is one of the viewer's client's; anyone else's is simply not found. */
export async function assertOwnRelationship(
  db: Db,
  v: PortalViewer,
  id: string,
): Promise<PortalRelationship> {
  const [row] = (await ownRelationships(db, v)
    .where(and(ofClient(v), eq(relationships.id, id)))
    .limit(1)) as RelationshipRow[];
  if (!row) throw AppError.notFound('Relationship');
  return toRelationship(row);
}

/** The journey together: each stage the relationship reached, and since when (no notes, no pyramid). */
export async function getPortalRelationship(
  db: Db,
  v: PortalViewer,
  id: string,
): Promise<PortalRelationshipDetail> {
  const rel = await assertOwnRelationship(db, v, id);
  const history = await db
    .select({ stage: assessments.stage, at: assessments.assessedAt })
    .from(assessments)
    .where(and(eq(assessments.workspaceId, v.workspaceId), eq(assessments.relationshipId, id)))
    .orderBy(asc(assessments.assessedAt), asc(assessments.id))
    .limit(200);
  const journey: PortalRelationshipDetail['journey'] = [];
  for (const h of history)
    if (journey.at(-1)?.stage !== h.stage) journey.push({ stage: h.stage, since: iso(h.at) });
  return { ...rel, journey };
}

// ── Check-ins ────────────────────────────────────────────────────────────────

const checkInKeys = [
  { expr: checkIns.scheduledFor, type: 'timestamptz' as const },
  { expr: checkIns.id, type: 'uuid' as const },
];

async function toCheckIns(db: Db, v: PortalViewer, rows: Array<typeof checkIns.$inferSelect>) {
  const ids = rows.map((r) => r.id);
  const contexts = ids.length
    ? await db
        .select()
        .from(checkInContexts)
        .where(
          and(
            eq(checkInContexts.workspaceId, v.workspaceId),
            inArray(checkInContexts.checkInId, ids),
            eq(checkInContexts.side, 'client'),
          ),
        )
    : [];
  return rows.map((r): PortalCheckIn => {
    const c = contexts.find((x) => x.checkInId === r.id);
    return {
      id: r.id,
      scheduledFor: iso(r.scheduledFor),
      durationMinutes: r.durationMinutes,
      status: r.status,
      heldAt: isoOrNull(r.heldAt),
      agenda: r.agenda,
      clientContext: c
        ? {
            businessUpdate: c.businessUpdate,
            unusedCapacity: c.unusedCapacity,
            furtherTopics: c.furtherTopics,
            waysOfWorking: c.waysOfWorking,
            filledBy: {
              kind: c.filledByKind === 'client' ? 'client' : 'provider_on_behalf',
              name: c.filledByName,
            },
            updatedAt: iso(c.updatedAt),
          }
        : null,
    };
  });
}

/** Upcoming ones soonest first; past ones (and all) latest first. */
export async function listPortalCheckIns(
  db: Db,
  v: PortalViewer,
  relationshipId: string,
  q: Paging & { when?: 'upcoming' | 'past' },
  now: Date,
) {
  await assertOwnRelationship(db, v, relationshipId);
  const dir = q.when === 'upcoming' ? 'asc' : 'desc';
  const after = decodeKeysetCursor(q.cursor, checkInKeys);
  const rows = await db
    .select()
    .from(checkIns)
    .where(
      and(
        eq(checkIns.workspaceId, v.workspaceId),
        eq(checkIns.relationshipId, relationshipId),
        q.when === 'upcoming'
          ? and(eq(checkIns.status, 'scheduled'), gte(checkIns.scheduledFor, now))
          : undefined,
        q.when === 'past' ? lt(checkIns.scheduledFor, now) : undefined,
        after ? afterCursor([checkIns.scheduledFor, checkIns.id], after, dir) : undefined,
      ),
    )
    .orderBy(
      ...(dir === 'asc'
        ? [asc(checkIns.scheduledFor), asc(checkIns.id)]
        : [desc(checkIns.scheduledFor), desc(checkIns.id)]),
    )
    .limit(q.limit + 1);
  const page = toPage(rows, q.limit, (r) => [iso(r.scheduledFor), r.id]);
  return { items: await toCheckIns(db, v, page.items), nextCursor: page.nextCursor };
}

export async function getPortalCheckIn(db: Db, v: PortalViewer, relationshipId: string, id: string) {
  await assertOwnRelationship(db, v, relationshipId);
  const rows = await db
    .select()
    .from(checkIns)
    .where(
      and(
        eq(checkIns.workspaceId, v.workspaceId),
        eq(checkIns.relationshipId, relationshipId),
        eq(checkIns.id, id),
      ),
    )
    .limit(1);
  if (rows.length === 0) throw AppError.notFound('Check-in');
  const [one] = await toCheckIns(db, v, rows);
  return one!;
}

// ── Topics ───────────────────────────────────────────────────────────────────

export const toPortalTopic = (t: Topic): PortalTopic => ({
  id: t.id,
  title: t.title,
  description: t.description,
  raisedBy: t.raisedBy,
  status: t.status,
  author: { side: t.author.kind === 'member' ? 'provider' : 'client', name: t.author.name },
  voteCount: t.voteCount,
  votedByMe: t.votedByMe,
  commentCount: t.commentCount,
  createdAt: t.createdAt,
});

const toPortalComment = (c: Comment): PortalComment => ({
  id: c.id,
  body: c.body,
  author: { side: c.side, name: c.author.name },
  createdAt: c.createdAt,
});

export async function listPortalTopics(db: Db, v: PortalViewer, relationshipId: string, q: Paging) {
  await assertOwnRelationship(db, v, relationshipId);
  const page = await listTopics(db, v.workspaceId, personOf(v), { ...q, relationshipId });
  return { items: page.items.map(toPortalTopic), nextCursor: page.nextCursor };
}

export async function getPortalTopic(db: Db, v: PortalViewer, relationshipId: string, id: string) {
  await assertOwnRelationship(db, v, relationshipId);
  return toPortalTopic(await getTopic(db, v.workspaceId, personOf(v), relationshipId, id));
}

export async function listPortalComments(
  db: Db,
  v: PortalViewer,
  relationshipId: string,
  topicId: string,
  q: Paging,
) {
  await assertOwnRelationship(db, v, relationshipId);
  const page = await listComments(db, v.workspaceId, personOf(v), relationshipId, topicId, q);
  return { items: page.items.map(toPortalComment), nextCursor: page.nextCursor };
}
export { toPortalComment };

// ── Touchpoints ──────────────────────────────────────────────────────────────

/** Only those the provider marked shared, newest first; discoveries stay with the provider. */
export async function listPortalTouchpoints(db: Db, v: PortalViewer, relationshipId: string, q: Paging) {
  await assertOwnRelationship(db, v, relationshipId);
  const after = decodeKeysetCursor(q.cursor, [
    { expr: touchpoints.occurredAt, type: 'timestamptz' },
    { expr: touchpoints.id, type: 'uuid' },
  ]);
  const rows = await db
    .select({
      id: touchpoints.id,
      kind: touchpoints.kind,
      initiatedBy: touchpoints.initiatedBy,
      occurredAt: touchpoints.occurredAt,
      summary: touchpoints.summary,
    })
    .from(touchpoints)
    .where(
      and(
        eq(touchpoints.workspaceId, v.workspaceId),
        eq(touchpoints.relationshipId, relationshipId),
        eq(touchpoints.visibility, 'shared'),
        after ? afterCursor([touchpoints.occurredAt, touchpoints.id], after, 'desc') : undefined,
      ),
    )
    .orderBy(desc(touchpoints.occurredAt), desc(touchpoints.id))
    .limit(q.limit + 1);
  const page = toPage(rows, q.limit, (r) => [iso(r.occurredAt), r.id]);
  return {
    items: page.items.map((r): PortalTouchpoint => ({ ...r, occurredAt: iso(r.occurredAt) })),
    nextCursor: page.nextCursor,
  };
}
