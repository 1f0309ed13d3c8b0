import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users, workspaces } from '../../platform/auth/auth.table';
import { createdAt, tenantColumns, updatedAt } from '../../platform/columns';

export type PulseKind = 'client' | 'employee' | 'service';
export type ReminderState = 'pending' | 'sent' | 'none' | 'failed';

/**
 * A pulse round. Its target is a relationship or a team (client), a team (employee) or a service (service).
 * The ids are kept without foreign keys to those features: deleting a relationship must not erase what its
 * clients once said about the team, and the round keeps the names it asked about. The one reminder is a due time on the
 * round, claimed FOR UPDATE SKIP LOCKED by the reminder worker.
 */
export const pulses = pgTable(
  'pulses',
  {
    ...tenantColumns,
    kind: text('kind').$type<PulseKind>().notNull(),
    title: text('title').notNull(),
    relationshipId: uuid('relationship_id'),
    teamId: uuid('team_id'),
    serviceId: uuid('service_id'),
    /** As asked, kept with the round: the team or service named in the question, and the target in words. */
    subject: text('subject').notNull(),
    target: text('target').notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    reminderAt: timestamp('reminder_at', { withTimezone: true, precision: 3 }),
    reminderState: text('reminder_state').$type<ReminderState>().notNull(),
    reminderAttempts: integer('reminder_attempts').notNull().default(0),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    index('pulses_list_idx').on(t.workspaceId, t.createdAt, t.id),
    // Trends and the health seam read rounds per target, oldest first.
    index('pulses_relationship_idx').on(t.workspaceId, t.relationshipId, t.closesOn),
    index('pulses_team_idx').on(t.workspaceId, t.teamId, t.kind, t.closesOn),
    index('pulses_service_idx').on(t.workspaceId, t.serviceId, t.closesOn),
    // The reminder worker finds due rounds of every workspace, then claims each in its own.
    index('pulses_reminder_due_idx').on(t.reminderState, t.reminderAt),
  ],
);

/**
 * Who was sent a link, and whether they answered. For an anonymous (employee) round nothing here points at
 * an answer and nothing in pulse_answers points here (ADR 009). A token is stored only as its SHA-256; the
 * reminder carries a second token so the first email's link keeps working.
 */
export const pulseRecipients = pgTable(
  'pulse_recipients',
  {
    ...tenantColumns,
    pulseId: uuid('pulse_id').notNull(),
    /** A client contact (client rounds) or a member (employee and service rounds). */
    contactId: uuid('contact_id'),
    userId: uuid('user_id'),
    /** Client rounds: the relationship whose contact this is, so answers count for it. */
    relationshipId: uuid('relationship_id'),
    name: text('name').notNull(),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull(),
    reminderTokenHash: text('reminder_token_hash'),
    answered: boolean('answered').notNull().default(false),
    remindedAt: timestamp('reminded_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.pulseId],
      foreignColumns: [pulses.workspaceId, pulses.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.userId], foreignColumns: [users.id] }).onDelete('set null'),
    index('pulse_recipients_pulse_idx').on(t.workspaceId, t.pulseId),
    // The portal's "open pulses for you": a contact's own links.
    index('pulse_recipients_contact_idx').on(t.workspaceId, t.contactId),
    uniqueIndex('pulse_recipients_token_key').on(t.workspaceId, t.tokenHash),
    uniqueIndex('pulse_recipients_reminder_token_key').on(t.workspaceId, t.reminderTokenHash),
  ],
);

/**
 * The answers. In a client or service round an answer names its recipient (a client's comment is worth
 * knowing the author of). In an anonymous round it names nobody, has a random (not time-ordered) id and
 * no timestamp, so neither a column nor the order of ids links it to the recipient who gave it.
 */
export const pulseAnswers = pgTable(
  'pulse_answers',
  {
    ...tenantColumns,
    pulseId: uuid('pulse_id').notNull(),
    recipientId: uuid('recipient_id'),
    relationshipId: uuid('relationship_id'),
    score: smallint('score').notNull(),
    /** Employee rounds: "Do you have room to work differently with clients?" */
    secondScore: smallint('second_score'),
    comment: text('comment'),
    answeredAt: timestamp('answered_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.pulseId],
      foreignColumns: [pulses.workspaceId, pulses.id],
    }).onDelete('cascade'),
    index('pulse_answers_pulse_idx').on(t.workspaceId, t.pulseId),
    // A relationship's client pulse across rounds (trends, health), whichever round asked its contacts.
    index('pulse_answers_relationship_idx').on(t.workspaceId, t.relationshipId, t.pulseId),
  ],
);
