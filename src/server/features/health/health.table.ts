import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Health as DomainHealth } from '../../../domain/health';
import { type PyramidLevel, relationships, type Stage } from '../relationships/relationships.table';

/** One component's number as kept in the rollup and the snapshots (the words are recomputed on read). */
export type ComponentScore = { key: string; score: number | null; weight: number };
export type StoredRisk = { key: string; message: string };

/**
 * Current health per relationship, refreshed on every write that changes one of its inputs and once a day by
 * the health worker (cadence decays with time). The portfolio reads only this and `relationships`.
 */
export const relationshipHealth = pgTable(
  'relationship_health',
  {
    workspaceId: uuid('workspace_id').notNull(),
    relationshipId: uuid('relationship_id').notNull(),
    score: integer('score'),
    components: jsonb('components').$type<ComponentScore[]>().notNull(),
    risks: jsonb('risks').$type<StoredRisk[]>().notNull(),
    /** Higher is more urgent: orders the early-warning list. */
    riskRank: integer('risk_rank').notNull(),
    riskCount: integer('risk_count').notNull(),
    /**
     * Every component with its words and evidence, as computed: `GET …/health` answers from it the same
     * day instead of reading every input again (ADR 010). Null on rows written before it existed.
     */
    detail: jsonb('detail').$type<DomainHealth['components']>(),
    computedAt: timestamp('computed_at', { withTimezone: true, precision: 3 }).notNull(),
    /** When the daily pass should recompute it next (the next UTC midnight). */
    refreshDueAt: timestamp('refresh_due_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.relationshipId] }),
    foreignKey({
      columns: [t.workspaceId, t.relationshipId],
      foreignColumns: [relationships.workspaceId, relationships.id],
    }).onDelete('cascade'),
    index('relationship_health_risk_idx').on(t.workspaceId, t.riskRank),
    // The daily pass finds due rows of every workspace, then claims them one workspace at a time.
    index('relationship_health_due_idx').on(t.refreshDueAt),
  ],
);

/** One row per relationship and day: the history chart. Idempotent per day (the day's last refresh wins). */
export const healthSnapshots = pgTable(
  'health_snapshots',
  {
    workspaceId: uuid('workspace_id').notNull(),
    relationshipId: uuid('relationship_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    score: integer('score'),
    components: jsonb('components').$type<ComponentScore[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.relationshipId, t.day] }),
    foreignKey({
      columns: [t.workspaceId, t.relationshipId],
      foreignColumns: [relationships.workspaceId, relationships.id],
    }).onDelete('cascade'),
  ],
);

/**
 * The portfolio's counts of active relationships, per stage, pyramid level, health band (`least(score, 99) / 20`,
 * null when unscored) and whether any risk is flagged. Kept by the database on every write to `relationships`
 * (migration 0017's triggers), so the portfolio reads tens of rows, not every relationship of the workspace.
 * No foreign keys, as the other rollups: a workspace's rows go with its relationships.
 */
export const portfolioCounts = pgTable(
  'portfolio_counts',
  {
    workspaceId: uuid('workspace_id').notNull(),
    /** A key of its own: `band` may be null, so the counted key is a unique key, not the primary one. */
    id: uuid('id').notNull().defaultRandom(),
    stage: text('stage').$type<Stage>().notNull(),
    pyramidLevel: text('pyramid_level').$type<PyramidLevel>().notNull(),
    band: integer('band'),
    atRisk: boolean('at_risk').notNull(),
    relationships: integer('relationships').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('portfolio_counts_key')
      .on(t.workspaceId, t.stage, t.pyramidLevel, t.band, t.atRisk)
      .nullsNotDistinct(),
  ],
);
