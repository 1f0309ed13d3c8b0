import { z } from 'zod';
import { id, name, pageQuery, timestamp } from '../../platform/common.contract';

// Lower-cased: one person is one contact per workspace whatever the capitals, and the portal finds them by it.
export const contactEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'must be an email address' }).max(320, 'must be at most 320 characters'));

export const contactInput = z.object({
  name,
  email: contactEmail,
  role: z
    .string()
    .trim()
    .max(200, 'must be at most 200 characters')
    .transform((v) => v || null)
    .nullish()
    .describe('Their role at the client, e.g. "Head of purchasing"'),
  portalAccess: z.boolean().optional().describe('Whether this contact may use the client portal'),
});
export const contactPatch = contactInput.partial();

export const contact = z.object({
  id,
  clientId: id,
  name: z.string(),
  email: z.string(),
  role: z.string().nullable(),
  portalAccess: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const contactListQuery = pageQuery.extend({
  q: z.string().max(200).optional().describe('Filter by name or email (case-insensitive substring)'),
});

export type Contact = z.infer<typeof contact>;
export type ContactInput = z.infer<typeof contactInput>;
export type ContactPatch = z.infer<typeof contactPatch>;
export type ContactListQuery = z.infer<typeof contactListQuery>;
