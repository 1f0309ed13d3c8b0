import { and, asc, eq, ilike, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/open';
import { iso } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { afterCursor, decodeCursor, toPage } from '../../platform/pagination';
import { likePattern } from '../../platform/text';
import { indexRelationships } from '../relationships/relationships.search';
import { relationships } from '../relationships/relationships.table';
import { indexForSearch } from '../search/search.index';
import type { Client, ClientInput, ClientListQuery, ClientPatch } from './clients.contract';
import { clientSearchDoc, indexContacts } from './clients.search';
import { clients, contacts } from './clients.table';

type Row = typeof clients.$inferSelect;
type Counts = { contactCount: number; relationshipCount: number };

const toClient = (r: Row, counts: Counts): Client => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  industry: r.industry,
  website: r.website,
  contactCount: counts.contactCount,
  relationshipCount: counts.relationshipCount,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

/** `"table"."column"`: drizzle leaves columns unqualified inside a subquery, where they would bind to the inner table. */
const col = (table: PgTable, column: PgColumn) => sql`${table}.${sql.identifier(column.name)}`;

// Counts per row are index-only lookups on (workspace_id, client_id), cheap for a page of ≤ 200.
// Reading the relationships table here is a count, not a write, so it stays in this store.
const countOf = (table: typeof contacts | typeof relationships) =>
  sql<number>`(select count(*)::int from ${table} where ${col(table, table.workspaceId)} = ${col(clients, clients.workspaceId)} and ${col(table, table.clientId)} = ${col(clients, clients.id)})`;
const counts = { contactCount: countOf(contacts), relationshipCount: countOf(relationships) };

const withCounts = (db: Db) => db.select({ client: clients, ...counts }).from(clients);

export async function listClients(db: Db, workspaceId: string, query: ClientListQuery) {
  const after = decodeCursor(query.cursor, 2);
  const rows = await withCounts(db)
    .where(
      and(
        eq(clients.workspaceId, workspaceId),
        query.kind ? eq(clients.kind, query.kind) : undefined,
        query.q ? ilike(clients.name, likePattern(query.q)) : undefined,
        after ? afterCursor([clients.name, clients.id], after, 'asc') : undefined,
      ),
    )
    .orderBy(asc(clients.name), asc(clients.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.client.name, r.client.id]);
  return { items: page.items.map((r) => toClient(r.client, r)), nextCursor: page.nextCursor };
}

export async function getClient(db: Db, workspaceId: string, id: string): Promise<Client> {
  const [row] = await withCounts(db)
    .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, id)))
    .limit(1);
  if (!row) throw AppError.notFound('Client');
  return toClient(row.client, row);
}

/** Throws the client's 404 unless it is in this workspace; for routes nested under a client. */
export async function assertClientExists(db: Db, workspaceId: string, id: string): Promise<void> {
  const [row] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, id)))
    .limit(1);
  if (!row) throw AppError.notFound('Client');
}

export async function createClient(db: Db, workspaceId: string, input: ClientInput): Promise<Client> {
  const [row] = await db
    .insert(clients)
    .values({
      workspaceId,
      id: newId(),
      name: input.name,
      kind: input.kind,
      industry: input.industry ?? null,
      website: input.website ?? null,
    })
    .returning();
  await indexForSearch(db, workspaceId, clientSearchDoc(row!));
  return toClient(row!, { contactCount: 0, relationshipCount: 0 });
}

export async function updateClient(
  db: Db,
  workspaceId: string,
  id: string,
  patch: ClientPatch,
): Promise<Client> {
  const [row] = await db
    .update(clients)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, id)))
    .returning();
  if (!row) throw AppError.notFound('Client');
  await indexForSearch(db, workspaceId, clientSearchDoc(row));
  // Its relationships and contacts are found by the client's name too.
  if (patch.name !== undefined) {
    await indexRelationships(db, workspaceId, { clientId: id });
    await indexContacts(db, workspaceId, { clientId: id });
  }
  return getClient(db, workspaceId, id);
}

/** Its search documents (and its contacts' and relationships') go by the foreign key's cascade. */
export async function deleteClient(db: Db, workspaceId: string, id: string): Promise<{ id: string }> {
  const [row] = await db
    .delete(clients)
    .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, id)))
    .returning({ id: clients.id });
  if (!row) throw AppError.notFound('Client');
  return row;
}
