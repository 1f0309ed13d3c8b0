import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

export type MailStatus = 'pending' | 'sent' | 'failed' | 'outbox';
export type MailAttachment = { filename: string; contentType: string; content: string };

/**
 * Mail is written in the transaction that caused it and delivered afterwards (transactional outbox):
 * an acknowledged invitation is never lost, and a crash between commit and send only delays it.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    attachments: jsonb('attachments').$type<MailAttachment[]>(),
    status: text('status').$type<MailStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('mail_messages_created_idx').on(t.workspaceId, t.createdAt),
    index('mail_messages_due_idx').on(t.status, t.nextAttemptAt),
  ],
);
