import { z } from 'zod';
import { id, isoDate, isoDateTime, longText, pageQuery, timestamp } from '../../platform/common.contract';

export const checkInStatuses = ['scheduled', 'held', 'skipped'] as const;
export const checkInStatus = z
  .enum(checkInStatuses, { error: `must be one of ${checkInStatuses.join(', ')}` })
  .describe('scheduled → held, or skipped');
export const contextSides = ['provider', 'client'] as const;
export const contextSide = z.enum(contextSides, { error: 'must be "provider" (us) or "client" (them)' });
export const dueBuckets = ['overdue', 'this_week', 'later'] as const;
export const dueBucket = z.enum(dueBuckets, { error: `must be one of ${dueBuckets.join(', ')}` });

/** The four parts of context, in the order a check-in walks through them. */
export const contextParts = ['businessUpdate', 'unusedCapacity', 'furtherTopics', 'waysOfWorking'] as const;
export type ContextPart = (typeof contextParts)[number];

const inCalendarYears = (ms: number) => {
  const year = new Date(ms).getUTCFullYear();
  return !Number.isNaN(ms) && year >= 2000 && year <= 2100;
};
/** A moment a calendar can hold: an ISO timestamp between the years 2000 and 2100. */
export const calendarDateTime = isoDateTime.refine((v) => inCalendarYears(Date.parse(v)), {
  message: 'must be a date between the years 2000 and 2100',
});
const calendarDate = isoDate.refine((v) => inCalendarYears(Date.parse(`${v}T00:00:00Z`)), {
  message: 'must be a date between the years 2000 and 2100',
});

const ref = z.object({ id, name: z.string() });

// ── Agenda (the workspace's questions for the four parts) ─────────────────────

const agendaPart = z.object({
  title: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(200, 'must be at most 200 characters'),
  questions: z
    .array(
      z
        .string({ error: 'must be text' })
        .trim()
        .min(1, 'is required')
        .max(500, 'must be at most 500 characters'),
    )
    .min(1, 'needs at least one question')
    .max(10, 'at most 10 questions per part'),
});

/** Every agenda keeps the four parts; an admin words their titles and questions. */
export const agenda = z.object({
  businessUpdate: agendaPart.describe('How each business is doing'),
  unusedCapacity: agendaPart.describe('Current unused capacity'),
  furtherTopics: agendaPart.describe('Further topics we could engage in'),
  waysOfWorking: agendaPart.describe('More efficient ways of working together'),
});

export const agendaTemplate = agenda.extend({
  isDefault: z.boolean().describe('True until an admin edits the agenda'),
  updatedAt: timestamp.nullable(),
});

// ── Context (one side's answers) ──────────────────────────────────────────────

const answer = longText.default('');
export const contextInput = z.object({
  businessUpdate: answer.describe('How our (or their) business is doing'),
  unusedCapacity: answer.describe('People, time or skills to spare in the coming weeks'),
  furtherTopics: answer.describe('Further topics to engage in; one per line becomes a backlog candidate'),
  waysOfWorking: answer.describe('More efficient ways of working together'),
});

export const filledByKinds = ['provider', 'client', 'provider_on_behalf'] as const;
export const context = z.object({
  businessUpdate: z.string(),
  unusedCapacity: z.string(),
  furtherTopics: z.string(),
  waysOfWorking: z.string(),
  filledBy: z
    .object({ kind: z.enum(filledByKinds), name: z.string() })
    .describe(
      'provider: our side · client: a client contact in the portal · provider_on_behalf: we filled their side for them',
    ),
  updatedAt: timestamp,
});

// ── Check-ins ─────────────────────────────────────────────────────────────────

export const attendee = z.object({
  name: z.string(),
  email: z.string(),
  kind: z.enum(['owner', 'member', 'contact']),
});

