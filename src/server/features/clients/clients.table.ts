import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/auth/auth.table';
import { createdAt, tenantColumns, updatedAt } from '../../platform/columns';

export type ClientKind = 'external' | 'internal';

export const clients = pgTable(
  'clients',
  {
    ...tenantColumns,
    name: text('name').notNull(),
    kind: text('kind').$type<ClientKind>().notNull(),
    industry: text('industry'),
    website: text('website'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    index('clients_name_idx').on(t.workspaceId, t.name, t.id),
    // A client's name by its id from the index alone: reads that name many relationships' clients probe it,
    // where a generic plan chose the name index and read all of a big tenant's clients for each (ADR 006).
    index('clients_id_name_idx').on(t.workspaceId, t.id, t.name),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    ...tenantColumns,
    clientId: uuid('client_id').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    role: text('role'),
    portalAccess: boolean('portal_access').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.clientId],
      foreignColumns: [clients.workspaceId, clients.id],
    }).onDelete('cascade'),
    index('contacts_client_idx').on(t.workspaceId, t.clientId, t.name),
    // One person, one contact per workspace: imports dedupe by email, the portal finds a contact by it.
    uniqueIndex('contacts_email_key').on(t.workspaceId, sql`lower(${t.email})`),
    // A portal sign-in link is asked for by email alone, before anyone knows the workspace.
    index('contacts_portal_email_idx').on(sql`lower(${t.email})`).where(sql`${t.portalAccess}`),
  ],
);
