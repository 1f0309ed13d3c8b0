import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, updatedAt } from '../../platform/columns';
import { relationships } from '../relationships/relationships.table';

export type TouchpointKind = 'meeting' | 'call' | 'email' | 'delivery' | 'immersion' | 'event' | 'note';
export type Side = 'provider' | 'client';
export type Visibility = 'internal' | 'shared';

export const touchpoints = pgTable(
  'touchpoints',
  {
    ...tenantColumns,
    relationshipId: uuid('relationship_id').notNull(),
    kind: text('kind').$type<TouchpointKind>().notNull(),
    initiatedBy: text('initiated_by').$type<Side>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    summary: text('summary').notNull(),
    discoveries: text('discoveries'),
    visibility: text('visibility').$type<Visibility>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.relationshipId],
      foreignColumns: [relationships.workspaceId, relationships.id],
    }).onDelete('cascade'),
    // The timeline reads newest first, one relationship at a time.
    index('touchpoints_timeline_idx').on(t.workspaceId, t.relationshipId, t.occurredAt, t.id),
  ],
);
