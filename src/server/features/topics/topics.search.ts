// How topics appear in search: one shared document each (the client sees their own backlog), under its
// relationship, written by the topics store on every write and read in bulk by the search backfill.
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { relationships } from '../relationships/relationships.table';
import { indexForSearch, removeFromSearch, type SearchDoc } from '../search/search.index';
import { topics } from './topics.table';

const columns = {
  id: topics.id,
  relationshipId: topics.relationshipId,
  title: topics.title,
  description: topics.description,
  status: topics.status,
  raisedBy: topics.raisedBy,
  clientId: relationships.clientId,
};
type TopicFields = Pick<
  typeof topics.$inferSelect,
  'id' | 'relationshipId' | 'title' | 'description' | 'status' | 'raisedBy'
> & { clientId: string };

function topicSearchDoc(t: TopicFields): SearchDoc {
  return {
    kind: 'topic',
    id: t.id,
    title: t.title,
    body: t.description,
    subtitle: `${t.status} · raised by the ${t.raisedBy}`,
    visibility: 'shared',
    clientId: t.clientId,
    parentId: t.relationshipId,
  };
}

/** Re-reads the topic and refreshes its document, in the caller's transaction. */
export async function indexTopic(db: Db, workspaceId: string, id: string): Promise<void> {
  const [row] = await db
    .select(columns)
    .from(topics)
    .innerJoin(
      relationships,
      and(eq(relationships.workspaceId, topics.workspaceId), eq(relationships.id, topics.relationshipId)),
    )
    .where(and(eq(topics.workspaceId, workspaceId), eq(topics.id, id)))
    .limit(1);
  if (row) await indexForSearch(db, workspaceId, topicSearchDoc(row));
}

export const unindexTopic = (db: Db, workspaceId: string, id: string) =>
  removeFromSearch(db, workspaceId, 'topic', id);

/** A page of a workspace's topics as documents, in id order (for the backfill). */
export async function topicDocsAfter(db: Db, workspaceId: string, afterId: string | null, limit: number) {
  const rows = await db
    .select(columns)
    .from(topics)
    .innerJoin(
      relationships,
      and(eq(relationships.workspaceId, topics.workspaceId), eq(relationships.id, topics.relationshipId)),
    )
    .where(and(eq(topics.workspaceId, workspaceId), afterId ? gt(topics.id, afterId) : undefined))
    .orderBy(asc(topics.id))
    .limit(limit);
  return rows.map(topicSearchDoc);
}
