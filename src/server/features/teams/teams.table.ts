import { foreignKey, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/auth/auth.table';
import { createdAt, tenantColumns, updatedAt } from '../../platform/columns';

export const teams = pgTable(
  'teams',
  {
    ...tenantColumns,
    name: text('name').notNull(),
    description: text('description'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    index('teams_name_idx').on(t.workspaceId, t.name),
  ],
);
