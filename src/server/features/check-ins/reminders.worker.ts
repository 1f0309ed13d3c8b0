import { and, asc, eq, lte } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/open';
import type { AppDeps } from '../../platform/deps';
import { type JobLoop, startJobLoop } from '../../platform/jobs';
import {
  type MailContext,
  type NotificationEvent,
  notify,
  workspaceLeads,
} from '../notifications/notifications.store';
import { checkInPath, formatWhen } from './check-ins.invite';
import { relationshipRef } from './check-ins.relationship';
import { checkIns } from './check-ins.table';
import { plantCadenceReminders } from './reminders';
import { checkInReminders } from './reminders.table';

type Reminder = typeof checkInReminders.$inferSelect;
export type ReminderHooks = {
  /** Called inside the claim transaction, after the row is locked and before anything is sent (tests). */
  afterClaim?: (reminder: Reminder) => void | Promise<void>;
};

const MAX_ATTEMPTS = 5;

/** "Mon 7 Dec 2026" for a YYYY-MM-DD. */
const formatDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** What to tell, or null when the reminder no longer applies (held, moved, rescheduled, paused…). */
async function eventFor(tx: Db, r: Reminder): Promise<NotificationEvent | null> {
  const rel = await relationshipRef(tx, r.workspaceId, r.relationshipId);
  const who = `${rel.client.name} (${rel.team.name})`;
  if (r.kind === 'check_in_upcoming' || r.kind === 'check_in_unrecorded') {
    const [c] = await tx
      .select()
      .from(checkIns)
      .where(and(eq(checkIns.workspaceId, r.workspaceId), eq(checkIns.id, r.checkInId ?? r.id)))
      .limit(1);
    if (c?.status !== 'scheduled') return null;
    const when = formatWhen(c.scheduledFor);
    const link = checkInPath(r.workspaceId, rel.id, c.id);
    return r.kind === 'check_in_upcoming'
      ? {
          kind: r.kind,
          title: `Check-in with ${rel.client.name} tomorrow`,
          body: `The partner check-in with ${who} is on ${when}. Fill in our side beforehand: how our business is doing, where we have room, further topics and ways of working.`,
          link,
          relationshipId: rel.id,
          checkInId: c.id,
        }
      : {
          kind: r.kind,
          title: `Was the check-in with ${rel.client.name} held?`,
          body: `The partner check-in with ${who} planned for ${when} is not marked held or skipped yet. Record it, so the next due date moves.`,
          link,
          relationshipId: rel.id,
          checkInId: c.id,
        };
  }
  if (rel.status !== 'active' || !r.dueOn || rel.nextCheckInDue !== r.dueOn) return null;
  const [scheduled] = await tx
    .select({ id: checkIns.id })
    .from(checkIns)
    .where(
      and(
        eq(checkIns.workspaceId, r.workspaceId),
        eq(checkIns.relationshipId, rel.id),
        eq(checkIns.status, 'scheduled'),
      ),
    )
    .limit(1);
  if (scheduled) return null;
  const link = `/w/${r.workspaceId}/relationships/${rel.id}`;
  return r.kind === 'check_in_due'
    ? {
        kind: r.kind,
        title: `Check-in with ${rel.client.name} due ${formatDay(r.dueOn)}`,
        body: `A partner check-in with ${who} is due on ${formatDay(r.dueOn)} and none is scheduled yet. Schedule it, so it does not slip.`,
        link,
        relationshipId: rel.id,
      }
    : {
        kind: r.kind,
        title: `Check-in with ${rel.client.name} is overdue`,
        body: `A partner check-in with ${who} was due on ${formatDay(r.dueOn)}. Schedule one, or hold it and record it.`,
        link,
        relationshipId: rel.id,
      };
}

