// Who is invited to an event and who comes: members answer for themselves, client contacts from the
// portal (or a member records their answer). Attending contacts leave an `event` touchpoint behind.
import { and, asc, eq, inArray, isNull, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { memberships, users } from '../../platform/auth/auth.table';
import { iso, isoOrNull } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { afterCursor, decodeCursor, toPage } from '../../platform/pagination';
import { clients, contacts } from '../clients/clients.table';
import { relationships } from '../relationships/relationships.table';
import { createTouchpoint } from '../touchpoints/touchpoints.store';
import type { Attendee, InvitationInput, RsvpListQuery, RsvpResponse } from './events.contract';
import type { EventRow } from './events.store';
import { eventRsvps } from './events.table';

export type Respondent = { userId: string } | { contactId: string };

function joined(db: Db, workspaceId: string) {
  return db
    .select({
      r: eventRsvps,
      userName: users.name,
      userEmail: users.email,
      contactName: contacts.name,
      contactEmail: contacts.email,
      clientId: clients.id,
      clientName: clients.name,
    })
    .from(eventRsvps)
    .leftJoin(users, eq(users.id, eventRsvps.userId))
    .leftJoin(contacts, and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, eventRsvps.contactId)))
    .leftJoin(clients, and(eq(clients.workspaceId, workspaceId), eq(clients.id, contacts.clientId)))
    .$dynamic();
}
type Joined = Awaited<ReturnType<ReturnType<typeof joined>['execute']>>[number];

const toAttendee = (j: Joined): Attendee => {
  const isMember = j.r.userId !== null;
  return {
    id: j.r.id,
    kind: isMember ? 'member' : 'contact',
    personId: (isMember ? j.r.userId : j.r.contactId)!,
    name: (isMember ? j.userName : j.contactName) ?? 'Former member',
    email: (isMember ? j.userEmail : j.contactEmail) ?? '',
    client: j.clientId && j.clientName ? { id: j.clientId, name: j.clientName } : null,
    response: j.r.response,
    invitedAt: isoOrNull(j.r.invitedAt),
    respondedAt: isoOrNull(j.r.respondedAt),
  };
};

const ofEvent = (workspaceId: string, eventId: string) =>
  and(eq(eventRsvps.workspaceId, workspaceId), eq(eventRsvps.eventId, eventId));

async function attendeesWhere(db: Db, workspaceId: string, where: SQL | undefined): Promise<Attendee[]> {
  const rows = await joined(db, workspaceId)
    .where(and(eq(eventRsvps.workspaceId, workspaceId), where))
    .orderBy(asc(eventRsvps.id));
  return rows.map(toAttendee);
}

/** Everyone invited or answering, in the order they were added. */
export async function listRsvps(db: Db, workspaceId: string, eventId: string, query: RsvpListQuery) {
  const after = decodeCursor(query.cursor, 1);
  const rows = await joined(db, workspaceId)
    .where(
      and(
        ofEvent(workspaceId, eventId),
        query.response ? eq(eventRsvps.response, query.response) : undefined,
        after ? afterCursor([eventRsvps.id], after, 'asc') : undefined,
      ),
    )
    .orderBy(asc(eventRsvps.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.r.id]);
  return { items: page.items.map(toAttendee), nextCursor: page.nextCursor };
}

/** Contacts come only to events open to clients; the contact must be one of this workspace's. */
async function assertContactMayCome(db: Db, workspaceId: string, event: EventRow, contactIds: string[]) {
  if (contactIds.length === 0) return;
  if (event.audience === 'internal')
    throw AppError.badField('contactIds', 'this event is internal; open it to clients to invite contacts');
  const found = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, contactIds)));
  if (found.length !== new Set(contactIds).size)
    throw AppError.badField('contactIds', 'names someone who is not a contact in this workspace');
}

/** Records (or changes) one person's answer. One row per person and event. */
export async function respond(
  db: Db,
  workspaceId: string,
  event: EventRow,
  who: Respondent,
  response: RsvpResponse,
  /** The member acting (themselves, or recording a contact's answer): the author of any touchpoint; null from the portal. */
  actingUserId: string | null,
  now: Date,
): Promise<{ attendee: Attendee; created: boolean }> {
  const isContact = 'contactId' in who;
  if (isContact) {
    try {
      await assertContactMayCome(db, workspaceId, event, [who.contactId]);
    } catch (err) {
      // The same rule, named after this request's field.
      if (err instanceof AppError)
        throw AppError.badField('contactId', err.errors[0]?.message ?? err.message);
      throw err;
    }
  }
  const person = isContact ? eq(eventRsvps.contactId, who.contactId) : eq(eventRsvps.userId, who.userId);
  const [existing] = await db
    .select({ id: eventRsvps.id })
    .from(eventRsvps)
    .where(and(ofEvent(workspaceId, event.id), person))
    .limit(1)
    .for('update');
  let id = existing?.id;
  if (id) {
    await db
      .update(eventRsvps)
      .set({ response, respondedAt: now })
      .where(and(eq(eventRsvps.workspaceId, workspaceId), eq(eventRsvps.id, id)));
  } else {
    id = newId();
    await db.insert(eventRsvps).values({
      workspaceId,
      id,
      eventId: event.id,
      userId: isContact ? null : who.userId,
      contactId: isContact ? who.contactId : null,
      response,
      respondedAt: now,
      createdAt: now,
    });
  }
  // Someone saying yes after the notes were written still counts as having come.
  if (isContact && response === 'yes' && event.notes && event.startsAt <= now)
    await recordAttendance(db, workspaceId, event, actingUserId, now);
  const [attendee] = await attendeesWhere(db, workspaceId, eq(eventRsvps.id, id));
  return { attendee: attendee!, created: !existing };
}

