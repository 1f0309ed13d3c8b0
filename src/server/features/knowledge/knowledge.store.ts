import { and, arrayContains, asc, desc, eq, gt, ilike, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/open';
import { type Member, roleAtLeast } from '../../platform/auth/actor';
import { users } from '../../platform/auth/auth.table';
import { iso } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { afterCursor, decodeCursor, toPage } from '../../platform/pagination';
import { likePattern } from '../../platform/text';
import { indexForSearch, removeFromSearch, type SearchDoc } from '../search/search.index';
import type {
  KnowledgeInput,
  KnowledgeItem,
  KnowledgeListQuery,
  KnowledgePatch,
  KnowledgeSummary,
  KnowledgeTagCount,
} from './knowledge.contract';
import { type KnowledgeSourceKind, knowledgeItems } from './knowledge.table';
import { excerptOf, markdownToText } from './knowledge.text';

type Row = typeof knowledgeItems.$inferSelect;
type Joined = { row: Row; creatorName: string | null; updaterName: string | null };

const creator = alias(users, 'creator');
const updater = alias(users, 'updater');

const person = (id: string | null, name: string | null) =>
  id ? { id, name: name ?? 'Former member' } : null;

const toSummary = ({ row: r, creatorName }: Joined): KnowledgeSummary => ({
  id: r.id,
  title: r.title,
  excerpt: excerptOf(markdownToText(r.body)),
  tags: r.tags,
  visibility: r.visibility,
  source: r.sourceKind && r.sourceId ? { kind: r.sourceKind, id: r.sourceId } : null,
  createdBy: person(r.createdBy, creatorName),
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

const toItem = (j: Joined): KnowledgeItem => ({
  ...toSummary(j),
  body: j.row.body,
  updatedBy: person(j.row.updatedBy, j.updaterName),
});

export function knowledgeSearchDoc(r: Pick<Row, 'id' | 'title' | 'body' | 'tags' | 'visibility'>): SearchDoc {
  return {
    kind: 'knowledge',
    id: r.id,
    title: r.title,
    subtitle: r.tags.map((t) => `#${t}`).join(' '),
    body: markdownToText(r.body),
    visibility: r.visibility,
  };
}

function joined(db: Db) {
  return db
    .select({ row: knowledgeItems, creatorName: creator.name, updaterName: updater.name })
    .from(knowledgeItems)
    .leftJoin(creator, eq(creator.id, knowledgeItems.createdBy))
    .leftJoin(updater, eq(updater.id, knowledgeItems.updatedBy))
    .$dynamic();
}

/** Newest change first. */
export async function listKnowledge(db: Db, workspaceId: string, query: KnowledgeListQuery) {
  const after = decodeCursor(query.cursor, 2);
  const rows = await joined(db)
    .where(
      and(
        eq(knowledgeItems.workspaceId, workspaceId),
        query.tag ? arrayContains(knowledgeItems.tags, [query.tag]) : undefined,
        query.visibility ? eq(knowledgeItems.visibility, query.visibility) : undefined,
        query.q
          ? or(
              ilike(knowledgeItems.title, likePattern(query.q)),
              ilike(knowledgeItems.body, likePattern(query.q)),
            )
          : undefined,
        after ? afterCursor([knowledgeItems.updatedAt, knowledgeItems.id], after, 'desc') : undefined,
      ),
    )
    .orderBy(desc(knowledgeItems.updatedAt), desc(knowledgeItems.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [iso(r.row.updatedAt), r.row.id]);
  return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
}

/** The tags in use, most used first (at most 200: a library's vocabulary, not a list to page through). */
export async function listKnowledgeTags(db: Db, workspaceId: string): Promise<KnowledgeTagCount[]> {
  const tag = sql<string>`unnest(${knowledgeItems.tags})`;
  const rows = await db
    .select({ tag, count: sql<number>`count(*)::int` })
    .from(knowledgeItems)
    .where(eq(knowledgeItems.workspaceId, workspaceId))
    .groupBy(sql`1`)
    .orderBy(desc(sql`2`), asc(sql`1`))
    .limit(200);
  return rows;
}

export async function getKnowledge(db: Db, workspaceId: string, id: string): Promise<KnowledgeItem> {
  const [row] = await joined(db)
    .where(and(eq(knowledgeItems.workspaceId, workspaceId), eq(knowledgeItems.id, id)))
    .limit(1);
  if (!row) throw AppError.notFound('Knowledge item');
  return toItem(row);
}

export type KnowledgeSource = { kind: KnowledgeSourceKind; id: string };

export async function createKnowledge(
  db: Db,
  workspaceId: string,
  createdBy: string | null,
  input: KnowledgeInput,
  now: Date,
  source?: KnowledgeSource,
): Promise<KnowledgeItem> {
  const [row] = await db
    .insert(knowledgeItems)
    .values({
      workspaceId,
      id: newId(),
      title: input.title,
      body: input.body,
      tags: input.tags ?? [],
      visibility: input.visibility,
      sourceKind: source?.kind ?? null,
      sourceId: source?.id ?? null,
      createdBy,
      updatedBy: createdBy,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await indexForSearch(db, workspaceId, knowledgeSearchDoc(row!));
  return getKnowledge(db, workspaceId, row!.id);
}

/** Anyone may edit the library; removing an item is for its author or an admin. */
async function assertMayRemove(db: Db, actor: Member, id: string): Promise<void> {
  const [row] = await db
    .select({ createdBy: knowledgeItems.createdBy })
    .from(knowledgeItems)
    .where(and(eq(knowledgeItems.workspaceId, actor.workspaceId), eq(knowledgeItems.id, id)))
    .limit(1);
  if (!row) throw AppError.notFound('Knowledge item');
  if (row.createdBy !== actor.userId && !roleAtLeast(actor.role, 'admin'))
    throw new AppError('forbidden', 'Only its author or an admin can delete this item');
}

export async function updateKnowledge(
  db: Db,
  workspaceId: string,
  id: string,
  updatedBy: string,
  patch: KnowledgePatch,
  now: Date,
): Promise<KnowledgeItem> {
  const [row] = await db
    .update(knowledgeItems)
    .set({ ...patch, updatedBy, updatedAt: now })
    .where(and(eq(knowledgeItems.workspaceId, workspaceId), eq(knowledgeItems.id, id)))
    .returning();
  if (!row) throw AppError.notFound('Knowledge item');
  await indexForSearch(db, workspaceId, knowledgeSearchDoc(row));
  return getKnowledge(db, workspaceId, id);
}

export async function deleteKnowledge(db: Db, actor: Member, id: string): Promise<{ id: string }> {
  await assertMayRemove(db, actor, id);
  await db
    .delete(knowledgeItems)
    .where(and(eq(knowledgeItems.workspaceId, actor.workspaceId), eq(knowledgeItems.id, id)));
  await removeFromSearch(db, actor.workspaceId, 'knowledge', id);
  return { id };
}

/** A page of a workspace's items as search documents, in id order (for the backfill). */
export async function knowledgeDocsAfter(db: Db, workspaceId: string, afterId: string | null, limit: number) {
  const rows = await db
    .select()
    .from(knowledgeItems)
    .where(
      and(eq(knowledgeItems.workspaceId, workspaceId), afterId ? gt(knowledgeItems.id, afterId) : undefined),
    )
    .orderBy(asc(knowledgeItems.id))
    .limit(limit);
  return rows.map(knowledgeSearchDoc);
}
