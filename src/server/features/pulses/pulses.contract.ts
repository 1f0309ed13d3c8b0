import { z } from 'zod';
import { id, isoDate, pageQuery, shortText, timestamp } from '../../platform/common.contract';

export const pulseKinds = ['client', 'employee', 'service'] as const;
export const pulseKind = z
  .enum(pulseKinds, { error: `must be one of ${pulseKinds.join(', ')}` })
  .describe(
    'client: contacts of a relationship (or of all relationships of a team) · employee: a team’s people, anonymous · service: colleagues about an internal service',
  );
export const pulseStatuses = ['open', 'closed'] as const;
export const pulseStatus = z
  .enum(pulseStatuses, { error: 'must be "open" or "closed"' })
  .describe('closed from the day after closesOn');

const title = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(200, 'must be at most 200 characters');

export const pulseInput = z.object({
  kind: pulseKind,
  title,
  relationshipId: id.optional().describe('client: ask this relationship’s contacts'),
  teamId: id
    .optional()
    .describe(
      'client: the contacts of all the team’s active relationships · employee: the team (required) · service: only the team’s people',
    ),
  serviceId: id.optional().describe('service: the internal service rated (required)'),
  closesOn: isoDate.describe('The last day answers are taken (UTC); links expire after it'),
  memberIds: z
    .array(id)
    .max(500, 'must name at most 500 members')
    .optional()
    .describe(
      'employee and service: exactly these workspace members; by default a team’s people are those who logged time for it in the last 90 days or own one of its relationships',
    ),
});
export const pulsePatch = z.object({ title: title.optional(), closesOn: isoDate.optional() });

const ref = z.object({ id, name: z.string() }).nullable();

export const pulse = z.object({
  id,
  kind: pulseKind,
  title: z.string(),
  relationshipId: id.nullable(),
  teamId: id.nullable(),
  serviceId: id.nullable(),
  /** What the round asks about, in words: "Harbour Savings Bank · Strategy & Research", a team, a service. */
  target: z.string(),
  anonymous: z.boolean(),
  closesOn: z.string(),
  status: pulseStatus,
  invited: z.number().int(),
  responses: z.number().int(),
  /** Share of recipients who answered, 0–1. */
  responseRate: z.number(),
  reminderAt: timestamp.nullable(),
  createdBy: ref,
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const respondentLink = z.object({ name: z.string(), email: z.string(), url: z.string() });
export const createdPulse = pulse.extend({
  links: z
    .array(respondentLink)
    .describe('One personal link per recipient; shown only here and in the email'),
});

export const pulseListQuery = pageQuery.extend({
  kind: pulseKind.optional(),
  relationshipId: id.optional(),
  teamId: id.optional(),
  serviceId: id.optional(),
});

const distribution = z.array(z.number().int()).length(11).describe('How many answered 0, 1, … 10');

export const pulseResults = z.object({
  responses: z.number().int(),
  invited: z.number().int(),
  /** Anonymous rounds below 3 responses show nothing but the count. */
  hidden: z.boolean(),
  average: z.number().nullable(),
  distribution: distribution.nullable(),
  comments: z.array(
    z.object({
      text: z.string(),
      /** Who said it; always null in anonymous rounds. */
      from: z.string().nullable(),
      relationshipId: id.nullable(),
    }),
  ),
  /** Employee rounds: "Do you have room to work differently with clients?" */
  second: z
    .object({ question: z.string(), average: z.number().nullable(), distribution: distribution.nullable() })
    .nullable(),
});

export const pulseRound = z.object({
  pulseId: id,
  title: z.string(),
  closesOn: z.string(),
  responses: z.number().int(),
  average: z.number().nullable(),
});
export const pulseTrend = z.object({ rounds: z.array(pulseRound).describe('Oldest first, at most 24') });
export const teamPulses = z.object({
  employee: z.array(pulseRound),
  client: z.array(pulseRound),
  together: z.object({
    n: z.number().int().describe('Months in which both pulses had a round with a result'),
    correlation: z.number().nullable().describe('Pearson’s r; null below 4 paired months'),
    statement: z.string(),
  }),
});

// The respondent's side: no account, the token is the credential.
export const questionKeys = ['score', 'secondScore', 'comment'] as const;
export const pulseQuestions = z.object({
  kind: pulseKind,
  title: z.string(),
  askedBy: z.string().describe('The organisation asking'),
  anonymous: z.boolean(),
  closesOn: z.string(),
  questions: z.array(
    z.object({
      key: z.enum(questionKeys),
      text: z.string(),
      type: z.enum(['scale', 'text']),
      required: z.boolean(),
    }),
  ),
});

const score = (what: string) =>
  z
    .number({ error: 'must be a whole number from 0 to 10' })
    .int('must be a whole number from 0 to 10')
    .min(0, 'must be a whole number from 0 to 10')
    .max(10, 'must be a whole number from 0 to 10')
    .describe(what);
export const pulseAnswer = z.object({
  score: score('The first question, 0–10'),
  secondScore: score(
    'Employee rounds: the second question, 0–10 (required there, refused elsewhere)',
  ).optional(),
  comment: shortText
    .optional()
    .describe('Client rounds: "What would make us more valuable to you?"; elsewhere an optional remark'),
});

export type PulseKind = z.infer<typeof pulseKind>;
export type PulseStatus = z.infer<typeof pulseStatus>;
export type PulseInput = z.infer<typeof pulseInput>;
export type PulsePatch = z.infer<typeof pulsePatch>;
export type Pulse = z.infer<typeof pulse>;
export type CreatedPulse = z.infer<typeof createdPulse>;
export type PulseListQuery = z.infer<typeof pulseListQuery>;
export type PulseResults = z.infer<typeof pulseResults>;
export type PulseRoundView = z.infer<typeof pulseRound>;
export type PulseTrend = z.infer<typeof pulseTrend>;
export type TeamPulses = z.infer<typeof teamPulses>;
export type PulseQuestions = z.infer<typeof pulseQuestions>;
export type PulseAnswer = z.infer<typeof pulseAnswer>;
