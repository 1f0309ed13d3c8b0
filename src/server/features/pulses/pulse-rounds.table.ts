import { date, index, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * Client pulse rounds per team: the answers a team's relationships gave each client round, counted and
 * summed. Kept by the database on every write to `pulse_answers`, a round's title or close, and a
 * relationship's team (the triggers in migration 0011), so the balance reads one row per team and round
 * instead of joining every answer to its round and relationship. No foreign keys: a deleted round takes its
 * rows with it, a deleted relationship takes off its answers before it goes.
 */
export const clientRoundsByTeam = pgTable(
  'client_pulse_rounds',
  {
    workspaceId: uuid('workspace_id').notNull(),
    teamId: uuid('team_id').notNull(),
    pulseId: uuid('pulse_id').notNull(),
    /** The round's, kept with it: the balance lists rounds by name and pools them by the month they close. */
    title: text('title').notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    answers: integer('answers').notNull(),
    scoreSum: integer('score_sum').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.teamId, t.pulseId] }),
    // A month's first rounds, the evidence the balance shows: the workspace's, and one team's.
    index('client_pulse_rounds_close_idx').on(t.workspaceId, t.closesOn, t.pulseId),
    index('client_pulse_rounds_team_close_idx').on(t.workspaceId, t.teamId, t.closesOn, t.pulseId),
  ],
);

/**
 * Client pulse rounds closed per month, for each team (the rounds its relationships answered, their answers
 * and scores) and for the workspace (`teamId` null: a round answered by two teams' relationships counts
 * once). Kept by the database from `client_pulse_rounds` (migration 0015): each statement that changes it
 * recomputes the months it touched, under a lock per workspace and month, so the distinct count stays right
 * under concurrent answers. The balance reads a few rows per team and month instead of one per team and round.
 */
export const clientPulseMonths = pgTable(
  'client_pulse_months',
  {
    workspaceId: uuid('workspace_id').notNull(),
    /** A key of its own: `team_id` may be null, so (workspace, month, team) is a unique key, not the primary one. */
    id: uuid('id').notNull().defaultRandom(),
    teamId: uuid('team_id'),
    /** The month's first day. */
    month: date('month', { mode: 'string' }).notNull(),
    rounds: integer('rounds').notNull(),
    answers: integer('answers').notNull(),
    scoreSum: integer('score_sum').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('client_pulse_months_key').on(t.workspaceId, t.month, t.teamId).nullsNotDistinct(),
  ],
);
