import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { member, roleAtLeast } from '../../platform/auth/actor';
import { id, pageOf } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import {
  touchpoint,
  touchpointInput,
  touchpointListQuery,
  touchpointPatch,
  touchpointSummary,
} from './touchpoints.contract';
import {
  createTouchpoint,
  deleteTouchpoint,
  getTouchpoint,
  listTouchpoints,
  summarizeTouchpoints,
  updateTouchpoint,
} from './touchpoints.store';

const relationshipParams = z.object({ workspaceId: z.string(), relationshipId: id });
const params = relationshipParams.extend({ touchpointId: id });
const tags = ['Touchpoints'];
const base = '/relationships/:relationshipId/touchpoints';

export function touchpointsRoutes(app: FastifyInstance, { db, now }: AppDeps): void {
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      base,
      {
        schema: {
          tags,
          summary: 'List the touchpoint timeline',
          description: 'Newest first by occurredAt; filter by kind, initiatedBy or visibility.',
          params: relationshipParams,
          querystring: touchpointListQuery,
          response: { 200: pageOf(touchpoint) },
        },
      },
      async (req) => listTouchpoints(db, member(req).workspaceId, req.params.relationshipId, req.query),
    );

    r.get(
      `${base}/summary`,
      {
        schema: {
          tags,
          summary: 'Count touchpoints by side and kind',
          description: 'How many touchpoints each side initiated, by kind, and when the latest happened.',
          params: relationshipParams,
          response: { 200: touchpointSummary },
        },
      },
      async (req) => summarizeTouchpoints(db, member(req).workspaceId, req.params.relationshipId),
    );

    r.post(
      base,
      {
        schema: {
          tags,
          summary: 'Log a touchpoint',
          params: relationshipParams,
          body: touchpointInput,
          response: { 201: touchpoint },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const created = await audited(db, m, 'touchpoint.created', (tx) =>
          createTouchpoint(tx, m.workspaceId, req.params.relationshipId, m.userId, req.body, now()),
        );
        return reply.code(201).send(created);
      },
    );

    r.get(
      `${base}/:touchpointId`,
      { schema: { tags, summary: 'Get a touchpoint', params, response: { 200: touchpoint } } },
      async (req) =>
        getTouchpoint(db, member(req).workspaceId, req.params.relationshipId, req.params.touchpointId),
    );

    r.patch(
      `${base}/:touchpointId`,
      {
        schema: {
          tags,
          summary: 'Update a touchpoint',
          params,
          body: touchpointPatch,
          response: { 200: touchpoint },
        },
      },
      async (req) => {
        const m = member(req);
        return audited(db, m, 'touchpoint.updated', (tx) =>
          updateTouchpoint(
            tx,
            m.workspaceId,
            req.params.relationshipId,
            req.params.touchpointId,
            req.body,
            now(),
          ),
        );
      },
    );

    r.delete(
      `${base}/:touchpointId`,
      {
        schema: {
          tags,
          summary: 'Delete a touchpoint',
          description: 'By the member who logged it, or an admin.',
          params,
        },
      },
      async (req, reply) => {
        const m = member(req);
        await audited(db, m, 'touchpoint.deleted', async (tx) => {
          const { relationshipId, touchpointId } = req.params;
          const existing = await getTouchpoint(tx, m.workspaceId, relationshipId, touchpointId);
          if (existing.createdBy?.id !== m.userId && !roleAtLeast(m.role, 'admin'))
            throw new AppError(
              'forbidden',
              'Only the person who logged a touchpoint, or an admin, can delete it',
            );
          return deleteTouchpoint(tx, m.workspaceId, relationshipId, touchpointId);
        });
        return reply.code(204).send();
      },
    );
  });
}
