import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { users } from '../../platform/auth/auth.table';
import { iso, isoOrNull } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { afterCursor, decodeCursor, toPage } from '../../platform/pagination';
import { contacts } from '../clients/clients.table';
import { refreshHealth } from '../health/health.store';
import type { MailContext } from '../notifications/notifications.store';
import { recordCheckInHeld } from '../relationships/relationships.store';
import { enqueueWebhookEvent } from '../webhooks/webhooks.store';
import { currentAgenda } from './agenda.store';
import type {
  CheckIn,
  CheckInInput,
  CheckInListQuery,
  CheckInPatch,
  Context,
  ContextInput,
  ContextSide,
} from './check-ins.contract';
import { sendInvites } from './check-ins.invite';
import { type RelationshipRef, relationshipRef, userRef } from './check-ins.relationship';
import { type CheckInAttendee, checkInContexts, checkIns } from './check-ins.table';
import { cancelCheckInReminders, planCheckInReminders } from './reminders';

type Row = typeof checkIns.$inferSelect;
type ContextRow = typeof checkInContexts.$inferSelect;
type Joined = { row: Row; creatorName: string | null };

const toContext = (r: ContextRow): Context => ({
  businessUpdate: r.businessUpdate,
  unusedCapacity: r.unusedCapacity,
  furtherTopics: r.furtherTopics,
  waysOfWorking: r.waysOfWorking,
  filledBy: { kind: r.filledByKind, name: r.filledByName },
  updatedAt: iso(r.updatedAt),
});

