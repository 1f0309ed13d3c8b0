// The client portal's own response schemas. Every portal response is built from these, never from the
// app's schemas: a field a member sees (notes, provider context, health, emails, discoveries) cannot reach
// a client contact by accident, because the serializer drops whatever a schema here does not name.
import { z } from 'zod';
import { id, longText, pageQuery, timestamp } from '../../platform/common.contract';
import { agenda, contextInput } from '../check-ins/check-ins.contract';
import { eventAudience, rsvpResponse } from '../community/events.contract';
import { pulseAnswer, pulseQuestions } from '../pulses/pulses.contract';
import { stage } from '../relationships/relationships.contract';
import { snippetPart } from '../search/search.contract';
import { topicSide, topicStatus } from '../topics/topics.contract';
import { touchpointKind } from '../touchpoints/touchpoints.contract';

export const magicLinkInput = z.object({
  email: z.email({ error: 'must be an email address' }).max(320, 'must be at most 320 characters'),
});
export const magicLinkAccepted = z.object({ message: z.string() });

export const portalSessionQuery = z.object({
  token: z.string({ error: 'is required' }).min(1, 'is required').max(200, 'must be at most 200 characters'),
});

/** Who is signed in to the portal, and whose portal it is. */
export const portalMe = z.object({
  contact: z.object({ id, name: z.string(), email: z.string() }),
  client: z.object({ id, name: z.string() }),
  workspace: z.object({ id, name: z.string(), purpose: z.string().nullable() }),
});

export const portalRelationship = z.object({
  id,
  team: z.object({ name: z.string() }),
  partnerLead: z.object({ name: z.string() }).nullable(),
  ambition: z.string().nullable().describe('The shared ambition'),
  stage: stage.describe('Where the journey together stands'),
  status: z.enum(['active', 'paused', 'ended']),
  nextCheckInDue: z.string().nullable(),
});
export const journeyStep = z.object({ stage, since: timestamp });
export const portalRelationshipDetail = portalRelationship.extend({
  journey: z.array(journeyStep).describe('The stages the relationship went through, oldest first'),
});

export const clientContext = z.object({
  businessUpdate: z.string(),
  unusedCapacity: z.string(),
  furtherTopics: z.string(),
  waysOfWorking: z.string(),
  filledBy: z.object({ kind: z.enum(['client', 'provider_on_behalf']), name: z.string() }),
  updatedAt: timestamp,
});
export const portalCheckIn = z.object({
  id,
  scheduledFor: timestamp,
  durationMinutes: z.number().int(),
  status: z.enum(['scheduled', 'held', 'skipped']),
  heldAt: timestamp.nullable(),
  agenda,
  clientContext: clientContext.nullable().describe("The client's side; the provider's side stays with them"),
});
export const portalCheckInQuery = pageQuery.extend({
  when: z.enum(['upcoming', 'past'], { error: 'must be upcoming or past' }).optional(),
});
export const portalContextInput = contextInput;

const author = z.object({ side: topicSide, name: z.string() });
export const portalTopic = z.object({
  id,
  title: z.string(),
  description: z.string().nullable(),
  raisedBy: topicSide,
  status: topicStatus,
  author,
  voteCount: z.number().int(),
  votedByMe: z.boolean(),
  commentCount: z.number().int(),
  createdAt: timestamp,
});
export const portalTopicInput = z.object({
  title: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(200, 'must be at most 200 characters'),
  description: longText.nullish(),
  raisedBy: z.literal('client', { error: 'must be "client"' }).optional().describe('Always the client here'),
});
export const portalComment = z.object({ id, body: z.string(), author, createdAt: timestamp });
export const portalCommentInput = z.object({
  body: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(5000, 'must be at most 5,000 characters'),
});

export const portalTouchpoint = z.object({
  id,
  kind: touchpointKind,
  initiatedBy: topicSide,
  occurredAt: timestamp,
  summary: z.string(),
});

export const portalEvent = z.object({
  id,
  title: z.string(),
  description: z.string().nullable(),
  location: z.string().nullable(),
  startsAt: timestamp,
  endsAt: timestamp,
  audience: eventAudience,
  myResponse: rsvpResponse.nullable(),
});
export const portalEventQuery = pageQuery.extend({
  when: z.enum(['upcoming', 'past'], { error: 'must be upcoming or past' }).default('upcoming'),
});
export const portalRsvpInput = z.object({ response: rsvpResponse });

export const portalKnowledge = z.object({
  id,
  title: z.string(),
  body: z.string().describe('Markdown'),
  tags: z.array(z.string()),
  updatedAt: timestamp,
});

export const portalSearchQuery = z.object({
  q: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(200, 'must be at most 200 characters'),
});
export const portalSearchHit = z.object({
  kind: z.enum(['topic', 'knowledge', 'event']),
  id,
  title: z.string(),
  snippet: z.array(snippetPart),
  relationshipId: id.nullable().describe('For a topic: the relationship whose backlog holds it'),
});
export const portalSearchResult = z.object({ hits: z.array(portalSearchHit) });

/** A client pulse round the contact was sent and has not answered: what it asks, nobody else's answers. */
export const portalPulse = z.object({
  id,
  title: z.string(),
  closesOn: z.string().describe('The last day to answer (UTC)'),
  questions: pulseQuestions.shape.questions,
});
export const portalPulseAnswer = pulseAnswer.pick({ score: true, comment: true });

/** What a member sees on "view as client": exactly the portal's first pages for one relationship. */
export const portalPreview = z.object({
  relationship: portalRelationshipDetail,
  upcomingCheckIns: z.array(portalCheckIn),
  pastCheckIns: z.array(portalCheckIn),
  topics: z.array(portalTopic),
  touchpoints: z.array(portalTouchpoint),
  events: z.array(portalEvent),
  knowledge: z.array(portalKnowledge),
});

export type PortalMe = z.infer<typeof portalMe>;
export type PortalRelationship = z.infer<typeof portalRelationship>;
export type PortalRelationshipDetail = z.infer<typeof portalRelationshipDetail>;
export type PortalCheckIn = z.infer<typeof portalCheckIn>;
export type PortalTopic = z.infer<typeof portalTopic>;
export type PortalComment = z.infer<typeof portalComment>;
export type PortalTouchpoint = z.infer<typeof portalTouchpoint>;
export type PortalEvent = z.infer<typeof portalEvent>;
export type PortalKnowledge = z.infer<typeof portalKnowledge>;
export type PortalSearchHit = z.infer<typeof portalSearchHit>;
export type PortalPulse = z.infer<typeof portalPulse>;
export type PortalPulseAnswer = z.infer<typeof portalPulseAnswer>;
export type PortalPreview = z.infer<typeof portalPreview>;
