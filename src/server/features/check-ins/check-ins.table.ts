import {
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users, workspaces } from '../../platform/auth/auth.table';
import { createdAt, tenantColumns, updatedAt } from '../../platform/columns';
import { relationships } from '../relationships/relationships.table';

export type CheckInStatus = 'scheduled' | 'held' | 'skipped';
export type ContextSide = 'provider' | 'client';
/** Who typed a side's context: the provider for its own side, a client contact, or the provider for them. */
export type FilledByKind = 'provider' | 'client' | 'provider_on_behalf';

/** The four parts of a check-in's context, each with the questions asked (the workspace's agenda). */
export type AgendaPart = { title: string; questions: string[] };
export type Agenda = {
  businessUpdate: AgendaPart;
  unusedCapacity: AgendaPart;
  furtherTopics: AgendaPart;
  waysOfWorking: AgendaPart;
};
/** Who the invite went to, kept so an updated or cancelled invite reaches the same people. */
export type CheckInAttendee = { name: string; email: string; kind: 'owner' | 'member' | 'contact' };

export const checkIns = pgTable(
  'check_ins',
  {
    ...tenantColumns,
    relationshipId: uuid('relationship_id').notNull(),
    scheduledFor: timestamp('scheduled_for', { withTimezone: true, precision: 3 }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(60),
    status: text('status').$type<CheckInStatus>().notNull(),
    heldAt: timestamp('held_at', { withTimezone: true, precision: 3 }),
    /** Notes of the conversation, or why it was skipped. */
    notes: text('notes'),
    /** The agenda as it was when the check-in was scheduled: a later edit of the template leaves it alone. */
    agenda: jsonb('agenda').$type<Agenda>().notNull(),
    attendees: jsonb('attendees').$type<CheckInAttendee[]>().notNull(),
    /** The calendar SEQUENCE: raised on every change of date, so calendars update the same event (UID). */
    sequence: integer('sequence').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.relationshipId],
      foreignColumns: [relationships.workspaceId, relationships.id],
    }).onDelete('cascade'),
    index('check_ins_relationship_idx').on(t.workspaceId, t.relationshipId, t.scheduledFor, t.id),
    index('check_ins_status_idx').on(t.workspaceId, t.status, t.scheduledFor),
    // The balance's evidence: the first check-ins due from a day on, across the workspace.
    index('check_ins_due_idx').on(t.workspaceId, t.scheduledFor, t.id),
  ],
);

/** One side's context of a check-in: how the business is doing, room, further topics, ways of working. */
export const checkInContexts = pgTable(
  'check_in_contexts',
  {
    ...tenantColumns,
    checkInId: uuid('check_in_id').notNull(),
    side: text('side').$type<ContextSide>().notNull(),
    businessUpdate: text('business_update').notNull(),
    unusedCapacity: text('unused_capacity').notNull(),
    furtherTopics: text('further_topics').notNull(),
    waysOfWorking: text('ways_of_working').notNull(),
    filledByKind: text('filled_by_kind').$type<FilledByKind>().notNull(),
    filledByUserId: uuid('filled_by_user_id').references(() => users.id),
    /** A client contact who filled their own side in the portal (no foreign key: the name below stays). */
    filledByContactId: uuid('filled_by_contact_id'),
    filledByName: text('filled_by_name').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.checkInId],
      foreignColumns: [checkIns.workspaceId, checkIns.id],
    }).onDelete('cascade'),
    uniqueIndex('check_in_contexts_side_key').on(t.workspaceId, t.checkInId, t.side),
    // "Where there is room": recent contexts across the workspace.
    index('check_in_contexts_updated_idx').on(t.workspaceId, t.updatedAt, t.id),
  ],
);

/** A follow-up agreed in a check-in: who does what, by when. */
export const checkInActions = pgTable(
  'check_in_actions',
  {
    ...tenantColumns,
    checkInId: uuid('check_in_id').notNull(),
    title: text('title').notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    dueOn: date('due_on', { mode: 'string' }),
    doneAt: timestamp('done_at', { withTimezone: true, precision: 3 }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.checkInId],
      foreignColumns: [checkIns.workspaceId, checkIns.id],
    }).onDelete('cascade'),
    index('check_in_actions_check_in_idx').on(t.workspaceId, t.checkInId, t.createdAt, t.id),
  ],
);

/** The workspace's check-in agenda (the questions of the four parts); absent until an admin edits it. */
export const checkInAgendas = pgTable(
  'check_in_agendas',
  {
    workspaceId: uuid('workspace_id').notNull(),
    agenda: jsonb('agenda').$type<Agenda>().notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
  ],
);
