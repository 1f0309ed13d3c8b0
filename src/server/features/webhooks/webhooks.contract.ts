import { z } from 'zod';
import { id, timestamp } from '../../platform/common.contract';

/** The events a webhook can subscribe to (API.md). */
export const webhookEvents = [
  'relationship.created',
  'relationship.stage_changed',
  'check_in.held',
  'topic.created',
  'pulse.responded',
  'health.risk_raised',
] as const;
export const webhookEvent = z.enum(webhookEvents);
export type WebhookEvent = z.infer<typeof webhookEvent>;
/** Sent only by "Send test", to the one webhook asked. */
export const TEST_EVENT = 'webhook.test';

export const webhookUrl = z
  .string()
  .trim()
  .max(2000, 'must be at most 2,000 characters')
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }));

export const webhookInput = z.object({
  url: webhookUrl,
  events: z.array(webhookEvent).min(1, 'pick at least one event').max(webhookEvents.length),
});
export type WebhookInput = z.infer<typeof webhookInput>;

export const webhookPatch = z.object({
  url: webhookUrl.optional(),
  events: z.array(webhookEvent).min(1, 'pick at least one event').max(webhookEvents.length).optional(),
  active: z.boolean().optional(),
});

export const webhook = z.object({
  id,
  url: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Webhook = z.infer<typeof webhook>;

export const createdWebhook = webhook.extend({
  secret: z.string().describe('The signing secret, shown only now: keep it to verify Twofold-Signature'),
});

export const webhookDelivery = z.object({
  id,
  event: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: timestamp
    .nullable()
    .describe('When the next attempt is due; null once delivered or given up'),
  lastStatusCode: z.number().int().nullable(),
  lastResponseMs: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: timestamp.nullable(),
  createdAt: timestamp,
});
export type WebhookDelivery = z.infer<typeof webhookDelivery>;

export const webhookParams = z.object({ workspaceId: z.string(), webhookId: id });
