import { sql } from 'drizzle-orm';
import {
  check,
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
import { memberships, workspaces } from '../../platform/auth/auth.table';
import { createdAt, tenantColumns, updatedAt } from '../../platform/columns';
import { contacts } from '../clients/clients.table';

export type EventAudience = 'internal' | 'clients' | 'community';
export type RsvpResponse = 'yes' | 'no' | 'maybe';

/** Meet-ups that bring clients and colleagues together. */
export const events = pgTable(
  'events',
  {
    ...tenantColumns,
    title: text('title').notNull(),
    description: text('description'),
    location: text('location'),
    startsAt: timestamp('starts_at', { withTimezone: true, precision: 3 }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, precision: 3 }).notNull(),
    audience: text('audience').$type<EventAudience>().notNull(),
    /** What happened, written once the event has started. */
    notes: text('notes'),
    /** The iCalendar SEQUENCE: bumped when the time or place changes, so calendars take the update. */
    sequence: integer('sequence').notNull().default(0),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    index('events_starts_idx').on(t.workspaceId, t.startsAt, t.id),
    check('events_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/**
 * Who is invited and who comes: one row per person and event, either a member (user_id) or a client
 * contact (contact_id, answering from the portal or recorded by a member). No response yet = invited.
 */
export const eventRsvps = pgTable(
  'event_rsvps',
  {
    ...tenantColumns,
    eventId: uuid('event_id').notNull(),
    userId: uuid('user_id'),
    contactId: uuid('contact_id'),
    response: text('response').$type<RsvpResponse>(),
    invitedAt: timestamp('invited_at', { withTimezone: true, precision: 3 }),
    respondedAt: timestamp('responded_at', { withTimezone: true, precision: 3 }),
    /** When the attending contact's relationships got their `event` touchpoint (once per person and event). */
    touchpointAt: timestamp('touchpoint_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.eventId],
      foreignColumns: [events.workspaceId, events.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.workspaceId, t.userId],
      foreignColumns: [memberships.workspaceId, memberships.userId],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.workspaceId, t.contactId],
      foreignColumns: [contacts.workspaceId, contacts.id],
    }).onDelete('cascade'),
    uniqueIndex('event_rsvps_member_key').on(t.workspaceId, t.eventId, t.userId),
    uniqueIndex('event_rsvps_contact_key').on(t.workspaceId, t.eventId, t.contactId),
    index('event_rsvps_user_idx').on(t.workspaceId, t.userId),
    index('event_rsvps_contact_idx').on(t.workspaceId, t.contactId),
    check('event_rsvps_one_person', sql`(${t.userId} IS NULL) <> (${t.contactId} IS NULL)`),
  ],
);
