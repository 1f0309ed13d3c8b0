import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ImportEntity, ImportMapping } from '../../../domain/imports';
import { workspaces } from '../../platform/auth/auth.table';
import { createdAt, tenantColumns, updatedAt } from '../../platform/columns';

export type ImportStatus = 'pending' | 'running' | 'done' | 'failed';
export type ImportError = { row: number; field: string; message: string };

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * One CSV import. The file stays in the row, so any node can resume it after a crash from `processed`
 * (the rows before it were committed in whole batches, with the counters, in the same transactions).
 */
export const imports = pgTable(
  'imports',
  {
    ...tenantColumns,
    entity: text('entity').$type<ImportEntity>().notNull(),
    fileName: text('file_name'),
    csv: text('csv').notNull(),
    columns: jsonb('columns').$type<string[]>().notNull(),
    mapping: jsonb('mapping').$type<ImportMapping>(),
    status: text('status').$type<ImportStatus>().notNull().default('pending'),
    total: integer('total').notNull(),
    processed: integer('processed').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    /** How many rows were rejected; `errors` keeps the first ones (capped), rejected.csv re-reads them all. */
    rejected: integer('rejected').notNull().default(0),
    errors: jsonb('errors').$type<ImportError[]>().notNull().default([]),
    rejectedRows: integer('rejected_rows').array().notNull().default([]),
    createdBy: uuid('created_by'),
    committedAt: at('committed_at'),
    /** A running import is leased to one node until this time; a crashed node's lease runs out. */
    leaseUntil: at('lease_until'),
    finishedAt: at('finished_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    index('imports_list_idx').on(t.workspaceId, t.createdAt, t.id),
    // The import worker finds waiting imports of every workspace, then claims each in its own.
    index('imports_due_idx').on(t.status, t.leaseUntil),
  ],
);
