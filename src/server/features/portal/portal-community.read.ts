// What a client contact sees of the provider's community: events open to clients or the community, the
// knowledge marked shared, and search over what is shared with their client. A read model over the
// events, RSVPs and knowledge tables, returning only the portal's own response types.
import { and, asc, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { iso } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { afterCursor, decodeKeysetCursor, toPage } from '../../platform/pagination';
import { eventRsvps, events } from '../community/events.table';
import { knowledgeItems } from '../knowledge/knowledge.table';
import { searchWorkspace } from '../search/search.store';
import type { PortalEvent, PortalKnowledge, PortalSearchHit } from './portal.contract';
import type { PortalViewer } from './portal-auth.store';

type Paging = { limit: number; cursor?: string };
const openToClients = inArray(events.audience, ['clients', 'community']);

async function toEvents(db: Db, v: PortalViewer, rows: Array<typeof events.$inferSelect>) {
  const ids = rows.map((r) => r.id);
  const mine =
    ids.length && v.contactId
      ? await db
          .select({ eventId: eventRsvps.eventId, response: eventRsvps.response })
          .from(eventRsvps)
          .where(
            and(
              eq(eventRsvps.workspaceId, v.workspaceId),
              inArray(eventRsvps.eventId, ids),
              eq(eventRsvps.contactId, v.contactId),
            ),
          )
      : [];
  return rows.map(
    (r): PortalEvent => ({
      id: r.id,
      title: r.title,
      description: r.description,
      location: r.location,
      startsAt: iso(r.startsAt),
      endsAt: iso(r.endsAt),
      audience: r.audience,
      myResponse: mine.find((m) => m.eventId === r.id)?.response ?? null,
    }),
  );
}

/** Upcoming events soonest first, past ones latest first; internal events never. */
export async function listPortalEvents(
  db: Db,
  v: PortalViewer,
  q: Paging & { when: 'upcoming' | 'past' },
  now: Date,
) {
  const dir = q.when === 'upcoming' ? 'asc' : 'desc';
  const after = decodeKeysetCursor(q.cursor, [
    { expr: events.startsAt, type: 'timestamptz' },
    { expr: events.id, type: 'uuid' },
  ]);
  const rows = await db
    .select()
    .from(events)
    .where(
      and(
        eq(events.workspaceId, v.workspaceId),
        openToClients,
        q.when === 'upcoming' ? gte(events.endsAt, now) : lt(events.endsAt, now),
        after ? afterCursor([events.startsAt, events.id], after, dir) : undefined,
      ),
    )
    .orderBy(
      ...(dir === 'asc' ? [asc(events.startsAt), asc(events.id)] : [desc(events.startsAt), desc(events.id)]),
    )
    .limit(q.limit + 1);
  const page = toPage(rows, q.limit, (r) => [iso(r.startsAt), r.id]);
  return { items: await toEvents(db, v, page.items), nextCursor: page.nextCursor };
}

/** The event row, if it is open to clients; an internal one is not found. */
export async function portalEventRow(db: Db, v: PortalViewer, id: string) {
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.workspaceId, v.workspaceId), eq(events.id, id), openToClients))
    .limit(1);
  if (!row) throw AppError.notFound('Event');
  return row;
}

export async function getPortalEvent(db: Db, v: PortalViewer, id: string): Promise<PortalEvent> {
  const [one] = await toEvents(db, v, [await portalEventRow(db, v, id)]);
  return one!;
}

/** Knowledge marked shared, most recently updated first. */
export async function listPortalKnowledge(db: Db, v: PortalViewer, q: Paging) {
  const after = decodeKeysetCursor(q.cursor, [
    { expr: knowledgeItems.updatedAt, type: 'timestamptz' },
    { expr: knowledgeItems.id, type: 'uuid' },
  ]);
  const rows = await db
    .select({
      id: knowledgeItems.id,
      title: knowledgeItems.title,
      body: knowledgeItems.body,
      tags: knowledgeItems.tags,
      updatedAt: knowledgeItems.updatedAt,
    })
    .from(knowledgeItems)
    .where(
      and(
        eq(knowledgeItems.workspaceId, v.workspaceId),
        eq(knowledgeItems.visibility, 'shared'),
        after ? afterCursor([knowledgeItems.updatedAt, knowledgeItems.id], after, 'desc') : undefined,
      ),
    )
    .orderBy(desc(knowledgeItems.updatedAt), desc(knowledgeItems.id))
    .limit(q.limit + 1);
  const page = toPage(rows, q.limit, (r) => [iso(r.updatedAt), r.id]);
  return {
    items: page.items.map((r): PortalKnowledge => ({ ...r, updatedAt: iso(r.updatedAt) })),
    nextCursor: page.nextCursor,
  };
}

/**
 * Search as the client: the search read model's contact audience keeps it to what is shared with this
 * client (their topics, shared knowledge, open events); the hit is rebuilt here with title and snippet only.
 */
export async function portalSearch(db: Db, v: PortalViewer, q: string): Promise<PortalSearchHit[]> {
  const groups = await searchWorkspace(db, v.workspaceId, {
    q,
    kinds: ['topic', 'knowledge', 'event'],
    limit: 10,
    audience: { kind: 'contact', clientId: v.clientId },
  });
  const hits: PortalSearchHit[] = [];
  for (const g of groups)
    for (const h of g.hits) {
      if (h.kind !== 'topic' && h.kind !== 'knowledge' && h.kind !== 'event') continue;
      hits.push({
        kind: h.kind,
        id: h.id,
        title: h.title,
        snippet: h.snippet,
        relationshipId: h.kind === 'topic' ? h.parentId : null,
      });
    }
  return hits;
}
