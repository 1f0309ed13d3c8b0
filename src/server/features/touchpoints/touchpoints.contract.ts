import { z } from 'zod';
import { id, isoDateTime, longText, pageQuery, timestamp } from '../../platform/common.contract';

export const touchpointKinds = [
  'meeting',
  'call',
  'email',
  'delivery',
  'immersion',
  'event',
  'note',
] as const;
export const sides = ['provider', 'client'] as const;
export const visibilities = ['internal', 'shared'] as const;

export const touchpointKind = z
  .enum(touchpointKinds, { error: `must be one of ${touchpointKinds.join(', ')}` })
  .describe('immersion: time spent in the client’s world');
export const side = z
  .enum(sides, { error: 'must be "provider" (us) or "client" (them)' })
  .describe('Which side started this touchpoint');
export const visibility = z
  .enum(visibilities, { error: 'must be "internal" (only us) or "shared" (the client sees it too)' })
  .describe('shared touchpoints appear in the client portal; internal ones never do');

const summary = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(2000, 'must be at most 2,000 characters');

export const touchpointInput = z.object({
  kind: touchpointKind,
  initiatedBy: side,
  occurredAt: isoDateTime,
  summary,
  discoveries: longText
    .nullish()
    .describe('What we learned about their reality; mostly from immersions, allowed on every kind'),
  visibility,
});
export const touchpointPatch = touchpointInput.partial();

export const touchpoint = z.object({
  id,
  relationshipId: id,
  kind: touchpointKind,
  initiatedBy: side,
  occurredAt: timestamp,
  summary: z.string(),
  discoveries: z.string().nullable(),
  visibility,
  createdBy: z.object({ id, name: z.string() }).nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const touchpointListQuery = pageQuery.extend({
  kind: touchpointKind.optional(),
  initiatedBy: side.optional(),
  visibility: visibility.optional(),
});

/** Both sides of the timeline at a glance, so a relationship never shows only our side. */
export const touchpointSummary = z.object({
  total: z.number().int(),
  byInitiator: z.object({ provider: z.number().int(), client: z.number().int() }),
  byKind: z.object({
    meeting: z.number().int(),
    call: z.number().int(),
    email: z.number().int(),
    delivery: z.number().int(),
    immersion: z.number().int(),
    event: z.number().int(),
    note: z.number().int(),
  }),
  lastAt: timestamp.nullable(),
});

export type TouchpointKind = z.infer<typeof touchpointKind>;
export type Side = z.infer<typeof side>;
export type Visibility = z.infer<typeof visibility>;
export type Touchpoint = z.infer<typeof touchpoint>;
export type TouchpointInput = z.infer<typeof touchpointInput>;
export type TouchpointPatch = z.infer<typeof touchpointPatch>;
export type TouchpointListQuery = z.infer<typeof touchpointListQuery>;
export type TouchpointSummary = z.infer<typeof touchpointSummary>;
