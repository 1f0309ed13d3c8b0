import { z } from 'zod';
import { id, pageQuery, timestamp } from '../../platform/common.contract';

export const outboxMessage = z.object({
  id,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(['pending', 'sent', 'failed', 'outbox']),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string() })),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
});

export const auditEvent = z.object({
  id,
  actorKind: z.enum(['user', 'token', 'contact', 'system']),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  at: timestamp,
});

export const settingsPageQuery = pageQuery;

export type OutboxMessage = z.infer<typeof outboxMessage>;
export type AuditEvent = z.infer<typeof auditEvent>;
