import {
  date,
  foreignKey,
  index,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, updatedAt } from '../../platform/columns';
import { relationships } from '../relationships/relationships.table';
import { teams } from '../teams/teams.table';

export type ExperimentStatus = 'planned' | 'running' | 'concluded' | 'stopped';

/** A small pilot on one relationship with one curious team, and the time protected for it. */
export const experiments = pgTable(
  'experiments',
  {
    ...tenantColumns,
    relationshipId: uuid('relationship_id').notNull(),
    teamId: uuid('team_id').notNull(),
    title: text('title').notNull(),
    hypothesis: text('hypothesis').notNull(),
    protectedHours: numeric('protected_hours', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    safety: text('safety'),
    commitment: text('commitment'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    status: text('status').$type<ExperimentStatus>().notNull().default('planned'),
    /** When it actually began running and ended (concluded or stopped): the balance counts these. */
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }),
    endedAt: timestamp('ended_at', { withTimezone: true, precision: 3 }),
    learningsOutward: text('learnings_outward'),
    learningsInward: text('learnings_inward'),
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
    foreignKey({
      columns: [t.workspaceId, t.teamId],
      foreignColumns: [teams.workspaceId, teams.id],
    }).onDelete('cascade'),
    index('experiments_starts_idx').on(t.workspaceId, t.startsOn, t.id),
    index('experiments_team_idx').on(t.workspaceId, t.teamId, t.startsOn),
    index('experiments_relationship_idx').on(t.workspaceId, t.relationshipId, t.startsOn),
  ],
);
