import { z } from 'zod';
import { id, isoDateTime, longText, name, pageQuery, timestamp } from '../../platform/common.contract';

export const eventAudiences = ['internal', 'clients', 'community'] as const;
export const eventAudience = z
  .enum(eventAudiences, { error: `must be one of ${eventAudiences.join(', ')}` })
  .describe('internal: our people only; clients: our clients too; community: anyone we invite');
export const rsvpResponses = ['yes', 'no', 'maybe'] as const;
export const rsvpResponse = z.enum(rsvpResponses, { error: 'must be "yes", "no" or "maybe"' });

const optionalLine = z
  .string()
  .trim()
  .max(500, 'must be at most 500 characters')
  .transform((v) => v || null)
  .nullish();

const eventFields = {
  title: name,
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  location: optionalLine.describe('A place or a link'),
  description: longText
    .transform((v) => v || null)
    .nullish()
    .describe('Plain text'),
  audience: eventAudience,
};

export const eventInput = z.object(eventFields).superRefine((e, ctx) => {
  if (Date.parse(e.endsAt) <= Date.parse(e.startsAt))
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
});

export const eventPatch = z.object({
  ...z.object(eventFields).partial().shape,
  notes: longText
    .transform((v) => v || null)
    .nullish()
    .describe(
      'What happened; accepted once the event has started. Saving them records an `event` touchpoint on the relationships of every client contact who said yes.',
    ),
});

const person = z.object({ id, name: z.string() });

export const rsvpCounts = z.object({
  yes: z.number().int(),
  no: z.number().int(),
  maybe: z.number().int(),
  invited: z.number().int().describe('Invited, no answer yet'),
});

export const event = z.object({
  id,
  title: z.string(),
  startsAt: timestamp,
  endsAt: timestamp,
  location: z.string().nullable(),
  description: z.string().nullable(),
  audience: eventAudience,
  notes: z.string().nullable(),
  createdBy: person.nullable(),
  rsvps: rsvpCounts,
  myResponse: rsvpResponse.nullable().describe("The caller's own answer"),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const eventListQuery = pageQuery.extend({
  when: z
    .enum(['upcoming', 'past', 'all'], { error: 'must be "upcoming", "past" or "all"' })
    .default('upcoming')
    .describe('upcoming: not yet ended, soonest first; past: ended, latest first; all: latest first'),
  audience: eventAudience.optional(),
});

export const rsvpInput = z.object({
  response: rsvpResponse,
  contactId: id
    .optional()
    .describe('Record the answer of a client contact (e.g. given by phone); without it, the answer is yours'),
});

export const attendee = z.object({
  id,
  kind: z.enum(['member', 'contact']),
  /** The user id of a member, the contact id of a contact. */
  personId: id,
  name: z.string(),
  email: z.string(),
  client: person.nullable().describe("A contact's client"),
  response: rsvpResponse.nullable().describe('null: invited, no answer yet'),
  invitedAt: timestamp.nullable(),
  respondedAt: timestamp.nullable(),
});

export const rsvpListQuery = pageQuery.extend({ response: rsvpResponse.optional() });

export const invitationInput = z
  .object({
    memberIds: z.array(id).max(200, 'at most 200 at a time').optional().describe('User ids of members'),
    contactIds: z.array(id).max(200, 'at most 200 at a time').optional(),
    message: z.string().trim().max(2000, 'must be at most 2,000 characters').optional(),
  })
  .refine((v) => (v.memberIds?.length ?? 0) + (v.contactIds?.length ?? 0) > 0, {
    path: ['memberIds'],
    message: 'name at least one member or contact',
  });

export const invitationResult = z.object({
  invited: z.array(attendee).describe('Everyone who got an invitation now'),
  alreadyInvited: z.number().int().describe('Named people who were invited before (no second email)'),
});

export type EventAudience = z.infer<typeof eventAudience>;
export type RsvpResponse = z.infer<typeof rsvpResponse>;
export type EventInput = z.infer<typeof eventInput>;
export type EventPatch = z.infer<typeof eventPatch>;
export type CommunityEvent = z.infer<typeof event>;
export type EventListQuery = z.infer<typeof eventListQuery>;
export type RsvpInput = z.infer<typeof rsvpInput>;
export type Attendee = z.infer<typeof attendee>;
export type RsvpListQuery = z.infer<typeof rsvpListQuery>;
export type InvitationInput = z.infer<typeof invitationInput>;
export type InvitationResult = z.infer<typeof invitationResult>;
