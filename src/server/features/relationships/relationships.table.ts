import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { memberships } from '../../platform/auth/auth.table';
import { createdAt, tenantColumns, updatedAt } from '../../platform/columns';
import { clients } from '../clients/clients.table';
import { services } from '../services/services.table';
import { teams } from '../teams/teams.table';

export type Stage = 'transactional' | 'advisory' | 'partnership' | 'co_creation';
export type PyramidLevel = 'expectations' | 'desires' | 'unrecognized_needs';
export type RelationshipStatus = 'active' | 'paused' | 'ended';

export const relationships = pgTable(
  'relationships',
  {
    ...tenantColumns,
    clientId: uuid('client_id').notNull(),
    teamId: uuid('team_id').notNull(),
    ownerId: uuid('owner_id'),
    cadenceDays: integer('cadence_days').notNull(),
    ambition: text('ambition'),
    stage: text('stage').$type<Stage>().notNull(),
    pyramidLevel: text('pyramid_level').$type<PyramidLevel>().notNull(),
    status: text('status').$type<RelationshipStatus>().notNull().default('active'),
    /** Rollup kept on write by the check-ins feature; the cadence rule derives the due date from it. */
    lastCheckInAt: timestamp('last_check_in_at', { withTimezone: true, precision: 3 }),
    nextCheckInDue: date('next_check_in_due', { mode: 'string' }),
    /** Rollup kept on write by the health feature; null until there is anything to score. */
    healthScore: integer('health_score'),
    /** Kept by the database from relationship_health.risk_count, so the portfolio counts the relationships
     *  at risk in the same pass as its other counts (migration 0012). */
    healthAtRisk: boolean('health_at_risk').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.clientId],
      foreignColumns: [clients.workspaceId, clients.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.workspaceId, t.teamId],
      foreignColumns: [teams.workspaceId, teams.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.workspaceId, t.ownerId],
      foreignColumns: [memberships.workspaceId, memberships.userId],
    }),
    index('relationships_client_idx').on(t.workspaceId, t.clientId),
    index('relationships_team_idx').on(t.workspaceId, t.teamId),
    index('relationships_stage_idx').on(t.workspaceId, t.stage, t.pyramidLevel),
    index('relationships_due_idx').on(t.workspaceId, t.nextCheckInDue),
    // The list sorted by next check-in due: no due date sorts last, as the query's coalesce says (ADR 006).
    index('relationships_due_key_idx').on(
      t.workspaceId,
      sql`coalesce(${t.nextCheckInDue}, '9999-12-31'::date)`,
      t.id,
    ),
    index('relationships_updated_idx').on(t.workspaceId, t.updatedAt, t.id),
  ],
);

export const relationshipServices = pgTable(
  'relationship_services',
  {
    workspaceId: uuid('workspace_id').notNull(),
    relationshipId: uuid('relationship_id').notNull(),
    serviceId: uuid('service_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.relationshipId, t.serviceId] }),
    foreignKey({
      columns: [t.workspaceId, t.relationshipId],
      foreignColumns: [relationships.workspaceId, relationships.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.workspaceId, t.serviceId],
      foreignColumns: [services.workspaceId, services.id],
    }).onDelete('cascade'),
    index('relationship_services_service_idx').on(t.workspaceId, t.serviceId),
  ],
);

/** Every change of stage or pyramid level, with who, when and why. */
export const assessments = pgTable(
  'assessments',
  {
    ...tenantColumns,
    relationshipId: uuid('relationship_id').notNull(),
    stage: text('stage').$type<Stage>().notNull(),
    pyramidLevel: text('pyramid_level').$type<PyramidLevel>().notNull(),
    note: text('note').notNull(),
    assessedBy: uuid('assessed_by'),
    assessedAt: timestamp('assessed_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.relationshipId],
      foreignColumns: [relationships.workspaceId, relationships.id],
    }).onDelete('cascade'),
    index('assessments_relationship_idx').on(t.workspaceId, t.relationshipId, t.assessedAt),
    // The portfolio's stage movements of the last quarter, across relationships.
    index('assessments_recent_idx').on(t.workspaceId, t.assessedAt),
  ],
);
