import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import { id, pageOf } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { experiment, experimentInput, experimentListQuery, experimentPatch } from './experiments.contract';
import {
  createExperiment,
  deleteExperiment,
  getExperiment,
  listExperiments,
  updateExperiment,
} from './experiments.store';

const params = z.object({ workspaceId: z.string(), experimentId: id });
const tags = ['Experiments'];

export function experimentsRoutes(app: FastifyInstance, { db, now }: AppDeps): void {
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/experiments',
      {
        schema: {
          tags,
          summary: 'List experiments',
          description: 'Latest start first; filter by status, team or relationship. Each carries usedHours.',
          querystring: experimentListQuery,
          response: { 200: pageOf(experiment) },
        },
      },
      async (req) => listExperiments(db, member(req).workspaceId, req.query),
    );

    r.post(
      '/experiments',
      {
        schema: {
          tags,
          summary: 'Plan an experiment',
          description:
            'A small pilot on one relationship with one curious team and protected hours. It starts as planned.',
          body: experimentInput,
          response: { 201: experiment },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const created = await audited(db, m, 'experiment.created', (tx) =>
          createExperiment(tx, m.workspaceId, m.userId, req.body),
        );
        return reply.code(201).send(created);
      },
    );

    r.get(
      '/experiments/:experimentId',
      { schema: { tags, summary: 'Get an experiment', params, response: { 200: experiment } } },
      async (req) => getExperiment(db, member(req).workspaceId, req.params.experimentId),
    );

    r.patch(
      '/experiments/:experimentId',
      {
        schema: {
          tags,
          summary: 'Update an experiment or move its status',
          description:
            'status goes planned → running → concluded | stopped (a planned one may be stopped); any other move is a 409 naming status. Concluding needs learningsOutward or learningsInward.',
          params,
          body: experimentPatch,
          response: { 200: experiment },
        },
      },
      async (req) => {
        const m = member(req);
        return audited(
          db,
          m,
          'experiment.updated',
          (tx) => updateExperiment(tx, m.workspaceId, req.params.experimentId, req.body, now()),
          (e) => (req.body.status ? { status: e.status } : {}),
        );
      },
    );

    r.delete(
      '/experiments/:experimentId',
      { schema: { tags, summary: 'Delete an experiment', params }, config: { minRole: 'admin' } },
      async (req, reply) => {
        const m = member(req);
        await audited(db, m, 'experiment.deleted', (tx) =>
          deleteExperiment(tx, m.workspaceId, req.params.experimentId),
        );
        return reply.code(204).send();
      },
    );
  });
}
