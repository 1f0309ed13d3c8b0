import { z } from 'zod';
import { id, longText, pageQuery, timestamp } from '../../platform/common.contract';

export const topicStatuses = ['proposed', 'exploring', 'agreed', 'done', 'declined'] as const;
export const topicStatus = z
  .enum(topicStatuses, { error: `must be one of ${topicStatuses.join(', ')}` })
  .describe('proposed → exploring → agreed → done, or declined');
export const topicSides = ['provider', 'client'] as const;
export const topicSide = z
  .enum(topicSides, { error: 'must be "provider" (us) or "client" (them)' })
  .describe('Which side raised it');

const title = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(200, 'must be at most 200 characters');

export const topicInput = z.object({
  title,
  description: longText.nullish(),
  raisedBy: topicSide,
  checkInId: id.nullish().describe('The check-in it came out of (a further topic turned into the backlog)'),
});

export const topicPatch = z.object({
  title: title.optional(),
  description: longText.nullish(),
  status: topicStatus.optional(),
});

const person = z.object({
  kind: z.enum(['member', 'contact']).describe('member: one of us · contact: a client contact'),
  id: id.nullable(),
  name: z.string(),
});

export const topic = z.object({
  id,
  relationshipId: id,
  relationship: z.object({
    id,
    client: z.object({ id, name: z.string() }),
    team: z.object({ id, name: z.string() }),
  }),
  title: z.string(),
  description: z.string().nullable(),
  raisedBy: topicSide,
  author: person.describe('Who wrote it down (a member may note a topic the client raised)'),
  status: topicStatus,
  checkInId: id.nullable(),
  voteCount: z.number().int(),
  votedByMe: z.boolean(),
  commentCount: z.number().int(),
  statusChangedAt: timestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const topicListQuery = pageQuery.extend({
  status: topicStatus.optional(),
  raisedBy: topicSide.optional(),
  checkInId: id.optional(),
});

export const workspaceTopicListQuery = topicListQuery.extend({
  relationshipId: id.optional(),
  q: z.string().max(200).optional().describe('Filter by title (case-insensitive substring)'),
});

export const commentInput = z.object({
  body: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(5000, 'must be at most 5,000 characters'),
});

export const comment = z.object({
  id,
  topicId: id,
  body: z.string(),
  side: topicSide,
  author: person,
  createdAt: timestamp,
});

export const commentListQuery = pageQuery;

export type TopicStatus = z.infer<typeof topicStatus>;
export type TopicSide = z.infer<typeof topicSide>;
export type Topic = z.infer<typeof topic>;
export type TopicInput = z.infer<typeof topicInput>;
export type TopicPatch = z.infer<typeof topicPatch>;
export type TopicListQuery = z.infer<typeof topicListQuery>;
export type WorkspaceTopicListQuery = z.infer<typeof workspaceTopicListQuery>;
export type Comment = z.infer<typeof comment>;
export type CommentInput = z.infer<typeof commentInput>;
