import { z } from 'zod';
import { id, longText, name, pageQuery, timestamp } from '../../platform/common.contract';

export const teamInput = z.object({
  name,
  description: longText.nullish(),
});
export const teamPatch = teamInput.partial();

export const team = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const teamListQuery = pageQuery.extend({
  q: z.string().max(200).optional().describe('Filter by name (case-insensitive substring)'),
});

export type Team = z.infer<typeof team>;
export type TeamInput = z.infer<typeof teamInput>;
export type TeamPatch = z.infer<typeof teamPatch>;
export type TeamListQuery = z.infer<typeof teamListQuery>;
