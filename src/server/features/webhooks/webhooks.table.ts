import {
  boolean,
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
import { workspaces } from '../../platform/auth/auth.table';
import { createdAt, tenantColumns, updatedAt } from '../../platform/columns';

/** A URL subscribed to some events; its signing secret is stored encrypted (SECURITY.md, ADR 013). */
export const webhooks = pgTable(
  'webhooks',
  {
    ...tenantColumns,
    url: text('url').notNull(),
    events: text('events').array().notNull(),
    /** AES-256-GCM of the secret, keyed from SESSION_SECRET: it must be readable to sign, so not a hash. */
    secretEncrypted: text('secret_encrypted').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
  ],
);

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * One event for one webhook: a row with a due time, claimed by the delivery worker with a lease (so no
 * transaction stays open during the HTTP call), retried with backoff, and kept as the delivery log.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    ...tenantColumns,
    webhookId: uuid('webhook_id').notNull(),
    event: text('event').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').$type<DeliveryStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, precision: 3 }).notNull(),
    lastStatusCode: integer('last_status_code'),
    lastResponseMs: integer('last_response_ms'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.webhookId],
      foreignColumns: [webhooks.workspaceId, webhooks.id],
    }).onDelete('cascade'),
    // The delivery log of one webhook, newest first.
    index('webhook_deliveries_log_idx').on(t.workspaceId, t.webhookId, t.id),
    // The delivery worker finds due rows of every workspace, then claims each in its own.
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
  ],
);
