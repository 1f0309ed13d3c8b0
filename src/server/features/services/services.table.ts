import { foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, updatedAt } from '../../platform/columns';
import { teams } from '../teams/teams.table';

export type ServiceKind = 'external' | 'internal';

export const services = pgTable(
  'services',
  {
    ...tenantColumns,
    teamId: uuid('team_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<ServiceKind>().notNull(),
    description: text('description'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.teamId],
      foreignColumns: [teams.workspaceId, teams.id],
    }).onDelete('cascade'),
    index('services_team_idx').on(t.workspaceId, t.teamId),
    index('services_name_idx').on(t.workspaceId, t.name),
  ],
);
