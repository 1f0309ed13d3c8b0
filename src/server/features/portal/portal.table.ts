import {
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from '../../platform/columns';
import { contacts } from '../clients/clients.table';

/** A magic link emailed to a client contact: single use, short-lived; only its hash is stored. */
export const portalLinks = pgTable(
  'portal_links',
  {
    ...tenantColumns,
    contactId: uuid('contact_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.contactId],
      foreignColumns: [contacts.workspaceId, contacts.id],
    }).onDelete('cascade'),
    uniqueIndex('portal_links_token_key').on(t.workspaceId, t.tokenHash),
    index('portal_links_contact_idx').on(t.workspaceId, t.contactId),
  ],
);

/**
 * A client contact's portal session: separate from members' sessions (own cookie, own table), scoped to
 * one contact of one client of one workspace. Only the hash of the cookie value is stored.
 */
export const portalSessions = pgTable(
  'portal_sessions',
  {
    workspaceId: uuid('workspace_id').notNull(),
    idHash: text('id_hash').notNull(),
    contactId: uuid('contact_id').notNull(),
    clientId: uuid('client_id').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.idHash] }),
    foreignKey({
      columns: [t.workspaceId, t.contactId],
      foreignColumns: [contacts.workspaceId, contacts.id],
    }).onDelete('cascade'),
    index('portal_sessions_contact_idx').on(t.workspaceId, t.contactId),
  ],
);
