import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { type JobLoop, startJobLoop } from '../../platform/jobs';
import { refuseAddress } from './webhooks.address';
import { decryptSecret, signatureHeader } from './webhooks.secret';
import { webhookDeliveries, webhooks } from './webhooks.table';

export const MAX_ATTEMPTS = 6;
/** A leased delivery whose node died mid-call is tried again after this. */
const LEASE_MS = 5 * 60_000;
const TIMEOUT_MS = 10_000;
/** 2, 4, 8, 16, 32 minutes between attempts: about an hour of trying before a delivery is given up. */
export const backoffMs = (attempts: number) => 60_000 * 2 ** attempts;

export type WebhookWorkerDeps = { db: Db; sessionSecret: string; allowPrivate: boolean };

type Leased = {
  workspaceId: string;
  id: string;
  event: string;
  payload: unknown;
  createdAt: Date;
  attempts: number;
  url: string;
  secretEncrypted: string;
};

/** Claims one due delivery: locked FOR UPDATE SKIP LOCKED, leased and committed before any HTTP call. */
async function lease(db: Db, workspaceId: string, id: string, now: Date): Promise<Leased | null> {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const where = and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.id, id));
    const [row] = await tx
      .select()
      .from(webhookDeliveries)
      .where(and(where, eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
      .for('update', { skipLocked: true });
    if (!row) return null;
    const [hook] = await tx
      .select()
      .from(webhooks)
      .where(and(eq(webhooks.workspaceId, workspaceId), eq(webhooks.id, row.webhookId)));
    if (!hook?.active) {
      await tx
        .update(webhookDeliveries)
        .set({ status: 'failed', lastError: 'The webhook is paused' })
        .where(where);
      return null;
    }
    const attempts = row.attempts + 1;
    await tx
      .update(webhookDeliveries)
      .set({ attempts, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(where);
    return { ...row, attempts, url: hook.url, secretEncrypted: hook.secretEncrypted };
  });
}

/** One HTTP attempt; never throws. */
async function send(d: Leased, deps: WebhookWorkerDeps, now: Date) {
  const refused = await refuseAddress(d.url, deps.allowPrivate);
  if (refused) return { ok: false, status: null, ms: null, error: `The URL ${refused}` };
  const secret = decryptSecret(d.secretEncrypted, deps.sessionSecret);
  if (!secret)
    return {
      ok: false,
      status: null,
      ms: null,
      error: 'The secret is unreadable (SESSION_SECRET changed): create the webhook again',
    };
  const body = JSON.stringify({
    id: d.id,
    event: d.event,
    createdAt: d.createdAt.toISOString(),
    workspaceId: d.workspaceId,
    data: d.payload,
  });
  const started = performance.now();
  try {
    const res = await fetch(d.url, {
      method: 'POST',
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Twofold-Webhooks/1',
        'twofold-event': d.event,
        'twofold-delivery': d.id,
        'twofold-signature': signatureHeader(secret, body, now),
      },
    });
    await res.arrayBuffer().catch(() => undefined);
    const ms = Math.round(performance.now() - started);
    return {
      ok: res.status >= 200 && res.status < 300,
      status: res.status,
      ms,
      error: res.ok ? null : `HTTP ${res.status}`,
    };
  } catch (err) {
    const ms = Math.round(performance.now() - started);
    const timeout = (err as Error)?.name === 'TimeoutError';
    return {
      ok: false,
      status: null,
      ms,
      error: timeout ? 'No answer within 10 s' : String((err as Error)?.message ?? err).slice(0, 300),
    };
  }
}

/**
 * One pass: leases due deliveries (across workspaces, then each in its own), calls the receivers in
 * parallel outside any transaction, and records each outcome: delivered, or due again after a backoff,
 * or failed after MAX_ATTEMPTS. Returns how many were delivered.
 */
export async function runWebhookPass(deps: WebhookWorkerDeps, now: Date): Promise<number> {
  const { db } = deps;
  const due = await db
    .select({ workspaceId: webhookDeliveries.workspaceId, id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(20);
  const leased: Leased[] = [];
  for (const d of due) {
    const l = await lease(db, d.workspaceId, d.id, now);
    if (l) leased.push(l);
  }
  const outcomes = await Promise.all(
    leased.map(async (d) => {
      const r = await send(d, deps, now);
      const done = new Date();
      const status = r.ok ? 'delivered' : d.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
      await db
        .update(webhookDeliveries)
        .set({
          status,
          lastStatusCode: r.status,
          lastResponseMs: r.ms,
          lastError: r.error,
          deliveredAt: r.ok ? done : null,
          nextAttemptAt: new Date(now.getTime() + backoffMs(d.attempts)),
        })
        .where(
          and(
            eq(webhookDeliveries.workspaceId, d.workspaceId),
            eq(webhookDeliveries.id, d.id),
            eq(webhookDeliveries.attempts, d.attempts),
          ),
        );
      return r.ok;
    }),
  );
  return outcomes.filter(Boolean).length;
}

/** The delivery loop of every node: looks every 2 seconds, and at once when kicked ("Send test"). */
export function startWebhookDelivery(
  deps: WebhookWorkerDeps & { now: () => Date; log?: (m: string, e?: unknown) => void },
): JobLoop {
  return startJobLoop({
    intervalMs: 2_000,
    firstDelayMs: 1_000,
    pass: () => runWebhookPass(deps, deps.now()),
    log: deps.log,
  });
}
