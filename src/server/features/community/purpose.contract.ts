import { z } from 'zod';
import { id, timestamp } from '../../platform/common.contract';

export const purposeInput = z.object({
  statement: z
    .string({ error: 'is required' })
    .trim()
    .max(2000, 'must be at most 2,000 characters')
    .describe('Why we do the work, in a few sentences; an empty statement clears it'),
});

export const purpose = z.object({
  statement: z.string().nullable().describe('null until someone writes it'),
  updatedBy: z.object({ id, name: z.string() }).nullable(),
  updatedAt: timestamp.nullable(),
});

export type PurposeInput = z.infer<typeof purposeInput>;
export type Purpose = z.infer<typeof purpose>;
