import { z } from 'zod';
import { id, longText, name, pageQuery, timestamp } from '../../platform/common.contract';

export const serviceKind = z.enum(['external', 'internal'], {
  error: 'must be "external" (to paying clients) or "internal" (to colleagues)',
});

export const serviceInput = z.object({
  name,
  kind: serviceKind,
  teamId: id.describe('The team that provides this service'),
  description: longText.nullish(),
});
export const servicePatch = serviceInput.partial();

export const service = z.object({
  id,
  name: z.string(),
  kind: serviceKind,
  teamId: id,
  team: z.object({ id, name: z.string() }),
  description: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const serviceListQuery = pageQuery.extend({
  teamId: id.optional().describe('Only the services of this team'),
  kind: serviceKind.optional(),
  q: z.string().max(200).optional().describe('Filter by name (case-insensitive substring)'),
});

export type ServiceKind = z.infer<typeof serviceKind>;
export type Service = z.infer<typeof service>;
export type ServiceInput = z.infer<typeof serviceInput>;
export type ServicePatch = z.infer<typeof servicePatch>;
export type ServiceListQuery = z.infer<typeof serviceListQuery>;
