import {
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from '../../platform/columns';
import { relationships } from '../relationships/relationships.table';
import { checkIns } from './check-ins.table';

/**
 * upcoming: a scheduled check-in is tomorrow · unrecorded: its date passed and it is neither held nor skipped ·
 * due: the cadence says a check-in is due within days and none is scheduled · overdue: the due date passed.
 */
export type ReminderKind = 'check_in_upcoming' | 'check_in_unrecorded' | 'check_in_due' | 'check_in_overdue';
export type ReminderStatus = 'pending' | 'sent' | 'cancelled' | 'failed';

/**
 * A reminder is a row with a due time, claimed with FOR UPDATE SKIP LOCKED and sent in the same transaction
 * that marks it sent (its email goes to the mail outbox in that transaction), so it is sent once.
 */
export const checkInReminders = pgTable(
  'check_in_reminders',
  {
    ...tenantColumns,
    kind: text('kind').$type<ReminderKind>().notNull(),
    relationshipId: uuid('relationship_id').notNull(),
    checkInId: uuid('check_in_id'),
    /** The cadence due date a due/overdue reminder is about; it is void once the date moves. */
    dueOn: date('due_on', { mode: 'string' }),
    /** One reminder per (kind, subject): planting the same one twice does nothing. */
    dedupeKey: text('dedupe_key').notNull(),
    runAt: timestamp('run_at', { withTimezone: true, precision: 3 }).notNull(),
    status: text('status').$type<ReminderStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.relationshipId],
      foreignColumns: [relationships.workspaceId, relationships.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.workspaceId, t.checkInId],
      foreignColumns: [checkIns.workspaceId, checkIns.id],
    }).onDelete('cascade'),
    uniqueIndex('check_in_reminders_dedupe_key').on(t.workspaceId, t.dedupeKey),
    index('check_in_reminders_check_in_idx').on(t.workspaceId, t.checkInId),
    // The reminder worker finds due rows of every workspace (then claims each in its own workspace).
    index('check_in_reminders_due_idx').on(t.status, t.runAt),
  ],
);
