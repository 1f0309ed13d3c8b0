import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import { id, pageOf } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import {
  knowledgeInput,
  knowledgeItem,
  knowledgeListQuery,
  knowledgePatch,
  knowledgeSummary,
  knowledgeTagCount,
} from './knowledge.contract';
import {
  createKnowledge,
  deleteKnowledge,
  getKnowledge,
  listKnowledge,
  listKnowledgeTags,
  updateKnowledge,
} from './knowledge.store';

const params = z.object({ workspaceId: z.string(), knowledgeId: id });
const tags = ['Knowledge'];

export function knowledgeRoutes(app: FastifyInstance, { db, now }: AppDeps): void {
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/knowledge',
      {
        schema: {
          tags,
          summary: 'List the knowledge library',
          description: 'Newest change first; filter by tag, visibility and words in the title or body.',
          querystring: knowledgeListQuery,
          response: { 200: pageOf(knowledgeSummary) },
        },
      },
      async (req) => listKnowledge(db, member(req).workspaceId, req.query),
    );

    r.get(
      '/knowledge/tags',
      {
        schema: {
          tags,
          summary: 'Tags in use in the library',
          description: 'Most used first, at most 200.',
          response: { 200: pageOf(knowledgeTagCount) },
        },
      },
      async (req) => ({ items: await listKnowledgeTags(db, member(req).workspaceId), nextCursor: null }),
    );

    r.post(
      '/knowledge',
      {
        schema: {
          tags,
          summary: 'Add an article to the library',
          body: knowledgeInput,
          response: { 201: knowledgeItem },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const created = await audited(db, m, 'knowledge.created', (tx) =>
          createKnowledge(tx, m.workspaceId, m.userId, req.body, now()),
        );
        return reply.code(201).send(created);
      },
    );

    r.get(
      '/knowledge/:knowledgeId',
      { schema: { tags, summary: 'Get a knowledge item', params, response: { 200: knowledgeItem } } },
      async (req) => getKnowledge(db, member(req).workspaceId, req.params.knowledgeId),
    );

    r.patch(
      '/knowledge/:knowledgeId',
      {
        schema: {
          tags,
          summary: 'Update a knowledge item',
          params,
          body: knowledgePatch,
          response: { 200: knowledgeItem },
        },
      },
      async (req) => {
        const m = member(req);
        return audited(db, m, 'knowledge.updated', (tx) =>
          updateKnowledge(tx, m.workspaceId, req.params.knowledgeId, m.userId, req.body, now()),
        );
      },
    );

    r.delete(
      '/knowledge/:knowledgeId',
      {
        schema: {
          tags,
          summary: 'Delete a knowledge item',
          description: 'Its author or an admin.',
          params,
        },
      },
      async (req, reply) => {
        const m = member(req);
        await audited(db, m, 'knowledge.deleted', (tx) => deleteKnowledge(tx, m, req.params.knowledgeId));
        return reply.code(204).send();
      },
    );
  });
}
