import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { type Member, member } from '../../platform/auth/actor';
import { id, pageOf } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { contact, contactInput, contactListQuery, contactPatch } from './contacts.contract';
import { createContact, deleteContact, getContact, listContacts, updateContact } from './contacts.store';

const clientParams = z.object({ workspaceId: z.string(), clientId: id });
const params = clientParams.extend({ contactId: id });
const tags = ['Contacts'];

/** A client's people, always addressed through their client; mounted by clientsRoutes. */
export function contactsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  const portal = (m: Member) => ({
    publicUrl: config.publicUrl,
    smtp: Boolean(config.smtpUrl),
    now: deps.now(),
    actor: m,
  });
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/clients/:clientId/contacts',
      {
        schema: {
          tags,
          summary: "List a client's contacts",
          params: clientParams,
          querystring: contactListQuery,
          response: { 200: pageOf(contact) },
        },
      },
      async (req) => listContacts(db, member(req).workspaceId, req.params.clientId, req.query),
    );

    r.post(
      '/clients/:clientId/contacts',
      {
        schema: {
          tags,
          summary: 'Add a contact to a client',
          description: 'The email is unique across the workspace (409 on a duplicate).',
          params: clientParams,
          body: contactInput,
          response: { 201: contact },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const created = await audited(db, m, 'contact.created', (tx) =>
          createContact(tx, m.workspaceId, req.params.clientId, req.body, portal(m)),
        );
        deps.mail.kick();
        return reply.code(201).send(created);
      },
    );

    r.get(
      '/clients/:clientId/contacts/:contactId',
      { schema: { tags, summary: 'Get a contact', params, response: { 200: contact } } },
      async (req) => getContact(db, member(req).workspaceId, req.params.clientId, req.params.contactId),
    );

    r.patch(
      '/clients/:clientId/contacts/:contactId',
      {
        schema: {
          tags,
          summary: 'Update a contact',
          description:
            '`{ "portalAccess": true }` gives the contact access to the client portal and emails them a sign-in link; `false` revokes it and ends their portal sessions at once.',
          params,
          body: contactPatch,
          response: { 200: contact },
        },
      },
      async (req) => {
        const m = member(req);
        const updated = await audited(db, m, 'contact.updated', (tx) =>
          updateContact(tx, m.workspaceId, req.params.clientId, req.params.contactId, req.body, portal(m)),
        );
        deps.mail.kick();
        return updated;
      },
    );

    r.delete(
      '/clients/:clientId/contacts/:contactId',
      { schema: { tags, summary: 'Delete a contact', params } },
      async (req, reply) => {
        const m = member(req);
        await audited(db, m, 'contact.deleted', (tx) =>
          deleteContact(tx, m.workspaceId, req.params.clientId, req.params.contactId),
        );
        return reply.code(204).send();
      },
    );
  });
}
