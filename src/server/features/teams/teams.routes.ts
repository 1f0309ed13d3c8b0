import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import { id, pageOf } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { team, teamInput, teamListQuery, teamPatch } from './teams.contract';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from './teams.store';

const params = z.object({ workspaceId: z.string(), teamId: id });
const tags = ['Teams'];

export function teamsRoutes(app: FastifyInstance, { db }: AppDeps): void {
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/teams',
      {
        schema: { tags, summary: 'List teams', querystring: teamListQuery, response: { 200: pageOf(team) } },
      },
      async (req) => listTeams(db, member(req).workspaceId, req.query),
    );

    r.post(
      '/teams',
      { schema: { tags, summary: 'Create a team', body: teamInput, response: { 201: team } } },
      async (req, reply) => {
        const m = member(req);
        const created = await audited(db, m, 'team.created', (tx) => createTeam(tx, m.workspaceId, req.body));
        return reply.code(201).send(created);
      },
    );

    r.get(
      '/teams/:teamId',
      { schema: { tags, summary: 'Get a team', params, response: { 200: team } } },
      async (req) => getTeam(db, member(req).workspaceId, req.params.teamId),
    );

    r.patch(
      '/teams/:teamId',
      { schema: { tags, summary: 'Update a team', params, body: teamPatch, response: { 200: team } } },
      async (req) => {
        const m = member(req);
        return audited(db, m, 'team.updated', (tx) =>
          updateTeam(tx, m.workspaceId, req.params.teamId, req.body),
        );
      },
    );

    r.delete(
      '/teams/:teamId',
      { schema: { tags, summary: 'Delete a team', params }, config: { minRole: 'admin' } },
      async (req, reply) => {
        const m = member(req);
        await audited(db, m, 'team.deleted', (tx) => deleteTeam(tx, m.workspaceId, req.params.teamId));
        return reply.code(204).send();
      },
    );
  });
}
