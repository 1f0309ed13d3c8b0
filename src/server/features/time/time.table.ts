import {
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
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

/**
 * Hours and entries per team, month and kind, kept by the database on every write to `time_entries` (the
 * triggers in migration 0009): the balance reads months of a team's time from here, not from its entries.
 * No foreign keys: a team or workspace deleted takes its entries with it, and the triggers bring these rows
 * to zero and remove them. `team_id` is null for hours logged for no team, counted by the workspace.
 */
export const timeMonths = pgTable(
  'time_months',
  {
    workspaceId: uuid('workspace_id').notNull(),
    /** A key of its own: `team_id` may be null, so (workspace, team, month, kind) is a unique key, not the primary one. */
    id: uuid('id').notNull().defaultRandom(),
    teamId: uuid('team_id'),
    /** The month's first day. */
    month: date('month', { mode: 'string' }).notNull(),
    kind: text('kind').$type<TimeKind>().notNull(),
    hours: numeric('hours', { mode: 'number' }).notNull(),
    entries: integer('entries').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('time_months_key').on(t.workspaceId, t.teamId, t.month, t.kind).nullsNotDistinct(),
  ],
);
