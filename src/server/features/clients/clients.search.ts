// How clients and contacts appear in search: one document each, written by their stores on every write
// and read in bulk by the search backfill. A contact's line names its client, so renaming a client
// re-indexes its contacts.
import { and, asc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { indexForSearch, type SearchDoc } from '../search/search.index';
import { clients, contacts } from './clients.table';

type ClientFields = Pick<typeof clients.$inferSelect, 'id' | 'name' | 'kind' | 'industry' | 'website'>;

const line = (...parts: Array<string | null | undefined>) => parts.filter(Boolean).join(' · ');

export function clientSearchDoc(c: ClientFields): SearchDoc {
  return {
    kind: 'client',
    id: c.id,
    title: c.name,
    subtitle: line(c.kind === 'internal' ? 'Internal client' : 'External client', c.industry),
    body: c.website,
    visibility: 'internal',
    // Its own id: deleting the client removes this document along with everything else of the client.
    clientId: c.id,
  };
}

/** A page of a workspace's clients as documents, in id order (for the backfill). */
export async function clientDocsAfter(db: Db, workspaceId: string, afterId: string | null, limit: number) {
  const rows = await db
    .select()
    .from(clients)
    .where(and(eq(clients.workspaceId, workspaceId), afterId ? gt(clients.id, afterId) : undefined))
    .orderBy(asc(clients.id))
    .limit(limit);
  return rows.map(clientSearchDoc);
}

function contactRows(db: Db, workspaceId: string, where: SQL | undefined) {
  return db
    .select({
      id: contacts.id,
      clientId: contacts.clientId,
      name: contacts.name,
      email: contacts.email,
      role: contacts.role,
      clientName: clients.name,
    })
    .from(contacts)
    .innerJoin(clients, and(eq(clients.workspaceId, workspaceId), eq(clients.id, contacts.clientId)))
    .where(and(eq(contacts.workspaceId, workspaceId), where))
    .orderBy(asc(contacts.id));
}

const toContactDoc = (c: Awaited<ReturnType<typeof contactRows>>[number]): SearchDoc => ({
  kind: 'contact',
  id: c.id,
  title: c.name,
  subtitle: line(c.role ? `${c.role}, ${c.clientName}` : c.clientName, c.email),
  visibility: 'internal',
  clientId: c.clientId,
  parentId: c.clientId,
});

/** Refreshes the document of one contact, or of every contact of a client. */
export async function indexContacts(
  db: Db,
  workspaceId: string,
  scope: { id: string } | { clientId: string },
) {
  const where = 'id' in scope ? eq(contacts.id, scope.id) : eq(contacts.clientId, scope.clientId);
  await indexForSearch(db, workspaceId, (await contactRows(db, workspaceId, where)).map(toContactDoc));
}

/** Refreshes the documents of many contacts at once (bulk writes such as a CSV import). */
export async function indexContactIds(db: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return;
  await indexForSearch(
    db,
    workspaceId,
    (await contactRows(db, workspaceId, inArray(contacts.id, ids))).map(toContactDoc),
  );
}

export async function contactDocsAfter(db: Db, workspaceId: string, afterId: string | null, limit: number) {
  const rows = await contactRows(db, workspaceId, afterId ? gt(contacts.id, afterId) : undefined).limit(
    limit,
  );
  return rows.map(toContactDoc);
}
