import { and, asc, desc, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { type Member, roleAtLeast } from '../../platform/auth/actor';
import { users } from '../../platform/auth/auth.table';
import { iso } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { afterCursor, decodeKeysetCursor, toPage } from '../../platform/pagination';
import { indexForSearch, removeFromSearch, type SearchDoc } from '../search/search.index';
import type { CommunityEvent, EventInput, EventListQuery, EventPatch, RsvpResponse } from './events.contract';
import { eventRsvps, events } from './events.table';
import { recordAttendance } from './rsvps.store';

export type EventRow = typeof events.$inferSelect;
type Joined = { row: EventRow; creatorName: string | null };
type Extras = { counts: CommunityEvent['rsvps']; mine: RsvpResponse | null };

const noCounts = (): CommunityEvent['rsvps'] => ({ yes: 0, no: 0, maybe: 0, invited: 0 });

const toEvent = ({ row: r, creatorName }: Joined, x: Extras): CommunityEvent => ({
  id: r.id,
  title: r.title,
  startsAt: iso(r.startsAt),
  endsAt: iso(r.endsAt),
  location: r.location,
  description: r.description,
  audience: r.audience,
  notes: r.notes,
  createdBy: r.createdBy ? { id: r.createdBy, name: creatorName ?? 'Former member' } : null,
  rsvps: x.counts,
  myResponse: x.mine,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

export function eventSearchDoc(
  r: Pick<EventRow, 'id' | 'title' | 'description' | 'location' | 'startsAt' | 'audience'>,
): SearchDoc {
  return {
    kind: 'event',
    id: r.id,
    title: r.title,
    subtitle: [iso(r.startsAt).slice(0, 10), r.location].filter(Boolean).join(' · '),
    body: r.description,
    // Notes stay out of the index: they are ours, while a shared event is visible to clients.
    visibility: r.audience === 'internal' ? 'internal' : 'shared',
  };
}

const selection = { row: events, creatorName: users.name };

/** RSVP counts and the caller's own answer for a page of events, in two queries. */
async function extrasOf(db: Db, workspaceId: string, userId: string, ids: string[]) {
  const result = new Map<string, Extras>(ids.map((id) => [id, { counts: noCounts(), mine: null }]));
  if (ids.length === 0) return result;
  const scope = and(eq(eventRsvps.workspaceId, workspaceId), inArray(eventRsvps.eventId, ids));
  const [counts, mine] = await Promise.all([
    db
      .select({ eventId: eventRsvps.eventId, response: eventRsvps.response, n: sql<number>`count(*)::int` })
      .from(eventRsvps)
      .where(scope)
      .groupBy(eventRsvps.eventId, eventRsvps.response),
    db
      .select({ eventId: eventRsvps.eventId, response: eventRsvps.response })
      .from(eventRsvps)
      .where(and(scope, eq(eventRsvps.userId, userId))),
  ]);
  for (const c of counts) {
    const x = result.get(c.eventId)!;
    x.counts[c.response ?? 'invited'] += c.n;
  }
  for (const m of mine) result.get(m.eventId)!.mine = m.response;
  return result;
}

export async function listEvents(
  db: Db,
  workspaceId: string,
  userId: string,
  query: EventListQuery,
  now: Date,
) {
  // Upcoming reads forward from the soonest; past and all read backwards from the latest.
  const direction = query.when === 'upcoming' ? 'asc' : 'desc';
  const after = decodeKeysetCursor(query.cursor, [
    { expr: events.startsAt, type: 'timestamptz' },
    { expr: events.id, type: 'uuid' },
  ]);
  const order =
    direction === 'asc' ? [asc(events.startsAt), asc(events.id)] : [desc(events.startsAt), desc(events.id)];
  const rows = await db
    .select(selection)
    .from(events)
    .leftJoin(users, eq(users.id, events.createdBy))
    .where(
      and(
        eq(events.workspaceId, workspaceId),
        query.when === 'upcoming' ? gte(events.endsAt, now) : undefined,
        query.when === 'past' ? lt(events.endsAt, now) : undefined,
        query.audience ? eq(events.audience, query.audience) : undefined,
        after ? afterCursor([events.startsAt, events.id], after, direction) : undefined,
      ),
    )
    .orderBy(...order)
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [iso(r.row.startsAt), r.row.id]);
  const extras = await extrasOf(
    db,
    workspaceId,
    userId,
    page.items.map((r) => r.row.id),
  );
  return { items: page.items.map((r) => toEvent(r, extras.get(r.row.id)!)), nextCursor: page.nextCursor };
}

/** The row itself, for the stores that act on an event (RSVPs, invitations, the calendar file). */
export async function getEventRow(db: Db, workspaceId: string, id: string): Promise<EventRow> {
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.workspaceId, workspaceId), eq(events.id, id)))
    .limit(1);
  if (!row) throw AppError.notFound('Event');
  return row;
}

