// "Promote to the library in one click": a reflection's learning or a concluded experiment becomes a
// knowledge item (internal until someone shares it). Promoting the same thing again answers with the item
// it already became, so the button is safe to press twice.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import { id } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { getExperiment } from '../experiments/experiments.store';
import { getLearning } from '../reflections/learnings.store';
import { knowledgeItem } from './knowledge.contract';
import { promoteToKnowledge } from './knowledge.promote';

const learningParams = z.object({ workspaceId: z.string(), reflectionId: id, learningId: id });
const experimentParams = z.object({ workspaceId: z.string(), experimentId: id });
const tags = ['Knowledge'];
const responses = { 200: knowledgeItem, 201: knowledgeItem };
/** Promoting takes no fields; an empty object (or no body) is the request. */
const noFields = z.object({}).optional();

/** The first sentence (or line) of a text, as a title. */
export function titleOf(text: string): string {
  const first = text.trim().split(/\n|(?<=[.!?])\s/)[0] ?? '';
  return first.length > 120 ? `${first.slice(0, 117).trimEnd()}…` : first;
}

export function promoteRoutes(app: FastifyInstance, { db, now }: AppDeps): void {
  registerWorkspaceRoutes(app, db, (r) => {
    r.post(
      '/reflections/:reflectionId/learnings/:learningId/promote',
      {
        schema: {
          tags,
          summary: 'Promote a learning to the knowledge library',
          description:
            '`201` with the new (internal) knowledge item; `200` with the same item when the learning was promoted before.',
          params: learningParams,
          body: noFields,
          response: responses,
        },
      },
      async (req, reply) => {
        const m = member(req);
        const { reflectionId, learningId } = req.params;
        const learning = await getLearning(db, m.workspaceId, reflectionId, learningId);
        const { item, created } = await audited(db, m, 'knowledge.promoted', (tx) =>
          promoteToKnowledge(tx, m.workspaceId, m.userId, now(), {
            title: titleOf(learning.text),
            body: learning.text,
            tags: learning.tags,
            source: { kind: 'learning', id: learning.id },
          }),
        );
        return reply.code(created ? 201 : 200).send(item);
      },
    );

    r.post(
      '/experiments/:experimentId/promote',
      {
        schema: {
          tags,
          summary: 'Promote a concluded experiment’s learnings to the knowledge library',
          description:
            'Only a concluded experiment can be promoted (`409` otherwise). The item holds the hypothesis and what was learned outward and inward; `200` when it was promoted before.',
          params: experimentParams,
          body: noFields,
          response: responses,
        },
      },
      async (req, reply) => {
        const m = member(req);
        const e = await getExperiment(db, m.workspaceId, req.params.experimentId);
        if (e.status !== 'concluded')
          throw new AppError('conflict', 'Only a concluded experiment has learnings to promote', [
            { path: 'status', message: `is ${e.status}, not concluded` },
          ]);
        const body = [
          `_An experiment with ${e.relationship.clientName}, ${e.startsOn} to ${e.endsOn}, by ${e.team.name}._`,
          `## Hypothesis\n\n${e.hypothesis}`,
          e.learningsOutward ? `## What we learned with the client\n\n${e.learningsOutward}` : '',
          e.learningsInward ? `## What we learned about ourselves\n\n${e.learningsInward}` : '',
        ]
          .filter(Boolean)
          .join('\n\n');
        const { item, created } = await audited(db, m, 'knowledge.promoted', (tx) =>
          promoteToKnowledge(tx, m.workspaceId, m.userId, now(), {
            title: e.title,
            body,
            tags: ['experiment'],
            source: { kind: 'experiment', id: e.id },
          }),
        );
        return reply.code(created ? 201 : 200).send(item);
      },
    );
  });
}
