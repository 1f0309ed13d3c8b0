import { and, eq, lte, notExists, sql } from 'drizzle-orm';
import {
  addDays,
  cadenceReminder,
  checkInReminderTimes,
  DUE_SOON_DAYS,
  isoDay,
} from '../../../domain/cadence';
import type { Db } from '../../db/open';
import { newId } from '../../platform/ids';
import { relationships } from '../relationships/relationships.table';
import { checkIns } from './check-ins.table';
import { checkInReminders } from './reminders.table';

// Planting reminders: rows with a due time. Planting the same reminder twice does nothing (dedupe key),
// and the worker (reminders.worker.ts) re-checks on sending that it still applies.

/** A scheduled check-in gets a reminder the day before and one the day after (if nobody recorded it). */
export async function planCheckInReminders(
  db: Db,
  workspaceId: string,
  checkIn: { id: string; relationshipId: string; scheduledFor: Date; sequence: number },
  now: Date,
): Promise<void> {
  const { upcoming, unrecorded } = checkInReminderTimes(checkIn.scheduledFor, now);
  const base = {
    workspaceId,
    relationshipId: checkIn.relationshipId,
    checkInId: checkIn.id,
    status: 'pending' as const,
  };
  const rows: (typeof checkInReminders.$inferInsert)[] = [
    {
      ...base,
      id: newId(),
      kind: 'check_in_unrecorded',
      dedupeKey: `unrecorded:${checkIn.id}:${checkIn.sequence}`,
      runAt: unrecorded,
    },
  ];
  if (upcoming)
    rows.push({
      ...base,
      id: newId(),
      kind: 'check_in_upcoming',
      dedupeKey: `upcoming:${checkIn.id}:${checkIn.sequence}`,
      runAt: upcoming,
    });
  await db.insert(checkInReminders).values(rows).onConflictDoNothing();
}

/** Held, skipped or moved: the reminders planted for it no longer apply. */
export async function cancelCheckInReminders(db: Db, workspaceId: string, checkInId: string): Promise<void> {
  await db
    .update(checkInReminders)
    .set({ status: 'cancelled' })
    .where(
      and(
        eq(checkInReminders.workspaceId, workspaceId),
        eq(checkInReminders.checkInId, checkInId),
        eq(checkInReminders.status, 'pending'),
      ),
    );
}

/**
 * The cadence sweep: every active relationship whose check-in is due within days (or overdue) and that has
 * none scheduled gets one reminder per due date and kind. Reads across workspaces (like the mail loop), then
 * writes each reminder in its own workspace. Returns how many it planted.
 */
export async function plantCadenceReminders(db: Db, now: Date, limit = 500): Promise<number> {
  const today = isoDay(now);
  const horizon = addDays(today, DUE_SOON_DAYS);
  const prefix = sql`(case when ${relationships.nextCheckInDue} < ${today}::date then 'overdue' else 'due' end)`;
  const key = sql<string>`${prefix} || ':' || ${relationships.id}::text || ':' || ${relationships.nextCheckInDue}::text`;
  const candidates = await db
    .select({
      workspaceId: relationships.workspaceId,
      id: relationships.id,
      due: relationships.nextCheckInDue,
    })
    .from(relationships)
    .where(
      and(
        eq(relationships.status, 'active'),
        lte(relationships.nextCheckInDue, horizon),
        notExists(
          db
            .select({ one: sql`1` })
            .from(checkIns)
            .where(
              and(
                eq(checkIns.workspaceId, relationships.workspaceId),
                eq(checkIns.relationshipId, relationships.id),
                eq(checkIns.status, 'scheduled'),
              ),
            ),
        ),
        notExists(
          db
            .select({ one: sql`1` })
            .from(checkInReminders)
            .where(
              and(
                eq(checkInReminders.workspaceId, relationships.workspaceId),
                eq(checkInReminders.dedupeKey, key),
              ),
            ),
        ),
      ),
    )
    .limit(limit);
  let planted = 0;
  for (const c of candidates) {
    const which = cadenceReminder(c.due, now, false);
    if (!which || !c.due) continue;
    const rows = await db
      .insert(checkInReminders)
      .values({
        workspaceId: c.workspaceId,
        id: newId(),
        kind: which === 'due' ? 'check_in_due' : 'check_in_overdue',
        relationshipId: c.id,
        dueOn: c.due,
        dedupeKey: `${which}:${c.id}:${c.due}`,
        runAt: now,
        status: 'pending',
      })
      .onConflictDoNothing()
      .returning({ id: checkInReminders.id });
    planted += rows.length;
  }
  return planted;
}
