import { foreignKey, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/auth/auth.table';
import { updatedAt } from '../../platform/columns';

/** The workspace's purpose statement: why its people do the work. One per workspace. */
export const purposes = pgTable(
  'purposes',
  {
    workspaceId: uuid('workspace_id').notNull(),
    statement: text('statement').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
  ],
);
