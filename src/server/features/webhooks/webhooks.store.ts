import { and, arrayContains, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import type { Page } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import {
  TEST_EVENT,
  type Webhook,
  type WebhookDelivery,
  type WebhookEvent,
  type WebhookInput,
} from './webhooks.contract';
import { encryptSecret, newWebhookSecret } from './webhooks.secret';
import { webhookDeliveries, webhooks } from './webhooks.table';

type Row = typeof webhooks.$inferSelect;
const toWebhook = (r: Row): Webhook => ({
  id: r.id,
  url: r.url,
  events: r.events,
  active: r.active,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export async function listWebhooks(db: Db, workspaceId: string): Promise<Webhook[]> {
  const rows = await db
    .select()
    .from(webhooks)
    .where(eq(webhooks.workspaceId, workspaceId))
    .orderBy(webhooks.id)
    // A workspace has a handful of subscriptions; the cap keeps the list one page.
    .limit(200);
  return rows.map(toWebhook);
}

export async function getWebhook(db: Db, workspaceId: string, id: string): Promise<Webhook> {
  const [row] = await db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.workspaceId, workspaceId), eq(webhooks.id, id)));
  if (!row) throw AppError.notFound('Webhook');
  return toWebhook(row);
}

export async function createWebhook(
  db: Db,
  workspaceId: string,
  userId: string,
  input: WebhookInput,
  sessionSecret: string,
): Promise<Webhook & { secret: string }> {
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(webhooks)
    .where(eq(webhooks.workspaceId, workspaceId));
  if ((count?.n ?? 0) >= 50) throw new AppError('conflict', 'A workspace can have at most 50 webhooks');
  const secret = newWebhookSecret();
  const [row] = await db
    .insert(webhooks)
    .values({
      workspaceId,
      id: newId(),
      url: input.url,
      events: [...new Set(input.events)],
      secretEncrypted: encryptSecret(secret, sessionSecret),
      createdBy: userId,
    })
    .returning();
  return { ...toWebhook(row!), secret };
}

export async function updateWebhook(
  db: Db,
  workspaceId: string,
  id: string,
  patch: { url?: string; events?: WebhookEvent[]; active?: boolean },
): Promise<Webhook> {
  const [row] = await db
    .update(webhooks)
    .set({
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.events !== undefined ? { events: [...new Set(patch.events)] } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      updatedAt: new Date(),
    })
    .where(and(eq(webhooks.workspaceId, workspaceId), eq(webhooks.id, id)))
    .returning();
  if (!row) throw AppError.notFound('Webhook');
  return toWebhook(row);
}

export async function deleteWebhook(db: Db, workspaceId: string, id: string): Promise<{ id: string }> {
  const [row] = await db
    .delete(webhooks)
    .where(and(eq(webhooks.workspaceId, workspaceId), eq(webhooks.id, id)))
    .returning({ id: webhooks.id });
  if (!row) throw AppError.notFound('Webhook');
  return row;
}

/**
 * Queues `event` for every active webhook of the workspace subscribed to it, in the caller's transaction:
 * the delivery exists exactly when the change commits, and the request never waits for a receiver.
 */
export async function enqueueWebhookEvent(
  tx: Db,
  workspaceId: string,
  event: WebhookEvent,
  data: Record<string, unknown>,
): Promise<number> {
  const targets = await tx
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(
      and(
        eq(webhooks.workspaceId, workspaceId),
        eq(webhooks.active, true),
        arrayContains(webhooks.events, [event]),
      ),
    );
  if (!targets.length) return 0;
  const now = new Date();
  await tx.insert(webhookDeliveries).values(
    targets.map((t) => ({
      workspaceId,
      id: newId(),
      webhookId: t.id,
      event,
      payload: data,
      status: 'pending' as const,
      nextAttemptAt: now,
    })),
  );
  return targets.length;
}

/** "Send test": one delivery of `webhook.test` to this webhook only. */
export async function enqueueTestDelivery(db: Db, workspaceId: string, webhookId: string) {
  await getWebhook(db, workspaceId, webhookId);
  const id = newId();
  await db.insert(webhookDeliveries).values({
    workspaceId,
    id,
    webhookId,
    event: TEST_EVENT,
    payload: { message: 'A test delivery from Twofold' },
    status: 'pending',
    nextAttemptAt: new Date(),
  });
  return { id };
}

type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export const toDelivery = (d: DeliveryRow): WebhookDelivery => ({
  id: d.id,
  event: d.event,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
  lastStatusCode: d.lastStatusCode,
  lastResponseMs: d.lastResponseMs,
  lastError: d.lastError,
  deliveredAt: d.deliveredAt?.toISOString() ?? null,
  createdAt: d.createdAt.toISOString(),
});

/** The delivery log of one webhook, newest first (ids are time-ordered). */
export async function listDeliveries(
  db: Db,
  workspaceId: string,
  webhookId: string,
  query: { limit: number; cursor?: string },
): Promise<Page<WebhookDelivery>> {
  await getWebhook(db, workspaceId, webhookId);
  if (query.cursor !== undefined && !/^[0-9a-f-]{36}$/i.test(query.cursor)) {
    throw AppError.badField('cursor', 'is not a cursor this list returned');
  }
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.workspaceId, workspaceId),
        eq(webhookDeliveries.webhookId, webhookId),
        query.cursor ? lt(webhookDeliveries.id, query.cursor) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit).map(toDelivery);
  return { items, nextCursor: rows.length > query.limit ? (items[items.length - 1]?.id ?? null) : null };
}
