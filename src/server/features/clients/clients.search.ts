// How clients and contacts appear in search: one document each, written by their stores on every write
// and read in bulk by the search backfill. A contact's line names its client, so renaming a client
// re-indexes its contacts.
import { and, asc, eq, gt, type SQL, sql } from 'drizzle-orm';
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

/**
 * Refreshes the documents of many contacts in one statement (bulk writes such as a CSV import): the same
 * document as toContactDoc, built in the database so a 2,000-row batch does not travel there and back.
 */
export async function indexContactIds(db: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return;
  await db.execute(sql`
    INSERT INTO search_documents AS d
      (workspace_id, entity_type, entity_id, title, subtitle, body, visibility, client_id, parent_id, updated_at)
    SELECT c.workspace_id, 'contact', c.id, left(c.name, 2000),
      left(concat_ws(' · ', CASE WHEN coalesce(c.role, '') <> '' THEN c.role || ', ' || k.name ELSE k.name END,
        nullif(c.email, '')), 2000),
      '', 'internal', c.client_id, c.client_id, now()
    FROM contacts c JOIN clients k ON k.workspace_id = c.workspace_id AND k.id = c.client_id
    WHERE c.workspace_id = ${workspaceId} AND c.id = ANY(${`{${ids.join(',')}}`}::uuid[])
    ON CONFLICT (workspace_id, entity_type, entity_id) DO UPDATE SET
      title = excluded.title, subtitle = excluded.subtitle, client_id = excluded.client_id,
      parent_id = excluded.parent_id, updated_at = excluded.updated_at`);
}

export async function contactDocsAfter(db: Db, workspaceId: string, afterId: string | null, limit: number) {
  const rows = await contactRows(db, workspaceId, afterId ? gt(contacts.id, afterId) : undefined).limit(
    limit,
  );
  return rows.map(toContactDoc);
}
