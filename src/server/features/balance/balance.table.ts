import { date, index, integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';

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

/**
 * Per team and day, how the relationships' standing changed: relationships started (and the units they
 * started at), the net change of units and of how many stand at each stage, and the moves (steps up, steps
 * down). Kept by the database on every write to `assessments` and to a relationship's team or start (the
 * triggers in migration 0014), as domain/balance.standings#standingChanges computes it from the records; the
 * balance sums it per month instead of reading every relationship and assessment.
 */
export const standingDays = pgTable(
  'standing_days',
  {
    workspaceId: uuid('workspace_id').notNull(),
    teamId: uuid('team_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    started: integer('started').notNull(),
    units: integer('units').notNull(),
    transactional: integer('transactional').notNull(),
    advisory: integer('advisory').notNull(),
    partnership: integer('partnership').notNull(),
    coCreation: integer('co_creation').notNull(),
    stepsUp: integer('steps_up').notNull(),
    stepsDown: integer('steps_down').notNull(),
    moves: integer('moves').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.teamId, t.day] })],
);

/**
 * Every move (an assessment a step or more from the one before, on or after the day its relationship
 * started), with its relationship's team: kept by the same triggers as `standing_days` (migration 0014), so
 * the progression part's evidence reads a month's latest moves from an index instead of scanning its
 * assessments for them.
 */
export const standingMoves = pgTable(
  'standing_moves',
  {
    workspaceId: uuid('workspace_id').notNull(),
    assessmentId: uuid('assessment_id').notNull(),
    relationshipId: uuid('relationship_id').notNull(),
    teamId: uuid('team_id').notNull(),
    assessedAt: timestamp('assessed_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.assessmentId] }),
    index('standing_moves_at_idx').on(t.workspaceId, t.assessedAt, t.assessmentId),
    index('standing_moves_team_at_idx').on(t.workspaceId, t.teamId, t.assessedAt, t.assessmentId),
  ],
);
