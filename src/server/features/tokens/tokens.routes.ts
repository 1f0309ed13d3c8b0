import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import { id } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { apiToken, apiTokenInput, createdApiToken } from './tokens.contract';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.store';

const tags = ['API tokens'];

export function tokensRoutes(app: FastifyInstance, { db }: AppDeps): void {
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/tokens',
      {
        schema: {
          tags,
          summary: 'List API tokens',
          response: { 200: z.object({ items: z.array(apiToken), nextCursor: z.null() }) },
        },
        config: { minRole: 'admin' },
      },
      async (req) => ({ items: await listApiTokens(db, member(req).workspaceId), nextCursor: null }),
    );

    r.post(
      '/tokens',
      {
        schema: {
          tags,
          summary: 'Create an API token (shown once)',
          body: apiTokenInput,
          response: { 201: createdApiToken },
        },
        config: { minRole: 'admin' },
      },
      async (req, reply) => {
        const m = member(req);
        const created = await audited(
          db,
          m,
          'api_token.created',
          (tx) => createApiToken(tx, m.workspaceId, m.userId, req.body),
          {
            name: req.body.name,
            scope: req.body.scope,
          },
        );
        return reply.code(201).send(created);
      },
    );

    r.delete(
      '/tokens/:tokenId',
      {
        schema: {
          tags,
          summary: 'Revoke an API token',
          params: z.object({ workspaceId: z.string(), tokenId: id }),
        },
        config: { minRole: 'admin' },
      },
      async (req, reply) => {
        const m = member(req);
        await audited(db, m, 'api_token.revoked', (tx) =>
          revokeApiToken(tx, m.workspaceId, req.params.tokenId),
        );
        return reply.code(204).send();
      },
    );
  });
}