/** Adds invitations for the people named; those already on the list are counted, not invited twice. */
export async function invite(
  db: Db,
  workspaceId: string,
  event: EventRow,
  input: InvitationInput,
  now: Date,
): Promise<{ invited: Attendee[]; alreadyInvited: number }> {
  const memberIds = [...new Set(input.memberIds ?? [])];
  const contactIds = [...new Set(input.contactIds ?? [])];
  if (memberIds.length > 0) {
    const found = await db
      .select({ id: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, memberIds)));
    if (found.length !== memberIds.length)
      throw AppError.badField('memberIds', 'names someone who is not a member of this workspace');
  }
  await assertContactMayCome(db, workspaceId, event, contactIds);

  const present = await db
    .select({ userId: eventRsvps.userId, contactId: eventRsvps.contactId })
    .from(eventRsvps)
    .where(ofEvent(workspaceId, event.id));
  const haveUser = new Set(present.map((p) => p.userId));
  const haveContact = new Set(present.map((p) => p.contactId));
  const rows = [
    ...memberIds
      .filter((u) => !haveUser.has(u))
      .map((userId) => ({ userId, contactId: null as string | null })),
    ...contactIds
      .filter((c) => !haveContact.has(c))
      .map((contactId) => ({ userId: null as string | null, contactId })),
  ].map((p) => ({ workspaceId, id: newId(), eventId: event.id, ...p, invitedAt: now, createdAt: now }));
  if (rows.length > 0) await db.insert(eventRsvps).values(rows);
  const invited =
    rows.length === 0
      ? []
      : await attendeesWhere(
          db,
          workspaceId,
          inArray(
            eventRsvps.id,
            rows.map((r) => r.id),
          ),
        );
  return { invited, alreadyInvited: memberIds.length + contactIds.length - rows.length };
}

/**
 * Each client contact who said yes leaves one `event` touchpoint on every running (not ended)
 * relationship with their client — once per contact and event, however often this runs.
 */
export async function recordAttendance(
  db: Db,
  workspaceId: string,
  event: EventRow,
  recordedBy: string | null,
  now: Date,
): Promise<number> {
  const attending = await db
    .select({ id: eventRsvps.id, name: contacts.name, clientId: contacts.clientId })
    .from(eventRsvps)
    .innerJoin(contacts, and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, eventRsvps.contactId)))
    .where(
      and(ofEvent(workspaceId, event.id), eq(eventRsvps.response, 'yes'), isNull(eventRsvps.touchpointAt)),
    )
    .orderBy(asc(contacts.name), asc(eventRsvps.id));
  if (attending.length === 0) return 0;
  const namesByClient = new Map<string, string[]>();
  for (const a of attending)
    namesByClient.set(a.clientId, [...(namesByClient.get(a.clientId) ?? []), a.name]);
  const served = await db
    .select({ id: relationships.id, clientId: relationships.clientId })
    .from(relationships)
    .where(
      and(
        eq(relationships.workspaceId, workspaceId),
        inArray(relationships.clientId, [...namesByClient.keys()]),
        ne(relationships.status, 'ended'),
      ),
    );
  for (const rel of served) {
    const names = namesByClient.get(rel.clientId)!.join(', ');
    await createTouchpoint(
      db,
      workspaceId,
      rel.id,
      recordedBy,
      {
        kind: 'event',
        initiatedBy: 'provider',
        occurredAt: iso(event.startsAt),
        summary: `Came to “${event.title}”: ${names}`.slice(0, 2000),
        discoveries: null,
        visibility: event.audience === 'internal' ? 'internal' : 'shared',
      },
      now,
    );
  }
  await db
    .update(eventRsvps)
    .set({ touchpointAt: now })
    .where(
      and(
        eq(eventRsvps.workspaceId, workspaceId),
        inArray(
          eventRsvps.id,
          attending.map((a) => a.id),
        ),
      ),
    );
  return served.length;
}
