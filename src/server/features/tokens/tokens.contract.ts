import { z } from 'zod';
import { id, name, timestamp } from '../../platform/common.contract';

export const tokenScope = z.enum(['read', 'read_write']);
export const apiTokenInput = z.object({ name, scope: tokenScope.default('read_write') });
export const apiToken = z.object({
  id,
  name: z.string(),
  scope: tokenScope,
  createdBy: z.object({ id, name: z.string() }),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});
/** Returned once, on creation: the raw token is never shown again. */
export const createdApiToken = apiToken.extend({ token: z.string() });

export type ApiToken = z.infer<typeof apiToken>;
export type ApiTokenInput = z.infer<typeof apiTokenInput>;
export type CreatedApiToken = z.infer<typeof createdApiToken>;
