import { date, foreignKey, index, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.table';
import { createdAt, tenantColumns, updatedAt } from '../../platform/columns';
import { relationships } from '../relationships/relationships.table';
import { teams } from '../teams/teams.table';

export type TimeKind = 'billable' | 'partnership' | 'learning' | 'internal';

export const timeEntries = pgTable(
  'time_entries',
  {
    ...tenantColumns,
    /**
     * The person whose hours these are. Points at users (a reference table), not memberships: the hours
     * someone logged stay in the history after they leave the workspace.
     */
    memberId: uuid('member_id').notNull(),
    relationshipId: uuid('relationship_id'),
    /** The team the hours were for: the relationship's team unless named; the team views read this. */
    teamId: uuid('team_id'),
    date: date('date', { mode: 'string' }).notNull(),
    hours: numeric('hours', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    kind: text('kind').$type<TimeKind>().notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.memberId], foreignColumns: [users.id] }),
    foreignKey({
      columns: [t.workspaceId, t.relationshipId],
      foreignColumns: [relationships.workspaceId, relationships.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.workspaceId, t.teamId],
      foreignColumns: [teams.workspaceId, teams.id],
    }).onDelete('cascade'),
    // One index per way the entries are read: a member's week, a team's months (balance, team view),
    // a relationship's experiments, and the whole workspace by date.
    index('time_entries_member_idx').on(t.workspaceId, t.memberId, t.date),
    index('time_entries_team_idx').on(t.workspaceId, t.teamId, t.date),
    index('time_entries_relationship_idx').on(t.workspaceId, t.relationshipId, t.date),
    index('time_entries_date_idx').on(t.workspaceId, t.date, t.id),
  ],
);
