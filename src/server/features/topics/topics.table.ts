import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.table';
import { createdAt, tenantColumns, updatedAt } from '../../platform/columns';
import { relationships } from '../relationships/relationships.table';

export type TopicStatus = 'proposed' | 'exploring' | 'agreed' | 'done' | 'declined';
export type Side = 'provider' | 'client';
/** A person on either side: a workspace member (user) or a client contact (in the portal). */
export type PersonKind = 'member' | 'contact';

/** A shared backlog item raised by either side of a relationship. */
export const topics = pgTable(
  'topics',
  {
    ...tenantColumns,
    relationshipId: uuid('relationship_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    raisedBy: text('raised_by').$type<Side>().notNull(),
    status: text('status').$type<TopicStatus>().notNull(),
    /** The check-in it came out of, if any (informational: the topic outlives a deleted check-in). */
    checkInId: uuid('check_in_id'),
    authorKind: text('author_kind').$type<PersonKind>().notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id),
    authorContactId: uuid('author_contact_id'),
    authorName: text('author_name').notNull(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true, precision: 3 })
      .notNull()
      .defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.relationshipId],
      foreignColumns: [relationships.workspaceId, relationships.id],
    }).onDelete('cascade'),
    index('topics_relationship_idx').on(t.workspaceId, t.relationshipId, t.createdAt, t.id),
    index('topics_status_idx').on(t.workspaceId, t.status, t.createdAt, t.id),
    // The balance's evidence: the first topics raised from a day on, across the workspace.
    index('topics_raised_idx').on(t.workspaceId, t.createdAt, t.id),
    index('topics_check_in_idx').on(t.workspaceId, t.checkInId),
  ],
);

/** One vote per person per topic: the key makes a second vote a no-op. */
export const topicVotes = pgTable(
  'topic_votes',
  {
    workspaceId: uuid('workspace_id').notNull(),
    topicId: uuid('topic_id').notNull(),
    voterKind: text('voter_kind').$type<PersonKind>().notNull(),
    voterId: uuid('voter_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.topicId, t.voterKind, t.voterId] }),
    foreignKey({
      columns: [t.workspaceId, t.topicId],
      foreignColumns: [topics.workspaceId, topics.id],
    }).onDelete('cascade'),
  ],
);

export const topicComments = pgTable(
  'topic_comments',
  {
    ...tenantColumns,
    topicId: uuid('topic_id').notNull(),
    body: text('body').notNull(),
    side: text('side').$type<Side>().notNull(),
    authorKind: text('author_kind').$type<PersonKind>().notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id),
    authorContactId: uuid('author_contact_id'),
    authorName: text('author_name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.topicId],
      foreignColumns: [topics.workspaceId, topics.id],
    }).onDelete('cascade'),
    index('topic_comments_topic_idx').on(t.workspaceId, t.topicId, t.createdAt, t.id),
  ],
);
