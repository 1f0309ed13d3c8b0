import {
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { memberships } from '../../platform/auth/auth.table';
import { createdAt, tenantColumns } from '../../platform/columns';
import { relationships } from '../relationships/relationships.table';

export type NotificationKind =
  | 'check_in_upcoming'
  | 'check_in_unrecorded'
  | 'check_in_due'
  | 'check_in_overdue'
  | 'topic_raised'
  | 'topic_voted'
  | 'topic_commented'
  | 'client_context'
  | 'event_rsvp';

/** One row per person per event: each member reads and marks their own. */
export const notifications = pgTable(
  'notifications',
  {
    ...tenantColumns,
    userId: uuid('user_id').notNull(),
    kind: text('kind').$type<NotificationKind>().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** A path inside the web app, e.g. /w/<workspace>/relationships/<id>. */
    link: text('link'),
    relationshipId: uuid('relationship_id'),
    checkInId: uuid('check_in_id'),
    topicId: uuid('topic_id'),
    /** The same event never notifies the same person twice (a reminder retried, a vote repeated). */
    dedupeKey: text('dedupe_key'),
    readAt: timestamp('read_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.userId],
      foreignColumns: [memberships.workspaceId, memberships.userId],
    }).onDelete('cascade'),
    // Notifications about a deleted relationship go with it.
    foreignKey({
      columns: [t.workspaceId, t.relationshipId],
      foreignColumns: [relationships.workspaceId, relationships.id],
    }).onDelete('cascade'),
    index('notifications_user_idx').on(t.workspaceId, t.userId, t.createdAt, t.id),
    index('notifications_unread_idx').on(t.workspaceId, t.userId, t.readAt),
    uniqueIndex('notifications_dedupe_key').on(t.workspaceId, t.userId, t.dedupeKey),
  ],
);