/** Sends one claimed reminder in the claim's transaction: the notification rows and the emails commit with it. */
async function deliver(tx: Db, r: Reminder, mail: MailContext): Promise<'sent' | 'cancelled'> {
  const event = await eventFor(tx, r);
  if (!event) return 'cancelled';
  const rel = await relationshipRef(tx, r.workspaceId, r.relationshipId);
  const to = rel.owner ? [rel.owner.id] : await workspaceLeads(tx, r.workspaceId);
  await notify(tx, r.workspaceId, to, { ...event, dedupeKey: `reminder:${r.id}` }, mail);
  return 'sent';
}

/**
 * One pass: plants cadence reminders, then claims every due reminder and sends it once. The claim is two
 * steps (Citus-ready, docs/scale.md): due ids are read across workspaces without locks, then each is
 * locked in its workspace with FOR UPDATE SKIP LOCKED. Locking, sending (notification + outbox mail) and
 * marking it sent are one transaction: a crash before the commit leaves it pending for the next pass, and
 * after the commit the mail outbox owns delivery. Returns how many reminders were sent.
 */
export async function runReminderPass(
  deps: { db: Db; mail: MailContext },
  now: Date,
  hooks: ReminderHooks = {},
): Promise<number> {
  const { db } = deps;
  await plantCadenceReminders(db, now);
  let sent = 0;
  for (let round = 0; round < 20; round++) {
    const due = await db
      .select({ workspaceId: checkInReminders.workspaceId, id: checkInReminders.id })
      .from(checkInReminders)
      .where(and(eq(checkInReminders.status, 'pending'), lte(checkInReminders.runAt, now)))
      .orderBy(asc(checkInReminders.runAt))
      .limit(50);
    let progressed = false;
    for (const candidate of due) {
      const where = and(
        eq(checkInReminders.workspaceId, candidate.workspaceId),
        eq(checkInReminders.id, candidate.id),
      );
      try {
        const outcome = await db.transaction(async (t) => {
          const tx = t as unknown as Db;
          const [row] = await tx
            .select()
            .from(checkInReminders)
            .where(and(where, eq(checkInReminders.status, 'pending'), lte(checkInReminders.runAt, now)))
            .for('update', { skipLocked: true });
          if (!row) return 'taken' as const;
          await hooks.afterClaim?.(row);
          const result = await deliver(tx, row, deps.mail);
          await tx
            .update(checkInReminders)
            .set({ status: result, attempts: row.attempts + 1, sentAt: result === 'sent' ? now : null })
            .where(where);
          return result;
        });
        if (outcome === 'sent') sent++;
        if (outcome !== 'taken') progressed = true;
      } catch (err) {
        // Nothing of the failed attempt committed; try again later, then give up.
        const [row] = await db
          .select({ attempts: checkInReminders.attempts })
          .from(checkInReminders)
          .where(where);
        const attempts = (row?.attempts ?? 0) + 1;
        await db
          .update(checkInReminders)
          .set({
            attempts,
            status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
            lastError: String((err as Error)?.message ?? err).slice(0, 500),
            runAt: new Date(now.getTime() + 2 ** attempts * 60_000),
          })
          .where(and(where, eq(checkInReminders.status, 'pending')));
        progressed = true;
      }
    }
    if (!progressed) break;
  }
  return sent;
}

/**
 * Runs the reminder pass in the background of every app node: first shortly after start (catching up on
 * anything that fell due while no node ran), then every minute. Reminders are read from the table, so
 * a restart loses nothing.
 */
export function checkInReminderWorker(app: FastifyInstance, deps: AppDeps): void {
  let loop: JobLoop | undefined;
  const mail: MailContext = { publicUrl: deps.config.publicUrl, smtp: Boolean(deps.config.smtpUrl) };
  app.addHook('onReady', async () => {
    loop = startJobLoop({
      intervalMs: 60_000,
      firstDelayMs: 15_000,
      pass: async () => {
        const sent = await runReminderPass({ db: deps.db, mail }, deps.now());
        if (sent > 0) deps.mail.kick();
        return sent;
      },
      log: (msg, err) => app.log.error({ err }, msg),
    });
  });
  app.addHook('onClose', async () => {
    await loop?.stop();
  });
}
