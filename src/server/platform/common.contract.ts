import { z } from 'zod';

// Shared building blocks of every feature's contract; the web imports these too.

export const id = z.uuid({ error: 'must be an id' });
export const timestamp = z.string().describe('ISO-8601 timestamp');
export const isoDate = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });
export const isoDateTime = z.iso.datetime({ offset: true, error: 'must be an ISO-8601 timestamp' });

export const name = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters');
export const shortText = z.string().trim().max(2000, 'must be at most 2,000 characters');
export const longText = z.string().trim().max(20_000, 'must be at most 20,000 characters');

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export type Page<T> = { items: T[]; nextCursor: string | null };

export const workspaceParams = z.object({ workspaceId: z.string() });

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const iso = (d: Date): string => d.toISOString();
export const isoOrNull = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** A link token from an email (opaque, URL-safe). */
export const token = z.string().min(1).max(200);
