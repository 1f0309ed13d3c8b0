import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import { id, pageOf } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { listAssessments, recordAssessment } from './assessments.store';
import {
  assessment,
  assessmentInput,
  assessmentListQuery,
  relationship,
  relationshipInput,
  relationshipListQuery,
  relationshipPatch,
} from './relationships.contract';
import { getRelationship, listRelationships } from './relationships.query';
import { createRelationship, deleteRelationship, updateRelationship } from './relationships.store';

const params = z.object({ workspaceId: z.string(), relationshipId: id });
const tags = ['Relationships'];

export function relationshipsRoutes(app: FastifyInstance, { db, now }: AppDeps): void {
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/relationships',
      {
        schema: {
          tags,
          summary: 'List relationships',
          description:
            'Filter by stage, pyramid level, status, team, client, client kind, owner or client name; sort by client, stage, nextCheckInDue or updated. Every sort is keyset-paged.',
          querystring: relationshipListQuery,
          response: { 200: pageOf(relationship) },
        },
      },
      async (req) => listRelationships(db, member(req).workspaceId, req.query),
    );

    r.post(
      '/relationships',
      {
        schema: {
          tags,
          summary: 'Create a relationship',
          description:
            'One team serving one client. Starts transactional at the expectations level unless told otherwise; the start is the first entry of the assessment history.',
          body: relationshipInput,
          response: { 201: relationship },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const created = await audited(db, m, 'relationship.created', (tx) =>
          createRelationship(tx, m.workspaceId, m.userId, req.body, now()),
        );
        return reply.code(201).send(created);
      },
    );

    r.get(
      '/relationships/:relationshipId',
      { schema: { tags, summary: 'Get a relationship', params, response: { 200: relationship } } },
      async (req) => getRelationship(db, member(req).workspaceId, req.params.relationshipId),
    );

    r.patch(
      '/relationships/:relationshipId',
      {
        schema: {
          tags,
          summary: 'Update a relationship',
          description:
            'A change of stage or pyramid level is recorded in the assessment history (with `note` as the reason). Changing cadenceDays or status recomputes nextCheckInDue.',
          params,
          body: relationshipPatch,
          response: { 200: relationship },
        },
      },
      async (req) => {
        const m = member(req);
        return audited(db, m, 'relationship.updated', (tx) =>
          updateRelationship(tx, m.workspaceId, req.params.relationshipId, m.userId, req.body, now()),
        );
      },
    );

    r.delete(
      '/relationships/:relationshipId',
      {
        schema: {
          tags,
          summary: 'Delete a relationship',
          description:
            'Deletes its history and timeline with it. Admins only; consider status "ended" instead.',
          params,
        },
        config: { minRole: 'admin' },
      },
      async (req, reply) => {
        const m = member(req);
        await audited(db, m, 'relationship.deleted', (tx) =>
          deleteRelationship(tx, m.workspaceId, req.params.relationshipId),
        );
        return reply.code(204).send();
      },
    );

    r.get(
      '/relationships/:relationshipId/assessments',
      {
        schema: {
          tags,
          summary: 'List the assessment history',
          description:
            'Every stage and pyramid level the relationship had, with who, when and why; newest first.',
          params,
          querystring: assessmentListQuery,
          response: { 200: pageOf(assessment) },
        },
      },
      async (req) => listAssessments(db, member(req).workspaceId, req.params.relationshipId, req.query),
    );

    r.post(
      '/relationships/:relationshipId/assessments',
      {
        schema: {
          tags,
          summary: 'Record an assessment',
          description: "Sets the relationship's stage and pyramid level and keeps the reason in its history.",
          params,
          body: assessmentInput,
          response: { 201: assessment },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const created = await audited(
          db,
          m,
          'assessment.recorded',
          (tx) => recordAssessment(tx, m.workspaceId, req.params.relationshipId, m.userId, req.body, now()),
          (a) => ({ relationshipId: a.relationshipId, stage: a.stage, pyramidLevel: a.pyramidLevel }),
        );
        return reply.code(201).send(created);
      },
    );
  });
}
