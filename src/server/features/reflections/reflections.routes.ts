import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import { id, pageOf, pageQuery } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { listCadences, setCadence } from './cadences.store';
import {
  reflection,
  reflectionCadence,
  reflectionCadenceInput,
  reflectionInput,
  reflectionListQuery,
  reflectionPatch,
} from './reflections.contract';
import {
  createReflection,
  deleteReflection,
  getReflection,
  listReflections,
  updateReflection,
} from './reflections.store';

const params = z.object({ workspaceId: z.string(), reflectionId: id });
const teamParams = z.object({ workspaceId: z.string(), teamId: id });
const tags = ['Reflections'];

export function reflectionsRoutes(app: FastifyInstance, { db, now }: AppDeps): void {
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/reflections',
      {
        schema: {
          tags,
          summary: 'List reflections',
          description: 'Latest first; filter by team, days, or a relationship or experiment discussed.',
          querystring: reflectionListQuery,
          response: { 200: pageOf(reflection) },
        },
      },
      async (req) => listReflections(db, member(req).workspaceId, req.query),
    );

    r.post(
      '/reflections',
      {
        schema: {
          tags,
          summary: 'Record a team reflection',
          description:
            'The four questions: what is actually happening? what is emerging? what works surprisingly well, and why? what proves harder than expected, and what do we need? Answer at least one.',
          body: reflectionInput,
          response: { 201: reflection },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const created = await audited(db, m, 'reflection.created', (tx) =>
          createReflection(tx, m.workspaceId, m.userId, req.body),
        );
        return reply.code(201).send(created);
      },
    );

    r.get(
      '/reflections/:reflectionId',
      { schema: { tags, summary: 'Get a reflection', params, response: { 200: reflection } } },
      async (req) => getReflection(db, member(req).workspaceId, req.params.reflectionId),
    );

    r.patch(
      '/reflections/:reflectionId',
      {
        schema: {
          tags,
          summary: 'Update a reflection',
          description: 'relationshipIds and experimentIds, when given, replace the links.',
          params,
          body: reflectionPatch,
          response: { 200: reflection },
        },
      },
      async (req) => {
        const m = member(req);
        return audited(db, m, 'reflection.updated', (tx) =>
          updateReflection(tx, m.workspaceId, req.params.reflectionId, req.body),
        );
      },
    );

    r.delete(
      '/reflections/:reflectionId',
      {
        schema: { tags, summary: 'Delete a reflection', description: 'Its learnings go with it.', params },
        config: { minRole: 'admin' },
      },
      async (req, reply) => {
        const m = member(req);
        await audited(db, m, 'reflection.deleted', (tx) =>
          deleteReflection(tx, m.workspaceId, req.params.reflectionId),
        );
        return reply.code(204).send();
      },
    );

    r.get(
      '/reflection-cadences',
      {
        schema: {
          tags,
          summary: "List each team's reflection cadence",
          description:
            'How often each team means to reflect, when it last did, when the next is due and how many days overdue it is.',
          querystring: pageQuery,
          response: { 200: pageOf(reflectionCadence) },
        },
      },
      async (req) => listCadences(db, member(req).workspaceId, req.query, now()),
    );

    r.put(
      '/reflection-cadences/:teamId',
      {
        schema: {
          tags,
          summary: "Set a team's reflection cadence",
          params: teamParams,
          body: reflectionCadenceInput,
          response: { 200: reflectionCadence },
        },
      },
      async (req) => {
        const m = member(req);
        return audited(
          db,
          m,
          'reflectionCadence.updated',
          (tx) => setCadence(tx, m.workspaceId, req.params.teamId, req.body.cadenceDays, now()),
          (c) => ({ teamId: c.teamId, cadenceDays: c.cadenceDays }),
        );
      },
    );
  });
}
