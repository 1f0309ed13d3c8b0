// How learnings appear in search: one internal document each, under its reflection, written by the
// learnings store on every write and read in bulk by the search backfill.
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { indexForSearch, removeFromSearch, type SearchDoc } from '../search/search.index';
import { learnings } from './reflections.table';

type LearningFields = Pick<typeof learnings.$inferSelect, 'id' | 'reflectionId' | 'text' | 'tags'>;

export function learningSearchDoc(l: LearningFields): SearchDoc {
  return {
    kind: 'learning',
    id: l.id,
    title: l.text.length > 120 ? `${l.text.slice(0, 117)}…` : l.text,
    body: l.text,
    subtitle: l.tags.map((t) => `#${t}`).join(' '),
    visibility: 'internal',
    parentId: l.reflectionId,
  };
}

export const indexLearning = (db: Db, workspaceId: string, l: LearningFields) =>
  indexForSearch(db, workspaceId, learningSearchDoc(l));
export const unindexLearning = (db: Db, workspaceId: string, id: string) =>
  removeFromSearch(db, workspaceId, 'learning', id);

/** Removes the documents of every learning under a reflection (which names it as their parent). */
export const removeLearningsOf = (db: Db, workspaceId: string, reflectionId: string) =>
  removeFromSearch(db, workspaceId, 'learning', reflectionId);

/** A page of a workspace's learnings as documents, in id order (for the backfill). */
export async function learningDocsAfter(db: Db, workspaceId: string, afterId: string | null, limit: number) {
  const rows = await db
    .select({
      id: learnings.id,
      reflectionId: learnings.reflectionId,
      text: learnings.text,
      tags: learnings.tags,
    })
    .from(learnings)
    .where(and(eq(learnings.workspaceId, workspaceId), afterId ? gt(learnings.id, afterId) : undefined))
    .orderBy(asc(learnings.id))
    .limit(limit);
  return rows.map(learningSearchDoc);
}
