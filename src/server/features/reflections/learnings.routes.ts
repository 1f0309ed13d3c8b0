import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import { id, pageOf, pageQuery } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import {
  createLearning,
  deleteLearning,
  getLearning,
  listAllLearnings,
  listLearnings,
  updateLearning,
} from './learnings.store';
import {
  learning,
  learningInput,
  learningItem,
  learningListQuery,
  learningPatch,
} from './reflections.contract';

const reflectionParams = z.object({ workspaceId: z.string(), reflectionId: id });
const params = reflectionParams.extend({ learningId: id });
const tags = ['Reflections'];
const base = '/reflections/:reflectionId/learnings';

export function learningsRoutes(app: FastifyInstance, { db }: AppDeps): void {
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/learnings',
      {
        schema: {
          tags,
          summary: 'List learnings across reflections',
          description: 'Newest first, with the reflection each came from; filter by tag or team.',
          querystring: learningListQuery,
          response: { 200: pageOf(learningItem) },
        },
      },
      async (req) => listAllLearnings(db, member(req).workspaceId, req.query),
    );

    r.get(
      base,
      {
        schema: {
          tags,
          summary: "List a reflection's learnings",
          params: reflectionParams,
          querystring: pageQuery,
          response: { 200: pageOf(learning) },
        },
      },
      async (req) => listLearnings(db, member(req).workspaceId, req.params.reflectionId, req.query),
    );

    r.post(
      base,
      {
        schema: {
          tags,
          summary: 'Record a learning',
          params: reflectionParams,
          body: learningInput,
          response: { 201: learning },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const created = await audited(db, m, 'learning.created', (tx) =>
          createLearning(tx, m.workspaceId, req.params.reflectionId, m.userId, req.body),
        );
        return reply.code(201).send(created);
      },
    );

    r.get(
      `${base}/:learningId`,
      { schema: { tags, summary: 'Get a learning', params, response: { 200: learning } } },
      async (req) => getLearning(db, member(req).workspaceId, req.params.reflectionId, req.params.learningId),
    );

    r.patch(
      `${base}/:learningId`,
      {
        schema: {
          tags,
          summary: 'Update a learning',
          params,
          body: learningPatch,
          response: { 200: learning },
        },
      },
      async (req) => {
        const m = member(req);
        return audited(db, m, 'learning.updated', (tx) =>
          updateLearning(tx, m.workspaceId, req.params.reflectionId, req.params.learningId, req.body),
        );
      },
    );

    r.delete(
      `${base}/:learningId`,
      { schema: { tags, summary: 'Delete a learning', params } },
      async (req, reply) => {
        const m = member(req);
        await audited(db, m, 'learning.deleted', (tx) =>
          deleteLearning(tx, m.workspaceId, req.params.reflectionId, req.params.learningId),
        );
        return reply.code(204).send();
      },
    );
  });
}
