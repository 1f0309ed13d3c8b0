import { and, count, desc, eq, ilike, inArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { iso } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { afterCursor, decodeCursor, toPage } from '../../platform/pagination';
import { likePattern } from '../../platform/text';
import { relationshipRef } from '../check-ins/check-ins.relationship';
import { assertCheckIn } from '../check-ins/check-ins.store';
import { clients } from '../clients/clients.table';
import { refreshHealth } from '../health/health.store';
import { type MailContext, notify } from '../notifications/notifications.store';
import { relationships } from '../relationships/relationships.table';
import { teams } from '../teams/teams.table';
import { enqueueWebhookEvent } from '../webhooks/webhooks.store';
import type { Topic, TopicInput, TopicPatch, WorkspaceTopicListQuery } from './topics.contract';
import { indexTopic, unindexTopic } from './topics.search';
import { type PersonKind, topicComments, topics, topicVotes } from './topics.table';

/** Whoever acts on a topic: one of us, or (in the portal) a client contact. */
export type Person = { kind: PersonKind; id: string; name: string };

type Joined = {
  row: typeof topics.$inferSelect;
  clientId: string;
  clientName: string;
  teamId: string;
  teamName: string;
};

export const topicPath = (workspaceId: string, relationshipId: string, topicId: string) =>
  `/w/${workspaceId}/relationships/${relationshipId}?topic=${topicId}`;

function joined(db: Db, workspaceId: string) {
  return db
    .select({
      row: topics,
      clientId: clients.id,
      clientName: clients.name,
      teamId: teams.id,
      teamName: teams.name,
    })
    .from(topics)
    .innerJoin(
      relationships,
      and(eq(relationships.workspaceId, workspaceId), eq(relationships.id, topics.relationshipId)),
    )
    .innerJoin(clients, and(eq(clients.workspaceId, workspaceId), eq(clients.id, relationships.clientId)))
    .innerJoin(teams, and(eq(teams.workspaceId, workspaceId), eq(teams.id, relationships.teamId)))
    .$dynamic();
}

/** Votes, my vote and comments for a page of topics, in three small queries. */
async function hydrate(db: Db, workspaceId: string, viewer: Person, rows: Joined[]): Promise<Topic[]> {
  const ids = rows.map((r) => r.row.id);
  if (ids.length === 0) return [];
  const inPage = (col: typeof topicVotes.topicId | typeof topicComments.topicId) => inArray(col, ids);
  const [votes, mine, comments] = await Promise.all([
    db
      .select({ topicId: topicVotes.topicId, n: count() })
      .from(topicVotes)
      .where(and(eq(topicVotes.workspaceId, workspaceId), inPage(topicVotes.topicId)))
      .groupBy(topicVotes.topicId),
    db
      .select({ topicId: topicVotes.topicId })
      .from(topicVotes)
      .where(
        and(
          eq(topicVotes.workspaceId, workspaceId),
          inPage(topicVotes.topicId),
          eq(topicVotes.voterKind, viewer.kind),
          eq(topicVotes.voterId, viewer.id),
        ),
      ),
    db
      .select({ topicId: topicComments.topicId, n: count() })
      .from(topicComments)
      .where(and(eq(topicComments.workspaceId, workspaceId), inPage(topicComments.topicId)))
      .groupBy(topicComments.topicId),
  ]);
  const voteCount = new Map(votes.map((v) => [v.topicId, Number(v.n)]));
  const commentCount = new Map(comments.map((c) => [c.topicId, Number(c.n)]));
  const votedByMe = new Set(mine.map((v) => v.topicId));
  return rows.map(({ row: r, clientId, clientName, teamId, teamName }) => ({
    id: r.id,
    relationshipId: r.relationshipId,
    relationship: {
      id: r.relationshipId,
      client: { id: clientId, name: clientName },
      team: { id: teamId, name: teamName },
    },
    title: r.title,
    description: r.description,
    raisedBy: r.raisedBy,
    author: {
      kind: r.authorKind,
      id: r.authorKind === 'member' ? r.authorUserId : r.authorContactId,
      name: r.authorName,
    },
    status: r.status,
    checkInId: r.checkInId,
    voteCount: voteCount.get(r.id) ?? 0,
    votedByMe: votedByMe.has(r.id),
    commentCount: commentCount.get(r.id) ?? 0,
    statusChangedAt: iso(r.statusChangedAt),
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  }));
}

/** Topics newest first; the relationship's backlog, or the workspace's when no relationship is named. */
export async function listTopics(
  db: Db,
  workspaceId: string,
  viewer: Person,
  query: WorkspaceTopicListQuery,
) {
  const after = decodeCursor(query.cursor, 2);
  const rows = await joined(db, workspaceId)
    .where(
      and(
        eq(topics.workspaceId, workspaceId),
        query.relationshipId ? eq(topics.relationshipId, query.relationshipId) : undefined,
        query.status ? eq(topics.status, query.status) : undefined,
        query.raisedBy ? eq(topics.raisedBy, query.raisedBy) : undefined,
        query.checkInId ? eq(topics.checkInId, query.checkInId) : undefined,
        query.q ? ilike(topics.title, likePattern(query.q)) : undefined,
        after ? afterCursor([topics.createdAt, topics.id], after, 'desc') : undefined,
      ),
    )
    .orderBy(desc(topics.createdAt), desc(topics.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [iso(r.row.createdAt), r.row.id]);
  return { items: await hydrate(db, workspaceId, viewer, page.items), nextCursor: page.nextCursor };
}

export async function listRelationshipTopics(
  db: Db,
  workspaceId: string,
  viewer: Person,
  relationshipId: string,
  query: Omit<WorkspaceTopicListQuery, 'relationshipId' | 'q'>,
) {
  await relationshipRef(db, workspaceId, relationshipId);
  return listTopics(db, workspaceId, viewer, { ...query, relationshipId });
}

export async function getTopic(
  db: Db,
  workspaceId: string,
  viewer: Person,
  relationshipId: string,
  id: string,
): Promise<Topic> {
  const rows = await joined(db, workspaceId)
    .where(
      and(eq(topics.workspaceId, workspaceId), eq(topics.relationshipId, relationshipId), eq(topics.id, id)),
    )
    .limit(1);
  if (rows.length === 0) throw AppError.notFound('Topic');
  const [one] = await hydrate(db, workspaceId, viewer, rows);
  return one!;
}

export async function createTopic(
  db: Db,
  workspaceId: string,
  author: Person,
  relationshipId: string,
  input: TopicInput,
  now: Date,
  mail: MailContext,
): Promise<Topic> {
  const rel = await relationshipRef(db, workspaceId, relationshipId);
  if (input.checkInId) await assertCheckIn(db, workspaceId, relationshipId, input.checkInId);
  const id = newId();
  await db.insert(topics).values({
    workspaceId,
    id,
    relationshipId,
    title: input.title,
    description: input.description || null,
    raisedBy: input.raisedBy,
    status: 'proposed',
    checkInId: input.checkInId ?? null,
    authorKind: author.kind,
    authorUserId: author.kind === 'member' ? author.id : null,
    authorContactId: author.kind === 'contact' ? author.id : null,
    authorName: author.name,
    statusChangedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  await indexTopic(db, workspaceId, id);
  // A topic the client brings is news for the partner lead (unless they noted it down themselves).
  if (input.raisedBy === 'client' && rel.owner && !(author.kind === 'member' && author.id === rel.owner.id)) {
    await notify(
      db,
      workspaceId,
      [rel.owner.id],
      {
        kind: 'topic_raised',
        title: `${rel.client.name} raised a topic: ${input.title}`,
        body: input.description || `A new topic on the backlog of ${rel.client.name} × ${rel.team.name}.`,
        link: topicPath(workspaceId, relationshipId, id),
        relationshipId,
        topicId: id,
        dedupeKey: `topic_raised:${id}`,
      },
      mail,
    );
  }
  await refreshHealth(db, workspaceId, [relationshipId], now);
  await enqueueWebhookEvent(db, workspaceId, 'topic.created', {
    relationshipId,
    topic: { id, title: input.title, raisedBy: input.raisedBy, authorName: author.name },
  });
  return getTopic(db, workspaceId, author, relationshipId, id);
}

export async function updateTopic(
  db: Db,
  workspaceId: string,
  viewer: Person,
  relationshipId: string,
  id: string,
  patch: TopicPatch,
  now: Date,
): Promise<Topic> {
  const current = await getTopic(db, workspaceId, viewer, relationshipId, id);
  await db
    .update(topics)
    .set({
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.description !== undefined ? { description: patch.description || null } : {}),
      ...(patch.status !== undefined && patch.status !== current.status
        ? { status: patch.status, statusChangedAt: now }
        : {}),
      updatedAt: now,
    })
    .where(and(eq(topics.workspaceId, workspaceId), eq(topics.id, id)));
  await indexTopic(db, workspaceId, id);
  await refreshHealth(db, workspaceId, [relationshipId], now);
  return getTopic(db, workspaceId, viewer, relationshipId, id);
}

export async function deleteTopic(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  id: string,
): Promise<{ id: string }> {
  const [row] = await db
    .delete(topics)
    .where(
      and(eq(topics.workspaceId, workspaceId), eq(topics.relationshipId, relationshipId), eq(topics.id, id)),
    )
    .returning({ id: topics.id });
  if (!row) throw AppError.notFound('Topic');
  await unindexTopic(db, workspaceId, id);
  await refreshHealth(db, workspaceId, [relationshipId]);
  return row;
}

/**
 * One vote per person: a second vote changes nothing (`added: false`). A new vote tells the partner lead
 * and whoever wrote the topic down, in the app only (a vote is too small for an email).
 */
export async function voteOnTopic(
  db: Db,
  workspaceId: string,
  voter: Person,
  relationshipId: string,
  id: string,
): Promise<{ topic: Topic; added: boolean }> {
  const before = await getTopic(db, workspaceId, voter, relationshipId, id);
  const inserted = await db
    .insert(topicVotes)
    .values({ workspaceId, topicId: id, voterKind: voter.kind, voterId: voter.id })
    .onConflictDoNothing()
    .returning({ topicId: topicVotes.topicId });
  const added = inserted.length > 0;
  if (added) {
    const rel = await relationshipRef(db, workspaceId, relationshipId);
    const mine = (u: string | null | undefined) => voter.kind === 'member' && voter.id === u;
    const authorId = before.author.kind === 'member' ? before.author.id : null;
    await notify(
      db,
      workspaceId,
      [rel.owner?.id, authorId].filter((u) => !mine(u)),
      {
        kind: 'topic_voted',
        title: `${voter.name} voted for “${before.title}”`,
        body: `${before.voteCount + 1} vote${before.voteCount === 0 ? '' : 's'} now, on the backlog of ${rel.client.name} × ${rel.team.name}.`,
        link: topicPath(workspaceId, relationshipId, id),
        relationshipId,
        topicId: id,
        dedupeKey: `topic_voted:${id}:${voter.kind}:${voter.id}`,
      },
    );
  }
  return { topic: await getTopic(db, workspaceId, voter, relationshipId, id), added };
}

/** Takes a person's vote back; without one, nothing changes. */
export async function unvoteTopic(
  db: Db,
  workspaceId: string,
  voter: Person,
  relationshipId: string,
  id: string,
): Promise<{ id: string }> {
  await getTopic(db, workspaceId, voter, relationshipId, id);
  await db
    .delete(topicVotes)
    .where(
      and(
        eq(topicVotes.workspaceId, workspaceId),
        eq(topicVotes.topicId, id),
        eq(topicVotes.voterKind, voter.kind),
        eq(topicVotes.voterId, voter.id),
      ),
    );
  return { id };
}
