import { z } from 'zod';
import { id, pageQuery, timestamp } from '../../platform/common.contract';
import { day } from '../time/time.contract';

/** A team that has not set its own cadence reflects every this many days. */
export const DEFAULT_REFLECTION_CADENCE_DAYS = 30;

const answer = (question: string) =>
  z
    .string({ error: 'is required (it may be empty)' })
    .trim()
    .max(20_000, 'must be at most 20,000 characters')
    .describe(question);

const links = (what: string) => z.array(id).max(50, `at most 50 ${what}`);

export const reflectionInput = z.object({
  teamId: id,
  heldOn: day,
  happening: answer('What is actually happening?'),
  emerging: answer('What is emerging?'),
  surprisinglyWell: answer('What works surprisingly well, and why?'),
  harderThanExpected: answer('What proves harder than expected?'),
  needs: answer('…and what do we need for that?'),
  relationshipIds: links('relationships').optional().describe('The relationships discussed'),
  experimentIds: links('experiments').optional().describe('The experiments discussed'),
});
export const reflectionPatch = reflectionInput.omit({ teamId: true }).partial();

export const tag = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(50, 'must be at most 50 characters')
  .describe('Stored lower-cased, with runs of spaces as one');

/** How a tag is stored and matched: lower case, single spaces. */
export const normalTag = (t: string): string => t.trim().toLowerCase().replace(/\s+/g, ' ');

export const learningInput = z.object({
  text: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required: what did you learn?')
    .max(2000, 'must be at most 2,000 characters'),
  tags: z.array(tag).max(20, 'at most 20 tags').optional().describe('Lower-cased; duplicates are dropped'),
});
export const learningPatch = learningInput.partial();

export const learning = z.object({
  id,
  reflectionId: id,
  text: z.string(),
  tags: z.array(z.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const ref = z.object({ id, name: z.string() });

export const reflection = z.object({
  id,
  teamId: id,
  team: ref,
  heldOn: z.string(),
  happening: z.string(),
  emerging: z.string(),
  surprisinglyWell: z.string(),
  harderThanExpected: z.string(),
  needs: z.string(),
  relationshipIds: z.array(id),
  relationships: z.array(z.object({ id, clientName: z.string() })),
  experimentIds: z.array(id),
  experiments: z.array(z.object({ id, title: z.string() })),
  learnings: z
    .array(learning)
    .describe('Its learnings, oldest first (the first 100; the learnings list has all)'),
  learningCount: z.number().int(),
  createdBy: ref.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const reflectionListQuery = pageQuery.extend({
  teamId: id.optional(),
  relationshipId: id.optional().describe('Only reflections that discussed this relationship'),
  experimentId: id.optional().describe('Only reflections that discussed this experiment'),
  from: day.optional().describe('Held on or after'),
  to: day.optional().describe('Held on or before'),
});

export const learningListQuery = pageQuery.extend({
  tag: tag.optional(),
  teamId: id.optional(),
});

/** A learning with the reflection it came from, for the workspace-wide list. */
export const learningItem = learning.extend({
  reflection: z.object({ id, heldOn: z.string(), team: ref }),
});

export const reflectionCadence = z.object({
  teamId: id,
  team: ref,
  cadenceDays: z.number().int(),
  isDefault: z
    .boolean()
    .describe(`True while the team uses the default of ${DEFAULT_REFLECTION_CADENCE_DAYS} days`),
  lastHeldOn: z.string().nullable(),
  nextDueOn: z.string().describe('One cadence after the last reflection (or after the team was created)'),
  overdueDays: z.number().int().describe('Days past nextDueOn; 0 when not overdue'),
});

export const reflectionCadenceInput = z.object({
  cadenceDays: z
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(7, 'must be at least 7 days')
    .max(365, 'must be at most 365 days'),
});

export type Reflection = z.infer<typeof reflection>;
export type ReflectionInput = z.infer<typeof reflectionInput>;
export type ReflectionPatch = z.infer<typeof reflectionPatch>;
export type ReflectionListQuery = z.infer<typeof reflectionListQuery>;
export type Learning = z.infer<typeof learning>;
export type LearningItem = z.infer<typeof learningItem>;
export type LearningInput = z.infer<typeof learningInput>;
export type LearningPatch = z.infer<typeof learningPatch>;
export type LearningListQuery = z.infer<typeof learningListQuery>;
export type ReflectionCadence = z.infer<typeof reflectionCadence>;
