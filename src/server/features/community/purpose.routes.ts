import type { FastifyInstance } from 'fastify';
import { audited } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { purpose, purposeInput } from './purpose.contract';
import { getPurpose, setPurpose } from './purpose.store';

const tags = ['Community'];

export function purposeRoutes(app: FastifyInstance, { db, now }: AppDeps): void {
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/purpose',
      {
        schema: {
          tags,
          summary: "The workspace's purpose statement",
          response: { 200: purpose },
        },
      },
      async (req) => getPurpose(db, member(req).workspaceId),
    );

    r.put(
      '/purpose',
      {
        schema: {
          tags,
          summary: 'Write the purpose statement',
          description: 'It heads the home page and the client portal. Admins and owners; empty clears it.',
          body: purposeInput,
          response: { 200: purpose },
        },
        config: { minRole: 'admin' },
      },
      async (req) => {
        const m = member(req);
        return audited(
          db,
          m,
          'purpose.updated',
          (tx) => setPurpose(tx, m.workspaceId, m.userId, req.body.statement, now()),
          { length: req.body.statement.length },
        );
      },
    );
  });
}
