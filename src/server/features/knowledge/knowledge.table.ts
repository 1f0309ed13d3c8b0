import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/auth/auth.table';
import { createdAt, tenantColumns, updatedAt } from '../../platform/columns';

export type KnowledgeVisibility = 'internal' | 'shared';
/** Where an item was promoted from (issue: learnings and experiments); null when written here. */
export type KnowledgeSourceKind = 'learning' | 'experiment' | 'reflection';

/** The knowledge library: articles and promoted learnings, Markdown bodies, tagged. */
export const knowledgeItems = pgTable(
  'knowledge_items',
  {
    ...tenantColumns,
    title: text('title').notNull(),
    body: text('body').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    visibility: text('visibility').$type<KnowledgeVisibility>().notNull(),
    sourceKind: text('source_kind').$type<KnowledgeSourceKind>(),
    sourceId: uuid('source_id'),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    index('knowledge_items_updated_idx').on(t.workspaceId, t.updatedAt, t.id),
    // A learning is promoted once; promoting it again finds the item it became.
    uniqueIndex('knowledge_items_source_key').on(t.workspaceId, t.sourceKind, t.sourceId),
  ],
);
