import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import { id, pageOf } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { client, clientInput, clientListQuery, clientPatch } from './clients.contract';
import { createClient, deleteClient, getClient, listClients, updateClient } from './clients.store';
import { contactsRoutes } from './contacts.routes';

const params = z.object({ workspaceId: z.string(), clientId: id });
const tags = ['Clients'];

export function clientsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/clients',
      {
        schema: {
          tags,
          summary: 'List clients',
          description:
            'Ordered by name; filter by kind (external organisation or internal department) and name.',
          querystring: clientListQuery,
          response: { 200: pageOf(client) },
        },
      },
      async (req) => listClients(db, member(req).workspaceId, req.query),
    );

    r.post(
      '/clients',
      { schema: { tags, summary: 'Create a client', body: clientInput, response: { 201: client } } },
      async (req, reply) => {
        const m = member(req);
        const created = await audited(db, m, 'client.created', (tx) =>
          createClient(tx, m.workspaceId, req.body),
        );
        return reply.code(201).send(created);
      },
    );

    r.get(
      '/clients/:clientId',
      { schema: { tags, summary: 'Get a client', params, response: { 200: client } } },
      async (req) => getClient(db, member(req).workspaceId, req.params.clientId),
    );

    r.patch(
      '/clients/:clientId',
      { schema: { tags, summary: 'Update a client', params, body: clientPatch, response: { 200: client } } },
      async (req) => {
        const m = member(req);
        return audited(db, m, 'client.updated', (tx) =>
          updateClient(tx, m.workspaceId, req.params.clientId, req.body),
        );
      },
    );

    r.delete(
      '/clients/:clientId',
      {
        schema: {
          tags,
          summary: 'Delete a client',
          description: 'Deletes its contacts and relationships with it.',
          params,
        },
        config: { minRole: 'admin' },
      },
      async (req, reply) => {
        const m = member(req);
        await audited(db, m, 'client.deleted', (tx) => deleteClient(tx, m.workspaceId, req.params.clientId));
        return reply.code(204).send();
      },
    );
  });
  contactsRoutes(app, deps);
}
