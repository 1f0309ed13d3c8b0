import { and, asc, eq, ilike, or } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { iso } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { afterCursor, decodeCursor, toPage } from '../../platform/pagination';
import { likePattern } from '../../platform/text';
import { type PortalAccessContext, portalAccessChanged } from '../portal/portal-auth.store';
import { removeFromSearch } from '../search/search.index';
import { indexContacts } from './clients.search';
import { assertClientExists } from './clients.store';
import { contacts } from './clients.table';
import type { Contact, ContactInput, ContactListQuery, ContactPatch } from './contacts.contract';

type Row = typeof contacts.$inferSelect;

const toContact = (r: Row): Contact => ({
  id: r.id,
  clientId: r.clientId,
  name: r.name,
  email: r.email,
  role: r.role,
  portalAccess: r.portalAccess,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

/** Revoking still ends sessions when a caller passes no mail context (no invitation is sent then). */
const noMail = (workspaceId: string): PortalAccessContext => ({
  publicUrl: '',
  smtp: false,
  now: new Date(),
  actor: { workspaceId, actorKind: 'system', actorId: null },
});

/** A contact is addressed through its client: both ids must match, or it is not found. */
const scoped = (workspaceId: string, clientId: string, id: string) =>
  and(eq(contacts.workspaceId, workspaceId), eq(contacts.clientId, clientId), eq(contacts.id, id));

/** The unique index on lower(email) speaks for itself; we only name the field for the client. */
async function emailUnique<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } };
    if ((e.cause?.code ?? e.code) === '23505')
      throw new AppError('conflict', 'A contact with this email already exists in this workspace', [
        { path: 'email', message: 'is already a contact in this workspace' },
      ]);
    throw err;
  }
}

export async function listContacts(db: Db, workspaceId: string, clientId: string, query: ContactListQuery) {
  await assertClientExists(db, workspaceId, clientId);
  const after = decodeCursor(query.cursor, 2);
  const rows = await db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.workspaceId, workspaceId),
        eq(contacts.clientId, clientId),
        query.q
          ? or(ilike(contacts.name, likePattern(query.q)), ilike(contacts.email, likePattern(query.q)))
          : undefined,
        after ? afterCursor([contacts.name, contacts.id], after, 'asc') : undefined,
      ),
    )
    .orderBy(asc(contacts.name), asc(contacts.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.name, r.id]);
  return { items: page.items.map(toContact), nextCursor: page.nextCursor };
}

export async function getContact(
  db: Db,
  workspaceId: string,
  clientId: string,
  id: string,
): Promise<Contact> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(scoped(workspaceId, clientId, id))
    .limit(1);
  if (!row) throw AppError.notFound('Contact');
  return toContact(row);
}

export async function createContact(
  db: Db,
  workspaceId: string,
  clientId: string,
  input: ContactInput,
  /** Given by the API: a contact created with portal access gets the invitation email. */
  portal?: PortalAccessContext,
): Promise<Contact> {
  await assertClientExists(db, workspaceId, clientId);
  const [row] = await emailUnique(
    db
      .insert(contacts)
      .values({
        workspaceId,
        id: newId(),
        clientId,
        name: input.name,
        email: input.email,
        role: input.role ?? null,
        portalAccess: input.portalAccess ?? false,
      })
      .returning(),
  );
  await indexContacts(db, workspaceId, { id: row!.id });
  if (portal && row!.portalAccess) await portalAccessChanged(db, workspaceId, row!.id, true, portal);
  return toContact(row!);
}

export async function updateContact(
  db: Db,
  workspaceId: string,
  clientId: string,
  id: string,
  patch: ContactPatch,
  /** Given by the API: granting portal access invites the contact, revoking it ends their sessions. */
  portal?: PortalAccessContext,
): Promise<Contact> {
  const [before] = await db
    .select({ portalAccess: contacts.portalAccess })
    .from(contacts)
    .where(scoped(workspaceId, clientId, id))
    .limit(1)
    .for('update');
  const [row] = await emailUnique(
    db
      .update(contacts)
      .set({ ...patch, updatedAt: new Date() })
      .where(scoped(workspaceId, clientId, id))
      .returning(),
  );
  if (!row) throw AppError.notFound('Contact');
  await indexContacts(db, workspaceId, { id: row.id });
  if (before && before.portalAccess !== row.portalAccess)
    await portalAccessChanged(db, workspaceId, row.id, row.portalAccess, portal ?? noMail(workspaceId));
  return toContact(row);
}

export async function deleteContact(
  db: Db,
  workspaceId: string,
  clientId: string,
  id: string,
): Promise<{ id: string }> {
  const [row] = await db
    .delete(contacts)
    .where(scoped(workspaceId, clientId, id))
    .returning({ id: contacts.id });
  if (!row) throw AppError.notFound('Contact');
  await removeFromSearch(db, workspaceId, 'contact', id);
  return row;
}
