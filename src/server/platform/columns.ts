import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every tenant table starts with these: workspace_id leads the primary key (Citus distribution column). */
export const tenantColumns = {
  workspaceId: uuid('workspace_id').notNull(),
  id: uuid('id').notNull(),
};

export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow();
