import { date, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, updatedAt } from '../../platform/columns';
import { experiments } from '../experiments/experiments.table';
import { relationships } from '../relationships/relationships.table';
import { teams } from '../teams/teams.table';

/** A team's regular internal sensemaking session, answering the four questions. */
export const reflections = pgTable(
  'reflections',
  {
    ...tenantColumns,
    teamId: uuid('team_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    happening: text('happening').notNull(),
    emerging: text('emerging').notNull(),
    surprisinglyWell: text('surprisingly_well').notNull(),
    harderThanExpected: text('harder_than_expected').notNull(),
    needs: text('needs').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.teamId],
      foreignColumns: [teams.workspaceId, teams.id],
    }).onDelete('cascade'),
    index('reflections_held_idx').on(t.workspaceId, t.heldOn, t.id),
    index('reflections_team_idx').on(t.workspaceId, t.teamId, t.heldOn),
  ],
);

export const reflectionRelationships = pgTable(
  'reflection_relationships',
  {
    workspaceId: uuid('workspace_id').notNull(),
    reflectionId: uuid('reflection_id').notNull(),
    relationshipId: uuid('relationship_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.reflectionId, t.relationshipId] }),
    foreignKey({
      columns: [t.workspaceId, t.reflectionId],
      foreignColumns: [reflections.workspaceId, reflections.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.workspaceId, t.relationshipId],
      foreignColumns: [relationships.workspaceId, relationships.id],
    }).onDelete('cascade'),
    index('reflection_relationships_relationship_idx').on(t.workspaceId, t.relationshipId),
  ],
);

export const reflectionExperiments = pgTable(
  'reflection_experiments',
  {
    workspaceId: uuid('workspace_id').notNull(),
    reflectionId: uuid('reflection_id').notNull(),
    experimentId: uuid('experiment_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.reflectionId, t.experimentId] }),
    foreignKey({
      columns: [t.workspaceId, t.reflectionId],
      foreignColumns: [reflections.workspaceId, reflections.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.workspaceId, t.experimentId],
      foreignColumns: [experiments.workspaceId, experiments.id],
    }).onDelete('cascade'),
    index('reflection_experiments_experiment_idx').on(t.workspaceId, t.experimentId),
  ],
);

/** What a reflection yielded, tagged so learnings can be found again across reflections. */
export const learnings = pgTable(
  'learnings',
  {
    ...tenantColumns,
    reflectionId: uuid('reflection_id').notNull(),
    text: text('text').notNull(),
    tags: text('tags').array().notNull().default([]),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.reflectionId],
      foreignColumns: [reflections.workspaceId, reflections.id],
    }).onDelete('cascade'),
    index('learnings_reflection_idx').on(t.workspaceId, t.reflectionId, t.createdAt),
  ],
);

/**
 * How often a team means to reflect. A row only once someone sets it (teams without one use the default),
 * kept beside teams rather than on them so the teams table stays as it is.
 */
export const teamReflectionSettings = pgTable(
  'team_reflection_settings',
  {
    workspaceId: uuid('workspace_id').notNull(),
    teamId: uuid('team_id').notNull(),
    cadenceDays: integer('cadence_days').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.teamId] }),
    foreignKey({
      columns: [t.workspaceId, t.teamId],
      foreignColumns: [teams.workspaceId, teams.id],
    }).onDelete('cascade'),
  ],
);
