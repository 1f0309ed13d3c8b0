import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import { id, pageOf } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { service, serviceInput, serviceListQuery, servicePatch } from './services.contract';
import { createService, deleteService, getService, listServices, updateService } from './services.store';

const params = z.object({ workspaceId: z.string(), serviceId: id });
const tags = ['Services'];

export function servicesRoutes(app: FastifyInstance, { db }: AppDeps): void {
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/services',
      {
        schema: {
          tags,
          summary: 'List services',
          description: 'Ordered by name; filter by team, kind (external or internal) and name.',
          querystring: serviceListQuery,
          response: { 200: pageOf(service) },
        },
      },
      async (req) => listServices(db, member(req).workspaceId, req.query),
    );

    r.post(
      '/services',
      { schema: { tags, summary: 'Create a service', body: serviceInput, response: { 201: service } } },
      async (req, reply) => {
        const m = member(req);
        const created = await audited(db, m, 'service.created', (tx) =>
          createService(tx, m.workspaceId, req.body),
        );
        return reply.code(201).send(created);
      },
    );

    r.get(
      '/services/:serviceId',
      { schema: { tags, summary: 'Get a service', params, response: { 200: service } } },
      async (req) => getService(db, member(req).workspaceId, req.params.serviceId),
    );

    r.patch(
      '/services/:serviceId',
      {
        schema: { tags, summary: 'Update a service', params, body: servicePatch, response: { 200: service } },
      },
      async (req) => {
        const m = member(req);
        return audited(db, m, 'service.updated', (tx) =>
          updateService(tx, m.workspaceId, req.params.serviceId, req.body),
        );
      },
    );

    r.delete(
      '/services/:serviceId',
      { schema: { tags, summary: 'Delete a service', params }, config: { minRole: 'admin' } },
      async (req, reply) => {
        const m = member(req);
        await audited(db, m, 'service.deleted', (tx) =>
          deleteService(tx, m.workspaceId, req.params.serviceId),
        );
        return reply.code(204).send();
      },
    );
  });
}
