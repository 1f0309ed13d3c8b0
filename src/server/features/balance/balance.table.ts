import { date, index, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';

/**
 * Per team and day: check-ins due and held on time (by due day), topics raised and raised by clients (by the
 * day raised). Kept by the database on every write to `check_ins`, `topics` and a relationship's team (the
 * triggers in migration 0010), so the balance reads teams × days rows, not a year of records. No foreign
 * keys: a deleted relationship's records are taken off before it goes, and its team's rows stay (at zero).
 */
export const balanceDays = pgTable(
  'balance_days',
  {
    workspaceId: uuid('workspace_id').notNull(),
    teamId: uuid('team_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    checkInsDue: integer('check_ins_due').notNull(),
    checkInsOnTime: integer('check_ins_on_time').notNull(),
    topicsRaised: integer('topics_raised').notNull(),
    topicsByClient: integer('topics_by_client').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.teamId, t.day] }),
    // The balance reads a span of days across every team of the workspace.
    index('balance_days_day_idx').on(t.workspaceId, t.day),
  ],
);