export async function getEvent(db: Db, workspaceId: string, userId: string, id: string) {
  const [row] = await db
    .select(selection)
    .from(events)
    .leftJoin(users, eq(users.id, events.createdBy))
    .where(and(eq(events.workspaceId, workspaceId), eq(events.id, id)))
    .limit(1);
  if (!row) throw AppError.notFound('Event');
  const extras = await extrasOf(db, workspaceId, userId, [id]);
  return toEvent(row, extras.get(id)!);
}

export async function createEvent(
  db: Db,
  workspaceId: string,
  createdBy: string,
  input: EventInput,
  now: Date,
): Promise<CommunityEvent> {
  const [row] = await db
    .insert(events)
    .values({
      workspaceId,
      id: newId(),
      title: input.title,
      description: input.description ?? null,
      location: input.location ?? null,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      audience: input.audience,
      createdBy,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await indexForSearch(db, workspaceId, eventSearchDoc(row!));
  return getEvent(db, workspaceId, createdBy, row!.id);
}

export async function updateEvent(
  db: Db,
  workspaceId: string,
  userId: string,
  id: string,
  patch: EventPatch,
  now: Date,
): Promise<CommunityEvent> {
  const [current] = await db
    .select()
    .from(events)
    .where(and(eq(events.workspaceId, workspaceId), eq(events.id, id)))
    .for('update');
  if (!current) throw AppError.notFound('Event');
  const startsAt = patch.startsAt !== undefined ? new Date(patch.startsAt) : current.startsAt;
  const endsAt = patch.endsAt !== undefined ? new Date(patch.endsAt) : current.endsAt;
  if (endsAt <= startsAt) throw AppError.badField('endsAt', 'must be after startsAt');
  const notesSaved = Boolean(patch.notes);
  if (notesSaved && startsAt > now)
    throw AppError.badField('notes', 'can be written once the event has started');
  const location = patch.location !== undefined ? patch.location : current.location;
  // Calendars apply an update only when SEQUENCE grows: bump it when the time or place moves.
  const moved =
    startsAt.getTime() !== current.startsAt.getTime() ||
    endsAt.getTime() !== current.endsAt.getTime() ||
    location !== current.location;
  const [row] = await db
    .update(events)
    .set({
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.audience !== undefined ? { audience: patch.audience } : {}),
      ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
      location,
      startsAt,
      endsAt,
      sequence: moved ? current.sequence + 1 : current.sequence,
      updatedAt: now,
    })
    .where(and(eq(events.workspaceId, workspaceId), eq(events.id, id)))
    .returning();
  await indexForSearch(db, workspaceId, eventSearchDoc(row!));
  if (notesSaved) await recordAttendance(db, workspaceId, row!, userId, now);
  return getEvent(db, workspaceId, userId, id);
}

/** Anyone may organise; cancelling an event is for its organiser or an admin. */
export async function deleteEvent(db: Db, actor: Member, id: string): Promise<{ id: string }> {
  const row = await getEventRow(db, actor.workspaceId, id);
  if (row.createdBy !== actor.userId && !roleAtLeast(actor.role, 'admin'))
    throw new AppError('forbidden', 'Only its organiser or an admin can delete this event');
  await db.delete(events).where(and(eq(events.workspaceId, actor.workspaceId), eq(events.id, id)));
  await removeFromSearch(db, actor.workspaceId, 'event', id);
  return { id };
}

/** A page of a workspace's events as search documents, in id order (for the backfill). */
export async function eventDocsAfter(db: Db, workspaceId: string, afterId: string | null, limit: number) {
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.workspaceId, workspaceId), afterId ? gt(events.id, afterId) : undefined))
    .orderBy(asc(events.id))
    .limit(limit);
  return rows.map(eventSearchDoc);
}
