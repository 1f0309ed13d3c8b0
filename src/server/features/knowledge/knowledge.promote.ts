// The hook behind "promote a learning to the library in one click". The learnings and experiments
// features call it inside their own write transaction (with their own audit entry), e.g.
//
//   const item = await promoteToKnowledge(tx, m.workspaceId, m.userId, now(), {
//     title: learning.text.slice(0, 120), body: learning.text, tags: learning.tags,
//     source: { kind: 'learning', id: learning.id },
//   });
//
// Promoting the same source twice returns the item it already became.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import type { KnowledgeItem, KnowledgeVisibility } from './knowledge.contract';
import { createKnowledge, getKnowledge, type KnowledgeSource } from './knowledge.store';
import { knowledgeItems } from './knowledge.table';

export type Promotion = {
  title: string;
  body: string;
  tags?: string[];
  /** Learnings start internal; the author shares them with clients deliberately. */
  visibility?: KnowledgeVisibility;
  source: KnowledgeSource;
};

export async function promoteToKnowledge(
  db: Db,
  workspaceId: string,
  promotedBy: string,
  now: Date,
  p: Promotion,
): Promise<{ item: KnowledgeItem; created: boolean }> {
  const [existing] = await db
    .select({ id: knowledgeItems.id })
    .from(knowledgeItems)
    .where(
      and(
        eq(knowledgeItems.workspaceId, workspaceId),
        eq(knowledgeItems.sourceKind, p.source.kind),
        eq(knowledgeItems.sourceId, p.source.id),
      ),
    )
    .limit(1);
  if (existing) return { item: await getKnowledge(db, workspaceId, existing.id), created: false };
  const title = p.title.trim().slice(0, 200) || 'Untitled learning';
  const tags = [...new Set((p.tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean))].slice(0, 20);
  const item = await createKnowledge(
    db,
    workspaceId,
    promotedBy,
    { title, body: p.body.trim() || title, tags, visibility: p.visibility ?? 'internal' },
    now,
    p.source,
  );
  return { item, created: true };
}