export const checkIn = z.object({
  id,
  relationshipId: id,
  relationship: z.object({ id, client: ref, team: ref, owner: ref.nullable() }),
  scheduledFor: timestamp,
  durationMinutes: z.number().int(),
  status: checkInStatus,
  heldAt: timestamp.nullable(),
  notes: z.string().nullable().describe('Notes of the conversation, or why it was skipped'),
  agenda,
  attendees: z.array(attendee).describe('Who the calendar invite went to'),
  sequence: z.number().int().describe('The calendar SEQUENCE; raised on every change of date'),
  context: z.object({ provider: context.nullable(), client: context.nullable() }),
  createdBy: ref.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const durationMinutes = z
  .number({ error: 'must be a whole number of minutes' })
  .int('must be a whole number of minutes')
  .min(15, 'must be at least 15 minutes')
  .max(480, 'must be at most 8 hours');

export const checkInInput = z.object({
  scheduledFor: calendarDateTime.describe('When the conversation starts'),
  durationMinutes: durationMinutes.optional().describe('Defaults to 60'),
  contactIds: z
    .array(id)
    .max(50, 'at most 50 contacts')
    .optional()
    .describe("Client contacts to invite; defaults to every contact of the relationship's client"),
  sendInvites: z
    .boolean()
    .optional()
    .describe('Email the calendar invite (.ics) to everyone invited; default true (never for a past date)'),
});

export const checkInPatch = z.object({
  status: z
    .enum(['held', 'skipped'], { error: 'must be "held" or "skipped"' })
    .optional()
    .describe('held moves the next due date; skipped needs a reason in notes and moves nothing'),
  heldAt: calendarDateTime.optional().describe('When it was held; defaults to now; not in the future'),
  notes: longText.nullish(),
  scheduledFor: calendarDateTime
    .optional()
    .describe('Moves a scheduled check-in: everyone invited gets the updated invite (same UID)'),
  durationMinutes: durationMinutes.optional(),
});

export const checkInListQuery = pageQuery.extend({ status: checkInStatus.optional() });

// ── Actions ───────────────────────────────────────────────────────────────────

const actionTitle = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(500, 'must be at most 500 characters');

export const actionInput = z.object({
  title: actionTitle,
  ownerId: id.nullish().describe('A member of the workspace'),
  dueOn: calendarDate.nullish(),
});
export const actionPatch = z.object({
  title: actionTitle.optional(),
  ownerId: id.nullish(),
  dueOn: calendarDate.nullish(),
  done: z.boolean().optional(),
});
export const action = z.object({
  id,
  checkInId: id,
  title: z.string(),
  owner: ref.nullable(),
  dueOn: z.string().nullable(),
  done: z.boolean(),
  doneAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export const actionListQuery = pageQuery;

// ── Across the workspace: what is due, and where there is room ─────────────────

export const dueQuery = pageQuery.extend({
  bucket: dueBucket.optional().describe('overdue, this_week (today and the next six days) or later'),
  teamId: id.optional(),
  ownerId: id.optional(),
});

export const dueItem = z.object({
  relationship: z.object({
    id,
    client: ref.extend({ kind: z.enum(['external', 'internal']) }),
    team: ref,
    owner: ref.nullable(),
    cadenceDays: z.number().int(),
    lastCheckInAt: timestamp.nullable(),
  }),
  nextCheckInDue: isoDate,
  bucket: dueBucket,
  daysOverdue: z.number().int(),
  missedCadences: z.number().int().describe('Whole cadences passed without a check-in'),
  scheduled: z
    .object({ id, scheduledFor: timestamp })
    .nullable()
    .describe('The next check-in already scheduled, if any'),
});

export const dueSummary = z.object({
  today: isoDate,
  overdue: z.number().int(),
  thisWeek: z.number().int(),
  later: z.number().int(),
});
export const dueSummaryQuery = z.object({ teamId: id.optional(), ownerId: id.optional() });

export const roomQuery = pageQuery.extend({
  days: z.coerce
    .number()
    .int()
    .min(1, 'must be at least 1')
    .max(365, 'must be at most 365')
    .default(90)
    .describe('How far back to look'),
  side: contextSide.optional(),
});

export const roomItem = z.object({
  checkInId: id,
  relationship: z.object({ id, client: ref, team: ref }),
  side: contextSide,
  unusedCapacity: z.string(),
  filledBy: context.shape.filledBy,
  checkInStatus,
  at: timestamp.describe('When the check-in was held (or is scheduled)'),
  updatedAt: timestamp,
});

export type CheckInStatus = z.infer<typeof checkInStatus>;
export type ContextSide = z.infer<typeof contextSide>;
export type Agenda = z.infer<typeof agenda>;
export type AgendaTemplate = z.infer<typeof agendaTemplate>;
export type Context = z.infer<typeof context>;
export type ContextInput = z.infer<typeof contextInput>;
export type CheckIn = z.infer<typeof checkIn>;
export type CheckInInput = z.infer<typeof checkInInput>;
export type CheckInPatch = z.infer<typeof checkInPatch>;
export type CheckInListQuery = z.infer<typeof checkInListQuery>;
export type Action = z.infer<typeof action>;
export type ActionInput = z.infer<typeof actionInput>;
export type ActionPatch = z.infer<typeof actionPatch>;
export type DueQuery = z.infer<typeof dueQuery>;
export type DueItem = z.infer<typeof dueItem>;
export type DueSummary = z.infer<typeof dueSummary>;
export type RoomQuery = z.infer<typeof roomQuery>;
export type RoomItem = z.infer<typeof roomItem>;
export type DueBucket = z.infer<typeof dueBucket>;
