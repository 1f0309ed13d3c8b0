import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { iso } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { afterCursor, decodeCursor, toPage } from '../../platform/pagination';
import { relationshipRef } from '../check-ins/check-ins.relationship';
import { type MailContext, notify } from '../notifications/notifications.store';
import type { Comment, CommentInput, TopicSide } from './topics.contract';
import { getTopic, type Person, topicPath } from './topics.store';
import { topicComments } from './topics.table';

type Row = typeof topicComments.$inferSelect;

const toComment = (r: Row): Comment => ({
  id: r.id,
  topicId: r.topicId,
  body: r.body,
  side: r.side,
  author: {
    kind: r.authorKind,
    id: r.authorKind === 'member' ? r.authorUserId : r.authorContactId,
    name: r.authorName,
  },
  createdAt: iso(r.createdAt),
});

const scope = (workspaceId: string, topicId: string) =>
  and(eq(topicComments.workspaceId, workspaceId), eq(topicComments.topicId, topicId));

/** The conversation on a topic, oldest first. */
export async function listComments(
  db: Db,
  workspaceId: string,
  viewer: Person,
  relationshipId: string,
  topicId: string,
  query: { limit: number; cursor?: string },
) {
  await getTopic(db, workspaceId, viewer, relationshipId, topicId);
  const after = decodeCursor(query.cursor, 2);
  const rows = await db
    .select()
    .from(topicComments)
    .where(
      and(
        scope(workspaceId, topicId),
        after ? afterCursor([topicComments.createdAt, topicComments.id], after, 'asc') : undefined,
      ),
    )
    .orderBy(asc(topicComments.createdAt), asc(topicComments.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [iso(r.createdAt), r.id]);
  return { items: page.items.map(toComment), nextCursor: page.nextCursor };
}

/**
 * A comment from either side. Tells the partner lead, whoever wrote the topic down and the members who
 * commented before (never the commenter), in the app and by email.
 */
export async function addComment(
  db: Db,
  workspaceId: string,
  author: Person,
  relationshipId: string,
  topicId: string,
  input: CommentInput,
  now: Date,
  mail: MailContext,
): Promise<Comment> {
  const topic = await getTopic(db, workspaceId, author, relationshipId, topicId);
  const side: TopicSide = author.kind === 'member' ? 'provider' : 'client';
  const [row] = await db
    .insert(topicComments)
    .values({
      workspaceId,
      id: newId(),
      topicId,
      body: input.body,
      side,
      authorKind: author.kind,
      authorUserId: author.kind === 'member' ? author.id : null,
      authorContactId: author.kind === 'contact' ? author.id : null,
      authorName: author.name,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const earlier = await db
    .selectDistinct({ userId: topicComments.authorUserId })
    .from(topicComments)
    .where(and(scope(workspaceId, topicId), eq(topicComments.authorKind, 'member')));
  const rel = await relationshipRef(db, workspaceId, relationshipId);
  const recipients = [
    rel.owner?.id,
    topic.author.kind === 'member' ? topic.author.id : null,
    ...earlier.map((e) => e.userId),
  ].filter((u) => !(author.kind === 'member' && u === author.id));
  const excerpt = input.body.length > 280 ? `${input.body.slice(0, 277)}…` : input.body;
  await notify(
    db,
    workspaceId,
    recipients,
    {
      kind: 'topic_commented',
      title: `${author.name} commented on “${topic.title}”`,
      body: excerpt,
      link: topicPath(workspaceId, relationshipId, topicId),
      relationshipId,
      topicId,
      dedupeKey: `topic_commented:${row!.id}`,
    },
    mail,
  );
  return toComment(row!);
}

export async function getComment(db: Db, workspaceId: string, topicId: string, id: string): Promise<Comment> {
  const [row] = await db
    .select()
    .from(topicComments)
    .where(and(scope(workspaceId, topicId), eq(topicComments.id, id)))
    .limit(1);
  if (!row) throw AppError.notFound('Comment');
  return toComment(row);
}

export async function deleteComment(
  db: Db,
  workspaceId: string,
  viewer: Person,
  relationshipId: string,
  topicId: string,
  id: string,
): Promise<{ id: string }> {
  await getTopic(db, workspaceId, viewer, relationshipId, topicId);
  const [row] = await db
    .delete(topicComments)
    .where(and(scope(workspaceId, topicId), eq(topicComments.id, id)))
    .returning({ id: topicComments.id });
  if (!row) throw AppError.notFound('Comment');
  return row;
}
