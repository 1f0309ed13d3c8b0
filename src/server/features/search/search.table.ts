import { sql } from 'drizzle-orm';
import {
  customType,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/auth/auth.table';
import { clients } from '../clients/clients.table';

export type SearchKind = 'client' | 'contact' | 'relationship' | 'topic' | 'learning' | 'knowledge' | 'event';
export type SearchVisibility = 'internal' | 'shared';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One row per findable record, written by the record's own store in the write's transaction
 * (search.index.ts). The tsvector is a generated column, so it can never disagree with the text:
 * title weighs most (A), then the body (B), then the subtitle (C). 'simple' keeps names and every
 * language as typed (no stemming), the same on PGlite and PostgreSQL.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    workspaceId: uuid('workspace_id').notNull(),
    entityType: text('entity_type').$type<SearchKind>().notNull(),
    entityId: uuid('entity_id').notNull(),
    title: text('title').notNull(),
    subtitle: text('subtitle').notNull().default(''),
    body: text('body').notNull().default(''),
    visibility: text('visibility').$type<SearchVisibility>().notNull(),
    /** The client a record belongs to: portal scoping, and deleting the client takes its documents along. */
    clientId: uuid('client_id'),
    /** The record this one lives under (a topic's relationship, a learning's reflection): links and cleanup. */
    parentId: uuid('parent_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    tsv: tsvector('tsv')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('simple', "title"), 'A') || setweight(to_tsvector('simple', "body"), 'B') || setweight(to_tsvector('simple', "subtitle"), 'C')`,
      ),
    /** The title alone: when a query matches too much to rank it all, title matches are kept first. */
    titleTsv: tsvector('title_tsv').notNull().generatedAlwaysAs(sql`to_tsvector('simple', "title")`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.entityType, t.entityId] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    foreignKey({
      columns: [t.workspaceId, t.clientId],
      foreignColumns: [clients.workspaceId, clients.id],
    }).onDelete('cascade'),
    // A GIN index cannot lead with a plain uuid column without btree_gin, which PGlite loads only on
    // request; queries always add workspace_id (schema-rules.test.ts lists this exception).
    index('search_documents_tsv_idx').using('gin', t.tsv),
    index('search_documents_title_idx').using('gin', t.titleTsv),
    index('search_documents_client_idx').on(t.workspaceId, t.clientId),
    index('search_documents_parent_idx').on(t.workspaceId, t.parentId),
  ],
);

/** Which version of the document definitions each workspace's index was built with (search.backfill.ts). */
export const searchIndexState = pgTable(
  'search_index_state',
  {
    workspaceId: uuid('workspace_id').notNull(),
    version: integer('version').notNull(),
    indexedAt: timestamp('indexed_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
  ],
);
