import { z } from 'zod';
import { id, longText, pageQuery, timestamp } from '../../platform/common.contract';

export const stages = ['transactional', 'advisory', 'partnership', 'co_creation'] as const;
export const pyramidLevels = ['expectations', 'desires', 'unrecognized_needs'] as const;
export const relationshipStatuses = ['active', 'paused', 'ended'] as const;

export const stage = z
  .enum(stages, { error: `must be one of ${stages.join(', ')}` })
  .describe('transactional → advisory → partnership → co_creation');
export const pyramidLevel = z
  .enum(pyramidLevels, { error: `must be one of ${pyramidLevels.join(', ')}` })
  .describe('The relationship truth pyramid: expectations → desires → unrecognized_needs');
export const relationshipStatus = z.enum(relationshipStatuses, {
  error: `must be one of ${relationshipStatuses.join(', ')}`,
});
const kind = z.enum(['external', 'internal']);

export const cadenceDays = z
  .number({ error: 'must be a whole number of days' })
  .int('must be a whole number of days')
  .min(7, 'must be at least 7 days')
  .max(365, 'must be at most 365 days')
  .describe('How often partner check-ins should happen, in days');

const serviceIds = z
  .array(id)
  .max(50, 'at most 50 services')
  .describe("Services of the relationship's team named on this relationship");
const ambition = longText.nullish().describe('The ambition both sides share for this relationship');

export const relationshipInput = z.object({
  clientId: id,
  teamId: id,
  serviceIds: serviceIds.optional(),
  ownerId: id.nullish().describe('The partner lead; a member of the workspace'),
  cadenceDays,
  ambition,
  stage: stage.optional().describe('Defaults to transactional'),
  pyramidLevel: pyramidLevel.optional().describe('Defaults to expectations'),
});

export const relationshipPatch = z.object({
  cadenceDays: cadenceDays.optional(),
  ambition,
  ownerId: id.nullish(),
  status: relationshipStatus.optional(),
  serviceIds: serviceIds.optional(),
  stage: stage.optional().describe('A change is recorded as an assessment'),
  pyramidLevel: pyramidLevel.optional().describe('A change is recorded as an assessment'),
  note: z
    .string()
    .trim()
    .max(2000, 'must be at most 2,000 characters')
    .optional()
    .describe('Why the stage or pyramid level changed; kept in the assessment history'),
});

const ref = z.object({ id, name: z.string() });

export const relationship = z.object({
  id,
  clientId: id,
  teamId: id,
  ownerId: id.nullable(),
  serviceIds: z.array(id),
  client: ref.extend({ kind }),
  team: ref,
  services: z.array(ref.extend({ kind })),
  owner: ref.nullable(),
  cadenceDays: z.number().int(),
  ambition: z.string().nullable(),
  stage,
  pyramidLevel,
  status: relationshipStatus,
  nextCheckInDue: z.string().nullable().describe('YYYY-MM-DD; null while paused or ended'),
  lastCheckInAt: timestamp.nullable(),
  lastTouchpointAt: timestamp.nullable(),
  health: z.object({ score: z.number().int().nullable().describe('0–100; null until there is data') }),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const relationshipSorts = ['client', 'stage', 'nextCheckInDue', 'updated'] as const;

export const relationshipListQuery = pageQuery.extend({
  stage: stage.optional(),
  pyramidLevel: pyramidLevel.optional(),
  status: relationshipStatus.optional(),
  teamId: id.optional(),
  clientId: id.optional(),
  ownerId: id.optional(),
  clientKind: kind.optional().describe('Only relationships with external or internal clients'),
  q: z.string().max(200).optional().describe("Filter by the client's name (case-insensitive substring)"),
  sort: z
    .enum(relationshipSorts, { error: `must be one of ${relationshipSorts.join(', ')}` })
    .default('client'),
  order: z
    .enum(['asc', 'desc'], { error: 'must be asc or desc' })
    .optional()
    .describe('Defaults to desc for updated, asc otherwise'),
});

// ── Assessments ──────────────────────────────────────────────────────────────

export const assessmentInput = z.object({
  stage,
  pyramidLevel,
  note: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required: say why')
    .max(2000, 'must be at most 2,000 characters'),
});

export const assessment = z.object({
  id,
  relationshipId: id,
  stage,
  pyramidLevel,
  previousStage: stage.nullable().describe('The stage before this assessment; null for the first'),
  previousPyramidLevel: pyramidLevel.nullable(),
  note: z.string(),
  assessedBy: ref.nullable(),
  assessedAt: timestamp,
});

export const assessmentListQuery = pageQuery;

export type Stage = z.infer<typeof stage>;
export type PyramidLevel = z.infer<typeof pyramidLevel>;
export type RelationshipStatus = z.infer<typeof relationshipStatus>;
export type Relationship = z.infer<typeof relationship>;
export type RelationshipInput = z.infer<typeof relationshipInput>;
export type RelationshipPatch = z.infer<typeof relationshipPatch>;
export type RelationshipListQuery = z.infer<typeof relationshipListQuery>;
export type RelationshipSort = (typeof relationshipSorts)[number];
export type Assessment = z.infer<typeof assessment>;
export type AssessmentInput = z.infer<typeof assessmentInput>;