function toCheckIn(j: Joined, rel: RelationshipRef, contexts: ContextRow[]): CheckIn {
  const r = j.row;
  const side = (s: ContextSide) => contexts.find((c) => c.checkInId === r.id && c.side === s);
  const provider = side('provider');
  const client = side('client');
  return {
    id: r.id,
    relationshipId: r.relationshipId,
    relationship: {
      id: rel.id,
      client: rel.client,
      team: rel.team,
      owner: rel.owner ? { id: rel.owner.id, name: rel.owner.name } : null,
    },
    scheduledFor: iso(r.scheduledFor),
    durationMinutes: r.durationMinutes,
    status: r.status,
    heldAt: isoOrNull(r.heldAt),
    notes: r.notes,
    agenda: r.agenda,
    attendees: r.attendees,
    sequence: r.sequence,
    context: { provider: provider ? toContext(provider) : null, client: client ? toContext(client) : null },
    createdBy: r.createdBy ? { id: r.createdBy, name: j.creatorName ?? 'Former member' } : null,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

const scope = (workspaceId: string, relationshipId: string) =>
  and(eq(checkIns.workspaceId, workspaceId), eq(checkIns.relationshipId, relationshipId));

async function contextsOf(db: Db, workspaceId: string, ids: string[]): Promise<ContextRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(checkInContexts)
    .where(and(eq(checkInContexts.workspaceId, workspaceId), inArray(checkInContexts.checkInId, ids)));
}

const selection = { row: checkIns, creatorName: users.name };

/** A relationship's check-ins, latest date first. */
export async function listCheckIns(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  query: CheckInListQuery,
) {
  const rel = await relationshipRef(db, workspaceId, relationshipId);
  const after = decodeCursor(query.cursor, 2);
  const rows = await db
    .select(selection)
    .from(checkIns)
    .leftJoin(users, eq(users.id, checkIns.createdBy))
    .where(
      and(
        scope(workspaceId, relationshipId),
        query.status ? eq(checkIns.status, query.status) : undefined,
        after ? afterCursor([checkIns.scheduledFor, checkIns.id], after, 'desc') : undefined,
      ),
    )
    .orderBy(desc(checkIns.scheduledFor), desc(checkIns.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [iso(r.row.scheduledFor), r.row.id]);
  const contexts = await contextsOf(
    db,
    workspaceId,
    page.items.map((r) => r.row.id),
  );
  return { items: page.items.map((j) => toCheckIn(j, rel, contexts)), nextCursor: page.nextCursor };
}

async function findRow(db: Db, workspaceId: string, relationshipId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(checkIns)
    .where(and(scope(workspaceId, relationshipId), eq(checkIns.id, id)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw AppError.notFound('Check-in');
  return row;
}

/** For features that hang things off a check-in (topics): the check-in must be this relationship's. */
export async function assertCheckIn(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  id: string,
  field = 'checkInId',
): Promise<void> {
  const [row] = await db
    .select({ id: checkIns.id })
    .from(checkIns)
    .where(and(scope(workspaceId, relationshipId), eq(checkIns.id, id)))
    .limit(1);
  if (!row) throw AppError.badField(field, 'is not a check-in of this relationship');
}

export async function getCheckIn(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  id: string,
): Promise<CheckIn> {
  const rel = await relationshipRef(db, workspaceId, relationshipId);
  const [j] = await db
    .select(selection)
    .from(checkIns)
    .leftJoin(users, eq(users.id, checkIns.createdBy))
    .where(and(scope(workspaceId, relationshipId), eq(checkIns.id, id)))
    .limit(1);
  if (!j) throw AppError.notFound('Check-in');
  return toCheckIn(j, rel, await contextsOf(db, workspaceId, [id]));
}

/** The partner lead organises; whoever schedules it is invited too; then the client's contacts. */
async function attendeesFor(
  db: Db,
  workspaceId: string,
  rel: RelationshipRef,
  scheduledBy: string,
  contactIds: string[] | undefined,
): Promise<CheckInAttendee[]> {
  const scheduler = await userRef(db, scheduledBy);
  const lead = rel.owner ?? scheduler;
  const people: CheckInAttendee[] = [{ name: lead.name, email: lead.email, kind: 'owner' }];
  if (lead.id !== scheduler.id) people.push({ name: scheduler.name, email: scheduler.email, kind: 'member' });
  const wanted = contactIds ? [...new Set(contactIds)] : undefined;
  const rows =
    wanted?.length === 0
      ? []
      : await db
          .select({ id: contacts.id, name: contacts.name, email: contacts.email })
          .from(contacts)
          .where(
            and(
              eq(contacts.workspaceId, workspaceId),
              eq(contacts.clientId, rel.clientId),
              wanted ? inArray(contacts.id, wanted) : undefined,
            ),
          )
          .orderBy(contacts.name)
          .limit(50);
  if (wanted && rows.length !== wanted.length)
    throw AppError.badField('contactIds', "names someone who is not a contact of the relationship's client");
  const seen = new Set(people.map((p) => p.email.toLowerCase()));
  for (const c of rows) {
    if (seen.has(c.email.toLowerCase())) continue;
    seen.add(c.email.toLowerCase());
    people.push({ name: c.name, email: c.email, kind: 'contact' });
  }
  return people;
}

export async function scheduleCheckIn(
  db: Db,
  workspaceId: string,
  scheduledBy: string,
  relationshipId: string,
  input: CheckInInput,
  now: Date,
  mail: MailContext,
): Promise<CheckIn> {
  const rel = await relationshipRef(db, workspaceId, relationshipId);
  if (rel.status === 'ended')
    throw new AppError('conflict', 'This relationship has ended; set it active again to plan check-ins');
  const id = newId();
  const [row] = await db
    .insert(checkIns)
    .values({
      workspaceId,
      id,
      relationshipId,
      scheduledFor: new Date(input.scheduledFor),
      durationMinutes: input.durationMinutes ?? 60,
      status: 'scheduled',
      agenda: await currentAgenda(db, workspaceId),
      attendees: await attendeesFor(db, workspaceId, rel, scheduledBy, input.contactIds),
      createdBy: scheduledBy,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await planCheckInReminders(db, workspaceId, row!, now);
  if (input.sendInvites !== false && row!.scheduledFor > now)
    await sendInvites(db, workspaceId, row!, rel, 'REQUEST', mail);
  return getCheckIn(db, workspaceId, relationshipId, id);
}

const MINUTE = 60_000;

export async function updateCheckIn(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  id: string,
  patch: CheckInPatch,
  now: Date,
  mail: MailContext,
): Promise<CheckIn> {
  const row = await findRow(db, workspaceId, relationshipId, id, true);
  const status = patch.status ?? row.status;
  if (row.status !== 'scheduled' && status !== row.status)
    throw new AppError('conflict', `This check-in was ${row.status}; that stays as it is`, [
      { path: 'status', message: `the check-in was already ${row.status}` },
    ]);
  const moves =
    (patch.scheduledFor !== undefined &&
      new Date(patch.scheduledFor).getTime() !== row.scheduledFor.getTime()) ||
    (patch.durationMinutes !== undefined && patch.durationMinutes !== row.durationMinutes);
  if (moves && (row.status !== 'scheduled' || status !== 'scheduled'))
    throw new AppError('conflict', 'Only a scheduled check-in can move', [
      { path: 'scheduledFor', message: 'only a scheduled check-in can move' },
    ]);
  if (patch.heldAt !== undefined && status !== 'held')
    throw AppError.badField('heldAt', 'is only for a held check-in');
  const notes = patch.notes === undefined ? row.notes : patch.notes || null;
  if (status === 'skipped' && !notes) throw AppError.badField('notes', 'say why the check-in was skipped');

  let heldAt = row.heldAt;
  if (status === 'held') {
    heldAt = patch.heldAt ? new Date(patch.heldAt) : (row.heldAt ?? now);
    // A few minutes of clock difference between a browser and the server is not "the future".
    if (heldAt.getTime() > now.getTime() + 5 * MINUTE)
      throw AppError.badField('heldAt', 'cannot be in the future');
  }
  const [updated] = await db
    .update(checkIns)
    .set({
      status,
      heldAt,
      notes,
      ...(moves
        ? {
            scheduledFor: patch.scheduledFor ? new Date(patch.scheduledFor) : row.scheduledFor,
            durationMinutes: patch.durationMinutes ?? row.durationMinutes,
            sequence: row.sequence + 1,
          }
        : {}),
      updatedAt: now,
    })
    .where(and(scope(workspaceId, relationshipId), eq(checkIns.id, id)))
    .returning();
  if (status === 'held' && heldAt) await recordCheckInHeld(db, workspaceId, relationshipId, heldAt);
  if (status === 'held' && row.status !== 'held') {
    await enqueueWebhookEvent(db, workspaceId, 'check_in.held', {
      relationshipId,
      checkInId: id,
      heldAt: heldAt?.toISOString() ?? null,
    });
  }
  if (status !== 'scheduled' || moves) await cancelCheckInReminders(db, workspaceId, id);
  if (moves) {
    await planCheckInReminders(db, workspaceId, updated!, now);
    // Everyone invited gets the update: same UID, higher SEQUENCE.
    if (updated!.scheduledFor > now)
      await sendInvites(
        db,
        workspaceId,
        updated!,
        await relationshipRef(db, workspaceId, relationshipId),
        'REQUEST',
        mail,
      );
  }
  // Holding (or skipping) one, or correcting when it was held, moves cadence.
  if (status !== row.status || status === 'held') await refreshHealth(db, workspaceId, [relationshipId], now);
  return getCheckIn(db, workspaceId, relationshipId, id);
}

/** A held check-in is history and stays; a scheduled one is cancelled in everyone's calendar. */
export async function deleteCheckIn(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  id: string,
  now: Date,
  mail: MailContext,
): Promise<{ id: string }> {
  const row = await findRow(db, workspaceId, relationshipId, id, true);
  if (row.status === 'held')
    throw new AppError('conflict', 'A held check-in is part of the history and cannot be deleted');
  if (row.status === 'scheduled' && row.scheduledFor > now) {
    const rel = await relationshipRef(db, workspaceId, relationshipId);
    await sendInvites(db, workspaceId, { ...row, sequence: row.sequence + 1 }, rel, 'CANCEL', mail);
  }
  await db.delete(checkIns).where(and(scope(workspaceId, relationshipId), eq(checkIns.id, id)));
  return { id };
}

/**
 * One side's context. Our side is ours; through the workspace API their side is filled by us on their
 * behalf (marked so); a client contact fills their own side in the portal (`filledBy` is then the contact).
 */
export async function saveContext(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  id: string,
  side: ContextSide,
  filledBy: string | { contactId: string; name: string },
  input: ContextInput,
  now: Date,
): Promise<CheckIn> {
  await findRow(db, workspaceId, relationshipId, id);
  const contact = typeof filledBy === 'string' ? null : filledBy;
  if (contact && side !== 'client') throw AppError.badField('side', 'a client contact fills the client side');
  const person = contact ? null : await userRef(db, filledBy as string);
  const values = {
    businessUpdate: input.businessUpdate,
    unusedCapacity: input.unusedCapacity,
    furtherTopics: input.furtherTopics,
    waysOfWorking: input.waysOfWorking,
    filledByKind: contact
      ? ('client' as const)
      : side === 'provider'
        ? ('provider' as const)
        : ('provider_on_behalf' as const),
    filledByUserId: person?.id ?? null,
    filledByContactId: contact?.contactId ?? null,
    filledByName: person?.name ?? contact!.name,
    updatedAt: now,
  };
  await db
    .insert(checkInContexts)
    .values({ workspaceId, id: newId(), checkInId: id, side, ...values })
    .onConflictDoUpdate({
      target: [checkInContexts.workspaceId, checkInContexts.checkInId, checkInContexts.side],
      set: values,
    });
  await db
    .update(checkIns)
    .set({ updatedAt: now })
    .where(and(scope(workspaceId, relationshipId), eq(checkIns.id, id)));
  return getCheckIn(db, workspaceId, relationshipId, id);
}

/** The raw row and its relationship, for the .ics download. */
export async function checkInForCalendar(db: Db, workspaceId: string, relationshipId: string, id: string) {
  const rel = await relationshipRef(db, workspaceId, relationshipId);
  return { row: await findRow(db, workspaceId, relationshipId, id), rel };
}
