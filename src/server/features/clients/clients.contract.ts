import { z } from 'zod';
import { id, name, pageQuery, timestamp } from '../../platform/common.contract';

export const clientKind = z.enum(['external', 'internal'], {
  error: 'must be "external" (an organisation) or "internal" (a department)',
});

// Loose on purpose: CRMs export "acme.com", "www.acme.com/" and full URLs alike; we keep what was typed.
const websitePattern =
  /^(https?:\/\/)?(localhost|([\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,})(:\d{1,5})?([/?#]\S*)?$/iu;

/** An optional short text where an empty field means "none". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => v || null)
    .nullish();

export const website = z
  .string()
  .trim()
  .max(500, 'must be at most 500 characters')
  .refine((v) => v === '' || websitePattern.test(v), 'must be a web address, like example.com')
  .transform((v) => v || null)
  .nullish();

export const clientInput = z.object({
  name,
  kind: clientKind,
  industry: optionalText(200),
  website,
});
export const clientPatch = clientInput.partial();

export const client = z.object({
  id,
  name: z.string(),
  kind: clientKind,
  industry: z.string().nullable(),
  website: z.string().nullable(),
  contactCount: z.number().int().describe('How many contacts this client has'),
  relationshipCount: z.number().int().describe('How many relationships serve this client'),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const clientListQuery = pageQuery.extend({
  kind: clientKind.optional(),
  q: z.string().max(200).optional().describe('Filter by name (case-insensitive substring)'),
});

export type ClientKind = z.infer<typeof clientKind>;
export type Client = z.infer<typeof client>;
export type ClientInput = z.infer<typeof clientInput>;
export type ClientPatch = z.infer<typeof clientPatch>;
export type ClientListQuery = z.infer<typeof clientListQuery>;
